package externalsecretsio


// AccessToken is the access tokens to sign in to the Pulumi Cloud Console.
type ClusterSecretStoreV1Beta1SpecProviderPulumiAccessToken struct {
	// SecretRef is a reference to a secret containing the Pulumi API token.
	SecretRef *ClusterSecretStoreV1Beta1SpecProviderPulumiAccessTokenSecretRef `field:"optional" json:"secretRef" yaml:"secretRef"`
}

