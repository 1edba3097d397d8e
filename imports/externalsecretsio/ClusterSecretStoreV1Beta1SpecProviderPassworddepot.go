package externalsecretsio


// Configures a store to sync secrets with a Password Depot instance.
type ClusterSecretStoreV1Beta1SpecProviderPassworddepot struct {
	// Auth configures how secret-manager authenticates with a Password Depot instance.
	Auth *ClusterSecretStoreV1Beta1SpecProviderPassworddepotAuth `field:"required" json:"auth" yaml:"auth"`
	// Database to use as source.
	Database *string `field:"required" json:"database" yaml:"database"`
	// URL configures the Password Depot instance URL.
	Host *string `field:"required" json:"host" yaml:"host"`
}

