package manifest

import (
	"strings"

	corev1 "k8s.io/api/core/v1"
)

// Images pinned by tag, in one place so an upgrade is one reviewed diff.
// Versions were checked against the upstream release tags (see k8s/README.md).
const (
	ImageKong      = "kong/kong:3.9.1"
	ImageAuth      = "supabase/gotrue:v2.189.0"
	ImageRest      = "postgrest/postgrest:v14.17"
	ImageRealtime  = "supabase/realtime:v2.102.3"
	ImageStorage   = "supabase/storage-api:v1.60.4"
	ImageImgproxy  = "darthsim/imgproxy:v3.30.1"
	ImageMeta      = "supabase/postgres-meta:v0.96.6"
	ImageStudio    = "supabase/studio:2026.07.07-sha-a6a04f2"
	ImageFunctions = "supabase/edge-runtime:v1.74.0"
	ImageAnalytics = "supabase/logflare:1.43.1"
	ImageSupavisor = "supabase/supavisor:2.7.4"
	ImageAWSCLI    = "amazon/aws-cli:2.27.0"
)

// PostgresClientUID is the postgres user of the official alpine image.
const PostgresClientUID = 70

// PostgresClientImage is the official PostgreSQL image matching the RDS
// engine version, used for psql and pg_dump (same major as the server).
func (c *Context) PostgresClientImage() string {
	return "postgres:" + c.Out.DBEngineVersion + "-alpine"
}

// WaitForDatabase is an init container that blocks until the component's own
// database role can log in, which is only true once the bootstrap Job has
// created it and set its password. It is how components wait for bootstrap.
// env must provide either DATABASE_URL or the PG* variables.
func (c *Context) WaitForDatabase(env ...corev1.EnvVar) corev1.Container {
	target := ""
	for _, e := range env {
		if e.Name == "DATABASE_URL" {
			target = ` -d "$DATABASE_URL"`
		}
	}
	if target == "" {
		env = append(env, Env("PGSSLMODE", "require"))
	}
	script := strings.Join([]string{
		`until psql -X -w -q -t` + target + ` -c 'select 1' >/dev/null; do`,
		`echo "waiting for the database role (run by the db-bootstrap Job)"; sleep 5; done`,
	}, " ")
	return corev1.Container{
		Name:            "wait-for-database",
		Image:           c.PostgresClientImage(),
		ImagePullPolicy: corev1.PullIfNotPresent,
		Command:         []string{"sh", "-c", script},
		Env:             env,
		Resources:       ResourceRequirements(LogOnlyResources("10m", "16Mi", "100m", "64Mi")),
		SecurityContext: withUID(ContainerSecurity(), PostgresClientUID),
	}
}

func withUID(sc *corev1.SecurityContext, uid int64) *corev1.SecurityContext {
	sc.RunAsUser = Ptr(uid)
	sc.RunAsGroup = Ptr(uid)
	return sc
}
