package externalsecretsio


// Result formatting.
type ClusterSecretStoreV1Beta1SpecProviderWebhookResult struct {
	// Json path of return value.
	JsonPath *string `field:"optional" json:"jsonPath" yaml:"jsonPath"`
}

