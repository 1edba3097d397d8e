package externalsecretsio


type ClusterSecretStoreV1Beta1SpecProviderGitlabAuthSecretRef struct {
	// AccessToken is used for authentication.
	AccessToken *ClusterSecretStoreV1Beta1SpecProviderGitlabAuthSecretRefAccessToken `field:"optional" json:"accessToken" yaml:"accessToken"`
}

