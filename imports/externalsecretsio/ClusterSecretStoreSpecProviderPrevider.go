package externalsecretsio


// Previder configures this store to sync secrets using the Previder provider.
type ClusterSecretStoreSpecProviderPrevider struct {
	// PreviderAuth contains a secretRef for credentials.
	Auth *ClusterSecretStoreSpecProviderPreviderAuth `field:"required" json:"auth" yaml:"auth"`
	BaseUri *string `field:"optional" json:"baseUri" yaml:"baseUri"`
}

