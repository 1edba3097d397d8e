package externalsecretsio


// Authenticates with Conjur using an API key.
type ClusterSecretStoreSpecProviderConjurAuthApikey struct {
	// Account is the Conjur organization account name.
	Account *string `field:"required" json:"account" yaml:"account"`
	// A reference to a specific 'key' containing the Conjur API key within a Secret resource.
	//
	// In some instances, `key` is a required field.
	ApiKeyRef *ClusterSecretStoreSpecProviderConjurAuthApikeyApiKeyRef `field:"required" json:"apiKeyRef" yaml:"apiKeyRef"`
	// A reference to a specific 'key' containing the Conjur username within a Secret resource.
	//
	// In some instances, `key` is a required field.
	UserRef *ClusterSecretStoreSpecProviderConjurAuthApikeyUserRef `field:"required" json:"userRef" yaml:"userRef"`
}

