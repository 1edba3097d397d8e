package externalsecretsio


// PreviderAuth contains a secretRef for credentials.
type ClusterSecretStoreSpecProviderPreviderAuth struct {
	// PreviderAuthSecretRef holds secret references for Previder Vault credentials.
	SecretRef *ClusterSecretStoreSpecProviderPreviderAuthSecretRef `field:"optional" json:"secretRef" yaml:"secretRef"`
}

