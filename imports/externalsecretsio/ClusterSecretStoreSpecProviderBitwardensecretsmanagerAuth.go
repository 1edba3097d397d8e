package externalsecretsio


// Auth configures how secret-manager authenticates with a bitwarden machine account instance.
//
// Make sure that the token being used has permissions on the given secret.
type ClusterSecretStoreSpecProviderBitwardensecretsmanagerAuth struct {
	// BitwardenSecretsManagerSecretRef contains the credential ref to the bitwarden instance.
	SecretRef *ClusterSecretStoreSpecProviderBitwardensecretsmanagerAuthSecretRef `field:"required" json:"secretRef" yaml:"secretRef"`
}

