package externalsecretsio


// Auth configures how secret-manager authenticates with the IBM secrets manager.
type ClusterSecretStoreSpecProviderIbmAuth struct {
	// IBM Container-based auth with IAM Trusted Profile.
	ContainerAuth *ClusterSecretStoreSpecProviderIbmAuthContainerAuth `field:"optional" json:"containerAuth" yaml:"containerAuth"`
	SecretRef *ClusterSecretStoreSpecProviderIbmAuthSecretRef `field:"optional" json:"secretRef" yaml:"secretRef"`
}

