package externalsecretsio


// Fortanix configures this store to sync secrets using the Fortanix provider.
type ClusterSecretStoreSpecProviderFortanix struct {
	// APIKey is the API token to access SDKMS Applications.
	ApiKey *ClusterSecretStoreSpecProviderFortanixApiKey `field:"optional" json:"apiKey" yaml:"apiKey"`
	// APIURL is the URL of SDKMS API.
	//
	// Defaults to `sdkms.fortanix.com`.
	// Default: sdkms.fortanix.com`.
	//
	ApiUrl *string `field:"optional" json:"apiUrl" yaml:"apiUrl"`
}

