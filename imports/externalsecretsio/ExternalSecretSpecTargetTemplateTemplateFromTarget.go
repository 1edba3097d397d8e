package externalsecretsio


type ExternalSecretSpecTargetTemplateTemplateFromTarget string

const (
	// Data.
	ExternalSecretSpecTargetTemplateTemplateFromTarget_DATA ExternalSecretSpecTargetTemplateTemplateFromTarget = "DATA"
	// Annotations.
	ExternalSecretSpecTargetTemplateTemplateFromTarget_ANNOTATIONS ExternalSecretSpecTargetTemplateTemplateFromTarget = "ANNOTATIONS"
	// Labels.
	ExternalSecretSpecTargetTemplateTemplateFromTarget_LABELS ExternalSecretSpecTargetTemplateTemplateFromTarget = "LABELS"
)

