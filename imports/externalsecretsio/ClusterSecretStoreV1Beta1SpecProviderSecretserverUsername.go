package externalsecretsio


// Username is the secret server account username.
type ClusterSecretStoreV1Beta1SpecProviderSecretserverUsername struct {
	// SecretRef references a key in a secret that will be used as value.
	SecretRef *ClusterSecretStoreV1Beta1SpecProviderSecretserverUsernameSecretRef `field:"optional" json:"secretRef" yaml:"secretRef"`
	// Value can be specified directly to set a value without using a secret.
	Value *string `field:"optional" json:"value" yaml:"value"`
}

