package externalsecretsio


type ClusterSecretStoreV1Beta1SpecProviderPassbolt struct {
	// Auth defines the information necessary to authenticate against Passbolt Server.
	Auth *ClusterSecretStoreV1Beta1SpecProviderPassboltAuth `field:"required" json:"auth" yaml:"auth"`
	// Host defines the Passbolt Server to connect to.
	Host *string `field:"required" json:"host" yaml:"host"`
}

