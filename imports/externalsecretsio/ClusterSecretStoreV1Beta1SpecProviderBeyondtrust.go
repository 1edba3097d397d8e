package externalsecretsio


// Beyondtrust configures this store to sync secrets using Password Safe provider.
type ClusterSecretStoreV1Beta1SpecProviderBeyondtrust struct {
	// Auth configures how the operator authenticates with Beyondtrust.
	Auth *ClusterSecretStoreV1Beta1SpecProviderBeyondtrustAuth `field:"required" json:"auth" yaml:"auth"`
	// Auth configures how API server works.
	Server *ClusterSecretStoreV1Beta1SpecProviderBeyondtrustServer `field:"required" json:"server" yaml:"server"`
}

