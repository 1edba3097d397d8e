package externalsecretsio


// Auth defines the information necessary to authenticate against OnePassword Connect Server.
type ClusterSecretStoreSpecProviderOnepasswordAuth struct {
	// OnePasswordAuthSecretRef holds secret references for 1Password credentials.
	SecretRef *ClusterSecretStoreSpecProviderOnepasswordAuthSecretRef `field:"required" json:"secretRef" yaml:"secretRef"`
}

