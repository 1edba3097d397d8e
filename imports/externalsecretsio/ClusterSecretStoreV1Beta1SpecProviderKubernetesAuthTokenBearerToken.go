package externalsecretsio


// A reference to a specific 'key' within a Secret resource.
//
// In some instances, `key` is a required field.
type ClusterSecretStoreV1Beta1SpecProviderKubernetesAuthTokenBearerToken struct {
	// A key in the referenced Secret.
	//
	// Some instances of this field may be defaulted, in others it may be required.
	Key *string `field:"optional" json:"key" yaml:"key"`
	// The name of the Secret resource being referred to.
	Name *string `field:"optional" json:"name" yaml:"name"`
	// The namespace of the Secret resource being referred to.
	//
	// Ignored if referent is not cluster-scoped, otherwise defaults to the namespace of the referent.
	Namespace *string `field:"optional" json:"namespace" yaml:"namespace"`
}

