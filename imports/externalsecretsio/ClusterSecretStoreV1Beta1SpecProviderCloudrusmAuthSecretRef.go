package externalsecretsio


// CSMAuthSecretRef holds secret references for Cloud.ru credentials.
type ClusterSecretStoreV1Beta1SpecProviderCloudrusmAuthSecretRef struct {
	// The AccessKeyID is used for authentication.
	AccessKeyIdSecretRef *ClusterSecretStoreV1Beta1SpecProviderCloudrusmAuthSecretRefAccessKeyIdSecretRef `field:"required" json:"accessKeyIdSecretRef" yaml:"accessKeyIdSecretRef"`
	// The AccessKeySecret is used for authentication.
	AccessKeySecretSecretRef *ClusterSecretStoreV1Beta1SpecProviderCloudrusmAuthSecretRefAccessKeySecretSecretRef `field:"required" json:"accessKeySecretSecretRef" yaml:"accessKeySecretSecretRef"`
}

