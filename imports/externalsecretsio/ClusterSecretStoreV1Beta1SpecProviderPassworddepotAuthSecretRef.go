package externalsecretsio


type ClusterSecretStoreV1Beta1SpecProviderPassworddepotAuthSecretRef struct {
	// Username / Password is used for authentication.
	Credentials *ClusterSecretStoreV1Beta1SpecProviderPassworddepotAuthSecretRefCredentials `field:"optional" json:"credentials" yaml:"credentials"`
}

