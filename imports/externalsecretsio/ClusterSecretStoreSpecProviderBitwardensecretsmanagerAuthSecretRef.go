package externalsecretsio


// BitwardenSecretsManagerSecretRef contains the credential ref to the bitwarden instance.
type ClusterSecretStoreSpecProviderBitwardensecretsmanagerAuthSecretRef struct {
	// AccessToken used for the bitwarden instance.
	Credentials *ClusterSecretStoreSpecProviderBitwardensecretsmanagerAuthSecretRefCredentials `field:"required" json:"credentials" yaml:"credentials"`
}

