package externalsecretsio


type ExternalSecretV1Beta1SpecTargetTemplateTemplateFromSecretItems struct {
	// A key in the ConfigMap/Secret.
	Key *string `field:"required" json:"key" yaml:"key"`
	TemplateAs ExternalSecretV1Beta1SpecTargetTemplateTemplateFromSecretItemsTemplateAs `field:"optional" json:"templateAs" yaml:"templateAs"`
}

