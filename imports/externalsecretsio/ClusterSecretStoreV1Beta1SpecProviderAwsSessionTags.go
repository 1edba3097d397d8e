package externalsecretsio


type ClusterSecretStoreV1Beta1SpecProviderAwsSessionTags struct {
	Key *string `field:"required" json:"key" yaml:"key"`
	Value *string `field:"required" json:"value" yaml:"value"`
}

