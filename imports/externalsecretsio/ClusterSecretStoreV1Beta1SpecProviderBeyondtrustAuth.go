package externalsecretsio


// Auth configures how the operator authenticates with Beyondtrust.
type ClusterSecretStoreV1Beta1SpecProviderBeyondtrustAuth struct {
	// APIKey If not provided then ClientID/ClientSecret become required.
	ApiKey *ClusterSecretStoreV1Beta1SpecProviderBeyondtrustAuthApiKey `field:"optional" json:"apiKey" yaml:"apiKey"`
	// Certificate (cert.pem) for use when authenticating with an OAuth client Id using a Client Certificate.
	Certificate *ClusterSecretStoreV1Beta1SpecProviderBeyondtrustAuthCertificate `field:"optional" json:"certificate" yaml:"certificate"`
	// Certificate private key (key.pem). For use when authenticating with an OAuth client Id.
	CertificateKey *ClusterSecretStoreV1Beta1SpecProviderBeyondtrustAuthCertificateKey `field:"optional" json:"certificateKey" yaml:"certificateKey"`
	// ClientID is the API OAuth Client ID.
	ClientId *ClusterSecretStoreV1Beta1SpecProviderBeyondtrustAuthClientId `field:"optional" json:"clientId" yaml:"clientId"`
	// ClientSecret is the API OAuth Client Secret.
	ClientSecret *ClusterSecretStoreV1Beta1SpecProviderBeyondtrustAuthClientSecret `field:"optional" json:"clientSecret" yaml:"clientSecret"`
}

