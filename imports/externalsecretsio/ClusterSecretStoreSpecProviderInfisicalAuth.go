package externalsecretsio


// Auth configures how the Operator authenticates with the Infisical API.
type ClusterSecretStoreSpecProviderInfisicalAuth struct {
	UniversalAuthCredentials *ClusterSecretStoreSpecProviderInfisicalAuthUniversalAuthCredentials `field:"optional" json:"universalAuthCredentials" yaml:"universalAuthCredentials"`
}

