package cli

import (
	"context"
	"flag"
	"strings"
	"time"

	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/ops/deploy"
)

// restorePITR runs the point-in-time restore workflow. Without --time it
// resumes the restore the configuration already holds (the file the
// configure step wrote), so `--from infra-apply` needs no other flag.
func (a *App) restorePITR(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("restore pitr", flag.ContinueOnError)
	loadEnv := envFlag(fs)
	var f deployFlags
	var at, source, dbi string
	fs.StringVar(&at, "time", "", "moment to restore to, RFC 3339 in UTC (2026-11-30T08:15:00Z)")
	fs.StringVar(&source, "source", "", "instance to restore from (default: the environment's current instance)")
	fs.StringVar(&dbi, "source-dbi-resource-id", "", "restore from the retained automated backups of a deleted instance (db-...)")
	fs.StringVar(&f.only, "only", "", "run just this step")
	fs.StringVar(&f.from, "from", "", "resume at this step")
	fs.BoolVar(&f.yes, "yes", false, "approve without asking (the restore and the Terraform plan)")
	fs.DurationVar(&f.timeout, "timeout", 15*time.Minute, "bound for each wait")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if f.only != "" && f.from != "" {
		return usagef("--only and --from exclude each other")
	}
	if source != "" && dbi != "" {
		return usagef("--source and --source-dbi-resource-id exclude each other")
	}
	env, err := loadEnv()
	if err != nil {
		return err
	}
	r, err := pitrRequest(env, at, source, dbi)
	if err != nil {
		return err
	}
	f.method = "kubectl"
	d := a.deployer(env, f)
	p := &deploy.PITR{D: d, Restore: r}
	return d.RunSteps(ctx, "restore pitr", p.Steps(), f.only, f.from)
}

// pitrRequest is the restore to run: the one in effect when --time names
// it (or is left out, to resume it), otherwise a new one from the current
// instance.
func pitrRequest(env config.Environment, at, source, dbi string) (config.PointInTimeRestore, error) {
	current := env.Database.PointInTimeRestore
	if current != nil && (at == "" || at == current.Time) && source == "" && dbi == "" {
		return *current, nil
	}
	if at == "" {
		return config.PointInTimeRestore{}, usagef("--time is required (no restore of %s is in progress to resume)", env.Name)
	}
	r := config.PointInTimeRestore{Time: at, SourceIdentifier: source, SourceDbiResourceID: dbi}
	if source == "" && dbi == "" {
		r.SourceIdentifier = env.DBInstanceIdentifier()
	}
	// Validated now, so a bad flag fails before any step runs.
	e := env
	e.Database.PointInTimeRestore = &r
	if err := e.Validate(); err != nil {
		return config.PointInTimeRestore{}, usagef("%v", err)
	}
	return r, nil
}

// restoreDump runs the dump restore workflow.
func (a *App) restoreDump(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("restore dump", flag.ContinueOnError)
	loadEnv := envFlag(fs)
	var f deployFlags
	var object string
	var force bool
	fs.StringVar(&object, "object", "", "the dump: s3://<backups bucket>/pg_dump/<env>/<file>.dump")
	fs.BoolVar(&force, "force", false, "restore into a non-empty database: objects the dump holds are dropped and recreated")
	fs.StringVar(&f.only, "only", "", "run just this step")
	fs.StringVar(&f.from, "from", "", "resume at this step")
	fs.BoolVar(&f.yes, "yes", false, "approve without asking")
	fs.DurationVar(&f.timeout, "timeout", 15*time.Minute, "bound for each wait")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if f.only != "" && f.from != "" {
		return usagef("--only and --from exclude each other")
	}
	if !strings.HasPrefix(object, "s3://") {
		return usagef("--object %q: want s3://<backups bucket>/pg_dump/<env>/<file>.dump (make restore MODE=dump FROM=s3://...)", object)
	}
	env, err := loadEnv()
	if err != nil {
		return err
	}
	d := a.deployer(env, f)
	r := &deploy.DumpRestore{D: d, Object: object, Force: force}
	return d.RunSteps(ctx, "restore dump", r.Steps(), f.only, f.from)
}
