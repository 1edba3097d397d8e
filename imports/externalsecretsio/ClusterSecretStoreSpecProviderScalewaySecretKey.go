package externalsecretsio


// SecretKey is the non-secret part of the api key.
type ClusterSecretStoreSpecProviderScalewaySecretKey struct {
	// SecretRef references a key in a secret that will be used as value.
	SecretRef *ClusterSecretStoreSpecProviderScalewaySecretKeySecretRef `field:"optional" json:"secretRef" yaml:"secretRef"`
	// Value can be specified directly to set a value without using a secret.
	Value *string `field:"optional" json:"value" yaml:"value"`
}

