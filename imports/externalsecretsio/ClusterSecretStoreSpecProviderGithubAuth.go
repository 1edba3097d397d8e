package externalsecretsio


// auth configures how secret-manager authenticates with a Github instance.
type ClusterSecretStoreSpecProviderGithubAuth struct {
	// A reference to a specific 'key' within a Secret resource.
	//
	// In some instances, `key` is a required field.
	PrivateKey *ClusterSecretStoreSpecProviderGithubAuthPrivateKey `field:"required" json:"privateKey" yaml:"privateKey"`
}

