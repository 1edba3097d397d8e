package externalsecretsio


// CloudruSM configures this store to sync secrets using the Cloud.ru Secret Manager provider.
type ClusterSecretStoreSpecProviderCloudrusm struct {
	// CSMAuth contains a secretRef for credentials.
	Auth *ClusterSecretStoreSpecProviderCloudrusmAuth `field:"required" json:"auth" yaml:"auth"`
	// ProjectID is the project, which the secrets are stored in.
	ProjectId *string `field:"optional" json:"projectId" yaml:"projectId"`
}

