package externalsecretsio


// Auth configures how the operator authenticates with Azure.
//
// Required for ServicePrincipal auth type. Optional for WorkloadIdentity.
type ClusterSecretStoreV1Beta1SpecProviderAzurekvAuthSecretRef struct {
	// The Azure ClientCertificate of the service principle used for authentication.
	ClientCertificate *ClusterSecretStoreV1Beta1SpecProviderAzurekvAuthSecretRefClientCertificate `field:"optional" json:"clientCertificate" yaml:"clientCertificate"`
	// The Azure clientId of the service principle or managed identity used for authentication.
	ClientId *ClusterSecretStoreV1Beta1SpecProviderAzurekvAuthSecretRefClientId `field:"optional" json:"clientId" yaml:"clientId"`
	// The Azure ClientSecret of the service principle used for authentication.
	ClientSecret *ClusterSecretStoreV1Beta1SpecProviderAzurekvAuthSecretRefClientSecret `field:"optional" json:"clientSecret" yaml:"clientSecret"`
	// The Azure tenantId of the managed identity used for authentication.
	TenantId *ClusterSecretStoreV1Beta1SpecProviderAzurekvAuthSecretRefTenantId `field:"optional" json:"tenantId" yaml:"tenantId"`
}

