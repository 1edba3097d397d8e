package externalsecretsio


// Auth configures how the operator authenticates with Azure.
//
// Required for ServicePrincipal auth type. Optional for WorkloadIdentity.
type ClusterSecretStoreSpecProviderAzurekvAuthSecretRef struct {
	// The Azure ClientCertificate of the service principle used for authentication.
	ClientCertificate *ClusterSecretStoreSpecProviderAzurekvAuthSecretRefClientCertificate `field:"optional" json:"clientCertificate" yaml:"clientCertificate"`
	// The Azure clientId of the service principle or managed identity used for authentication.
	ClientId *ClusterSecretStoreSpecProviderAzurekvAuthSecretRefClientId `field:"optional" json:"clientId" yaml:"clientId"`
	// The Azure ClientSecret of the service principle used for authentication.
	ClientSecret *ClusterSecretStoreSpecProviderAzurekvAuthSecretRefClientSecret `field:"optional" json:"clientSecret" yaml:"clientSecret"`
	// The Azure tenantId of the managed identity used for authentication.
	TenantId *ClusterSecretStoreSpecProviderAzurekvAuthSecretRefTenantId `field:"optional" json:"tenantId" yaml:"tenantId"`
}

