package externalsecretsio


// Auth configures how secret-manager authenticates with a Device42 instance.
type ClusterSecretStoreSpecProviderDevice42Auth struct {
	SecretRef *ClusterSecretStoreSpecProviderDevice42AuthSecretRef `field:"required" json:"secretRef" yaml:"secretRef"`
}

