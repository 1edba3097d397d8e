package externalsecretsio


// The configuration used for client side related TLS communication, when the Vault server requires mutual authentication.
//
// Only used if the Server URL is using HTTPS protocol.
// This parameter is ignored for plain HTTP protocol connection.
// It's worth noting this configuration is different from the "TLS certificates auth method",
// which is available under the `auth.cert` section.
type ClusterSecretStoreV1Beta1SpecProviderVaultTls struct {
	// CertSecretRef is a certificate added to the transport layer when communicating with the Vault server.
	//
	// If no key for the Secret is specified, external-secret will default to 'tls.crt'.
	CertSecretRef *ClusterSecretStoreV1Beta1SpecProviderVaultTlsCertSecretRef `field:"optional" json:"certSecretRef" yaml:"certSecretRef"`
	// KeySecretRef to a key in a Secret resource containing client private key added to the transport layer when communicating with the Vault server.
	//
	// If no key for the Secret is specified, external-secret will default to 'tls.key'.
	KeySecretRef *ClusterSecretStoreV1Beta1SpecProviderVaultTlsKeySecretRef `field:"optional" json:"keySecretRef" yaml:"keySecretRef"`
}

