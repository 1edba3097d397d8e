package externalsecretsio


// AWS configures this store to sync secrets using AWS Secret Manager provider.
type ClusterSecretStoreSpecProviderAws struct {
	// AWS Region to be used for the provider.
	Region *string `field:"required" json:"region" yaml:"region"`
	// Service defines which service should be used to fetch the secrets.
	Service ClusterSecretStoreSpecProviderAwsService `field:"required" json:"service" yaml:"service"`
	// AdditionalRoles is a chained list of Role ARNs which the provider will sequentially assume before assuming the Role.
	AdditionalRoles *[]*string `field:"optional" json:"additionalRoles" yaml:"additionalRoles"`
	// Auth defines the information necessary to authenticate against AWS if not set aws sdk will infer credentials from your environment see: https://docs.aws.amazon.com/sdk-for-go/v1/developer-guide/configuring-sdk.html#specifying-credentials.
	Auth *ClusterSecretStoreSpecProviderAwsAuth `field:"optional" json:"auth" yaml:"auth"`
	// AWS External ID set on assumed IAM roles.
	ExternalId *string `field:"optional" json:"externalId" yaml:"externalId"`
	// Prefix adds a prefix to all retrieved values.
	Prefix *string `field:"optional" json:"prefix" yaml:"prefix"`
	// Role is a Role ARN which the provider will assume.
	Role *string `field:"optional" json:"role" yaml:"role"`
	// SecretsManager defines how the provider behaves when interacting with AWS SecretsManager.
	SecretsManager *ClusterSecretStoreSpecProviderAwsSecretsManager `field:"optional" json:"secretsManager" yaml:"secretsManager"`
	// AWS STS assume role session tags.
	SessionTags *[]*ClusterSecretStoreSpecProviderAwsSessionTags `field:"optional" json:"sessionTags" yaml:"sessionTags"`
	// AWS STS assume role transitive session tags.
	//
	// Required when multiple rules are used with the provider.
	TransitiveTagKeys *[]*string `field:"optional" json:"transitiveTagKeys" yaml:"transitiveTagKeys"`
}

