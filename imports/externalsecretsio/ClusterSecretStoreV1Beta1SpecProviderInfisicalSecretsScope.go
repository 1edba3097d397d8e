package externalsecretsio


// SecretsScope defines the scope of the secrets within the workspace.
type ClusterSecretStoreV1Beta1SpecProviderInfisicalSecretsScope struct {
	// EnvironmentSlug is the required slug identifier for the environment.
	EnvironmentSlug *string `field:"required" json:"environmentSlug" yaml:"environmentSlug"`
	// ProjectSlug is the required slug identifier for the project.
	ProjectSlug *string `field:"required" json:"projectSlug" yaml:"projectSlug"`
	// ExpandSecretReferences indicates whether secret references should be expanded.
	//
	// Defaults to true if not provided.
	// Default: true if not provided.
	//
	ExpandSecretReferences *bool `field:"optional" json:"expandSecretReferences" yaml:"expandSecretReferences"`
	// Recursive indicates whether the secrets should be fetched recursively.
	//
	// Defaults to false if not provided.
	// Default: false if not provided.
	//
	Recursive *bool `field:"optional" json:"recursive" yaml:"recursive"`
	// SecretsPath specifies the path to the secrets within the workspace.
	//
	// Defaults to "/" if not provided.
	// Default: if not provided.
	//
	SecretsPath *string `field:"optional" json:"secretsPath" yaml:"secretsPath"`
}

