package externalsecretsio


type ClusterSecretStoreSpecProviderIbmAuthSecretRef struct {
	// The SecretAccessKey is used for authentication.
	SecretApiKeySecretRef *ClusterSecretStoreSpecProviderIbmAuthSecretRefSecretApiKeySecretRef `field:"optional" json:"secretApiKeySecretRef" yaml:"secretApiKeySecretRef"`
}

