package externalsecretsio


// ClientID is the non-secret part of the credential.
type ClusterSecretStoreSpecProviderDelineaClientId struct {
	// SecretRef references a key in a secret that will be used as value.
	SecretRef *ClusterSecretStoreSpecProviderDelineaClientIdSecretRef `field:"optional" json:"secretRef" yaml:"secretRef"`
	// Value can be specified directly to set a value without using a secret.
	Value *string `field:"optional" json:"value" yaml:"value"`
}

