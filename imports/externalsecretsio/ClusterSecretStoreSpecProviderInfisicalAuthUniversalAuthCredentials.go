package externalsecretsio


type ClusterSecretStoreSpecProviderInfisicalAuthUniversalAuthCredentials struct {
	// A reference to a specific 'key' within a Secret resource.
	//
	// In some instances, `key` is a required field.
	ClientId *ClusterSecretStoreSpecProviderInfisicalAuthUniversalAuthCredentialsClientId `field:"required" json:"clientId" yaml:"clientId"`
	// A reference to a specific 'key' within a Secret resource.
	//
	// In some instances, `key` is a required field.
	ClientSecret *ClusterSecretStoreSpecProviderInfisicalAuthUniversalAuthCredentialsClientSecret `field:"required" json:"clientSecret" yaml:"clientSecret"`
}

