package externalsecretsio


// Auth configures how secret-manager authenticates with a Device42 instance.
type ClusterSecretStoreV1Beta1SpecProviderDevice42Auth struct {
	SecretRef *ClusterSecretStoreV1Beta1SpecProviderDevice42AuthSecretRef `field:"required" json:"secretRef" yaml:"secretRef"`
}

