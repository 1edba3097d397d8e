package externalsecretsio


// Auth specifies a authorization protocol.
//
// Only one protocol may be set.
type ClusterSecretStoreV1Beta1SpecProviderWebhookAuth struct {
	// NTLMProtocol configures the store to use NTLM for auth.
	Ntlm *ClusterSecretStoreV1Beta1SpecProviderWebhookAuthNtlm `field:"optional" json:"ntlm" yaml:"ntlm"`
}

