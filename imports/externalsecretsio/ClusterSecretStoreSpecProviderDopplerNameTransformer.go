package externalsecretsio


// Environment variable compatible name transforms that change secret names to a different format.
type ClusterSecretStoreSpecProviderDopplerNameTransformer string

const (
	// upper-camel.
	ClusterSecretStoreSpecProviderDopplerNameTransformer_UPPER_HYPHEN_CAMEL ClusterSecretStoreSpecProviderDopplerNameTransformer = "UPPER_HYPHEN_CAMEL"
	// camel.
	ClusterSecretStoreSpecProviderDopplerNameTransformer_CAMEL ClusterSecretStoreSpecProviderDopplerNameTransformer = "CAMEL"
	// lower-snake.
	ClusterSecretStoreSpecProviderDopplerNameTransformer_LOWER_HYPHEN_SNAKE ClusterSecretStoreSpecProviderDopplerNameTransformer = "LOWER_HYPHEN_SNAKE"
	// tf-var.
	ClusterSecretStoreSpecProviderDopplerNameTransformer_TF_HYPHEN_VAR ClusterSecretStoreSpecProviderDopplerNameTransformer = "TF_HYPHEN_VAR"
	// dotnet-env.
	ClusterSecretStoreSpecProviderDopplerNameTransformer_DOTNET_HYPHEN_ENV ClusterSecretStoreSpecProviderDopplerNameTransformer = "DOTNET_HYPHEN_ENV"
	// lower-kebab.
	ClusterSecretStoreSpecProviderDopplerNameTransformer_LOWER_HYPHEN_KEBAB ClusterSecretStoreSpecProviderDopplerNameTransformer = "LOWER_HYPHEN_KEBAB"
)

