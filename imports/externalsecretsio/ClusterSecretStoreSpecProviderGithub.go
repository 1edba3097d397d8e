package externalsecretsio


// Github configures this store to push Github Action secrets using Github API provider.
type ClusterSecretStoreSpecProviderGithub struct {
	// appID specifies the Github APP that will be used to authenticate the client.
	AppId *float64 `field:"required" json:"appId" yaml:"appId"`
	// auth configures how secret-manager authenticates with a Github instance.
	Auth *ClusterSecretStoreSpecProviderGithubAuth `field:"required" json:"auth" yaml:"auth"`
	// installationID specifies the Github APP installation that will be used to authenticate the client.
	InstallationId *float64 `field:"required" json:"installationId" yaml:"installationId"`
	// organization will be used to fetch secrets from the Github organization.
	Organization *string `field:"required" json:"organization" yaml:"organization"`
	// environment will be used to fetch secrets from a particular environment within a github repository.
	Environment *string `field:"optional" json:"environment" yaml:"environment"`
	// repository will be used to fetch secrets from the Github repository within an organization.
	Repository *string `field:"optional" json:"repository" yaml:"repository"`
	// Upload URL for enterprise instances.
	//
	// Default to URL.
	// Default: URL.
	//
	UploadUrl *string `field:"optional" json:"uploadUrl" yaml:"uploadUrl"`
	// URL configures the Github instance URL.
	//
	// Defaults to https://github.com/.
	// Default: https://github.com/.
	//
	Url *string `field:"optional" json:"url" yaml:"url"`
}

