package components

import (
	"github.com/supabase-eks/supabase-eks/k8s/manifest"
	"github.com/supabase-eks/supabase-eks/k8s/secrets"
	corev1 "k8s.io/api/core/v1"
)

// Studio is the dashboard, served behind Kong's basic auth at /.
func (c *Context) Studio() {
	c.Deploy(manifest.Workload{
		Name:  "studio",
		Image: manifest.ImageStudio,
		UID:   1000,
		Env: []corev1.EnvVar{
			// Next.js binds to HOSTNAME; the pod's host name would bind
			// only the pod IP's reverse name.
			manifest.Env("HOSTNAME", "0.0.0.0"),
			manifest.Env("STUDIO_PG_META_URL", c.ServiceURL("meta", MetaPort, "")),
			manifest.SecretEnv("POSTGRES_PASSWORD", secrets.DB, secrets.KeyAdminPassword),
			manifest.SecretEnv("PG_META_CRYPTO_KEY", secrets.Meta, secrets.KeyCryptoKey),
			manifest.Env("DEFAULT_ORGANIZATION_NAME", "Default Organization"),
			manifest.Env("DEFAULT_PROJECT_NAME", "supabase-"+c.Env.Name),
			manifest.Env("SUPABASE_URL", c.ServiceURL("kong", KongPort, "")),
			manifest.Env("SUPABASE_PUBLIC_URL", c.PublicURL),
			manifest.SecretEnv("SUPABASE_ANON_KEY", secrets.JWT, secrets.KeyAnonKey),
			manifest.SecretEnv("SUPABASE_SERVICE_KEY", secrets.JWT, secrets.KeyServiceRoleKey),
			manifest.SecretEnv("AUTH_JWT_SECRET", secrets.JWT, secrets.KeyJWTSecret),
			manifest.Env("NEXT_PUBLIC_ENABLE_LOGS", boolString(c.W.AnalyticsEnabled)),
			manifest.Env("NEXT_ANALYTICS_BACKEND_PROVIDER", "postgres"),
		},
		Ports:        []corev1.ContainerPort{manifest.Port("http", StudioPort)},
		Readiness:    manifest.HTTPProbe("/api/platform/profile", StudioPort, 10, 3),
		Liveness:     manifest.LivenessProbe(StudioPort),
		Startup:      manifest.HTTPProbe("/api/platform/profile", StudioPort, 5, 60),
		WritableDirs: []string{"/tmp", "/app/apps/studio/.next/cache"},
		Size:         c.W.Studio,
	})
}

func boolString(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
