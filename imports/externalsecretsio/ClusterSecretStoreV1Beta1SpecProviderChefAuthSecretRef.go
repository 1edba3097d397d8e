package externalsecretsio


// ChefAuthSecretRef holds secret references for chef server login credentials.
type ClusterSecretStoreV1Beta1SpecProviderChefAuthSecretRef struct {
	// SecretKey is the Signing Key in PEM format, used for authentication.
	PrivateKeySecretRef *ClusterSecretStoreV1Beta1SpecProviderChefAuthSecretRefPrivateKeySecretRef `field:"required" json:"privateKeySecretRef" yaml:"privateKeySecretRef"`
}

