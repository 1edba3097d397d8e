package externalsecretsio


// CSMAuth contains a secretRef for credentials.
type ClusterSecretStoreV1Beta1SpecProviderCloudrusmAuth struct {
	// CSMAuthSecretRef holds secret references for Cloud.ru credentials.
	SecretRef *ClusterSecretStoreV1Beta1SpecProviderCloudrusmAuthSecretRef `field:"optional" json:"secretRef" yaml:"secretRef"`
}

