package externalsecretsio


// The type of provider to use such as "Secret", or "ConfigMap".
type ClusterSecretStoreSpecProviderConjurCaProviderType string

const (
	// Secret.
	ClusterSecretStoreSpecProviderConjurCaProviderType_SECRET ClusterSecretStoreSpecProviderConjurCaProviderType = "SECRET"
	// ConfigMap.
	ClusterSecretStoreSpecProviderConjurCaProviderType_CONFIG_MAP ClusterSecretStoreSpecProviderConjurCaProviderType = "CONFIG_MAP"
)

