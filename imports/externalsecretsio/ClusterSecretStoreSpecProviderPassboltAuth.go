package externalsecretsio


// Auth defines the information necessary to authenticate against Passbolt Server.
type ClusterSecretStoreSpecProviderPassboltAuth struct {
	// A reference to a specific 'key' within a Secret resource.
	//
	// In some instances, `key` is a required field.
	PasswordSecretRef *ClusterSecretStoreSpecProviderPassboltAuthPasswordSecretRef `field:"required" json:"passwordSecretRef" yaml:"passwordSecretRef"`
	// A reference to a specific 'key' within a Secret resource.
	//
	// In some instances, `key` is a required field.
	PrivateKeySecretRef *ClusterSecretStoreSpecProviderPassboltAuthPrivateKeySecretRef `field:"required" json:"privateKeySecretRef" yaml:"privateKeySecretRef"`
}

