package externalsecretsio


// Delinea DevOps Secrets Vault https://docs.delinea.com/online-help/products/devops-secrets-vault/current.
type ClusterSecretStoreV1Beta1SpecProviderDelinea struct {
	// ClientID is the non-secret part of the credential.
	ClientId *ClusterSecretStoreV1Beta1SpecProviderDelineaClientId `field:"required" json:"clientId" yaml:"clientId"`
	// ClientSecret is the secret part of the credential.
	ClientSecret *ClusterSecretStoreV1Beta1SpecProviderDelineaClientSecret `field:"required" json:"clientSecret" yaml:"clientSecret"`
	// Tenant is the chosen hostname / site name.
	Tenant *string `field:"required" json:"tenant" yaml:"tenant"`
	// TLD is based on the server location that was chosen during provisioning.
	//
	// If unset, defaults to "com".
	Tld *string `field:"optional" json:"tld" yaml:"tld"`
	// URLTemplate If unset, defaults to "https://%s.secretsvaultcloud.%s/v1/%s%s".
	UrlTemplate *string `field:"optional" json:"urlTemplate" yaml:"urlTemplate"`
}

