package externalsecretsio


// APIKey is the API token to access SDKMS Applications.
type ClusterSecretStoreSpecProviderFortanixApiKey struct {
	// SecretRef is a reference to a secret containing the SDKMS API Key.
	SecretRef *ClusterSecretStoreSpecProviderFortanixApiKeySecretRef `field:"optional" json:"secretRef" yaml:"secretRef"`
}

