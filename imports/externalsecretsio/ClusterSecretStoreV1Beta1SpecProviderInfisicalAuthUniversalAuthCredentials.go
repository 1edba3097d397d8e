package externalsecretsio


type ClusterSecretStoreV1Beta1SpecProviderInfisicalAuthUniversalAuthCredentials struct {
	// A reference to a specific 'key' within a Secret resource.
	//
	// In some instances, `key` is a required field.
	ClientId *ClusterSecretStoreV1Beta1SpecProviderInfisicalAuthUniversalAuthCredentialsClientId `field:"required" json:"clientId" yaml:"clientId"`
	// A reference to a specific 'key' within a Secret resource.
	//
	// In some instances, `key` is a required field.
	ClientSecret *ClusterSecretStoreV1Beta1SpecProviderInfisicalAuthUniversalAuthCredentialsClientSecret `field:"required" json:"clientSecret" yaml:"clientSecret"`
}

