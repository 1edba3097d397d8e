package externalsecretsio


type ExternalSecretSpecDataFromRewrite struct {
	// Used to rewrite with regular expressions.
	//
	// The resulting key will be the output of a regexp.ReplaceAll operation.
	Regexp *ExternalSecretSpecDataFromRewriteRegexp `field:"optional" json:"regexp" yaml:"regexp"`
	// Used to apply string transformation on the secrets.
	//
	// The resulting key will be the output of the template applied by the operation.
	Transform *ExternalSecretSpecDataFromRewriteTransform `field:"optional" json:"transform" yaml:"transform"`
}

