package externalsecretsio


type ClusterSecretStoreSpecProviderGcpsmAuthWorkloadIdentity struct {
	// A reference to a ServiceAccount resource.
	ServiceAccountRef *ClusterSecretStoreSpecProviderGcpsmAuthWorkloadIdentityServiceAccountRef `field:"required" json:"serviceAccountRef" yaml:"serviceAccountRef"`
	// ClusterLocation is the location of the cluster If not specified, it fetches information from the metadata server.
	ClusterLocation *string `field:"optional" json:"clusterLocation" yaml:"clusterLocation"`
	// ClusterName is the name of the cluster If not specified, it fetches information from the metadata server.
	ClusterName *string `field:"optional" json:"clusterName" yaml:"clusterName"`
	// ClusterProjectID is the project ID of the cluster If not specified, it fetches information from the metadata server.
	ClusterProjectId *string `field:"optional" json:"clusterProjectId" yaml:"clusterProjectId"`
}

