package externalsecretsio


// Auth configures how the operator authenticates with Beyondtrust.
type ClusterSecretStoreSpecProviderBeyondtrustAuth struct {
	// APIKey If not provided then ClientID/ClientSecret become required.
	ApiKey *ClusterSecretStoreSpecProviderBeyondtrustAuthApiKey `field:"optional" json:"apiKey" yaml:"apiKey"`
	// Certificate (cert.pem) for use when authenticating with an OAuth client Id using a Client Certificate.
	Certificate *ClusterSecretStoreSpecProviderBeyondtrustAuthCertificate `field:"optional" json:"certificate" yaml:"certificate"`
	// Certificate private key (key.pem). For use when authenticating with an OAuth client Id.
	CertificateKey *ClusterSecretStoreSpecProviderBeyondtrustAuthCertificateKey `field:"optional" json:"certificateKey" yaml:"certificateKey"`
	// ClientID is the API OAuth Client ID.
	ClientId *ClusterSecretStoreSpecProviderBeyondtrustAuthClientId `field:"optional" json:"clientId" yaml:"clientId"`
	// ClientSecret is the API OAuth Client Secret.
	ClientSecret *ClusterSecretStoreSpecProviderBeyondtrustAuthClientSecret `field:"optional" json:"clientSecret" yaml:"clientSecret"`
}

