package externalsecretsio


type ExternalSecretSpecTargetTemplateTemplateFrom struct {
	ConfigMap *ExternalSecretSpecTargetTemplateTemplateFromConfigMap `field:"optional" json:"configMap" yaml:"configMap"`
	Literal *string `field:"optional" json:"literal" yaml:"literal"`
	Secret *ExternalSecretSpecTargetTemplateTemplateFromSecret `field:"optional" json:"secret" yaml:"secret"`
	Target ExternalSecretSpecTargetTemplateTemplateFromTarget `field:"optional" json:"target" yaml:"target"`
}

