package externalsecretsio


// ClientSecret is the secret part of the credential.
type ClusterSecretStoreV1Beta1SpecProviderDelineaClientSecret struct {
	// SecretRef references a key in a secret that will be used as value.
	SecretRef *ClusterSecretStoreV1Beta1SpecProviderDelineaClientSecretSecretRef `field:"optional" json:"secretRef" yaml:"secretRef"`
	// Value can be specified directly to set a value without using a secret.
	Value *string `field:"optional" json:"value" yaml:"value"`
}

