package externalsecretsio


// Auth defines the information necessary to authenticate against Yandex Certificate Manager.
type ClusterSecretStoreSpecProviderYandexcertificatemanagerAuth struct {
	// The authorized key used for authentication.
	AuthorizedKeySecretRef *ClusterSecretStoreSpecProviderYandexcertificatemanagerAuthAuthorizedKeySecretRef `field:"optional" json:"authorizedKeySecretRef" yaml:"authorizedKeySecretRef"`
}

