package components

import (
	"fmt"

	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/k8s/kubesecrets"
	"github.com/supabase-eks/supabase-eks/k8s/manifest"
	corev1 "k8s.io/api/core/v1"
)

var analyticsComponent = Descriptor{
	Name: "analytics", Image: manifest.ImageAnalytics, Port: AnalyticsPort, DatabaseRole: "supabase_admin",
	Enabled: func(w config.Workloads) bool { return w.AnalyticsEnabled },
	Size:    func(w config.Workloads) config.Component { return w.Analytics },
	Build:   (*Context).Analytics,
}

// Analytics is Logflare on the Postgres backend (off by default,
// workloads.analyticsEnabled): nothing ships logs to it until a log
// collector is added, so it is opt-in.
func (c *Context) Analytics(d Descriptor) {
	c.Deploy(manifest.Workload{
		Name:  d.Name,
		Image: d.Image,
		UID:   1000,
		Env: []corev1.EnvVar{
			manifest.Env("LOGFLARE_NODE_HOST", "127.0.0.1"),
			manifest.Env("LOGFLARE_SINGLE_TENANT", "true"),
			manifest.Env("LOGFLARE_SUPABASE_MODE", "true"),
			manifest.Env("DB_HOSTNAME", c.Out.DBHost),
			manifest.Env("DB_PORT", fmt.Sprint(c.Out.DBPort)),
			manifest.Env("DB_DATABASE", c.Out.DBName),
			manifest.Env("DB_SCHEMA", "_analytics"),
			manifest.Env("DB_USERNAME", "supabase_admin"),
			manifest.SecretEnv("DB_PASSWORD", kubesecrets.DB, kubesecrets.KeyAdminPassword),
			manifest.Env("DB_SSL", "true"),
			manifest.SecretEnv("POSTGRES_BACKEND_URL", kubesecrets.Analytics, kubesecrets.KeyAnalyticsDBURL),
			manifest.Env("POSTGRES_BACKEND_SCHEMA", "_analytics"),
			manifest.SecretEnv("LOGFLARE_PUBLIC_ACCESS_TOKEN", kubesecrets.Analytics, kubesecrets.KeyLogflarePublic),
			manifest.SecretEnv("LOGFLARE_PRIVATE_ACCESS_TOKEN", kubesecrets.Analytics, kubesecrets.KeyLogflarePrivate),
		},
		Ports:          []corev1.ContainerPort{manifest.Port("http", AnalyticsPort)},
		Readiness:      manifest.HTTPProbe("/health", AnalyticsPort, 10, 3),
		Liveness:       manifest.LivenessProbe(AnalyticsPort),
		Startup:        manifest.HTTPProbe("/health", AnalyticsPort, 5, 60),
		InitContainers: []corev1.Container{c.WaitForDatabase(c.adminDBEnv()...)},
		WritableDirs:   []string{"/tmp"},
		Size:           d.Size(c.W),
	})
}
