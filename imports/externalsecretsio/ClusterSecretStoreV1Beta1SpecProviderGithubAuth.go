package externalsecretsio


// auth configures how secret-manager authenticates with a Github instance.
type ClusterSecretStoreV1Beta1SpecProviderGithubAuth struct {
	// A reference to a specific 'key' within a Secret resource.
	//
	// In some instances, `key` is a required field.
	PrivateKey *ClusterSecretStoreV1Beta1SpecProviderGithubAuthPrivateKey `field:"required" json:"privateKey" yaml:"privateKey"`
}

