package externalsecretsio


// Auth configures how secret-manager authenticates with a Password Depot instance.
type ClusterSecretStoreSpecProviderPassworddepotAuth struct {
	SecretRef *ClusterSecretStoreSpecProviderPassworddepotAuthSecretRef `field:"required" json:"secretRef" yaml:"secretRef"`
}

