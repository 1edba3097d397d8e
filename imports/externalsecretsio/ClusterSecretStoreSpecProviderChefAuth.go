package externalsecretsio


// Auth defines the information necessary to authenticate against chef Server.
type ClusterSecretStoreSpecProviderChefAuth struct {
	// ChefAuthSecretRef holds secret references for chef server login credentials.
	SecretRef *ClusterSecretStoreSpecProviderChefAuthSecretRef `field:"required" json:"secretRef" yaml:"secretRef"`
}

