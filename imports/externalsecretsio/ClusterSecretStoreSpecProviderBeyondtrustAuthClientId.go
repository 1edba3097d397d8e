package externalsecretsio


// ClientID is the API OAuth Client ID.
type ClusterSecretStoreSpecProviderBeyondtrustAuthClientId struct {
	// SecretRef references a key in a secret that will be used as value.
	SecretRef *ClusterSecretStoreSpecProviderBeyondtrustAuthClientIdSecretRef `field:"optional" json:"secretRef" yaml:"secretRef"`
	// Value can be specified directly to set a value without using a secret.
	Value *string `field:"optional" json:"value" yaml:"value"`
}

