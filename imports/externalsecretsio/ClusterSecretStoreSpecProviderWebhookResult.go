package externalsecretsio


// Result formatting.
type ClusterSecretStoreSpecProviderWebhookResult struct {
	// Json path of return value.
	JsonPath *string `field:"optional" json:"jsonPath" yaml:"jsonPath"`
}

