package externalsecretsio


// NTLMProtocol configures the store to use NTLM for auth.
type ClusterSecretStoreV1Beta1SpecProviderWebhookAuthNtlm struct {
	// A reference to a specific 'key' within a Secret resource.
	//
	// In some instances, `key` is a required field.
	PasswordSecret *ClusterSecretStoreV1Beta1SpecProviderWebhookAuthNtlmPasswordSecret `field:"required" json:"passwordSecret" yaml:"passwordSecret"`
	// A reference to a specific 'key' within a Secret resource.
	//
	// In some instances, `key` is a required field.
	UsernameSecret *ClusterSecretStoreV1Beta1SpecProviderWebhookAuthNtlmUsernameSecret `field:"required" json:"usernameSecret" yaml:"usernameSecret"`
}

