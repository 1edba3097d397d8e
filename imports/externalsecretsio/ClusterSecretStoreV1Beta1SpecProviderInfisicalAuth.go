package externalsecretsio


// Auth configures how the Operator authenticates with the Infisical API.
type ClusterSecretStoreV1Beta1SpecProviderInfisicalAuth struct {
	UniversalAuthCredentials *ClusterSecretStoreV1Beta1SpecProviderInfisicalAuthUniversalAuthCredentials `field:"optional" json:"universalAuthCredentials" yaml:"universalAuthCredentials"`
}

