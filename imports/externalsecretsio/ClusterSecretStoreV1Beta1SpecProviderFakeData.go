package externalsecretsio


type ClusterSecretStoreV1Beta1SpecProviderFakeData struct {
	Key *string `field:"required" json:"key" yaml:"key"`
	Value *string `field:"required" json:"value" yaml:"value"`
	Version *string `field:"optional" json:"version" yaml:"version"`
}

