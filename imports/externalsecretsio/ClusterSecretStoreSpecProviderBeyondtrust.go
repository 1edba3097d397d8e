package externalsecretsio


// Beyondtrust configures this store to sync secrets using Password Safe provider.
type ClusterSecretStoreSpecProviderBeyondtrust struct {
	// Auth configures how the operator authenticates with Beyondtrust.
	Auth *ClusterSecretStoreSpecProviderBeyondtrustAuth `field:"required" json:"auth" yaml:"auth"`
	// Auth configures how API server works.
	Server *ClusterSecretStoreSpecProviderBeyondtrustServer `field:"required" json:"server" yaml:"server"`
}

