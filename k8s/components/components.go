// Package components has one construct per Supabase component. Each turns
// the environment's sizing and the infrastructure outputs into a
// manifest.Workload; each is described by a Descriptor in its own file, and
// adding a component is that file plus one line in Registry.
package components

import (
	"fmt"

	"github.com/supabase-eks/supabase-eks/k8s/kubesecrets"
	"github.com/supabase-eks/supabase-eks/k8s/manifest"
	corev1 "k8s.io/api/core/v1"
)

// Context adds the component constructs to manifest.Context.
type Context struct{ *manifest.Context }

// Container ports of the components.
const (
	AuthPort      = 9999
	RestPort      = 3000
	RestAdminPort = 3001
	RealtimePort  = 4000
	StoragePort   = 5000
	ImgproxyPort  = 5001
	MetaPort      = 8080
	StudioPort    = 3000
	FunctionsPort = 9000
	AnalyticsPort = 4000
)

// All renders every enabled component.
func All(mc *manifest.Context) {
	c := &Context{mc}
	c.RDSCABundle()
	for _, d := range Enabled(c.W) {
		c.checkAutoscaled(d)
		d.Build(&Context{mc.For(d.Name)}, d)
	}
}

// adminDBEnv connects as supabase_admin through the libpq variables.
func (c *Context) adminDBEnv() []corev1.EnvVar {
	return []corev1.EnvVar{
		manifest.Env("PGHOST", c.Out.DBHost),
		manifest.Env("PGPORT", fmt.Sprint(c.Out.DBPort)),
		manifest.Env("PGDATABASE", c.Out.DBName),
		manifest.Env("PGUSER", "supabase_admin"),
		manifest.SecretEnv("PGPASSWORD", kubesecrets.DB, kubesecrets.KeyAdminPassword),
	}
}

// waitURL waits until the role in the DB Secret's URL key can log in.
func (c *Context) waitURL(key string) corev1.Container {
	return c.WaitForDatabase(manifest.SecretEnv("DATABASE_URL", kubesecrets.DB, key))
}
