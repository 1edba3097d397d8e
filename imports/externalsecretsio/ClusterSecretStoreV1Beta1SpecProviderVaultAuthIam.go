package externalsecretsio


// Iam authenticates with vault by passing a special AWS request signed with AWS IAM credentials AWS IAM authentication method.
type ClusterSecretStoreV1Beta1SpecProviderVaultAuthIam struct {
	// Vault Role.
	//
	// In vault, a role describes an identity with a set of permissions, groups, or policies you want to attach a user of the secrets engine.
	VaultRole *string `field:"required" json:"vaultRole" yaml:"vaultRole"`
	// AWS External ID set on assumed IAM roles.
	ExternalId *string `field:"optional" json:"externalId" yaml:"externalId"`
	// Specify a service account with IRSA enabled.
	Jwt *ClusterSecretStoreV1Beta1SpecProviderVaultAuthIamJwt `field:"optional" json:"jwt" yaml:"jwt"`
	// Path where the AWS auth method is enabled in Vault, e.g: "aws".
	Path *string `field:"optional" json:"path" yaml:"path"`
	// AWS region.
	Region *string `field:"optional" json:"region" yaml:"region"`
	// This is the AWS role to be assumed before talking to vault.
	Role *string `field:"optional" json:"role" yaml:"role"`
	// Specify credentials in a Secret object.
	SecretRef *ClusterSecretStoreV1Beta1SpecProviderVaultAuthIamSecretRef `field:"optional" json:"secretRef" yaml:"secretRef"`
	// X-Vault-AWS-IAM-Server-ID is an additional header used by Vault IAM auth method to mitigate against different types of replay attacks.
	//
	// More details here: https://developer.hashicorp.com/vault/docs/auth/aws
	VaultAwsIamServerId *string `field:"optional" json:"vaultAwsIamServerId" yaml:"vaultAwsIamServerId"`
}

