package externalsecretsio


// Infisical configures this store to sync secrets using the Infisical provider.
type ClusterSecretStoreSpecProviderInfisical struct {
	// Auth configures how the Operator authenticates with the Infisical API.
	Auth *ClusterSecretStoreSpecProviderInfisicalAuth `field:"required" json:"auth" yaml:"auth"`
	// SecretsScope defines the scope of the secrets within the workspace.
	SecretsScope *ClusterSecretStoreSpecProviderInfisicalSecretsScope `field:"required" json:"secretsScope" yaml:"secretsScope"`
	// HostAPI specifies the base URL of the Infisical API.
	//
	// If not provided, it defaults to "https://app.infisical.com/api".
	HostApi *string `field:"optional" json:"hostApi" yaml:"hostApi"`
}

