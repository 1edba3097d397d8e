package externalsecretsio


// BitwardenSecretsManagerSecretRef contains the credential ref to the bitwarden instance.
type ClusterSecretStoreV1Beta1SpecProviderBitwardensecretsmanagerAuthSecretRef struct {
	// AccessToken used for the bitwarden instance.
	Credentials *ClusterSecretStoreV1Beta1SpecProviderBitwardensecretsmanagerAuthSecretRefCredentials `field:"required" json:"credentials" yaml:"credentials"`
}

