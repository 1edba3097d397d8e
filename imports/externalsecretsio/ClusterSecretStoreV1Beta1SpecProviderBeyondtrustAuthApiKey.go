package externalsecretsio


// APIKey If not provided then ClientID/ClientSecret become required.
type ClusterSecretStoreV1Beta1SpecProviderBeyondtrustAuthApiKey struct {
	// SecretRef references a key in a secret that will be used as value.
	SecretRef *ClusterSecretStoreV1Beta1SpecProviderBeyondtrustAuthApiKeySecretRef `field:"optional" json:"secretRef" yaml:"secretRef"`
	// Value can be specified directly to set a value without using a secret.
	Value *string `field:"optional" json:"value" yaml:"value"`
}

