package externalsecretsio


// APIKey is the API token to access SDKMS Applications.
type ClusterSecretStoreV1Beta1SpecProviderFortanixApiKey struct {
	// SecretRef is a reference to a secret containing the SDKMS API Key.
	SecretRef *ClusterSecretStoreV1Beta1SpecProviderFortanixApiKeySecretRef `field:"optional" json:"secretRef" yaml:"secretRef"`
}

