package externalsecretsio


type ClusterSecretStoreSpecProviderDevice42AuthSecretRef struct {
	// Username / Password is used for authentication.
	Credentials *ClusterSecretStoreSpecProviderDevice42AuthSecretRefCredentials `field:"optional" json:"credentials" yaml:"credentials"`
}

