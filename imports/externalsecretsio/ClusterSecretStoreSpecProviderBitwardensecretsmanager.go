package externalsecretsio


// BitwardenSecretsManager configures this store to sync secrets using BitwardenSecretsManager provider.
type ClusterSecretStoreSpecProviderBitwardensecretsmanager struct {
	// Auth configures how secret-manager authenticates with a bitwarden machine account instance.
	//
	// Make sure that the token being used has permissions on the given secret.
	Auth *ClusterSecretStoreSpecProviderBitwardensecretsmanagerAuth `field:"required" json:"auth" yaml:"auth"`
	// OrganizationID determines which organization this secret store manages.
	OrganizationId *string `field:"required" json:"organizationId" yaml:"organizationId"`
	// ProjectID determines which project this secret store manages.
	ProjectId *string `field:"required" json:"projectId" yaml:"projectId"`
	ApiUrl *string `field:"optional" json:"apiUrl" yaml:"apiUrl"`
	BitwardenServerSdkurl *string `field:"optional" json:"bitwardenServerSdkurl" yaml:"bitwardenServerSdkurl"`
	// Base64 encoded certificate for the bitwarden server sdk.
	//
	// The sdk MUST run with HTTPS to make sure no MITM attack
	// can be performed.
	CaBundle *string `field:"optional" json:"caBundle" yaml:"caBundle"`
	// see: https://external-secrets.io/latest/spec/#external-secrets.io/v1alpha1.CAProvider.
	CaProvider *ClusterSecretStoreSpecProviderBitwardensecretsmanagerCaProvider `field:"optional" json:"caProvider" yaml:"caProvider"`
	IdentityUrl *string `field:"optional" json:"identityUrl" yaml:"identityUrl"`
}

