package externalsecretsio


// AccessToken is the access tokens to sign in to the Pulumi Cloud Console.
type ClusterSecretStoreSpecProviderPulumiAccessToken struct {
	// SecretRef is a reference to a secret containing the Pulumi API token.
	SecretRef *ClusterSecretStoreSpecProviderPulumiAccessTokenSecretRef `field:"optional" json:"secretRef" yaml:"secretRef"`
}

