package externalsecretsio


// PreviderAuth contains a secretRef for credentials.
type ClusterSecretStoreV1Beta1SpecProviderPreviderAuth struct {
	// PreviderAuthSecretRef holds secret references for Previder Vault credentials.
	SecretRef *ClusterSecretStoreV1Beta1SpecProviderPreviderAuthSecretRef `field:"optional" json:"secretRef" yaml:"secretRef"`
}

