package externalsecretsio


// The type of principal to use for authentication.
//
// If left blank, the Auth struct will
// determine the principal type. This optional field must be specified if using
// workload identity.
type ClusterSecretStoreV1Beta1SpecProviderOraclePrincipalType string

const (
	// UserPrincipal.
	ClusterSecretStoreV1Beta1SpecProviderOraclePrincipalType_USER_PRINCIPAL ClusterSecretStoreV1Beta1SpecProviderOraclePrincipalType = "USER_PRINCIPAL"
	// InstancePrincipal.
	ClusterSecretStoreV1Beta1SpecProviderOraclePrincipalType_INSTANCE_PRINCIPAL ClusterSecretStoreV1Beta1SpecProviderOraclePrincipalType = "INSTANCE_PRINCIPAL"
	// Workload.
	ClusterSecretStoreV1Beta1SpecProviderOraclePrincipalType_WORKLOAD ClusterSecretStoreV1Beta1SpecProviderOraclePrincipalType = "WORKLOAD"
)

