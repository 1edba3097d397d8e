package externalsecretsio


// Auth configures how secret-manager authenticates with a bitwarden machine account instance.
//
// Make sure that the token being used has permissions on the given secret.
type ClusterSecretStoreV1Beta1SpecProviderBitwardensecretsmanagerAuth struct {
	// BitwardenSecretsManagerSecretRef contains the credential ref to the bitwarden instance.
	SecretRef *ClusterSecretStoreV1Beta1SpecProviderBitwardensecretsmanagerAuthSecretRef `field:"required" json:"secretRef" yaml:"secretRef"`
}

