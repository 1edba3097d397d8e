package externalsecretsio


// ChefAuthSecretRef holds secret references for chef server login credentials.
type ClusterSecretStoreSpecProviderChefAuthSecretRef struct {
	// SecretKey is the Signing Key in PEM format, used for authentication.
	PrivateKeySecretRef *ClusterSecretStoreSpecProviderChefAuthSecretRefPrivateKeySecretRef `field:"required" json:"privateKeySecretRef" yaml:"privateKeySecretRef"`
}

