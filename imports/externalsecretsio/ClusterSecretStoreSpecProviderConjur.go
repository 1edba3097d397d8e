package externalsecretsio


// Conjur configures this store to sync secrets using conjur provider.
type ClusterSecretStoreSpecProviderConjur struct {
	// Defines authentication settings for connecting to Conjur.
	Auth *ClusterSecretStoreSpecProviderConjurAuth `field:"required" json:"auth" yaml:"auth"`
	// URL is the endpoint of the Conjur instance.
	Url *string `field:"required" json:"url" yaml:"url"`
	// CABundle is a PEM encoded CA bundle that will be used to validate the Conjur server certificate.
	CaBundle *string `field:"optional" json:"caBundle" yaml:"caBundle"`
	// Used to provide custom certificate authority (CA) certificates for a secret store.
	//
	// The CAProvider points to a Secret or ConfigMap resource
	// that contains a PEM-encoded certificate.
	CaProvider *ClusterSecretStoreSpecProviderConjurCaProvider `field:"optional" json:"caProvider" yaml:"caProvider"`
}

