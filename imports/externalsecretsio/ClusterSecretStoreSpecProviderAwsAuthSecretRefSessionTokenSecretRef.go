package externalsecretsio


// The SessionToken used for authentication This must be defined if AccessKeyID and SecretAccessKey are temporary credentials see: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_use-resources.html.
type ClusterSecretStoreSpecProviderAwsAuthSecretRefSessionTokenSecretRef struct {
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

