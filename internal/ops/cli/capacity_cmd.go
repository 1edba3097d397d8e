package cli

import (
	"context"
	"flag"
	"path/filepath"

	"github.com/supabase-eks/supabase-eks/internal/capacity"
)

// capacity prints the connection budget of dist/<env> (no AWS calls) and
// fails when it exceeds capacity.Threshold of max_connections.
func (a *App) capacity(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("capacity", flag.ContinueOnError)
	loadEnv := envFlag(fs)
	dist := fs.String("dist", "", "rendered manifests (default dist/<env>)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	env, err := loadEnv()
	if err != nil {
		return err
	}
	dir := *dist
	if dir == "" {
		dir = filepath.Join("dist", env.Name)
	}
	b, err := capacity.Model(env.Name, a.path(dir), env.Database.InstanceClass)
	if err != nil {
		return err
	}
	b.Print(a.Stdout)
	return b.Check()
}
