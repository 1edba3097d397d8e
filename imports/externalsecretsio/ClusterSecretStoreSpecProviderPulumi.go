package externalsecretsio


// Pulumi configures this store to sync secrets using the Pulumi provider.
type ClusterSecretStoreSpecProviderPulumi struct {
	// AccessToken is the access tokens to sign in to the Pulumi Cloud Console.
	AccessToken *ClusterSecretStoreSpecProviderPulumiAccessToken `field:"required" json:"accessToken" yaml:"accessToken"`
	// Environment are YAML documents composed of static key-value pairs, programmatic expressions, dynamically retrieved values from supported providers including all major clouds, and other Pulumi ESC environments.
	//
	// To create a new environment, visit https://www.pulumi.com/docs/esc/environments/ for more information.
	Environment *string `field:"required" json:"environment" yaml:"environment"`
	// Organization are a space to collaborate on shared projects and stacks.
	//
	// To create a new organization, visit https://app.pulumi.com/ and click "New Organization".
	Organization *string `field:"required" json:"organization" yaml:"organization"`
	// Project is the name of the Pulumi ESC project the environment belongs to.
	Project *string `field:"required" json:"project" yaml:"project"`
	// APIURL is the URL of the Pulumi API.
	ApiUrl *string `field:"optional" json:"apiUrl" yaml:"apiUrl"`
}

