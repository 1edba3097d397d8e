package components

import (
	"fmt"

	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/k8s/kubesecrets"
	"github.com/supabase-eks/supabase-eks/k8s/manifest"
	corev1 "k8s.io/api/core/v1"
)

var studioComponent = Descriptor{
	Name: "studio", Image: manifest.ImageStudio, Port: StudioPort,
	// Its editors go through postgres-meta; its API calls through Kong.
	Calls:  []Call{{To: "meta", Ports: []int{MetaPort}}, {To: "kong", Ports: []int{KongPort}}, {To: "analytics", Ports: []int{AnalyticsPort}}},
	Routes: (*Context).studioRoutes,
	Size:   func(w config.Workloads) config.Component { return w.Studio },
	Build:  (*Context).Studio,
}

// Studio is the dashboard, served behind Kong's basic auth at /.
func (c *Context) Studio(d Descriptor) {
	c.Deploy(manifest.Workload{
		Name:  d.Name,
		Image: d.Image,
		UID:   1000,
		Env: []corev1.EnvVar{
			// Next.js binds to HOSTNAME; the pod's host name would bind
			// only the pod IP's reverse name.
			manifest.Env("HOSTNAME", "0.0.0.0"),
			manifest.Env("STUDIO_PG_META_URL", c.ServiceURL("meta", MetaPort, "")),
			// The table and SQL editors do not use postgres-meta's own
			// connection: Studio builds postgresql://<user>:<POSTGRES_PASSWORD>@
			// <POSTGRES_HOST>:<POSTGRES_PORT>/<POSTGRES_DB> (defaults: host
			// "db"), encrypts it with PG_META_CRYPTO_KEY and sends it to
			// postgres-meta, which connects with it (TLS from its own
			// PG_META_DB_SSL_ROOT_CERT: the string has no sslmode). The
			// password is not URL-encoded there, which the generated
			// alphanumeric passwords survive.
			manifest.Env("POSTGRES_HOST", c.Out.DBHost),
			manifest.Env("POSTGRES_PORT", fmt.Sprint(c.Out.DBPort)),
			manifest.Env("POSTGRES_DB", c.Out.DBName),
			manifest.Env("POSTGRES_USER_READ_WRITE", "supabase_admin"),
			// Gets the same password (the bootstrap sets both).
			manifest.Env("POSTGRES_USER_READ_ONLY", "supabase_read_only_user"),
			manifest.SecretEnv("POSTGRES_PASSWORD", kubesecrets.DB, kubesecrets.KeyAdminPassword),
			manifest.SecretEnv("PG_META_CRYPTO_KEY", kubesecrets.Meta, kubesecrets.KeyCryptoKey),
			manifest.Env("DEFAULT_ORGANIZATION_NAME", "Default Organization"),
			manifest.Env("DEFAULT_PROJECT_NAME", c.Env.ResourcePrefix()),
			manifest.Env("SUPABASE_URL", c.ServiceURL("kong", KongPort, "")),
			manifest.Env("SUPABASE_PUBLIC_URL", c.PublicURL),
			manifest.SecretEnv("SUPABASE_ANON_KEY", kubesecrets.JWT, kubesecrets.KeyAnonKey),
			manifest.SecretEnv("SUPABASE_SERVICE_KEY", kubesecrets.JWT, kubesecrets.KeyServiceRoleKey),
			manifest.SecretEnv("AUTH_JWT_SECRET", kubesecrets.JWT, kubesecrets.KeyJWTSecret),
			manifest.Env("NEXT_PUBLIC_ENABLE_LOGS", boolString(c.W.AnalyticsEnabled)),
			manifest.Env("NEXT_ANALYTICS_BACKEND_PROVIDER", "postgres"),
		},
		Ports:        []corev1.ContainerPort{manifest.Port("http", StudioPort)},
		Readiness:    manifest.HTTPProbe("/api/platform/profile", StudioPort, 10, 3),
		Liveness:     manifest.LivenessProbe(StudioPort),
		Startup:      manifest.HTTPProbe("/api/platform/profile", StudioPort, 5, 60),
		WritableDirs: []string{"/tmp", "/app/apps/studio/.next/cache"},
		Size:         d.Size(c.W),
	})
}

func boolString(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
