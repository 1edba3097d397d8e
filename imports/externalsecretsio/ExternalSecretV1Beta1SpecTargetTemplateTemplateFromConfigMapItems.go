package externalsecretsio


type ExternalSecretV1Beta1SpecTargetTemplateTemplateFromConfigMapItems struct {
	// A key in the ConfigMap/Secret.
	Key *string `field:"required" json:"key" yaml:"key"`
	TemplateAs ExternalSecretV1Beta1SpecTargetTemplateTemplateFromConfigMapItemsTemplateAs `field:"optional" json:"templateAs" yaml:"templateAs"`
}

