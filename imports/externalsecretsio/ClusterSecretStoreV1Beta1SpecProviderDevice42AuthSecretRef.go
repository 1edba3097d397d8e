package externalsecretsio


type ClusterSecretStoreV1Beta1SpecProviderDevice42AuthSecretRef struct {
	// Username / Password is used for authentication.
	Credentials *ClusterSecretStoreV1Beta1SpecProviderDevice42AuthSecretRefCredentials `field:"optional" json:"credentials" yaml:"credentials"`
}

