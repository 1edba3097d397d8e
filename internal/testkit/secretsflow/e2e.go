package secretsflow

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/supabase-eks/supabase-eks/internal/artifacts"
	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/internal/ops/secretvalues"
	"github.com/supabase-eks/supabase-eks/internal/testkit/awsfake"
)

// Config is one environment's e2e run.
type Config struct {
	Env string
	// Dist is dist/<env>; StackFile the env's synthesized cdk.tf.json.
	Dist, StackFile string
	Outputs         *outputs.Outputs
	// Kubeconfig reaches a bare kube-apiserver with the ESO CRDs installed.
	Kubeconfig string
	// Kubectl, Helm and ESOController are binaries; ESOChart the chart
	// directory of the same ESO release.
	Kubectl, Helm, ESOController, ESOChart string
	// WorkDir receives logs; it must exist.
	WorkDir string
	// Negatives also runs the negative and rotation cases.
	Negatives bool
	// Timeout bounds each wait for the controller.
	Timeout time.Duration
	Log     io.Writer
}

// Result is the outcome of a run: each case, passed or failed, in order.
type Result struct {
	Cases []Case
}

// Case is one named check and what it found.
type Case struct {
	Name     string
	Problems []string
	Took     time.Duration
}

// Failed reports whether any case failed.
func (r *Result) Failed() bool {
	return slices.ContainsFunc(r.Cases, func(c Case) bool { return len(c.Problems) > 0 })
}

const (
	operatorKey    = "AKIAE2EOPERATOR00001"
	operatorSecret = "e2e-operator-secret"
	// specialChars are the characters that break a connection URL when a
	// template forgets to encode them.
	specialChars = "@/:&% +?#"
)

type run struct {
	cfg    Config
	k      kubectl
	infra  *Infra
	fake   awsfake.Server
	iam    *awsfake.IAM
	url    string
	objs   []artifacts.Object
	ws     []artifacts.Workload
	refs   []artifacts.SecretRef
	saList []ServiceAccount
	issuer string
	res    *Result
}

// Run executes the e2e for one environment. An error means the run could
// not be carried out (a tool missing, the apiserver unreachable); failed
// checks are reported in the Result.
func Run(ctx context.Context, cfg Config) (*Result, error) {
	if cfg.Timeout == 0 {
		cfg.Timeout = 60 * time.Second
	}
	r := &run{cfg: cfg, k: kubectl{bin: cfg.Kubectl, kubeconfig: cfg.Kubeconfig}, res: &Result{}}
	if err := r.prepare(ctx); err != nil {
		return nil, err
	}
	stop, err := r.startFakeAWS()
	if err != nil {
		return nil, err
	}
	defer stop()
	if err := r.registerIssuerKeys(ctx); err != nil {
		return nil, err
	}
	if err := r.seed(ctx); err != nil {
		return nil, fmt.Errorf("seeding Secrets Manager the way `secrets init` does: %w", err)
	}
	if err := r.apply(ctx); err != nil {
		return nil, err
	}
	ctrl, err := r.startController(ctx)
	if err != nil {
		return nil, err
	}
	defer ctrl()

	r.positive(ctx)
	if cfg.Negatives {
		r.rotation(ctx)
		r.negativeMissingKey(ctx)
		r.negativeTrust(ctx)
		r.negativeUnencoded(ctx)
	}
	return r.res, nil
}

func (r *run) logf(format string, args ...any) {
	if r.cfg.Log != nil {
		fmt.Fprintf(r.cfg.Log, format+"\n", args...)
	}
}

func (r *run) record(name string, start time.Time, problems []string) {
	c := Case{Name: name, Problems: problems, Took: time.Since(start)}
	r.res.Cases = append(r.res.Cases, c)
	if len(problems) == 0 {
		r.logf("PASS %s: %s (%.1fs)", r.cfg.Env, name, c.Took.Seconds())
		return
	}
	r.logf("FAIL %s: %s (%.1fs)", r.cfg.Env, name, c.Took.Seconds())
	for _, p := range problems {
		r.logf("  - %s", p)
	}
}

// prepare reads the stack, the rendered manifests and the cluster's issuer.
func (r *run) prepare(ctx context.Context) error {
	var err error
	if r.infra, err = LoadInfra(r.cfg.StackFile, r.cfg.Outputs); err != nil {
		return err
	}
	if r.objs, err = artifacts.ReadManifests(r.cfg.Dist); err != nil {
		return err
	}
	if r.ws, err = artifacts.Workloads(r.objs); err != nil {
		return err
	}
	r.refs = artifacts.SecretReads(r.ws)
	addons, err := AddonServiceAccounts(filepath.Join(r.cfg.Dist, "addons"))
	if err != nil {
		return err
	}
	r.saList = append(ServiceAccounts(r.objs), addons...)

	disc, err := r.k.out(ctx, nil, "get", "--raw", "/.well-known/openid-configuration")
	if err != nil {
		return fmt.Errorf("reading the apiserver's OIDC discovery document: %w", err)
	}
	var d struct {
		Issuer string `json:"issuer"`
	}
	if err := json.Unmarshal(disc, &d); err != nil || d.Issuer == "" {
		return fmt.Errorf("apiserver OIDC discovery: no issuer in %s", disc)
	}
	r.issuer = d.Issuer
	return nil
}

// startFakeAWS serves Secrets Manager and STS on loopback, configured from
// the stack: the containers, the roles' trust and policies, and the
// apiserver's published service-account keys as the OIDC provider's.
func (r *run) startFakeAWS() (func(), error) {
	o := r.cfg.Outputs
	r.iam = awsfake.NewIAM(o.AccountID)
	r.iam.AddOperator(operatorKey, operatorSecret)
	sm := awsfake.New(o.Region, o.AccountID)
	sm.IAM = r.iam
	for _, logical := range outputs.SecretOrder {
		sm.AddContainerWithARN(o.SecretNames[logical], o.SecretARNs[logical])
	}
	sts := awsfake.NewSTS(r.iam)
	for _, role := range r.infra.Roles {
		r.iam.SetPolicy(role.ARN, role.Policy)
		for _, t := range role.Trusts {
			t.Issuer = r.issuer
			sts.AddTrust(t)
		}
	}
	r.fake = awsfake.Server{SM: sm, STS: sts}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	srv := &http.Server{Handler: r.fake, ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	r.url = "http://" + ln.Addr().String()
	return func() { _ = srv.Close() }, nil
}

func (r *run) registerIssuerKeys(ctx context.Context) error {
	jwks, err := r.k.out(ctx, nil, "get", "--raw", "/openid/v1/jwks")
	if err != nil {
		return fmt.Errorf("reading the apiserver's JWKS: %w", err)
	}
	return r.fake.STS.AddIssuer(r.issuer, jwks)
}

func (r *run) operatorClient(ctx context.Context) (*secretvalues.SecretsManager, error) {
	return secretvalues.NewSecretsManager(ctx, r.cfg.Outputs.Region, r.url,
		awsconfig.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(operatorKey, operatorSecret, "")),
		awsconfig.WithSharedConfigFiles([]string{}), awsconfig.WithSharedCredentialsFiles([]string{}))
}

// seed runs the real `secrets init` against the fake, then does what an
// operator (or RDS) may do: passwords full of URL-breaking characters.
func (r *run) seed(ctx context.Context) error {
	o := r.cfg.Outputs
	store, err := r.operatorClient(ctx)
	if err != nil {
		return err
	}
	env, err := config.Load(r.cfg.Env)
	if err != nil {
		return err
	}
	if _, err := secretvalues.Init(ctx, store, o, secretvalues.Generator{PoolerTenant: env.Workloads.Pooler.Tenant}, io.Discard); err != nil {
		return err
	}
	db := map[string]string{}
	for i, k := range outputs.SecretKeys[outputs.SecretDatabase] {
		db[k] = fmt.Sprintf("pw%d%s%s", i, specialChars, k[:3])
	}
	if err := r.put(ctx, store, o.SecretNames[outputs.SecretDatabase], db); err != nil {
		return err
	}
	// The pooler's two role passwords too: they reach URLs and the tenant's
	// JSON body.
	pool, err := r.current(o.SecretNames[outputs.SecretPooler])
	if err != nil {
		return err
	}
	for i, k := range []string{"supavisor_password", "app_user_password"} {
		pool[k] = fmt.Sprintf("pw%d%s%s", i+10, specialChars, k[:3])
	}
	if err := r.put(ctx, store, o.SecretNames[outputs.SecretPooler], pool); err != nil {
		return err
	}
	dash, err := r.current(o.SecretNames[outputs.SecretDashboard])
	if err != nil {
		return err
	}
	// YAML- and JSON-significant characters: Kong's file embeds it.
	dash["password"] = `d"a\s:h# '` + specialChars + `{{x}}`
	if err := r.put(ctx, store, o.SecretNames[outputs.SecretDashboard], dash); err != nil {
		return err
	}
	// RDS creates and rotates the master secret itself, in this shape; its
	// name is the ARN's resource part without the six-character suffix.
	masterName := o.DBMasterSecretARN[strings.Index(o.DBMasterSecretARN, ":secret:")+len(":secret:"):]
	r.fake.SM.AddContainerWithARN(masterName[:strings.LastIndex(masterName, "-")], o.DBMasterSecretARN)
	master, _ := secretvalues.Encode(map[string]string{"username": o.DBMasterUsername, "password": "m" + specialChars + "ster"})
	return r.fake.SM.PutValue(o.DBMasterSecretARN, master)
}

func (r *run) put(ctx context.Context, store *secretvalues.SecretsManager, name string, v map[string]string) error {
	enc, err := secretvalues.Encode(v)
	if err != nil {
		return err
	}
	_, err = store.Client.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: aws.String(name), SecretString: aws.String(enc)})
	return err
}

func (r *run) current(name string) (map[string]string, error) {
	raw, ok := r.fake.SM.Current(name)
	if !ok {
		return nil, fmt.Errorf("no current value for %s", name)
	}
	return secretvalues.Decode(raw)
}

// remote reads a secret's current value by name or ARN, as ESO asks for it.
func (r *run) remote(id string) (string, bool) { return r.fake.SM.Current(id) }

// apply installs, exactly as rendered, the ESO chart's service accounts (the
// values in dist/<env>/addons) and every manifest in dist/<env>/.
func (r *run) apply(ctx context.Context) error {
	sas, err := r.renderESOServiceAccounts(ctx)
	if err != nil {
		return err
	}
	if _, err := r.k.out(ctx, nil, "create", "namespace", "external-secrets"); err != nil {
		return err
	}
	if _, err := r.k.out(ctx, sas, "apply", "--server-side", "--field-manager=e2e-secrets", "-f", "-"); err != nil {
		return fmt.Errorf("applying the ESO chart's service accounts: %w", err)
	}
	if _, err := r.k.out(ctx, nil, "apply", "--server-side", "--field-manager=e2e-secrets", "-f", r.cfg.Dist); err != nil {
		return fmt.Errorf("applying %s: %w", r.cfg.Dist, err)
	}
	return nil
}

// renderESOServiceAccounts renders the real ESO chart with the add-on values
// and keeps its ServiceAccounts.
func (r *run) renderESOServiceAccounts(ctx context.Context) ([]byte, error) {
	chart := filepath.Join(r.cfg.WorkDir, "external-secrets-chart")
	if err := copyChart(r.cfg.ESOChart, chart); err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, r.cfg.Helm, "template", "external-secrets", chart, "--namespace", "external-secrets",
		"--values", filepath.Join(r.cfg.Dist, "addons", "external-secrets.values.yaml"), "--show-only", "templates/serviceaccount.yaml")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("helm template of the ESO chart: %v: %s", err, stderr.String())
	}
	return out, nil
}

// copyChart copies the chart out of the read-only module cache without its
// dependencies block: the only dependency (bitwarden-sdk-server) is disabled
// by default and would need the network to resolve.
func copyChart(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if rel == "Chart.lock" {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if rel == "Chart.yaml" {
			if i := bytes.Index(data, []byte("\ndependencies:")); i >= 0 {
				data = data[:i+1]
			}
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// startController runs the real ESO controller out of cluster, with only
// the AWS endpoints redirected (through its environment, never the manifests).
func (r *run) startController(ctx context.Context) (func(), error) {
	logf, err := os.Create(filepath.Join(r.cfg.WorkDir, "eso-controller.log"))
	if err != nil {
		return nil, err
	}
	cctx, cancel := context.WithCancel(ctx)
	cmd := exec.CommandContext(cctx, r.cfg.ESOController,
		"--metrics-addr=0", "--enable-leader-election=false", "--concurrent=4",
		"--store-requeue-interval=2s", "--loglevel=info")
	home := filepath.Join(r.cfg.WorkDir, "home")
	_ = os.MkdirAll(home, 0o755)
	cmd.Env = []string{
		"PATH=" + os.Getenv("PATH"), "HOME=" + home, "KUBECONFIG=" + r.cfg.Kubeconfig,
		"AWS_SECRETSMANAGER_ENDPOINT=" + r.url, "AWS_STS_ENDPOINT=" + r.url,
		"AWS_EC2_METADATA_DISABLED=true", "AWS_SDK_LOAD_CONFIG=0",
	}
	cmd.Stdout, cmd.Stderr = logf, logf
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Start(); err != nil {
		cancel()
		logf.Close()
		return nil, fmt.Errorf("starting %s: %w", r.cfg.ESOController, err)
	}
	return func() {
		cancel()
		_ = cmd.Wait()
		logf.Close()
	}, nil
}

// state reads everything the checks need.
func (r *run) state(ctx context.Context) (*State, error) {
	var parts [4][]byte
	queries := [][]string{
		{"get", "secretstores.external-secrets.io,clustersecretstores.external-secrets.io", "-A", "-o", "json"},
		{"get", "externalsecrets.external-secrets.io", "-A", "-o", "json"},
		{"get", "secrets", "-A", "-o", "json"},
		{"get", "events", "-A", "--field-selector", "type=Warning", "-o", "json"},
	}
	for i, q := range queries {
		out, err := r.k.out(ctx, nil, q...)
		if err != nil {
			return nil, err
		}
		parts[i] = out
	}
	return decodeState(parts[0], parts[1], parts[2], parts[3])
}

// waitFor polls the cluster until cond returns no problems or the timeout
// passes, and returns the last state and problems.
func (r *run) waitFor(ctx context.Context, cond func(*State) []string) (*State, []string) {
	deadline := time.Now().Add(r.cfg.Timeout)
	for {
		s, err := r.state(ctx)
		var problems []string
		if err != nil {
			problems = []string{err.Error()}
		} else {
			problems = cond(s)
		}
		if len(problems) == 0 || time.Now().After(deadline) || ctx.Err() != nil {
			return s, problems
		}
		time.Sleep(250 * time.Millisecond)
	}
}

type kubectl struct{ bin, kubeconfig string }

func (k kubectl) out(ctx context.Context, stdin []byte, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, k.bin, append([]string{"--kubeconfig", k.kubeconfig}, args...)...)
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return out, fmt.Errorf("kubectl %s: %s", strings.Join(args, " "), strings.TrimSpace(stderr.String()))
		}
		return out, err
	}
	return out, nil
}
