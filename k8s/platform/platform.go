// Package platform renders what the Supabase components stand on: the
// namespace and its Pod Security level, the gp3 StorageClass, the secret
// store and ExternalSecrets, NetworkPolicies, the ALB Ingress, the database
// bootstrap Job, the backup CronJob and the add-ons' Helm values.
package platform

import (
	"github.com/supabase-eks/supabase-eks/k8s/manifest"
	corev1 "k8s.io/api/core/v1"
	storagev1 "k8s.io/api/storage/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// StorageClassName is the encrypted gp3 class for every volume the stack
// creates.
const StorageClassName = "supabase-gp3-encrypted"

// ReadinessGateLabel makes the AWS Load Balancer Controller inject its pod
// readiness gate in the namespace.
const ReadinessGateLabel = "elbv2.k8s.aws/pod-readiness-gate-inject"

// Namespace enforces the restricted Pod Security Standard: every workload
// here is written to pass it, and the API server rejects any pod that does not.
func Namespace(c *manifest.Context) {
	version := "v" + c.Env.Cluster.KubernetesVersion
	labels := manifest.Labels("supabase")
	for _, mode := range []string{"enforce", "audit", "warn"} {
		labels["pod-security.kubernetes.io/"+mode] = "restricted"
		labels["pod-security.kubernetes.io/"+mode+"-version"] = version
	}
	// The load balancer controller adds a readiness gate to the pods it
	// targets: a new Kong pod counts as ready (and a rollout moves on) only
	// once the ALB sees it healthy.
	labels[ReadinessGateLabel] = "enabled"
	c.Add(manifest.StageNamespace, &corev1.Namespace{
		TypeMeta:   manifest.Type("v1", "Namespace"),
		ObjectMeta: metav1.ObjectMeta{Name: c.Namespace, Labels: labels},
	})
}

// StorageClass is encrypted with the AWS-managed EBS key (aws/ebs), binds
// when a pod is scheduled (so the volume lands in the pod's zone) and can
// grow. Not the project key: the EBS CSI driver's role has the AWS-managed
// policy only, without the KMS grants a customer key needs, so a volume
// with it is never created and the pod waits forever (the first version's
// backup CronJob did). The class's parameters are immutable, hence a new
// name for the changed class.
func StorageClass(c *manifest.Context) {
	c.Add(manifest.StageNamespace, &storagev1.StorageClass{
		TypeMeta:    manifest.Type("storage.k8s.io/v1", "StorageClass"),
		ObjectMeta:  metav1.ObjectMeta{Name: StorageClassName, Labels: manifest.Labels("supabase")},
		Provisioner: "ebs.csi.aws.com",
		Parameters: map[string]string{
			"type":      "gp3",
			"encrypted": "true",
			"fsType":    "ext4",
		},
		ReclaimPolicy:        manifest.Ptr(corev1.PersistentVolumeReclaimDelete),
		VolumeBindingMode:    manifest.Ptr(storagev1.VolumeBindingWaitForFirstConsumer),
		AllowVolumeExpansion: manifest.Ptr(true),
	})
}

// All renders every platform object except the add-on values (see Addons).
func All(c *manifest.Context) {
	Namespace(c)
	StorageClass(c)
	SecretStore(c)
	ExternalSecrets(c)
	NetworkPolicies(c)
	DatabaseClientSecurityGroups(c)
	Ingress(c)
	Bootstrap(c)
	Backup(c)
}
