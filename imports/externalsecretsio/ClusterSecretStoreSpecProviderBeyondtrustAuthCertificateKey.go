package externalsecretsio


// Certificate private key (key.pem). For use when authenticating with an OAuth client Id.
type ClusterSecretStoreSpecProviderBeyondtrustAuthCertificateKey struct {
	// SecretRef references a key in a secret that will be used as value.
	SecretRef *ClusterSecretStoreSpecProviderBeyondtrustAuthCertificateKeySecretRef `field:"optional" json:"secretRef" yaml:"secretRef"`
	// Value can be specified directly to set a value without using a secret.
	Value *string `field:"optional" json:"value" yaml:"value"`
}

