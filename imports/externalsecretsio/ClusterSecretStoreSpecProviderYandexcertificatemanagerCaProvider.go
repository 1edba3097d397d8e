package externalsecretsio


// The provider for the CA bundle to use to validate Yandex.Cloud server certificate.
type ClusterSecretStoreSpecProviderYandexcertificatemanagerCaProvider struct {
	// A reference to a specific 'key' within a Secret resource.
	//
	// In some instances, `key` is a required field.
	CertSecretRef *ClusterSecretStoreSpecProviderYandexcertificatemanagerCaProviderCertSecretRef `field:"optional" json:"certSecretRef" yaml:"certSecretRef"`
}

