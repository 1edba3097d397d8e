package externalsecretsio


// Format enables the downloading of secrets as a file (string).
type ClusterSecretStoreSpecProviderDopplerFormat string

const (
	// json.
	ClusterSecretStoreSpecProviderDopplerFormat_JSON ClusterSecretStoreSpecProviderDopplerFormat = "JSON"
	// dotnet-json.
	ClusterSecretStoreSpecProviderDopplerFormat_DOTNET_HYPHEN_JSON ClusterSecretStoreSpecProviderDopplerFormat = "DOTNET_HYPHEN_JSON"
	// env.
	ClusterSecretStoreSpecProviderDopplerFormat_ENV ClusterSecretStoreSpecProviderDopplerFormat = "ENV"
	// yaml.
	ClusterSecretStoreSpecProviderDopplerFormat_YAML ClusterSecretStoreSpecProviderDopplerFormat = "YAML"
	// docker.
	ClusterSecretStoreSpecProviderDopplerFormat_DOCKER ClusterSecretStoreSpecProviderDopplerFormat = "DOCKER"
)

