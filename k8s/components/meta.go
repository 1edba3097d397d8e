package components

import (
	"fmt"

	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/k8s/kubesecrets"
	"github.com/supabase-eks/supabase-eks/k8s/manifest"
	corev1 "k8s.io/api/core/v1"
)

var metaComponent = Descriptor{
	Name: "meta", Image: manifest.ImageMeta, Port: MetaPort, DatabaseRole: "supabase_admin",
	Routes: (*Context).metaRoutes,
	Size:   func(w config.Workloads) config.Component { return w.Meta },
	Build:  (*Context).Meta,
}

// Meta is postgres-meta, Studio's database API, as supabase_admin.
func (c *Context) Meta(d Descriptor) {
	c.Deploy(manifest.Workload{
		Name:  d.Name,
		Image: d.Image,
		UID:   1000,
		Env: []corev1.EnvVar{
			manifest.Env("PG_META_PORT", fmt.Sprint(MetaPort)),
			manifest.Env("PG_META_DB_HOST", c.Out.DBHost),
			manifest.Env("PG_META_DB_PORT", fmt.Sprint(c.Out.DBPort)),
			manifest.Env("PG_META_DB_NAME", c.Out.DBName),
			manifest.Env("PG_META_DB_USER", "supabase_admin"),
			manifest.SecretEnv("PG_META_DB_PASSWORD", kubesecrets.DB, kubesecrets.KeyAdminPassword),
			// postgres-meta's own connection verifies the server certificate
			// and name; "require" would encrypt without verifying.
			manifest.Env("PG_META_DB_SSL_MODE", "verify-full"),
			// The PEM text (not a path). It is also the TLS setting of the
			// connections Studio sends in x-connection-encrypted: Studio's
			// string carries no sslmode, and without a root certificate
			// postgres-meta would connect to RDS in plain text (refused).
			manifest.ConfigMapEnv("PG_META_DB_SSL_ROOT_CERT", RDSCAConfigMap, RDSCAKey),
			manifest.SecretEnv("CRYPTO_KEY", kubesecrets.Meta, kubesecrets.KeyCryptoKey),
		},
		Ports:          []corev1.ContainerPort{manifest.Port("http", MetaPort)},
		Readiness:      manifest.HTTPProbe("/health", MetaPort, 5, 3),
		Liveness:       manifest.LivenessProbe(MetaPort),
		Startup:        manifest.HTTPProbe("/health", MetaPort, 2, 30),
		InitContainers: []corev1.Container{c.WaitForDatabase(c.adminDBEnv()...)},
		WritableDirs:   []string{"/tmp"},
		// The bundle is read into the environment at start.
		ReloadConfigMaps: []string{RDSCAConfigMap},
		Size:             d.Size(c.W),
	})
}
