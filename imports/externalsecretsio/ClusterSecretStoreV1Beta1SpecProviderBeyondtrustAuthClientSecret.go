package externalsecretsio


// ClientSecret is the API OAuth Client Secret.
type ClusterSecretStoreV1Beta1SpecProviderBeyondtrustAuthClientSecret struct {
	// SecretRef references a key in a secret that will be used as value.
	SecretRef *ClusterSecretStoreV1Beta1SpecProviderBeyondtrustAuthClientSecretSecretRef `field:"optional" json:"secretRef" yaml:"secretRef"`
	// Value can be specified directly to set a value without using a secret.
	Value *string `field:"optional" json:"value" yaml:"value"`
}

