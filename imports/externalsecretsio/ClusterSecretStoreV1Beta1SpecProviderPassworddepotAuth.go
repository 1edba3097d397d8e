package externalsecretsio


// Auth configures how secret-manager authenticates with a Password Depot instance.
type ClusterSecretStoreV1Beta1SpecProviderPassworddepotAuth struct {
	SecretRef *ClusterSecretStoreV1Beta1SpecProviderPassworddepotAuthSecretRef `field:"required" json:"secretRef" yaml:"secretRef"`
}

