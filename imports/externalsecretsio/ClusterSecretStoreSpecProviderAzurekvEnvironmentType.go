package externalsecretsio


// EnvironmentType specifies the Azure cloud environment endpoints to use for connecting and authenticating with Azure.
//
// By default it points to the public cloud AAD endpoint.
// The following endpoints are available, also see here: https://github.com/Azure/go-autorest/blob/main/autorest/azure/environments.go#L152
// PublicCloud, USGovernmentCloud, ChinaCloud, GermanCloud.
type ClusterSecretStoreSpecProviderAzurekvEnvironmentType string

const (
	// PublicCloud.
	ClusterSecretStoreSpecProviderAzurekvEnvironmentType_PUBLIC_CLOUD ClusterSecretStoreSpecProviderAzurekvEnvironmentType = "PUBLIC_CLOUD"
	// USGovernmentCloud.
	ClusterSecretStoreSpecProviderAzurekvEnvironmentType_US_GOVERNMENT_CLOUD ClusterSecretStoreSpecProviderAzurekvEnvironmentType = "US_GOVERNMENT_CLOUD"
	// ChinaCloud.
	ClusterSecretStoreSpecProviderAzurekvEnvironmentType_CHINA_CLOUD ClusterSecretStoreSpecProviderAzurekvEnvironmentType = "CHINA_CLOUD"
	// GermanCloud.
	ClusterSecretStoreSpecProviderAzurekvEnvironmentType_GERMAN_CLOUD ClusterSecretStoreSpecProviderAzurekvEnvironmentType = "GERMAN_CLOUD"
)

