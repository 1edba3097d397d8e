package externalsecretsio


// The type of provider to use such as "Secret", or "ConfigMap".
type ClusterSecretStoreSpecProviderBitwardensecretsmanagerCaProviderType string

const (
	// Secret.
	ClusterSecretStoreSpecProviderBitwardensecretsmanagerCaProviderType_SECRET ClusterSecretStoreSpecProviderBitwardensecretsmanagerCaProviderType = "SECRET"
	// ConfigMap.
	ClusterSecretStoreSpecProviderBitwardensecretsmanagerCaProviderType_CONFIG_MAP ClusterSecretStoreSpecProviderBitwardensecretsmanagerCaProviderType = "CONFIG_MAP"
)

