package externalsecretsio


// NTLMProtocol configures the store to use NTLM for auth.
type ClusterSecretStoreSpecProviderWebhookAuthNtlm struct {
	// A reference to a specific 'key' within a Secret resource.
	//
	// In some instances, `key` is a required field.
	PasswordSecret *ClusterSecretStoreSpecProviderWebhookAuthNtlmPasswordSecret `field:"required" json:"passwordSecret" yaml:"passwordSecret"`
	// A reference to a specific 'key' within a Secret resource.
	//
	// In some instances, `key` is a required field.
	UsernameSecret *ClusterSecretStoreSpecProviderWebhookAuthNtlmUsernameSecret `field:"required" json:"usernameSecret" yaml:"usernameSecret"`
}

