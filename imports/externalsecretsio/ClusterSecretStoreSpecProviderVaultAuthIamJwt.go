package externalsecretsio


// Specify a service account with IRSA enabled.
type ClusterSecretStoreSpecProviderVaultAuthIamJwt struct {
	// A reference to a ServiceAccount resource.
	ServiceAccountRef *ClusterSecretStoreSpecProviderVaultAuthIamJwtServiceAccountRef `field:"optional" json:"serviceAccountRef" yaml:"serviceAccountRef"`
}

