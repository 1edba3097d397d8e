package externalsecretsio


// ClientID is the API OAuth Client ID.
type ClusterSecretStoreV1Beta1SpecProviderBeyondtrustAuthClientId struct {
	// SecretRef references a key in a secret that will be used as value.
	SecretRef *ClusterSecretStoreV1Beta1SpecProviderBeyondtrustAuthClientIdSecretRef `field:"optional" json:"secretRef" yaml:"secretRef"`
	// Value can be specified directly to set a value without using a secret.
	Value *string `field:"optional" json:"value" yaml:"value"`
}

