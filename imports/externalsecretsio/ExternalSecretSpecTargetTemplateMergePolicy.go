package externalsecretsio


type ExternalSecretSpecTargetTemplateMergePolicy string

const (
	// Replace.
	ExternalSecretSpecTargetTemplateMergePolicy_REPLACE ExternalSecretSpecTargetTemplateMergePolicy = "REPLACE"
	// Merge.
	ExternalSecretSpecTargetTemplateMergePolicy_MERGE ExternalSecretSpecTargetTemplateMergePolicy = "MERGE"
)

