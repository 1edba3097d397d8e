package externalsecretsio


// The type of principal to use for authentication.
//
// If left blank, the Auth struct will
// determine the principal type. This optional field must be specified if using
// workload identity.
type ClusterSecretStoreSpecProviderOraclePrincipalType string

const (
	// UserPrincipal.
	ClusterSecretStoreSpecProviderOraclePrincipalType_USER_PRINCIPAL ClusterSecretStoreSpecProviderOraclePrincipalType = "USER_PRINCIPAL"
	// InstancePrincipal.
	ClusterSecretStoreSpecProviderOraclePrincipalType_INSTANCE_PRINCIPAL ClusterSecretStoreSpecProviderOraclePrincipalType = "INSTANCE_PRINCIPAL"
	// Workload.
	ClusterSecretStoreSpecProviderOraclePrincipalType_WORKLOAD ClusterSecretStoreSpecProviderOraclePrincipalType = "WORKLOAD"
)

