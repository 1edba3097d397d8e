package externalsecretsio


type ExternalSecretSpecTargetTemplateTemplateFromConfigMapItems struct {
	// A key in the ConfigMap/Secret.
	Key *string `field:"required" json:"key" yaml:"key"`
	TemplateAs ExternalSecretSpecTargetTemplateTemplateFromConfigMapItemsTemplateAs `field:"optional" json:"templateAs" yaml:"templateAs"`
}

