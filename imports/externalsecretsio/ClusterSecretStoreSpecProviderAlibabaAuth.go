package externalsecretsio


// AlibabaAuth contains a secretRef for credentials.
type ClusterSecretStoreSpecProviderAlibabaAuth struct {
	// Authenticate against Alibaba using RRSA.
	Rrsa *ClusterSecretStoreSpecProviderAlibabaAuthRrsa `field:"optional" json:"rrsa" yaml:"rrsa"`
	// AlibabaAuthSecretRef holds secret references for Alibaba credentials.
	SecretRef *ClusterSecretStoreSpecProviderAlibabaAuthSecretRef `field:"optional" json:"secretRef" yaml:"secretRef"`
}

