package externalsecretsio


// UserPass authenticates with Vault by passing username/password pair.
type ClusterSecretStoreV1Beta1SpecProviderVaultAuthUserPass struct {
	// Path where the UserPassword authentication backend is mounted in Vault, e.g: "userpass".
	Path *string `field:"required" json:"path" yaml:"path"`
	// Username is a username used to authenticate using the UserPass Vault authentication method.
	Username *string `field:"required" json:"username" yaml:"username"`
	// SecretRef to a key in a Secret resource containing password for the user used to authenticate with Vault using the UserPass authentication method.
	SecretRef *ClusterSecretStoreV1Beta1SpecProviderVaultAuthUserPassSecretRef `field:"optional" json:"secretRef" yaml:"secretRef"`
}

