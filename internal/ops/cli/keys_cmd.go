package cli

import (
	"context"
	"errors"
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

// keysFlags are the flags the signing-key and API-key commands share.
type keysFlags struct {
	outputs, expiry    string
	noRoll, rollOnly   bool
	timeout, cacheWait time.Duration
}

func (f *keysFlags) register(fs *flag.FlagSet, rolls bool) {
	fs.StringVar(&f.outputs, "outputs", "", "outputs file (default outputs/<env>.json)")
	fs.StringVar(&f.expiry, "jwt-expiry", "5y", "lifetime of the internal anon and service_role JWTs Kong forwards for the API keys")
	fs.DurationVar(&f.cacheWait, "cache-wait", secretvalues.DefaultCacheWait, "how long a standby key is published before it may sign (JWKS caches)")
	if rolls {
		fs.BoolVar(&f.noRoll, "no-roll", false, "only write; do not touch the cluster")
		fs.BoolVar(&f.rollOnly, "roll-only", false, "write nothing; make the cluster pick up the current value (the retry after a failed roll)")
		fs.DurationVar(&f.timeout, "timeout", 10*time.Minute, "bound for each wait in the cluster")
	}
}

// keysTarget is one environment's Secrets Manager, ready for a keys command.
type keysTarget struct {
	env   config.Environment
	out   *outputs.Outputs
	store secretvalues.Store
	gen   secretvalues.Generator
}

func (a *App) keysTarget(ctx context.Context, loadEnv func() (config.Environment, error), f keysFlags, what string) (*keysTarget, error) {
	exp, err := secretvalues.ParseExpiry(f.expiry)
	if err != nil {
		return nil, usageError{err}
	}
	env, o, err := a.accountOutputs(ctx, loadEnv, f.outputs, what)
	if err != nil {
		return nil, err
	}
	store, err := a.NewStore(ctx, o.Region)
	if err != nil {
		return nil, err
	}
	return &keysTarget{env: env, out: o, store: store, gen: secretvalues.Generator{JWTExpiry: exp, Now: a.now}}, nil
}

// read returns the current value of one of the key secrets.
func (t *keysTarget) read(ctx context.Context, logical string) (map[string]string, error) {
	name := t.out.SecretNames[logical]
	v, ok, err := t.store.Current(ctx, name)
	if err != nil {
		return nil, err
	}
	if !ok || v == "" {
		return nil, fmt.Errorf("%s has no value: run `supabase-eks secrets init --env %s` first", name, t.env.Name)
	}
	return secretvalues.Decode(v)
}

// write puts a new version and reads it back (a concurrent writer would
// otherwise go unnoticed).
func (t *keysTarget) write(ctx context.Context, logical string, values map[string]string) error {
	body, err := secretvalues.Encode(values)
	if err != nil {
		return err
	}
	name := t.out.SecretNames[logical]
	if _, err := t.store.Put(ctx, name, body, ""); err != nil {
		return err
	}
	got, ok, err := t.store.Current(ctx, name)
	if err != nil {
		return err
	}
	if !ok || got != body {
		return fmt.Errorf("%s: AWSCURRENT is not the version just written: another writer changed it", name)
	}
	return nil
}

// signingTiming gates the rotation steps: the cache wait asked for, and
// GoTrue's access-token lifetime as dist/<env> renders it.
func (a *App) signingTiming(env config.Environment, cacheWait time.Duration) (secretvalues.Timing, error) {
	lifetime, err := a.tokenLifetime(env)
	return secretvalues.Timing{CacheWait: cacheWait, TokenLifetime: lifetime, Margin: secretvalues.DefaultRetireMargin}, err
}

// tokenLifetime is GoTrue's access-token lifetime as dist/<env> renders it.
func (a *App) tokenLifetime(env config.Environment) (time.Duration, error) {
	objs, err := artifacts.ReadManifests(a.path(filepath.Join("dist", env.Name)))
	if err != nil {
		return 0, fmt.Errorf("reading dist/%s for GoTrue's token lifetime: %w", env.Name, err)
	}
	ws, err := artifacts.Workloads(objs)
	if err != nil {
		return 0, err
	}
	for _, w := range ws {
		if w.Kind == "Deployment" && w.Name == "auth" {
			s, err := artifacts.PositiveIntEnv(w.Pod, "GOTRUE_JWT_EXP")
			if err != nil {
				return 0, fmt.Errorf("dist/%s: the auth Deployment: %w (seconds)", env.Name, err)
			}
			return time.Duration(s) * time.Second, nil
		}
	}
	return 0, fmt.Errorf("dist/%s has no auth Deployment", env.Name)
}

// secretsRotateSigningKey runs one step of a signing-key rotation.
func (a *App) secretsRotateSigningKey(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("secrets rotate signing-key", flag.ContinueOnError)
	loadEnv := envFlag(fs)
	var f keysFlags
	f.register(fs, true)
	step := fs.String("step", "", "standby, promote or retire (default: the next one)")
	force := fs.Bool("force", false, "run a step before its earliest time (tokens or cached key sets may not have caught up: see the README)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *step != "" && !contains(secretvalues.Steps, *step) {
		return usagef("--step %q: want one of %v", *step, secretvalues.Steps)
	}
	if f.noRoll && f.rollOnly {
		return usagef("--no-roll and --roll-only exclude each other")
	}
	t, err := a.keysTarget(ctx, loadEnv, f, "secrets rotate signing-key")
	if err != nil {
		return err
	}
	env := t.env
	timing, err := a.signingTiming(env, f.cacheWait)
	if err != nil {
		return err
	}
	kc, objs, err := a.prepareRoll(ctx, env, t.out, outputs.SecretSigningKeys, f.noRoll)
	if err != nil {
		return err
	}
	if f.rollOnly {
		fmt.Fprintf(a.Stdout, "rolling the current signing keys of %s (no new version):\n", env.Name)
		return a.roll(ctx, kc, t.out, outputs.SecretSigningKeys, objs, f.timeout)
	}
	current, err := t.read(ctx, outputs.SecretSigningKeys)
	if err != nil {
		return err
	}
	state, err := secretvalues.ParseSigningState(current)
	if err != nil {
		return err
	}
	if *step == "" {
		if *step, err = state.NextStep(); err != nil {
			return err
		}
	}
	next, changed, err := t.gen.Apply(state, *step, a.now(), timing, *force)
	if err != nil {
		if errors.Is(err, secretvalues.ErrTooEarly) {
			return fmt.Errorf("step %s: %w; nothing was written", *step, err)
		}
		return fmt.Errorf("step %s: %w", *step, err)
	}
	if changed {
		values, err := t.gen.SigningValues(next)
		if err != nil {
			return err
		}
		if err := t.write(ctx, outputs.SecretSigningKeys, values); err != nil {
			return err
		}
		fmt.Fprintf(a.Stdout, "signing keys of %s: step %s written\n", env.Name, *step)
	} else {
		fmt.Fprintf(a.Stdout, "signing keys of %s: step %s was already done; rolling again\n", env.Name, *step)
	}
	a.printSigningState(next, timing)
	retry := "supabase-eks secrets rotate signing-key --env " + env.Name
	if err := a.finishRoll(ctx, t, kc, objs, outputs.SecretSigningKeys, f, retry); err != nil {
		return fmt.Errorf("step %s written, but %w", *step, err)
	}
	if !f.noRoll {
		fmt.Fprintf(a.Stdout, "step %s complete\n", *step)
	}
	return nil
}

// secretsRevokeSigningKey retires a signing key at once.
func (a *App) secretsRevokeSigningKey(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("secrets revoke signing-key", flag.ContinueOnError)
	loadEnv := envFlag(fs)
	var f keysFlags
	f.register(fs, true)
	kid := fs.String("kid", "", "the key to revoke (see `secrets status`)")
	yes := fs.Bool("yes", false, "do not ask for confirmation")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *kid == "" {
		return usagef("--kid is required")
	}
	if f.rollOnly {
		return usagef("--roll-only: use `secrets rotate signing-key --roll-only`")
	}
	t, err := a.keysTarget(ctx, loadEnv, f, "secrets revoke signing-key")
	if err != nil {
		return err
	}
	env := t.env
	kc, objs, err := a.prepareRoll(ctx, env, t.out, outputs.SecretSigningKeys, f.noRoll)
	if err != nil {
		return err
	}
	current, err := t.read(ctx, outputs.SecretSigningKeys)
	if err != nil {
		return err
	}
	state, err := secretvalues.ParseSigningState(current)
	if err != nil {
		return err
	}
	next, err := t.gen.Revoke(state, *kid, a.now())
	if err != nil {
		return err
	}
	fmt.Fprintf(a.Stderr, "Revoking %s in %s: every token it signed stops verifying once the readers roll.\n", *kid, env.Name)
	fmt.Fprintln(a.Stderr, "Signed-in users get 401 until their client refreshes the session (refresh tokens are not JWTs and stay valid); the API keys keep working (Kong's internal JWTs are signed again).")
	if !*yes {
		if !a.Interactive {
			return fmt.Errorf("not a terminal: pass --yes to revoke %s", *kid)
		}
		ok, err := a.confirm("type the kid to revoke it", *kid)
		if err != nil {
			return err
		}
		if !ok {
			return errors.New("not confirmed; nothing was written")
		}
	}
	values, err := t.gen.SigningValues(next)
	if err != nil {
		return err
	}
	if err := t.write(ctx, outputs.SecretSigningKeys, values); err != nil {
		return err
	}
	fmt.Fprintf(a.Stdout, "signing key %s revoked in Secrets Manager\n", *kid)
	a.printSigningState(next, secretvalues.Timing{})
	if err := a.finishRoll(ctx, t, kc, objs, outputs.SecretSigningKeys, f, "supabase-eks secrets rotate signing-key --env "+env.Name); err != nil {
		return fmt.Errorf("revocation written, but %w", err)
	}
	return nil
}

// secretsAPIKey adds, revokes or lists the opaque API keys.
func (a *App) secretsAPIKey(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("secrets api-key", flag.ContinueOnError)
	loadEnv := envFlag(fs)
	var f keysFlags
	f.register(fs, true)
	typ := fs.String("type", "", "add: publishable or secret")
	key := fs.String("key", "", "revoke: the key, or a prefix of at least 16 characters")
	allowNone := fs.Bool("allow-none", false, "revoke: allow revoking the last key of its type")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || !contains([]string{"add", "revoke", "list"}, pos[0]) {
		return usagef("want one of add, revoke, list")
	}
	action := pos[0]
	switch {
	case action == "add" && !contains(secretvalues.APIKeyTypes, *typ):
		return usagef("add: --type must be one of %v", secretvalues.APIKeyTypes)
	case action == "revoke" && *key == "":
		return usagef("revoke: --key is required")
	case f.noRoll && f.rollOnly:
		return usagef("--no-roll and --roll-only exclude each other")
	}
	t, err := a.keysTarget(ctx, loadEnv, f, "secrets api-key "+action)
	if err != nil {
		return err
	}
	env := t.env
	if action == "list" {
		values, err := t.read(ctx, outputs.SecretAPIKeys)
		if err != nil {
			return err
		}
		return a.printAPIKeys(values)
	}
	kc, objs, err := a.prepareRoll(ctx, env, t.out, outputs.SecretAPIKeys, f.noRoll)
	if err != nil {
		return err
	}
	if !f.rollOnly {
		values, err := t.read(ctx, outputs.SecretAPIKeys)
		if err != nil {
			return err
		}
		var k secretvalues.APIKey
		if action == "add" {
			k, err = t.gen.AddAPIKey(values, *typ)
		} else {
			k, err = secretvalues.RevokeAPIKey(values, *key, *allowNone)
		}
		if err != nil {
			return err
		}
		if err := t.write(ctx, outputs.SecretAPIKeys, values); err != nil {
			return err
		}
		if action == "add" {
			fmt.Fprintf(a.Stdout, "added a %s key in slot %s: %s\n", k.Type, k.Slot, k.Masked())
			if k.Type == secretvalues.APIKeySecret {
				fmt.Fprintf(a.Stdout, "  read it with: aws secretsmanager get-secret-value --secret-id %s --region %s --query SecretString --output text | jq -r .%s\n", t.out.SecretNames[outputs.SecretAPIKeys], t.out.Region, k.Slot)
			}
		} else {
			fmt.Fprintf(a.Stdout, "revoked the %s key %s (slot %s): Kong answers 401 to it once it has rolled\n", k.Type, k.Masked(), k.Slot)
		}
	}
	return a.finishRoll(ctx, t, kc, objs, outputs.SecretAPIKeys, f, "supabase-eks secrets api-key "+action+" --env "+env.Name)
}

// finishRoll makes the cluster pick up what was written to logical, or
// with --no-roll says how to later; retry is the command whose
// --roll-only redoes just the roll.
func (a *App) finishRoll(ctx context.Context, t *keysTarget, kc *kube.Client, objs []artifacts.Object, logical string, f keysFlags, retry string) error {
	if f.noRoll {
		fmt.Fprintf(a.Stdout, "--no-roll: the cluster keeps the previous values until `%s --roll-only`\n", retry)
		return nil
	}
	if err := a.roll(ctx, kc, t.out, logical, objs, f.timeout); err != nil {
		return fmt.Errorf("%w\nretry only the roll: %s --roll-only", err, retry)
	}
	return nil
}

// secretsStatus shows the signing-key stage and the API keys.
func (a *App) secretsStatus(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("secrets status", flag.ContinueOnError)
	loadEnv := envFlag(fs)
	var f keysFlags
	f.register(fs, false)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	t, err := a.keysTarget(ctx, loadEnv, f, "secrets status")
	if err != nil {
		return err
	}
	env := t.env
	timing, err := a.signingTiming(env, f.cacheWait)
	if err != nil {
		return err
	}
	sk, err := t.read(ctx, outputs.SecretSigningKeys)
	if err != nil {
		return err
	}
	if err := secretvalues.CheckSigningValues(sk); err != nil {
		return err
	}
	state, err := secretvalues.ParseSigningState(sk)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.Stdout, "signing keys of %s (%s):\n", env.Name, t.out.SecretNames[outputs.SecretSigningKeys])
	a.printSigningState(state, timing)
	api, err := t.read(ctx, outputs.SecretAPIKeys)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.Stdout, "API keys of %s (%s):\n", env.Name, t.out.SecretNames[outputs.SecretAPIKeys])
	return a.printAPIKeys(api)
}

func (a *App) printSigningState(s secretvalues.SigningState, timing secretvalues.Timing) {
	stage, err := s.Stage()
	if err != nil {
		fmt.Fprintf(a.Stdout, "  %v\n", err)
		return
	}
	fmt.Fprintf(a.Stdout, "  stage: %s\n", stage)
	if stage == secretvalues.StageLegacy {
		fmt.Fprintln(a.Stdout, "  GoTrue signs with the legacy HS256 secret")
	}
	for _, k := range s.Keys {
		since := "added " + k.AddedAt.UTC().Format(time.RFC3339)
		switch {
		case k.DemotedAt != nil:
			since = "stopped signing " + k.DemotedAt.UTC().Format(time.RFC3339)
		case k.PromotedAt != nil:
			since = "signing since " + k.PromotedAt.UTC().Format(time.RFC3339)
		}
		fmt.Fprintf(a.Stdout, "  %-16s %-8s %s\n", k.KID(), k.State, since)
	}
	next, err := s.NextStep()
	if err != nil || timing.TokenLifetime == 0 && timing.CacheWait == 0 {
		return
	}
	when := "now"
	if at := s.NotBefore(next, timing); a.now().Before(at) {
		when = "from " + at.UTC().Format(time.RFC3339)
	}
	fmt.Fprintf(a.Stdout, "  next: step %s, %s\n", next, when)
}

func (a *App) printAPIKeys(values map[string]string) error {
	keys, err := secretvalues.APIKeys(values)
	if err != nil {
		return err
	}
	for _, k := range keys {
		fmt.Fprintf(a.Stdout, "  %-12s %-18s %s\n", k.Type, k.Slot, k.Masked())
	}
	if len(keys) == 0 {
		fmt.Fprintln(a.Stdout, "  none: only the legacy anon and service_role keys work")
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
