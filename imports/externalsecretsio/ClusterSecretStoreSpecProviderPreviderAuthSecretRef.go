package externalsecretsio


// PreviderAuthSecretRef holds secret references for Previder Vault credentials.
type ClusterSecretStoreSpecProviderPreviderAuthSecretRef struct {
	// The AccessToken is used for authentication.
	AccessToken *ClusterSecretStoreSpecProviderPreviderAuthSecretRefAccessToken `field:"required" json:"accessToken" yaml:"accessToken"`
}

