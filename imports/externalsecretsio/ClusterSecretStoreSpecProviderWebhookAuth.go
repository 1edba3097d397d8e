package externalsecretsio


// Auth specifies a authorization protocol.
//
// Only one protocol may be set.
type ClusterSecretStoreSpecProviderWebhookAuth struct {
	// NTLMProtocol configures the store to use NTLM for auth.
	Ntlm *ClusterSecretStoreSpecProviderWebhookAuthNtlm `field:"optional" json:"ntlm" yaml:"ntlm"`
}

