package cli

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"time"

	"github.com/supabase-eks/supabase-eks/internal/artifacts"
	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/internal/ops/kube"
	"github.com/supabase-eks/supabase-eks/internal/ops/secretvalues"
)

type secretFlags struct {
	outputs, expiry, dashboardUser string
	smtpFromEnv                    bool
}

func (f *secretFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.outputs, "outputs", "", "outputs file (default outputs/<env>.json)")
	fs.StringVar(&f.expiry, "jwt-expiry", "5y", "lifetime of the anon and service_role keys (e.g. 5y, 365d)")
	fs.StringVar(&f.dashboardUser, "dashboard-user", "", "Studio basic-auth user (default "+secretvalues.DefaultDashboardUser+")")
	fs.BoolVar(&f.smtpFromEnv, "smtp-from-env", false, "take SMTP settings from SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASSWORD, SMTP_ADMIN_EMAIL, SMTP_SENDER_NAME")
}

func (a *App) generator(f *secretFlags, env config.Environment) (secretvalues.Generator, error) {
	exp, err := secretvalues.ParseExpiry(f.expiry)
	if err != nil {
		return secretvalues.Generator{}, usageError{err}
	}
	g := secretvalues.Generator{JWTExpiry: exp, DashboardUser: f.dashboardUser, PoolerTenant: env.Workloads.Pooler.Tenant}
	if f.smtpFromEnv {
		if g.SMTP, err = a.smtpFromEnv(); err != nil {
			return g, err
		}
	}
	return g, nil
}

func (a *App) secretsInit(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("secrets init", flag.ContinueOnError)
	loadEnv := envFlag(fs)
	var f secretFlags
	f.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	env, err := loadEnv()
	if err != nil {
		return err
	}
	return a.initSecrets(ctx, env, f)
}

func (a *App) initSecrets(ctx context.Context, env config.Environment, f secretFlags) error {
	o, path, err := a.loadOutputs(env, f.outputs)
	if err != nil {
		return err
	}
	g, err := a.generator(&f, env)
	if err != nil {
		return err
	}
	if err := a.checkAccount(ctx, env, "secrets init"); err != nil {
		return err
	}
	store, err := a.NewStore(ctx, o.Region)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.Stdout, "secrets init for %s (from %s, region %s):\n", env.Name, path, o.Region)
	res, err := secretvalues.Init(ctx, store, o, g, a.Stdout)
	written := 0
	for _, r := range res {
		if r.Action == secretvalues.Written {
			written++
		}
	}
	fmt.Fprintf(a.Stdout, "%d written, %d kept\n", written, len(res)-written)
	return err
}

func (a *App) secretsRotate(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("secrets rotate", flag.ContinueOnError)
	loadEnv := envFlag(fs)
	var f secretFlags
	f.register(fs)
	dbEncKey := fs.Bool("rotate-db-enc-key", false, "realtime: also replace DB_ENC_KEY (Realtime's stored tenant settings become unreadable until re-seeded)")
	noRoll := fs.Bool("no-roll", false, "only write the new version; do not touch the cluster")
	rollOnly := fs.Bool("roll-only", false, "do not write a new version; make the cluster pick up the current one (the retry after a failed roll)")
	timeout := fs.Duration("timeout", 10*time.Minute, "bound for each wait in the cluster")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("want exactly one secret name (%v)", secretvalues.Logicals())
	}
	logical := pos[0]
	switch logical {
	case outputs.SecretSigningKeys:
		return fmt.Errorf("signing keys rotate in steps that keep every session valid: use `supabase-eks secrets rotate signing-key --env ...`")
	case outputs.SecretAPIKeys:
		return fmt.Errorf("API keys are added and revoked one at a time: use `supabase-eks secrets api-key add|revoke --env ...`")
	}
	if _, ok := outputs.SecretKeys[logical]; !ok {
		return usagef("unknown secret %q (known: %v)", logical, secretvalues.Logicals())
	}
	if *noRoll && *rollOnly {
		return usagef("--no-roll and --roll-only exclude each other")
	}
	if logical == outputs.SecretPoolerConnection {
		if *rollOnly {
			return usagef("%s is read by applications outside the cluster: there is nothing to roll", logical)
		}
		// Applications read it; nothing in the namespace does.
		*noRoll = true
	}
	if *rollOnly && (*dbEncKey || f.smtpFromEnv) {
		return usagef("--roll-only writes nothing: --rotate-db-enc-key and --smtp-from-env do not apply")
	}
	env, err := loadEnv()
	if err != nil {
		return err
	}
	o, _, err := a.loadOutputs(env, f.outputs)
	if err != nil {
		return err
	}
	kc, objs, err := a.prepareRoll(ctx, env, o, logical, *noRoll)
	if err != nil {
		return err
	}
	if *rollOnly {
		if err := a.checkAccount(ctx, env, "secrets rotate "+logical+" --roll-only"); err != nil {
			return err
		}
		fmt.Fprintf(a.Stdout, "rolling the current %s of %s (no new version):\n", logical, env.Name)
		return a.roll(ctx, kc, o, logical, objs, *timeout)
	}
	if logical == outputs.SecretSMTP {
		f.smtpFromEnv = true
	}
	g, err := a.generator(&f, env)
	if err != nil {
		return err
	}
	if err := a.checkAccount(ctx, env, "secrets rotate "+logical); err != nil {
		return err
	}
	store, err := a.NewStore(ctx, o.Region)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.Stdout, "rotating %s in %s:\n", logical, env.Name)
	if _, err := secretvalues.Rotate(ctx, store, o, logical, g, secretvalues.RotateOptions{RealtimeDBEncKey: *dbEncKey}, a.Stdout); err != nil {
		return err
	}
	if logical == outputs.SecretJWT {
		fmt.Fprintln(a.Stdout, "  NOTE: every HS256 token signed with the old JWT secret is now invalid: the old legacy anon and service_role keys stop working (the opaque sb_ API keys and sessions signed by a signing key do not; in the legacy stage, sessions end too).")
		fmt.Fprintf(a.Stdout, "  Give clients the new anon key: aws secretsmanager get-secret-value --secret-id %s --region %s --query SecretString --output text | jq -r .anon_key\n", o.SecretNames[logical], o.Region)
	}
	if *noRoll {
		fmt.Fprintf(a.Stdout, "  --no-roll: the cluster still uses the old value until `supabase-eks secrets rotate` runs without it, or ESO refreshes and the workloads restart\n")
		return nil
	}
	if err := a.roll(ctx, kc, o, logical, objs, *timeout); err != nil {
		return fmt.Errorf("new version written, but %w\nretry only the roll (writing again would push the original value out of AWSPREVIOUS): supabase-eks secrets rotate %s --env %s --roll-only", err, logical, env.Name)
	}
	fmt.Fprintf(a.Stdout, "rotation of %s complete; the previous version stays available as AWSPREVIOUS\n", logical)
	return nil
}

// prepareRoll checks, before anything is written, everything a roll of
// logical needs: a write whose roll cannot even start would leave the
// cluster on the old value and tempt a second write, which pushes the
// original out of AWSPREVIOUS. It returns the cluster client and dist/<env>
// (nil objects with noRoll).
func (a *App) prepareRoll(ctx context.Context, env config.Environment, o *outputs.Outputs, logical string, noRoll bool) (*kube.Client, []artifacts.Object, error) {
	kc := &kube.Client{R: a.Runner, Context: env.KubeContext(), Namespace: outputs.Namespace, Log: a.Stdout, Sleep: a.Sleep}
	if noRoll {
		return kc, nil, nil
	}
	objs, err := artifacts.ReadManifests(a.path(filepath.Join("dist", env.Name)))
	if err != nil {
		return nil, nil, fmt.Errorf("reading dist/%s (needed to find the secret's readers and the bootstrap Job): %w; nothing was written", env.Name, err)
	}
	if _, err := secretvalues.Dependents(objs, outputs.Namespace, o.SecretNames[logical]); err != nil {
		return nil, nil, fmt.Errorf("dist/%s: %w; nothing was written", env.Name, err)
	}
	if _, err := a.Runner.Run(ctx, kc.Cmd("get", "namespace", outputs.Namespace, "-o", "name")); err != nil {
		return nil, nil, fmt.Errorf("the cluster is not reachable through context %s (%v): run `make kubeconfig ENV=%s` (or pass --no-roll to only write the new version); nothing was written", kc.Context, err, env.Name)
	}
	return kc, objs, nil
}

// roll makes the cluster pick up the current value of a secret.
func (a *App) roll(ctx context.Context, kc *kube.Client, o *outputs.Outputs, logical string, objs []artifacts.Object, timeout time.Duration) error {
	if err := secretvalues.Roll(ctx, kc, o, logical, secretvalues.RollOptions{Manifests: objs, JobTimeout: timeout, RolloutTimeout: timeout}); err != nil {
		return fmt.Errorf("the cluster did not pick it up cleanly: %w", err)
	}
	return nil
}
