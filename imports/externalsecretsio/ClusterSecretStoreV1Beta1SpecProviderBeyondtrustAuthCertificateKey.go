package externalsecretsio


// Certificate private key (key.pem). For use when authenticating with an OAuth client Id.
type ClusterSecretStoreV1Beta1SpecProviderBeyondtrustAuthCertificateKey struct {
	// SecretRef references a key in a secret that will be used as value.
	SecretRef *ClusterSecretStoreV1Beta1SpecProviderBeyondtrustAuthCertificateKeySecretRef `field:"optional" json:"secretRef" yaml:"secretRef"`
	// Value can be specified directly to set a value without using a secret.
	Value *string `field:"optional" json:"value" yaml:"value"`
}

