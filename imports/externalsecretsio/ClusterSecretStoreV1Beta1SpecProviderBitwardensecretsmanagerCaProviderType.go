package externalsecretsio


// The type of provider to use such as "Secret", or "ConfigMap".
type ClusterSecretStoreV1Beta1SpecProviderBitwardensecretsmanagerCaProviderType string

const (
	// Secret.
	ClusterSecretStoreV1Beta1SpecProviderBitwardensecretsmanagerCaProviderType_SECRET ClusterSecretStoreV1Beta1SpecProviderBitwardensecretsmanagerCaProviderType = "SECRET"
	// ConfigMap.
	ClusterSecretStoreV1Beta1SpecProviderBitwardensecretsmanagerCaProviderType_CONFIG_MAP ClusterSecretStoreV1Beta1SpecProviderBitwardensecretsmanagerCaProviderType = "CONFIG_MAP"
)

