package externalsecretsio


// Defines authentication settings for connecting to Conjur.
type ClusterSecretStoreSpecProviderConjurAuth struct {
	// Authenticates with Conjur using an API key.
	Apikey *ClusterSecretStoreSpecProviderConjurAuthApikey `field:"optional" json:"apikey" yaml:"apikey"`
	// Jwt enables JWT authentication using Kubernetes service account tokens.
	Jwt *ClusterSecretStoreSpecProviderConjurAuthJwt `field:"optional" json:"jwt" yaml:"jwt"`
}

