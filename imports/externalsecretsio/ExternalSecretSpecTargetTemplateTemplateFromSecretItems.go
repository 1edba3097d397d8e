package externalsecretsio


type ExternalSecretSpecTargetTemplateTemplateFromSecretItems struct {
	// A key in the ConfigMap/Secret.
	Key *string `field:"required" json:"key" yaml:"key"`
	TemplateAs ExternalSecretSpecTargetTemplateTemplateFromSecretItemsTemplateAs `field:"optional" json:"templateAs" yaml:"templateAs"`
}

