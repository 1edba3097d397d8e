package externalsecretsio


// Certificate (cert.pem) for use when authenticating with an OAuth client Id using a Client Certificate.
type ClusterSecretStoreSpecProviderBeyondtrustAuthCertificate struct {
	// SecretRef references a key in a secret that will be used as value.
	SecretRef *ClusterSecretStoreSpecProviderBeyondtrustAuthCertificateSecretRef `field:"optional" json:"secretRef" yaml:"secretRef"`
	// Value can be specified directly to set a value without using a secret.
	Value *string `field:"optional" json:"value" yaml:"value"`
}

