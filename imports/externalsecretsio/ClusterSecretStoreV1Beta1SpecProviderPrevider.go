package externalsecretsio


// Previder configures this store to sync secrets using the Previder provider.
type ClusterSecretStoreV1Beta1SpecProviderPrevider struct {
	// PreviderAuth contains a secretRef for credentials.
	Auth *ClusterSecretStoreV1Beta1SpecProviderPreviderAuth `field:"required" json:"auth" yaml:"auth"`
	BaseUri *string `field:"optional" json:"baseUri" yaml:"baseUri"`
}

