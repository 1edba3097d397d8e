package externalsecretsio


// CSMAuthSecretRef holds secret references for Cloud.ru credentials.
type ClusterSecretStoreSpecProviderCloudrusmAuthSecretRef struct {
	// The AccessKeyID is used for authentication.
	AccessKeyIdSecretRef *ClusterSecretStoreSpecProviderCloudrusmAuthSecretRefAccessKeyIdSecretRef `field:"required" json:"accessKeyIdSecretRef" yaml:"accessKeyIdSecretRef"`
	// The AccessKeySecret is used for authentication.
	AccessKeySecretSecretRef *ClusterSecretStoreSpecProviderCloudrusmAuthSecretRefAccessKeySecretSecretRef `field:"required" json:"accessKeySecretSecretRef" yaml:"accessKeySecretSecretRef"`
}

