package platform

import (
	"fmt"

	"github.com/supabase-eks/supabase-eks/k8s/dbbootstrap"
	"github.com/supabase-eks/supabase-eks/k8s/kubesecrets"
	"github.com/supabase-eks/supabase-eks/k8s/manifest"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// BootstrapSQLDir is where the Job mounts the SQL files.
const BootstrapSQLDir = "/bootstrap"

// masterEnv connects as the RDS master over TLS.
func masterEnv(c *manifest.Context) []corev1.EnvVar {
	return []corev1.EnvVar{
		manifest.Env("PGHOST", c.Out.DBHost),
		manifest.Env("PGPORT", fmt.Sprint(c.Out.DBPort)),
		manifest.Env("PGDATABASE", c.Out.DBName),
		manifest.SecretEnv("PGUSER", kubesecrets.DBMaster, kubesecrets.KeyMasterUsername),
		manifest.SecretEnv("PGPASSWORD", kubesecrets.DBMaster, kubesecrets.KeyMasterPassword),
		manifest.Env("PGSSLMODE", "require"),
		manifest.Env("PGCONNECT_TIMEOUT", "10"),
	}
}

// Bootstrap is the Job that prepares the database as the RDS master: roles,
// schemas, grants, extensions, the Realtime publication and each role's
// password (see k8s/dbbootstrap). The SQL is idempotent; components wait in
// their wait-for-database init container until their role can log in, which
// is the ordering guarantee. Re-run it after rotating a database password:
// kubectl -n supabase delete job db-bootstrap, then apply 30-bootstrap.yaml.
func Bootstrap(c *manifest.Context) {
	files := map[string]string{}
	for _, f := range dbbootstrap.Files() {
		files[f.Name] = f.Content
	}
	c.Add(manifest.StageBootstrap, &corev1.ConfigMap{
		TypeMeta:   manifest.Type("v1", "ConfigMap"),
		ObjectMeta: c.ObjectMeta(BootstrapName+"-sql", BootstrapName),
		Data:       files,
	})
	c.Add(manifest.StageBootstrap, &corev1.ServiceAccount{
		TypeMeta:                     manifest.Type("v1", "ServiceAccount"),
		ObjectMeta:                   c.ObjectMeta(BootstrapName, BootstrapName),
		AutomountServiceAccountToken: manifest.Ptr(false),
	})
	env := masterEnv(c)
	for _, name := range dbbootstrap.RequiredEnv {
		env = append(env, manifest.SecretEnv(name, kubesecrets.DB, kubesecrets.BootstrapKey(name)))
	}
	c.Add(manifest.StageBootstrap, &batchv1.Job{
		TypeMeta:   manifest.Type("batch/v1", "Job"),
		ObjectMeta: c.ObjectMeta(BootstrapName, BootstrapName),
		Spec: batchv1.JobSpec{
			// Retries cover the window in which External Secrets has not yet
			// written the Secrets or the database is still starting.
			BackoffLimit:          manifest.Ptr(int32(10)),
			ActiveDeadlineSeconds: manifest.Ptr(int64(3600)),
			Template: corev1.PodTemplateSpec{
				ObjectMeta: metav1.ObjectMeta{Labels: manifest.Labels(BootstrapName)},
				Spec: corev1.PodSpec{
					RestartPolicy:                corev1.RestartPolicyNever,
					ServiceAccountName:           BootstrapName,
					AutomountServiceAccountToken: manifest.Ptr(false),
					SecurityContext:              manifest.PodSecurity(manifest.PostgresClientUID),
					Containers: []corev1.Container{{
						Name:            "psql",
						Image:           c.PostgresClientImage(),
						ImagePullPolicy: corev1.PullIfNotPresent,
						Command:         dbbootstrap.Command(BootstrapSQLDir),
						Env:             env,
						Resources:       manifest.ResourceRequirements(manifest.LogOnlyResources("50m", "64Mi", "500m", "128Mi")),
						VolumeMounts:    []corev1.VolumeMount{{Name: "sql", MountPath: BootstrapSQLDir, ReadOnly: true}},
						SecurityContext: manifest.WithUID(manifest.PostgresClientUID),
					}},
					Volumes: []corev1.Volume{{Name: "sql", VolumeSource: corev1.VolumeSource{ConfigMap: &corev1.ConfigMapVolumeSource{
						LocalObjectReference: corev1.LocalObjectReference{Name: BootstrapName + "-sql"},
					}}}},
				},
			},
		},
	})
}
