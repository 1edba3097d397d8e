package externalsecretsio


// Auth defines the information necessary to authenticate against chef Server.
type ClusterSecretStoreV1Beta1SpecProviderChefAuth struct {
	// ChefAuthSecretRef holds secret references for chef server login credentials.
	SecretRef *ClusterSecretStoreV1Beta1SpecProviderChefAuthSecretRef `field:"required" json:"secretRef" yaml:"secretRef"`
}

