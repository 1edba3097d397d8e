package externalsecretsio


// Defines authentication settings for connecting to Conjur.
type ClusterSecretStoreV1Beta1SpecProviderConjurAuth struct {
	// Authenticates with Conjur using an API key.
	Apikey *ClusterSecretStoreV1Beta1SpecProviderConjurAuthApikey `field:"optional" json:"apikey" yaml:"apikey"`
	// Jwt enables JWT authentication using Kubernetes service account tokens.
	Jwt *ClusterSecretStoreV1Beta1SpecProviderConjurAuthJwt `field:"optional" json:"jwt" yaml:"jwt"`
}

