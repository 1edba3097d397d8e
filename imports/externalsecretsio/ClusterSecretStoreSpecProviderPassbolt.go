package externalsecretsio


type ClusterSecretStoreSpecProviderPassbolt struct {
	// Auth defines the information necessary to authenticate against Passbolt Server.
	Auth *ClusterSecretStoreSpecProviderPassboltAuth `field:"required" json:"auth" yaml:"auth"`
	// Host defines the Passbolt Server to connect to.
	Host *string `field:"required" json:"host" yaml:"host"`
}

