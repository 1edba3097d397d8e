package externalsecretsio


type ExternalSecretV1Beta1SpecTargetTemplateMergePolicy string

const (
	// Replace.
	ExternalSecretV1Beta1SpecTargetTemplateMergePolicy_REPLACE ExternalSecretV1Beta1SpecTargetTemplateMergePolicy = "REPLACE"
	// Merge.
	ExternalSecretV1Beta1SpecTargetTemplateMergePolicy_MERGE ExternalSecretV1Beta1SpecTargetTemplateMergePolicy = "MERGE"
)

