package externalsecretsio


// Chef configures this store to sync secrets with chef server.
type ClusterSecretStoreSpecProviderChef struct {
	// Auth defines the information necessary to authenticate against chef Server.
	Auth *ClusterSecretStoreSpecProviderChefAuth `field:"required" json:"auth" yaml:"auth"`
	// ServerURL is the chef server URL used to connect to.
	//
	// If using orgs you should include your org in the url and terminate the url with a "/".
	ServerUrl *string `field:"required" json:"serverUrl" yaml:"serverUrl"`
	// UserName should be the user ID on the chef server.
	Username *string `field:"required" json:"username" yaml:"username"`
}

