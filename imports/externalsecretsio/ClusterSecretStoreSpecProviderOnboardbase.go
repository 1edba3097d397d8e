package externalsecretsio


// Onboardbase configures this store to sync secrets using the Onboardbase provider.
type ClusterSecretStoreSpecProviderOnboardbase struct {
	// APIHost use this to configure the host url for the API for selfhosted installation, default is https://public.onboardbase.com/api/v1/.
	ApiHost *string `field:"required" json:"apiHost" yaml:"apiHost"`
	// Auth configures how the Operator authenticates with the Onboardbase API.
	Auth *ClusterSecretStoreSpecProviderOnboardbaseAuth `field:"required" json:"auth" yaml:"auth"`
	// Environment is the name of an environmnent within a project to pull the secrets from.
	Environment *string `field:"required" json:"environment" yaml:"environment"`
	// Project is an onboardbase project that the secrets should be pulled from.
	Project *string `field:"required" json:"project" yaml:"project"`
}

