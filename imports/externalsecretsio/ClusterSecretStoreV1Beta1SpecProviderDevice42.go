package externalsecretsio


// Device42 configures this store to sync secrets using the Device42 provider.
type ClusterSecretStoreV1Beta1SpecProviderDevice42 struct {
	// Auth configures how secret-manager authenticates with a Device42 instance.
	Auth *ClusterSecretStoreV1Beta1SpecProviderDevice42Auth `field:"required" json:"auth" yaml:"auth"`
	// URL configures the Device42 instance URL.
	Host *string `field:"required" json:"host" yaml:"host"`
}

