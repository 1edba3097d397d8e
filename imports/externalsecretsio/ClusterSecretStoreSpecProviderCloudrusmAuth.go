package externalsecretsio


// CSMAuth contains a secretRef for credentials.
type ClusterSecretStoreSpecProviderCloudrusmAuth struct {
	// CSMAuthSecretRef holds secret references for Cloud.ru credentials.
	SecretRef *ClusterSecretStoreSpecProviderCloudrusmAuthSecretRef `field:"optional" json:"secretRef" yaml:"secretRef"`
}

