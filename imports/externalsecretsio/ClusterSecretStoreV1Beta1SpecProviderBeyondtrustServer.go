package externalsecretsio


// Auth configures how API server works.
type ClusterSecretStoreV1Beta1SpecProviderBeyondtrustServer struct {
	ApiUrl *string `field:"required" json:"apiUrl" yaml:"apiUrl"`
	VerifyCa *bool `field:"required" json:"verifyCa" yaml:"verifyCa"`
	ApiVersion *string `field:"optional" json:"apiVersion" yaml:"apiVersion"`
	// Timeout specifies a time limit for requests made by this Client.
	//
	// The timeout includes connection time, any redirects, and reading the response body. Defaults to 45 seconds.
	// Default: 45 seconds.
	//
	ClientTimeOutSeconds *float64 `field:"optional" json:"clientTimeOutSeconds" yaml:"clientTimeOutSeconds"`
	// The secret retrieval type.
	//
	// SECRET = Secrets Safe (credential, text, file). MANAGED_ACCOUNT = Password Safe account associated with a system.
	RetrievalType *string `field:"optional" json:"retrievalType" yaml:"retrievalType"`
	// A character that separates the folder names.
	Separator *string `field:"optional" json:"separator" yaml:"separator"`
}

