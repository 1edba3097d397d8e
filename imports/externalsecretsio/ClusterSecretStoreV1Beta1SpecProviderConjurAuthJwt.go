package externalsecretsio


// Jwt enables JWT authentication using Kubernetes service account tokens.
type ClusterSecretStoreV1Beta1SpecProviderConjurAuthJwt struct {
	// Account is the Conjur organization account name.
	Account *string `field:"required" json:"account" yaml:"account"`
	// The conjur authn jwt webservice id.
	ServiceId *string `field:"required" json:"serviceId" yaml:"serviceId"`
	// Optional HostID for JWT authentication.
	//
	// This may be used depending
	// on how the Conjur JWT authenticator policy is configured.
	HostId *string `field:"optional" json:"hostId" yaml:"hostId"`
	// Optional SecretRef that refers to a key in a Secret resource containing JWT token to authenticate with Conjur using the JWT authentication method.
	SecretRef *ClusterSecretStoreV1Beta1SpecProviderConjurAuthJwtSecretRef `field:"optional" json:"secretRef" yaml:"secretRef"`
	// Optional ServiceAccountRef specifies the Kubernetes service account for which to request a token for with the `TokenRequest` API.
	ServiceAccountRef *ClusterSecretStoreV1Beta1SpecProviderConjurAuthJwtServiceAccountRef `field:"optional" json:"serviceAccountRef" yaml:"serviceAccountRef"`
}

