package externalsecretsio


// SecretServer configures this store to sync secrets using SecretServer provider https://docs.delinea.com/online-help/secret-server/start.htm.
type ClusterSecretStoreV1Beta1SpecProviderSecretserver struct {
	// Password is the secret server account password.
	Password *ClusterSecretStoreV1Beta1SpecProviderSecretserverPassword `field:"required" json:"password" yaml:"password"`
	// ServerURL URL to your secret server installation.
	ServerUrl *string `field:"required" json:"serverUrl" yaml:"serverUrl"`
	// Username is the secret server account username.
	Username *ClusterSecretStoreV1Beta1SpecProviderSecretserverUsername `field:"required" json:"username" yaml:"username"`
}

