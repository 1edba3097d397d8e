package externalsecretsio


// AlibabaAuth contains a secretRef for credentials.
type ClusterSecretStoreV1Beta1SpecProviderAlibabaAuth struct {
	// Authenticate against Alibaba using RRSA.
	Rrsa *ClusterSecretStoreV1Beta1SpecProviderAlibabaAuthRrsa `field:"optional" json:"rrsa" yaml:"rrsa"`
	// AlibabaAuthSecretRef holds secret references for Alibaba credentials.
	SecretRef *ClusterSecretStoreV1Beta1SpecProviderAlibabaAuthSecretRef `field:"optional" json:"secretRef" yaml:"secretRef"`
}

