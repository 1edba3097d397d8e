package components

import (
	"path/filepath"

	"github.com/supabase-eks/supabase-eks/k8s/manifest"
	corev1 "k8s.io/api/core/v1"
)

// The RDS CA bundle as the pods see it: one ConfigMap, mounted read-only
// where a client reads a file (Node's NODE_EXTRA_CA_CERTS) or read into an
// environment variable where a client takes the PEM text itself.
const (
	RDSCAConfigMap = "rds-ca-bundle"
	RDSCAKey       = "rds-ca-bundle.pem"
	RDSCAMountDir  = "/etc/supabase/rds-ca"
	RDSCAFile      = RDSCAMountDir + "/" + RDSCAKey
	// RDSCASHA256Annotation pins the bundle's digest on the ConfigMap, so a
	// changed bundle is one reviewed line in the dist/ diff.
	RDSCASHA256Annotation = "supabase-eks/rds-ca-sha256"
	// RDSCASourceAnnotation says where the bundle came from; the example
	// render says "example stand-in".
	RDSCASourceAnnotation = "supabase-eks/rds-ca-source"
)

// RDSCABundle renders the bundle's ConfigMap.
func (c *Context) RDSCABundle() {
	// The file name only: the render must not depend on where it ran.
	source := filepath.Base(c.RDSCA.Source)
	if c.RDSCA.StandIn {
		source = "example stand-in " + source + ": verifies no real RDS instance"
	}
	meta := c.ObjectMeta(RDSCAConfigMap, "rds-ca")
	meta.Annotations = map[string]string{RDSCASHA256Annotation: c.RDSCA.SHA256, RDSCASourceAnnotation: source}
	c.Add(manifest.StageSecrets, &corev1.ConfigMap{
		TypeMeta:   manifest.Type("v1", "ConfigMap"),
		ObjectMeta: meta,
		Data:       map[string]string{RDSCAKey: c.RDSCA.PEM},
	})
}

// rdsCAVolume and rdsCAMount put the bundle at RDSCAFile.
func rdsCAVolume() corev1.Volume {
	return corev1.Volume{Name: "rds-ca", VolumeSource: corev1.VolumeSource{ConfigMap: &corev1.ConfigMapVolumeSource{
		LocalObjectReference: corev1.LocalObjectReference{Name: RDSCAConfigMap},
		DefaultMode:          manifest.Ptr(int32(0o444)),
	}}}
}

func rdsCAMount() corev1.VolumeMount {
	return corev1.VolumeMount{Name: "rds-ca", MountPath: RDSCAMountDir, ReadOnly: true}
}
