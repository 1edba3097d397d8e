package externalsecretsio


// Specify a service account with IRSA enabled.
type ClusterSecretStoreV1Beta1SpecProviderVaultAuthIamJwt struct {
	// A reference to a ServiceAccount resource.
	ServiceAccountRef *ClusterSecretStoreV1Beta1SpecProviderVaultAuthIamJwtServiceAccountRef `field:"optional" json:"serviceAccountRef" yaml:"serviceAccountRef"`
}

