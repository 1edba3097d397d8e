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
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"sigs.k8s.io/yaml"

	"github.com/supabase-eks/supabase-eks/internal/ops/awsfake"
	"github.com/supabase-eks/supabase-eks/internal/ops/kube"
	"github.com/supabase-eks/supabase-eks/internal/ops/secrets"
	"github.com/supabase-eks/supabase-eks/internal/outputs"
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
	objs   []kube.Object
	ws     []Workload
	refs   []SecretRef
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
	if r.objs, err = kube.ReadManifests(r.cfg.Dist); err != nil {
		return err
	}
	if r.ws, err = Workloads(r.objs); err != nil {
		return err
	}
	r.refs = References(r.ws)
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

func (r *run) operatorClient(ctx context.Context) (*secrets.SecretsManager, error) {
	return secrets.NewSecretsManager(ctx, r.cfg.Outputs.Region, r.url,
		awsconfig.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(operatorKey, operatorSecret, "")),
		awsconfig.WithSharedConfigFiles([]string{}), awsconfig.WithSharedCredentialsFiles([]string{}))
}

// seed runs the real `secrets init` against the fake, then does what an
// operator (or RDS) may do: passwords full of URL-breaking characters.
func (r *run) seed(ctx context.Context) error {
	if err := r.registerIssuerKeys(ctx); err != nil {
		return err
	}
	o := r.cfg.Outputs
	store, err := r.operatorClient(ctx)
	if err != nil {
		return err
	}
	if _, err := secrets.Init(ctx, store, o, secrets.Generator{}, io.Discard); err != nil {
		return err
	}
	db := map[string]string{}
	for i, k := range outputs.SecretKeys[outputs.SecretDatabase] {
		db[k] = fmt.Sprintf("pw%d%s%s", i, specialChars, k[:3])
	}
	if err := r.put(ctx, store, o.SecretNames[outputs.SecretDatabase], db); err != nil {
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
	// RDS creates and rotates the master secret itself, in this shape.
	masterName := o.DBMasterSecretARN[strings.Index(o.DBMasterSecretARN, ":secret:")+len(":secret:"):]
	masterName = masterName[:strings.LastIndex(masterName, "-")]
	r.fake.SM.AddContainerWithARN(masterName, o.DBMasterSecretARN)
	master, _ := secrets.Encode(map[string]string{"username": o.DBMasterUsername, "password": "m" + specialChars + "ster"})
	return r.fake.SM.PutValue(masterName, master)
}

func (r *run) put(ctx context.Context, store *secrets.SecretsManager, name string, v map[string]string) error {
	enc, err := secrets.Encode(v)
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
	return secrets.Decode(raw)
}

func (r *run) remote(id string) (string, bool) { return r.fake.SM.Current(r.secretName(id)) }

// secretName maps an ARN to the name the fake keys secrets by.
func (r *run) secretName(id string) string {
	o := r.cfg.Outputs
	if id == o.DBMasterSecretARN {
		n := id[strings.Index(id, ":secret:")+len(":secret:"):]
		return n[:strings.LastIndex(n, "-")]
	}
	for logical, arn := range o.SecretARNs {
		if arn == id {
			return o.SecretNames[logical]
		}
	}
	return id
}

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

func (r *run) positive(ctx context.Context) {
	start := time.Now()
	s, problems := r.waitFor(ctx, CheckReady)
	r.record("every SecretStore and ExternalSecret Ready (real ESO controller, IRSA via STS AssumeRoleWithWebIdentity)", start, problems)
	if s == nil {
		return
	}
	start = time.Now()
	r.record(fmt.Sprintf("every Secret and key read by a workload exists (%d references in %d workloads)", len(r.refs), len(r.ws)),
		start, CheckReferences(r.refs, s))
	start = time.Now()
	r.record("templated values exact (URLs with "+strconv.Quote(specialChars)+" in passwords, Kong consumers and basic-auth, Realtime cookie)",
		start, CheckValues(s, r.remote, r.cfg.Outputs))
	start = time.Now()
	problems = CheckServiceAccounts(r.saList, r.infra)
	problems = append(problems, r.checkESOIdentity(s)...)
	r.record(fmt.Sprintf("role ARN of each annotated service account is trusted for it (%d service accounts)", len(r.saList)), start, problems)
	start = time.Now()
	r.record("reads use least privilege: every Secrets Manager call by the ESO role was allowed by its policy", start, r.checkDecisions())
}

// checkESOIdentity: the stores authenticated as their service account's
// role, through STS, and read with the credentials STS issued.
func (r *run) checkESOIdentity(s *State) []string {
	var problems []string
	assumed := map[string]bool{}
	for _, q := range r.fake.STS.Requests() {
		if q.Error == "" {
			assumed[q.RoleARN+"|"+q.Subject] = true
		}
	}
	for _, st := range s.Stores {
		ns, name, _ := strings.Cut(st.ServiceAccount, "/")
		var arn string
		for _, sa := range r.saList {
			if sa.Namespace == ns && sa.Name == name {
				arn = sa.RoleARN
			}
		}
		if arn == "" {
			problems = append(problems, fmt.Sprintf("%s %s authenticates as service account %s, which has no role annotation", st.Kind, st.Name, st.ServiceAccount))
			continue
		}
		if !assumed[arn+"|system:serviceaccount:"+ns+":"+name] {
			problems = append(problems, fmt.Sprintf("%s %s: no successful AssumeRoleWithWebIdentity of %s by %s", st.Kind, st.Name, arn, st.ServiceAccount))
		}
	}
	reads := 0
	for _, q := range r.fake.SM.Requests() {
		if q.Op == "GetSecretValue" && q.Error == "" {
			reads++
			if q.RoleARN == "" {
				problems = append(problems, fmt.Sprintf("GetSecretValue of %s was signed with a long-term key, not STS-issued credentials", q.SecretID))
			}
		}
	}
	if reads == 0 {
		problems = append(problems, "the controller never read a secret")
	}
	return problems
}

func (r *run) checkDecisions() []string {
	var problems []string
	for _, d := range r.iam.Decisions() {
		if d.Principal.RoleARN != "" && !d.Allowed {
			problems = append(problems, fmt.Sprintf("%s denied %s on %s", d.Principal.RoleARN, d.Action, d.Resource))
		}
	}
	return problems
}

func (r *run) annotate(ctx context.Context, resource, namespace, name string) error {
	args := []string{"annotate", resource, name, "force-sync=" + strconv.FormatInt(time.Now().UnixNano(), 10), "--overwrite"}
	if namespace != "" {
		args = append(args, "-n", namespace)
	}
	_, err := r.k.out(ctx, nil, args...)
	return err
}

func (r *run) findES(s *State, name string) *ExternalSecret {
	for i := range s.ExternalSecrets {
		if s.ExternalSecrets[i].Name == name {
			return &s.ExternalSecrets[i]
		}
	}
	return nil
}

const dbExternalSecret = "supabase-db"

// rotation changes a password in Secrets Manager, forces a sync, and checks
// the Secret follows and that Reloader would roll every reader.
func (r *run) rotation(ctx context.Context) {
	start := time.Now()
	o := r.cfg.Outputs
	before, err := r.state(ctx)
	if err != nil {
		r.record("rotation", start, []string{err.Error()})
		return
	}
	es := r.findES(before, dbExternalSecret)
	if es == nil {
		r.record("rotation", start, []string{"no ExternalSecret " + dbExternalSecret})
		return
	}
	target := es.Namespace + "/" + es.Target
	db, _ := r.current(o.SecretNames[outputs.SecretDatabase])
	db["authenticator_password"] = "rotated" + specialChars + strconv.FormatInt(time.Now().Unix(), 10)
	enc, _ := secrets.Encode(db)
	if err := r.fake.SM.PutValue(o.SecretNames[outputs.SecretDatabase], enc); err != nil {
		r.record("rotation", start, []string{err.Error()})
		return
	}
	if err := r.annotate(ctx, "externalsecret", es.Namespace, es.Name); err != nil {
		r.record("rotation", start, []string{err.Error()})
		return
	}
	after, problems := r.waitFor(ctx, func(s *State) []string {
		if s.SecretVersions[target] == before.SecretVersions[target] {
			return []string{"Secret " + target + " did not change after the rotation and a forced sync"}
		}
		return CheckValues(s, r.remote, o)
	})
	if len(problems) == 0 {
		changed := []string{}
		for k, v := range after.Secrets[target] {
			if before.Secrets[target][k] != v {
				changed = append(changed, k)
			}
		}
		slices.Sort(changed)
		if !slices.Contains(changed, "rest-url") || !slices.Contains(changed, "authenticator-password") {
			problems = append(problems, fmt.Sprintf("after rotating authenticator_password the keys that changed were %v", changed))
		}
		roll := WouldRoll(r.ws, r.refs, es.Namespace, es.Target)
		var readers []string
		for _, ref := range r.refs {
			if ref.Namespace == es.Namespace && ref.Secret == es.Target && longRunning(kindOf(ref.Workload, r.ws)) && !slices.Contains(readers, ref.Workload) {
				readers = append(readers, ref.Workload)
			}
		}
		slices.Sort(readers)
		if !slices.Equal(roll, readers) || len(roll) == 0 {
			problems = append(problems, fmt.Sprintf("Reloader would roll %v, but %v read %s", roll, readers, target))
		}
		reloader, err := readValues(filepath.Join(r.cfg.Dist, "addons", "reloader.values.yaml"))
		if err != nil {
			problems = append(problems, err.Error())
		} else {
			problems = append(problems, CheckReloadCoverage(r.ws, r.refs, after, reloader)...)
		}
		if len(problems) == 0 {
			r.logf("  rotated %s: keys changed %v; Reloader rolls %v", target, changed, roll)
		}
	}
	r.record("rotation: new value reaches the Secret on a forced sync, and Reloader rolls every reader", start, problems)
}

func readValues(path string) (map[string]any, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var v map[string]any
	if err := yaml.Unmarshal(data, &v); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return v, nil
}

// expectFailure records a negative case: the check must fail, and its
// message must say why.
func (r *run) expectFailure(name string, start time.Time, problems []string, mustMention ...string) {
	var out []string
	if len(problems) == 0 {
		out = append(out, "the check passed; it must fail")
	} else {
		joined := strings.Join(problems, "\n")
		for _, m := range mustMention {
			if !strings.Contains(joined, m) {
				out = append(out, fmt.Sprintf("the check failed, but its message does not mention %q: %s", m, joined))
			}
		}
		if len(out) == 0 {
			r.logf("  check failed as it must: %s", firstLine(problems[0]))
		}
	}
	r.record("negative: "+name, start, out)
}

func firstLine(s string) string {
	if len(s) > 400 {
		s = s[:400] + "..."
	}
	return s
}

// restore puts a remote value back and waits until everything is Ready again.
func (r *run) recover(ctx context.Context, name string, fix func() error, kick func() error) {
	start := time.Now()
	var problems []string
	if err := fix(); err != nil {
		problems = append(problems, err.Error())
	} else if err := kick(); err != nil {
		problems = append(problems, err.Error())
	} else {
		_, problems = r.waitFor(ctx, CheckReady)
	}
	if len(problems) > 0 {
		r.record("recovery after "+name, start, problems)
	}
}

func (r *run) negativeMissingKey(ctx context.Context) {
	start := time.Now()
	o := r.cfg.Outputs
	name := o.SecretNames[outputs.SecretDatabase]
	saved, _ := r.fake.SM.Current(name)
	db, _ := secrets.Decode(saved)
	const dropped = "supabase_admin_password"
	delete(db, dropped)
	enc, _ := secrets.Encode(db)
	kick := func() error { return r.annotate(ctx, "externalsecret", outputs.Namespace, dbExternalSecret) }
	if err := r.fake.SM.PutValue(name, enc); err != nil {
		r.record("negative: missing key", start, []string{err.Error()})
		return
	}
	if err := kick(); err != nil {
		r.record("negative: missing key", start, []string{err.Error()})
		return
	}
	// Wait until the controller has reported the failure (it sets the
	// condition and records the event separately), or the timeout.
	s, _ := r.waitFor(ctx, func(s *State) []string {
		es := r.findES(s, dbExternalSecret)
		if es != nil && es.Ready != nil && es.Ready.Status == "False" && strings.Contains(strings.Join(es.Events, "\n"), dropped) {
			return nil
		}
		return []string{"waiting for " + dbExternalSecret + " to fail"}
	})
	var problems []string
	if s != nil {
		problems = CheckReady(s)
	}
	r.expectFailure("a referenced key missing from the remote secret", start, problems, dbExternalSecret, dropped)
	r.recover(ctx, "missing key", func() error { return r.fake.SM.PutValue(name, saved) }, kick)
}

func (r *run) negativeTrust(ctx context.Context) {
	start := time.Now()
	saved := r.fake.STS.Trusts()
	var esoSA string
	s0, err := r.state(ctx)
	if err != nil || len(s0.Stores) == 0 {
		r.record("negative: trust mismatch", start, []string{"no store to test"})
		return
	}
	store := s0.Stores[0]
	ns, name, _ := strings.Cut(store.ServiceAccount, "/")
	esoSA = "system:serviceaccount:" + ns + ":" + name
	// The infrastructure's trust names another service account.
	var changed []awsfake.Trust
	for _, t := range saved {
		if t.Subject == esoSA {
			t.Subject = "system:serviceaccount:" + ns + ":some-other-controller"
		}
		changed = append(changed, t)
	}
	r.fake.STS.SetTrusts(changed)
	resource := strings.ToLower(store.Kind)
	kick := func() error { return r.annotate(ctx, resource, store.Namespace, store.Name) }
	if err := kick(); err != nil {
		r.record("negative: trust mismatch", start, []string{err.Error()})
		return
	}
	s, _ := r.waitFor(ctx, func(s *State) []string {
		for _, st := range s.Stores {
			if st.Name == store.Name && st.Ready != nil && st.Ready.Status == "False" {
				return nil
			}
		}
		return []string{"waiting for the store to fail"}
	})
	var problems []string
	if s != nil {
		problems = CheckReady(s)
	}
	// The static check finds the same mismatch without a controller.
	mismatched := &Infra{Account: r.infra.Account, Roles: map[string]*Role{}}
	for arn, role := range r.infra.Roles {
		cp := *role
		cp.Trusts = nil
		for _, t := range role.Trusts {
			if t.Subject == esoSA {
				t.Subject = "system:serviceaccount:" + ns + ":some-other-controller"
			}
			cp.Trusts = append(cp.Trusts, t)
		}
		mismatched.Roles[arn] = &cp
	}
	problems = append(problems, CheckServiceAccounts(r.saList, mismatched)...)
	r.expectFailure("a store whose role trust does not match its service account", start, problems, store.Name, "AssumeRoleWithWebIdentity", "whose trust policy admits")
	r.recover(ctx, "trust mismatch", func() error { r.fake.STS.SetTrusts(saved); return nil }, kick)
}

var encodePipeline = regexp.MustCompile(`\s*\|\s*urlquery(\s*\|\s*replace "\+" "%20")?`)

// negativeUnencoded applies the rendered database ExternalSecret with the
// URL encoding stripped from its templates, under another name: the value
// check must catch the passwords with special characters it breaks.
func (r *run) negativeUnencoded(ctx context.Context) {
	start := time.Now()
	var rendered *kube.Object
	for i := range r.objs {
		if r.objs[i].Kind == "ExternalSecret" && r.objs[i].Name == dbExternalSecret {
			rendered = &r.objs[i]
		}
	}
	if rendered == nil {
		r.record("negative: unencoded password", start, []string{"no rendered ExternalSecret " + dbExternalSecret})
		return
	}
	const name = dbExternalSecret + "-unencoded"
	doc := string(rendered.YAML)
	if !encodePipeline.MatchString(doc) {
		r.record("negative: unencoded password", start, []string{"the rendered " + dbExternalSecret + " has no urlquery step to remove"})
		return
	}
	doc = encodePipeline.ReplaceAllString(doc, "")
	doc = strings.ReplaceAll(doc, "name: "+dbExternalSecret+"\n", "name: "+name+"\n")
	if _, err := r.k.out(ctx, []byte(doc), "apply", "--server-side", "--field-manager=e2e-secrets", "-f", "-"); err != nil {
		r.record("negative: unencoded password", start, []string{err.Error()})
		return
	}
	s, _ := r.waitFor(ctx, func(s *State) []string {
		if es := r.findES(s, name); es != nil && es.Ready != nil && es.Ready.Status == "True" {
			return nil
		}
		return []string{"waiting for " + name}
	})
	var problems []string
	if s != nil {
		only := *s
		only.ExternalSecrets = nil
		if es := r.findES(s, name); es != nil {
			only.ExternalSecrets = []ExternalSecret{*es}
		}
		problems = CheckValues(&only, r.remote, r.cfg.Outputs)
	}
	r.expectFailure("a password with "+strconv.Quote(specialChars)+" in a URL template without urlquery", start, problems, name, "does not survive the")
	_, _ = r.k.out(ctx, nil, "delete", "externalsecret", name, "-n", rendered.Namespace, "--wait=false")
	_, _ = r.k.out(ctx, nil, "delete", "secret", name, "-n", rendered.Namespace, "--ignore-not-found", "--wait=false")
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
