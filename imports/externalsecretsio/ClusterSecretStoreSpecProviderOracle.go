package externalsecretsio


// Oracle configures this store to sync secrets using Oracle Vault provider.
type ClusterSecretStoreSpecProviderOracle struct {
	// Region is the region where vault is located.
	Region *string `field:"required" json:"region" yaml:"region"`
	// Vault is the vault's OCID of the specific vault where secret is located.
	Vault *string `field:"required" json:"vault" yaml:"vault"`
	// Auth configures how secret-manager authenticates with the Oracle Vault.
	//
	// If empty, use the instance principal, otherwise the user credentials specified in Auth.
	Auth *ClusterSecretStoreSpecProviderOracleAuth `field:"optional" json:"auth" yaml:"auth"`
	// Compartment is the vault compartment OCID.
	//
	// Required for PushSecret.
	Compartment *string `field:"optional" json:"compartment" yaml:"compartment"`
	// EncryptionKey is the OCID of the encryption key within the vault.
	//
	// Required for PushSecret.
	EncryptionKey *string `field:"optional" json:"encryptionKey" yaml:"encryptionKey"`
	// The type of principal to use for authentication.
	//
	// If left blank, the Auth struct will
	// determine the principal type. This optional field must be specified if using
	// workload identity.
	PrincipalType ClusterSecretStoreSpecProviderOraclePrincipalType `field:"optional" json:"principalType" yaml:"principalType"`
	// ServiceAccountRef specified the service account that should be used when authenticating with WorkloadIdentity.
	ServiceAccountRef *ClusterSecretStoreSpecProviderOracleServiceAccountRef `field:"optional" json:"serviceAccountRef" yaml:"serviceAccountRef"`
}

