// Package cli is the supabase-eks operations command line: secrets, deploy,
// destroy, diff, smoke, cost and the first-look commands (logs, metrics,
// status). cmd/supabase-eks only calls Run.
package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/mail"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/sts"

	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/internal/ops/runner"
	"github.com/supabase-eks/supabase-eks/internal/ops/secretvalues"
	"github.com/supabase-eks/supabase-eks/internal/ops/storagepitr"
)

// App holds the process's surroundings, so tests can replace each of them.
type App struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Runner starts external commands.
	Runner runner.Runner
	// NewStore connects to Secrets Manager in region.
	NewStore func(ctx context.Context, region string) (secretvalues.Store, error)
	// CallerIdentity asks STS whose credentials these are (account, ARN).
	CallerIdentity func(ctx context.Context, region string) (account, arn string, err error)
	// Getenv reads the environment.
	Getenv func(string) string
	// Root is the repository root (default: the working directory).
	Root string
	// HTTPClient sends the smoke test's requests.
	HTTPClient *http.Client
	// Interactive is true when Stdin is a terminal an operator can answer on.
	Interactive bool
	// Sleep replaces waiting between polls (tests).
	Sleep func(ctx context.Context, d time.Duration) error
	// NewS3 connects to S3 in region (the storage restore and check).
	NewS3 func(ctx context.Context, region string) (storagepitr.API, error)
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

func (a *App) now() time.Time {
	if a.Now != nil {
		return a.Now()
	}
	return time.Now()
}

// Main runs the CLI as a process and returns its exit code.
func Main(args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	root, _ := os.Getwd()
	fi, _ := os.Stdin.Stat()
	app := &App{
		Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr,
		Runner: runner.NewExec(),
		NewStore: func(ctx context.Context, region string) (secretvalues.Store, error) {
			return secretvalues.NewSecretsManager(ctx, region, "")
		},
		CallerIdentity: stsCallerIdentity,
		Getenv:         os.Getenv,
		Root:           root,
		HTTPClient:     &http.Client{},
		Interactive:    fi != nil && fi.Mode()&os.ModeCharDevice != 0,
		NewS3:          newS3,
	}
	return app.Run(ctx, args)
}

type command struct {
	name    string
	usage   string
	summary string
	run     func(a *App, ctx context.Context, args []string) error
}

func commands() []command {
	return []command{
		{"secrets init", "secrets init --env E [--outputs FILE] [--jwt-expiry 5y] [--dashboard-user NAME] [--smtp-from-env]", "generate and store every secret that has no value yet (never overwrites)", (*App).secretsInit},
		{"secrets rotate", "secrets rotate NAME --env E [--outputs FILE] [--jwt-expiry 5y] [--smtp-from-env] [--rotate-db-enc-key] [--no-roll | --roll-only]", "write a new version of one secret (" + strings.Join(secretvalues.Logicals(), ", ") + ") and roll what reads it", (*App).secretsRotate},
		{"secrets rotate signing-key", "secrets rotate signing-key --env E [--step standby|promote|retire] [--force] [--cache-wait 20m] [--no-roll | --roll-only]", "one step of a signing-key rotation that keeps every session valid (default: the next step)", (*App).secretsRotateSigningKey},
		{"secrets revoke signing-key", "secrets revoke signing-key --env E --kid KID [--yes] [--no-roll]", "emergency: retire a signing key at once (its tokens stop verifying)", (*App).secretsRevokeSigningKey},
		{"secrets api-key", "secrets api-key add|revoke|list --env E [--type publishable|secret] [--key PREFIX] [--allow-none] [--no-roll | --roll-only]", "add or revoke an opaque API key (two slots per type), and roll Kong", (*App).secretsAPIKey},
		{"secrets status", "secrets status --env E", "signing-key stage, keys with their states and next step, API keys", (*App).secretsStatus},
		{"deploy", "deploy --env E [--only STEP | --from STEP] [--yes] [--method kubectl|helm] [--chart DIR] [--timeout 15m]", "provision and install the environment end to end (steps: supabase-eks steps)", (*App).deploy},
		{"destroy", "destroy --env E [--from STEP] [--yes] [--timeout 15m]", "tear the environment down: load balancers first, then add-ons, then Terraform", (*App).destroy},
		{"diff", "diff --env E", "terraform plan and kubectl diff: what a deploy would change", (*App).diff},
		{"steps", "steps --env E", "list the steps of deploy, destroy, diff and the restores", (*App).steps},
		{"smoke", "smoke --env E [--outputs FILE] [--url URL] [--anon-key KEY] [--deadline 5m] [--timeout 10s]", "check REST, Auth and Storage through the load balancer", (*App).smoke},
		{"restore pitr", "restore pitr --env E --time RFC3339 [--source ID | --source-dbi-resource-id db-...] [--from STEP | --only STEP] [--yes] [--timeout 15m]", "restore the database to a point in time: a new RDS instance through Terraform, then switch Supabase to it (steps resumable)", (*App).restorePITR},
		{"restore dump", "restore dump --env E --object s3://<backups bucket>/pg_dump/<env>/<file>.dump [--force] [--from STEP | --only STEP] [--yes] [--timeout 15m]", "restore a nightly pg_dump into the database, in a pod built from the backup CronJob (steps resumable)", (*App).restoreDump},
		{"storage restore", "storage restore --env E --time RFC3339 [--dry-run] [--yes] [--outputs FILE]", "bring the storage bucket's objects back to a moment (versions current then copied back, later keys hidden by delete markers; nothing deleted for good)", (*App).storageRestore},
		{"storage check", "storage check --env E [--outputs FILE] [--timeout 5m]", "report storage.objects rows without S3 objects and objects without rows", (*App).storageCheck},
		{"cost", "cost --env E [--stack FILE] [--albs N] [--max USD]", "monthly cost estimate from the synthesized Terraform JSON", (*App).cost},
		{"capacity", "capacity --env E [--dist DIR]", "database connection budget of dist/<env> at every HPA maximum against max_connections", (*App).capacity},
		{"logs", "logs COMPONENT --env E [--since 1h] [--tail 200] [--follow]", "logs of a component (" + strings.Join(componentNames(), ", ") + ")", (*App).logs},
		{"metrics", "metrics --env E", "kubectl top plus where to find CloudWatch metrics and logs", (*App).metrics},
		{"status", "status --env E", "nodes, workloads, jobs, secrets sync, ingress and Helm releases", (*App).status},
	}
}

// Run dispatches args and returns the exit code.
func (a *App) Run(ctx context.Context, args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		a.usage(a.Stdout)
		return 0
	}
	name := args[0]
	rest := args[1:]
	if name == "secrets" || name == "restore" || name == "storage" {
		if len(args) < 2 {
			a.usage(a.Stderr)
			return 2
		}
		name, rest = name+" "+args[1], args[2:]
		// Two-word subcommands (secrets rotate signing-key) before one-word
		// ones (secrets rotate NAME).
		if len(rest) > 0 {
			for _, c := range commands() {
				if c.name == name+" "+rest[0] {
					name, rest = c.name, rest[1:]
					break
				}
			}
		}
	}
	for _, c := range commands() {
		if c.name == name {
			if err := c.run(a, ctx, rest); err != nil {
				if errors.Is(err, flag.ErrHelp) {
					fmt.Fprintf(a.Stdout, "usage: supabase-eks %s\n", c.usage)
					return 0
				}
				var ue usageError
				if errors.As(err, &ue) {
					fmt.Fprintf(a.Stderr, "supabase-eks %s: %v\nusage: supabase-eks %s\n", c.name, err, c.usage)
					return 2
				}
				fmt.Fprintf(a.Stderr, "supabase-eks %s: %v\n", c.name, err)
				return 1
			}
			return 0
		}
	}
	fmt.Fprintf(a.Stderr, "supabase-eks: unknown command %q\n", name)
	a.usage(a.Stderr)
	return 2
}

func (a *App) usage(w io.Writer) {
	fmt.Fprintln(w, "supabase-eks: operate self-hosted Supabase on EKS")
	fmt.Fprintln(w, "")
	fmt.Fprintln(w, "usage:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  supabase-eks %s\n      %s\n", c.usage, c.summary)
	}
	fmt.Fprintln(w, "")
	fmt.Fprintf(w, "environments: %s\n", strings.Join(config.Names(), ", "))
}

type usageError struct{ error }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// parseArgs parses flags anywhere among the positional arguments.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError{err}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// envFlag registers --env and returns a loader validating it.
// parseFlags parses a command that takes flags only: a positional argument
// is a usage error.
func parseFlags(fs *flag.FlagSet, args []string) error {
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected arguments %v", pos)
	}
	return nil
}

func envFlag(fs *flag.FlagSet) func() (config.Environment, error) {
	name := fs.String("env", "", "environment ("+strings.Join(config.Names(), ", ")+")")
	return func() (config.Environment, error) {
		if *name == "" {
			return config.Environment{}, usagef("--env is required (one of %s)", strings.Join(config.Names(), ", "))
		}
		return config.Load(*name)
	}
}

func (a *App) path(p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(a.Root, p)
}

// loadOutputs reads the real outputs of a deployed environment. The
// committed examples are never used here: they name another account.
func (a *App) loadOutputs(env config.Environment, flagPath string) (*outputs.Outputs, string, error) {
	path := flagPath
	if path == "" {
		path = filepath.Join("outputs", env.Name+".json")
	}
	o, err := outputs.Load(a.path(path))
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, path, fmt.Errorf("%s not found: run `make outputs ENV=%s` after the infrastructure is applied, or pass --outputs", path, env.Name)
		}
		return nil, path, err
	}
	if o.Environment != env.Name {
		return nil, path, fmt.Errorf("%s describes environment %q, not %q", path, o.Environment, env.Name)
	}
	if err := o.CheckOwner(env.AccountID, env.Region, env.ResourcePrefix()); err != nil {
		return nil, path, fmt.Errorf("%s: %w", path, err)
	}
	return o, path, nil
}

// checkAccount refuses to write with credentials of another account than
// the environment's, and says where it is about to write.
func (a *App) checkAccount(ctx context.Context, env config.Environment, what string) error {
	if a.CallerIdentity == nil {
		return errors.New("no way to ask STS whose credentials these are")
	}
	account, arn, err := a.CallerIdentity(ctx, env.Region)
	if err != nil {
		return fmt.Errorf("no usable AWS credentials (sts get-caller-identity: %w); log in (aws sso login, AWS_PROFILE=...) and retry", err)
	}
	if account != env.AccountID {
		return fmt.Errorf("AWS credentials are for account %s (%s), but environment %s is configured for account %s (internal/contract/config/%s.go): switch profile; nothing was written", account, arn, env.Name, env.AccountID, env.Name)
	}
	fmt.Fprintf(a.Stderr, "%s: environment %s, account %s, region %s, as %s\n", what, env.Name, account, env.Region, arn)
	return nil
}

func stsCallerIdentity(ctx context.Context, region string) (string, string, error) {
	cfg, err := awsconfig.LoadDefaultConfig(ctx, awsconfig.WithRegion(region))
	if err != nil {
		return "", "", err
	}
	out, err := sts.NewFromConfig(cfg).GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	if err != nil {
		return "", "", err
	}
	return aws.ToString(out.Account), aws.ToString(out.Arn), nil
}

// accountOutputs loads the environment named by the flags and its outputs
// file, and requires credentials of its account (what: the command, for
// the message).
func (a *App) accountOutputs(ctx context.Context, loadEnv func() (config.Environment, error), outputsPath, what string) (config.Environment, *outputs.Outputs, error) {
	env, err := loadEnv()
	if err != nil {
		return env, nil, err
	}
	o, _, err := a.loadOutputs(env, outputsPath)
	if err != nil {
		return env, nil, err
	}
	return env, o, a.checkAccount(ctx, env, what)
}

// confirm asks on the terminal; the answer must be typed exactly.
func (a *App) confirm(prompt, answer string) (bool, error) {
	fmt.Fprintf(a.Stderr, "%s: ", prompt)
	line, err := bufio.NewReader(a.Stdin).ReadString('\n')
	if err != nil && line == "" {
		return false, fmt.Errorf("no answer: %w", err)
	}
	return strings.TrimSpace(line) == answer, nil
}

// hostRe is a host name (one or more labels).
var hostRe = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$`)

// smtpFromEnv reads the SMTP settings an operator exported.
func (a *App) smtpFromEnv() (map[string]string, error) {
	v := map[string]string{}
	var missing []string
	for _, k := range outputs.SecretKeys[outputs.SecretSMTP] {
		env := "SMTP_" + strings.ToUpper(k)
		v[k] = a.Getenv(env)
		if v[k] == "" && (k == "host" || k == "port" || k == "admin_email") {
			missing = append(missing, env)
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return nil, fmt.Errorf("--smtp-from-env: %s must be set", strings.Join(missing, ", "))
	}
	// GoTrue parses these at start and exits on a bad one: refuse them here,
	// before anything is written.
	var bad []string
	if p, err := strconv.Atoi(v["port"]); err != nil || p < 1 || p > 65535 {
		bad = append(bad, fmt.Sprintf("SMTP_PORT=%q is not a TCP port", v["port"]))
	}
	if addr, err := mail.ParseAddress(v["admin_email"]); err != nil || addr.Address != v["admin_email"] {
		bad = append(bad, fmt.Sprintf("SMTP_ADMIN_EMAIL=%q is not an e-mail address", v["admin_email"]))
	}
	if !hostRe.MatchString(v["host"]) && net.ParseIP(v["host"]) == nil {
		bad = append(bad, fmt.Sprintf("SMTP_HOST=%q is not a host name", v["host"]))
	}
	if len(bad) > 0 {
		return nil, fmt.Errorf("--smtp-from-env: %s; nothing was written", strings.Join(bad, "; "))
	}
	return v, nil
}
