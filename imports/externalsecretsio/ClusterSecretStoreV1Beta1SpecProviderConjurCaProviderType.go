package externalsecretsio


// The type of provider to use such as "Secret", or "ConfigMap".
type ClusterSecretStoreV1Beta1SpecProviderConjurCaProviderType string

const (
	// Secret.
	ClusterSecretStoreV1Beta1SpecProviderConjurCaProviderType_SECRET ClusterSecretStoreV1Beta1SpecProviderConjurCaProviderType = "SECRET"
	// ConfigMap.
	ClusterSecretStoreV1Beta1SpecProviderConjurCaProviderType_CONFIG_MAP ClusterSecretStoreV1Beta1SpecProviderConjurCaProviderType = "CONFIG_MAP"
)

