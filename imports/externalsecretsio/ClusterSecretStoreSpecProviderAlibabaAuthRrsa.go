package externalsecretsio


// Authenticate against Alibaba using RRSA.
type ClusterSecretStoreSpecProviderAlibabaAuthRrsa struct {
	OidcProviderArn *string `field:"required" json:"oidcProviderArn" yaml:"oidcProviderArn"`
	OidcTokenFilePath *string `field:"required" json:"oidcTokenFilePath" yaml:"oidcTokenFilePath"`
	RoleArn *string `field:"required" json:"roleArn" yaml:"roleArn"`
	SessionName *string `field:"required" json:"sessionName" yaml:"sessionName"`
}

