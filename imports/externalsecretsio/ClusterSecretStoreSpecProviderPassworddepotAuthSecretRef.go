package externalsecretsio


type ClusterSecretStoreSpecProviderPassworddepotAuthSecretRef struct {
	// Username / Password is used for authentication.
	Credentials *ClusterSecretStoreSpecProviderPassworddepotAuthSecretRefCredentials `field:"optional" json:"credentials" yaml:"credentials"`
}

