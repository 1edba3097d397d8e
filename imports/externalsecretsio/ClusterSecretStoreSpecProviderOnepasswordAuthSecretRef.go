package externalsecretsio


// OnePasswordAuthSecretRef holds secret references for 1Password credentials.
type ClusterSecretStoreSpecProviderOnepasswordAuthSecretRef struct {
	// The ConnectToken is used for authentication to a 1Password Connect Server.
	ConnectTokenSecretRef *ClusterSecretStoreSpecProviderOnepasswordAuthSecretRefConnectTokenSecretRef `field:"required" json:"connectTokenSecretRef" yaml:"connectTokenSecretRef"`
}

