package externalsecretsio


// Auth configures how the Operator authenticates with the Doppler API.
type ClusterSecretStoreSpecProviderDopplerAuth struct {
	SecretRef *ClusterSecretStoreSpecProviderDopplerAuthSecretRef `field:"required" json:"secretRef" yaml:"secretRef"`
}

