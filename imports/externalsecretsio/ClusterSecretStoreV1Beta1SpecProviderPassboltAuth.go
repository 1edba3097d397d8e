package externalsecretsio


// Auth defines the information necessary to authenticate against Passbolt Server.
type ClusterSecretStoreV1Beta1SpecProviderPassboltAuth struct {
	// A reference to a specific 'key' within a Secret resource.
	//
	// In some instances, `key` is a required field.
	PasswordSecretRef *ClusterSecretStoreV1Beta1SpecProviderPassboltAuthPasswordSecretRef `field:"required" json:"passwordSecretRef" yaml:"passwordSecretRef"`
	// A reference to a specific 'key' within a Secret resource.
	//
	// In some instances, `key` is a required field.
	PrivateKeySecretRef *ClusterSecretStoreV1Beta1SpecProviderPassboltAuthPrivateKeySecretRef `field:"required" json:"privateKeySecretRef" yaml:"privateKeySecretRef"`
}

