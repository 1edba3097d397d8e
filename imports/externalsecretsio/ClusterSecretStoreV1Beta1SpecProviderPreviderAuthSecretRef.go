package externalsecretsio


// PreviderAuthSecretRef holds secret references for Previder Vault credentials.
type ClusterSecretStoreV1Beta1SpecProviderPreviderAuthSecretRef struct {
	// The AccessToken is used for authentication.
	AccessToken *ClusterSecretStoreV1Beta1SpecProviderPreviderAuthSecretRefAccessToken `field:"required" json:"accessToken" yaml:"accessToken"`
}

