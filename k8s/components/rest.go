package components

import (
	"fmt"

	"github.com/supabase-eks/supabase-eks/internal/capacity"
	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/k8s/kubesecrets"
	"github.com/supabase-eks/supabase-eks/k8s/manifest"
	corev1 "k8s.io/api/core/v1"
)

var restComponent = Descriptor{
	Name: "rest", Image: manifest.ImageRest, Port: RestPort, MetricsPort: RestAdminPort, DatabaseRole: "authenticator",
	Routes:     (*Context).restRoutes,
	Autoscaled: true,
	Size:       func(w config.Workloads) config.Component { return w.Rest },
	Build:      (*Context).Rest,
}

// Rest is PostgREST, logging in as authenticator.
func (c *Context) Rest(d Descriptor) {
	c.Deploy(manifest.Workload{
		Name:  d.Name,
		Image: d.Image,
		UID:   1000,
		Env: []corev1.EnvVar{
			manifest.SecretEnv("PGRST_DB_URI", kubesecrets.DB, kubesecrets.KeyRestURL),
			manifest.Env("PGRST_DB_SCHEMAS", "public,storage,graphql_public"),
			manifest.Env("PGRST_DB_ANON_ROLE", "anon"),
			// A JWKS: the signing keys by kid, and the legacy secret as an
			// oct key for tokens without one.
			manifest.SecretEnv("PGRST_JWT_SECRET", kubesecrets.JWKS, kubesecrets.KeyPostgRESTJWKS),
			// Upstream's default caps an unfiltered select; PostgREST itself
			// has no limit.
			manifest.Env("PGRST_DB_MAX_ROWS", "1000"),
			// The pool is explicit so that internal/capacity can hold
			// pool x maxReplicas under max_connections (default 10).
			manifest.Env(capacity.EnvRestPool, fmt.Sprint(c.W.Rest.DBPoolSize)),
			// Functions of extensions installed in `extensions` (pgcrypto,
			// uuid-ossp) resolve in API queries.
			manifest.Env("PGRST_DB_EXTRA_SEARCH_PATH", "public,extensions"),
			manifest.SecretEnv("PGRST_APP_SETTINGS_JWT_SECRET", kubesecrets.JWT, kubesecrets.KeyJWTSecret),
			manifest.Env("PGRST_APP_SETTINGS_JWT_EXP", fmt.Sprint(c.W.JWTExpirySeconds)),
			manifest.Env("PGRST_SERVER_PORT", fmt.Sprint(RestPort)),
			manifest.Env("PGRST_ADMIN_SERVER_PORT", fmt.Sprint(RestAdminPort)),
		},
		Ports: []corev1.ContainerPort{manifest.Port("http", RestPort), manifest.Port("admin", RestAdminPort)},
		// The admin server tells the two apart: /ready needs a database
		// connection and a loaded schema cache, /live only the process.
		Readiness:      manifest.HTTPProbe("/ready", RestAdminPort, 5, 3),
		Liveness:       manifest.HTTPProbe("/live", RestAdminPort, 10, 3),
		Startup:        manifest.HTTPProbe("/live", RestAdminPort, 2, 30),
		InitContainers: []corev1.Container{c.waitURL(kubesecrets.KeyRestURL)},
		// The admin server serves /metrics (schema cache, connection pool)
		// next to /live and /ready.
		MetricsPort: "admin",
		Size:        d.Size(c.W),
	})
}
