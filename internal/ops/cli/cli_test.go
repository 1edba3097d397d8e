package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/internal/ops/secretvalues"
	"github.com/supabase-eks/supabase-eks/internal/testkit/awsfake"
	"github.com/supabase-eks/supabase-eks/internal/testkit/fakerunner"
)

const repo = "../../.."

type harness struct {
	app            *App
	fake           *fakerunner.Fake
	sm             *awsfake.SecretsManager
	stdout, stderr *bytes.Buffer
	root           string
	env            map[string]string
	// account is whose credentials STS reports.
	account string
}

// newHarness builds a repository root with dist/dev and outputs/dev.json
// whose secret ARNs are those of a fake Secrets Manager the real SDK talks to.
func newHarness(t *testing.T) *harness {
	t.Helper()
	root := t.TempDir()
	raw, err := os.ReadFile(filepath.Join(repo, "examples", "outputs", "dev.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	sm := awsfake.New("us-east-1", "111122223333")
	arns := map[string]any{}
	names := doc["secret_names"]["value"].(map[string]any)
	for logical, name := range names {
		arns[logical] = sm.AddContainer(name.(string))
	}
	doc["secret_arns"]["value"] = arns
	out, _ := json.Marshal(doc)
	if err := os.MkdirAll(filepath.Join(root, "outputs"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "outputs", "dev.json"), out, 0o644); err != nil {
		t.Fatal(err)
	}
	if dist := filepath.Join(repo, "dist", "dev"); dirExists(dist) {
		if err := os.CopyFS(filepath.Join(root, "dist", "dev"), os.DirFS(dist)); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(sm)
	t.Cleanup(srv.Close)
	h := &harness{fake: &fakerunner.Fake{}, sm: sm, stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}, root: root, env: map[string]string{}, account: "111122223333"}
	h.app = &App{
		Stdin: strings.NewReader(""), Stdout: h.stdout, Stderr: h.stderr, Runner: h.fake, Root: root,
		Getenv: func(k string) string { return h.env[k] },
		NewStore: func(ctx context.Context, region string) (secretvalues.Store, error) {
			return secretvalues.NewSecretsManager(ctx, region, srv.URL,
				awsconfig.WithCredentialsProvider(credentials.NewStaticCredentialsProvider("AKIAFAKECLI000000001", "x", "")),
				awsconfig.WithSharedConfigFiles([]string{}), awsconfig.WithSharedCredentialsFiles([]string{}))
		},
		CallerIdentity: func(context.Context, string) (string, string, error) {
			return h.account, "arn:aws:iam::" + h.account + ":role/operator", nil
		},
		HTTPClient: &http.Client{},
		Sleep:      func(context.Context, time.Duration) error { return nil },
	}
	return h
}

func dirExists(p string) bool { fi, err := os.Stat(p); return err == nil && fi.IsDir() }

func (h *harness) run(args ...string) int {
	h.stdout.Reset()
	h.stderr.Reset()
	return h.app.Run(context.Background(), args)
}

func TestSecretsInitTwice(t *testing.T) {
	h := newHarness(t)
	n := len(outputs.SecretOrder)
	if code := h.run("secrets", "init", "--env", "dev"); code != 0 {
		t.Fatalf("exit %d: %s", code, h.stderr)
	}
	if !strings.Contains(h.stdout.String(), fmt.Sprintf("%d written, 0 kept", n)) {
		t.Errorf("stdout: %s", h.stdout)
	}
	printed := h.stdout.String() + h.stderr.String()
	for _, logical := range []string{outputs.SecretJWT, outputs.SecretSigningKeys, outputs.SecretAPIKeys, outputs.SecretPooler, outputs.SecretPoolerConnection} {
		value, _ := h.sm.Current("supabase-dev/" + logical)
		v, _ := secretvalues.Decode(value)
		for prop, secret := range v {
			if len(secret) >= 16 && strings.Contains(printed, secret) {
				t.Errorf("%s.%s was printed", logical, prop)
			}
		}
	}
	if code := h.run("secrets", "init", "--env", "dev"); code != 0 || !strings.Contains(h.stdout.String(), fmt.Sprintf("0 written, %d kept", n)) {
		t.Fatalf("second init: exit %d, %s", code, h.stdout)
	}
	if h.sm.Count("PutSecretValue") != n {
		t.Errorf("%d writes over two inits, want %d", h.sm.Count("PutSecretValue"), n)
	}
}

func TestSecretsInitFlagsAndErrors(t *testing.T) {
	h := newHarness(t)
	if code := h.run("secrets", "init"); code != 2 || !strings.Contains(h.stderr.String(), "--env is required") {
		t.Errorf("no env: exit %d %s", code, h.stderr)
	}
	if code := h.run("secrets", "init", "--env", "staging"); code != 1 || !strings.Contains(h.stderr.String(), `"staging": unknown`) {
		t.Errorf("unknown env: exit %d %s", code, h.stderr)
	}
	if code := h.run("secrets", "init", "--env", "prod"); code != 1 || !strings.Contains(h.stderr.String(), "outputs/prod.json not found") {
		t.Errorf("missing outputs: exit %d %s", code, h.stderr)
	}
	if code := h.run("secrets", "init", "--env", "dev", "--jwt-expiry", "10m"); code != 2 {
		t.Errorf("bad expiry: exit %d %s", code, h.stderr)
	}
	if code := h.run("secrets", "init", "--env", "dev", "--smtp-from-env"); code != 1 || !strings.Contains(h.stderr.String(), "SMTP_ADMIN_EMAIL, SMTP_HOST, SMTP_PORT must be set") {
		t.Errorf("smtp without env: exit %d %s", code, h.stderr)
	}
	if h.sm.Count("PutSecretValue") != 0 {
		t.Error("a failed invocation wrote secrets")
	}
	h.env = map[string]string{"SMTP_HOST": "email-smtp.us-east-1.amazonaws.com", "SMTP_PORT": "587", "SMTP_ADMIN_EMAIL": "ops@example.com", "SMTP_USER": "u", "SMTP_PASSWORD": "p", "SMTP_SENDER_NAME": "Ops"}
	if code := h.run("secrets", "init", "--env", "dev", "--smtp-from-env", "--jwt-expiry", "1y", "--dashboard-user", "admin"); code != 0 {
		t.Fatalf("exit %d %s", code, h.stderr)
	}
	smtp, _ := h.sm.Current("supabase-dev/smtp")
	if !strings.Contains(smtp, "email-smtp.us-east-1.amazonaws.com") {
		t.Errorf("smtp from env not stored: %s", smtp)
	}
	j, _ := h.sm.Current("supabase-dev/jwt")
	v, _ := secretvalues.Decode(j)
	claims, err := secretvalues.ParseKey(v["anon_key"], v["jwt_secret"])
	if err != nil {
		t.Fatal(err)
	}
	iat, _ := claims.GetIssuedAt()
	exp, _ := claims.GetExpirationTime()
	if d := exp.Sub(iat.Time); d != 365*24*time.Hour {
		t.Errorf("--jwt-expiry 1y gave %s", d)
	}
}

func TestSecretsRotateJWTNoRoll(t *testing.T) {
	h := newHarness(t)
	h.run("secrets", "init", "--env", "dev")
	before, _ := h.sm.Current("supabase-dev/jwt")
	if code := h.run("secrets", "rotate", "jwt", "--env", "dev", "--no-roll"); code != 0 {
		t.Fatalf("exit %d: %s", code, h.stderr)
	}
	after, _ := h.sm.Current("supabase-dev/jwt")
	if before == after || h.sm.Versions("supabase-dev/jwt") != 2 {
		t.Error("no new version written")
	}
	if !strings.Contains(h.stdout.String(), "legacy anon and service_role keys stop working") {
		t.Errorf("JWT rotation consequences not explained: %s", h.stdout)
	}
	if len(h.fake.Calls) != 0 {
		t.Errorf("--no-roll touched the cluster: %v", h.fake.Calls)
	}
}

func TestSecretsRotateDatabaseRollsCluster(t *testing.T) {
	h := newHarness(t)
	if !dirExists(filepath.Join(h.root, "dist", "dev")) {
		t.Skip("dist/dev not rendered")
	}
	h.run("secrets", "init", "--env", "dev")
	k := "kubectl --context supabase-dev "
	h.fake.On(k+"get externalsecret", `{"items":[{"metadata":{"name":"supabase-db"},"status":{"refreshTime":"`+time.Now().Add(time.Hour).UTC().Format(time.RFC3339)+`","conditions":[{"type":"Ready","status":"True"}]}}]}`, 0)
	h.fake.On(k+"get job db-bootstrap -n supabase -o json", `{"status":{"conditions":[{"type":"Complete","status":"True"}]}}`, 0)
	h.fake.On(k+"get job db-bootstrap -n supabase -o json --ignore-not-found", "", 0)
	h.fake.On(k+"get deployment", "deployment.apps/auth\ndeployment.apps/rest\n", 0)
	if code := h.run("secrets", "rotate", "database", "--env", "dev"); code != 0 {
		t.Fatalf("exit %d: %s\n%s", code, h.stderr, h.stdout)
	}
	// Not in the cluster: the Job is created from dist/dev/30-bootstrap.yaml.
	created := -1
	for i, c := range h.fake.Calls {
		if c == k+"create -n supabase -f -" {
			created = i
		}
	}
	if created < 0 || !strings.Contains(h.fake.Stdins[created], "name: db-bootstrap") {
		t.Fatalf("bootstrap Job not re-created from dist: %v", h.fake.Calls)
	}
	if len(h.fake.Called(k+"rollout restart deployment/auth")) != 1 || len(h.fake.Called(k+"rollout restart deployment/rest")) != 1 {
		t.Errorf("dependents not restarted: %v", h.fake.Calls)
	}
	if code := h.run("secrets", "rotate", "--env", "dev"); code != 2 {
		t.Errorf("rotate without a name: exit %d", code)
	}
}

func TestSmokeReadsAnonKeyFromSecretsManager(t *testing.T) {
	h := newHarness(t)
	h.run("secrets", "init", "--env", "dev")
	j, _ := h.sm.Current("supabase-dev/jwt")
	v, _ := secretvalues.Decode(j)
	k, _ := h.sm.Current("supabase-dev/api_keys")
	api, _ := secretvalues.Decode(k)
	var mu sync.Mutex
	saw := map[string]bool{}
	gw := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := r.Header.Get("apikey")
		if key != v["anon_key"] && key != api["publishable_key_1"] {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		mu.Lock()
		saw[key] = true
		mu.Unlock()
		switch r.URL.Path {
		case "/rest/v1/":
			_, _ = w.Write([]byte(`{"swagger":"2.0","paths":{}}`))
		case "/auth/v1/health":
			_, _ = w.Write([]byte(`{"version":"v2.189.0","name":"GoTrue"}`))
		case "/storage/v1/bucket":
			_, _ = w.Write([]byte(`[]`))
		}
	}))
	defer gw.Close()
	if code := h.run("smoke", "--env", "dev", "--url", gw.URL, "--deadline", "2s"); code != 0 {
		t.Fatalf("exit %d: %s %s", code, h.stdout, h.stderr)
	}
	// Both the legacy anon key and the publishable key are tried.
	if !saw[v["anon_key"]] || !saw[api["publishable_key_1"]] || strings.Count(h.stdout.String(), "OK ") != 6 {
		t.Errorf("stdout: %s", h.stdout)
	}
	bad := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusServiceUnavailable) }))
	defer bad.Close()
	if code := h.run("smoke", "--env", "dev", "--url", bad.URL, "--deadline", "200ms"); code != 1 || !strings.Contains(h.stdout.String(), "FAIL rest") {
		t.Errorf("failing gateway: exit %d %s", code, h.stdout)
	}
}

func TestSmokeFindsLoadBalancerFromIngress(t *testing.T) {
	h := newHarness(t)
	h.fake.On("kubectl --context supabase-dev get ingress -n supabase -o json", `{"items":[{"status":{"loadBalancer":{"ingress":[{"hostname":"127.0.0.1:1"}]}}}]}`, 0)
	code := h.run("smoke", "--env", "dev", "--anon-key", "k", "--deadline", "100ms")
	if code != 1 || !strings.Contains(h.stdout.String(), "http://127.0.0.1:1/rest/v1/") || !strings.Contains(h.stderr.String(), "no domain configured") {
		t.Errorf("exit %d\n%s\n%s", code, h.stdout, h.stderr)
	}
}

func TestCostCommand(t *testing.T) {
	h := newHarness(t)
	stack := filepath.Join("..", "cost", "testdata", "dev-like.tf.json")
	abs, _ := filepath.Abs(stack)
	if code := h.run("cost", "--env", "dev", "--stack", abs); code != 0 || !strings.Contains(h.stdout.String(), "TOTAL") {
		t.Fatalf("exit %d %s %s", code, h.stdout, h.stderr)
	}
	if code := h.run("cost", "--env", "dev", "--stack", abs, "--max", "10"); code != 1 || !strings.Contains(h.stderr.String(), "exceeds --max $10.00") {
		t.Errorf("--max: exit %d %s", code, h.stderr)
	}
	if code := h.run("cost", "--env", "dev"); code != 1 || !strings.Contains(h.stderr.String(), "make infra-synth ENVS=dev") {
		t.Errorf("missing stack: exit %d %s", code, h.stderr)
	}
}

func TestLogsStatusMetrics(t *testing.T) {
	h := newHarness(t)
	if code := h.run("logs", "auth", "--env", "dev", "--follow"); code != 0 {
		t.Fatalf("exit %d %s", code, h.stderr)
	}
	want := "kubectl --context supabase-dev logs -n supabase -l app.kubernetes.io/name=auth,app.kubernetes.io/instance=supabase --all-containers --prefix --timestamps --since=1h0m0s --tail=200 --max-log-requests=20 --ignore-errors --follow"
	if h.fake.Calls[0] != want {
		t.Errorf("logs call:\n got %s\nwant %s", h.fake.Calls[0], want)
	}
	h.run("logs", "alb", "--env", "dev")
	if !strings.Contains(h.fake.Calls[1], "-n kube-system -l app.kubernetes.io/name=aws-load-balancer-controller") {
		t.Errorf("alb logs: %s", h.fake.Calls[1])
	}
	// The bootstrap Job's pods, by the label dist/ gives them.
	if code := h.run("logs", "db-bootstrap", "--env", "dev"); code != 0 || !strings.Contains(h.fake.Calls[len(h.fake.Calls)-1], "-l app.kubernetes.io/name=db-bootstrap,") {
		t.Errorf("db-bootstrap logs: exit %d, %v", code, h.fake.Calls)
	}
	if code := h.run("logs", "bootstrap", "--env", "dev"); code != 2 || !strings.Contains(h.stderr.String(), "db-bootstrap") {
		t.Errorf("a component dist/ does not run: exit %d, %s", code, h.stderr)
	}
	if code := h.run("logs", "--env", "dev"); code != 2 {
		t.Errorf("logs without component: exit %d", code)
	}
	h.fake.On("kubectl --context supabase-dev get ingress", "", 1)
	if code := h.run("status", "--env", "dev"); code != 1 || !strings.Contains(h.stderr.String(), "ingress") {
		t.Errorf("status with a failing section: exit %d %s", code, h.stderr)
	}
	if len(h.fake.Called("helm list --all-namespaces --kube-context supabase-dev")) != 1 {
		t.Error("status did not continue past a failing section")
	}
	if code := h.run("metrics", "--env", "dev"); code != 0 || !strings.Contains(h.stdout.String(), "/aws/eks/supabase-dev/cluster") {
		t.Errorf("metrics: exit %d %s", code, h.stdout)
	}
}

func TestHelpAndUnknown(t *testing.T) {
	h := newHarness(t)
	if code := h.run("help"); code != 0 || !strings.Contains(h.stdout.String(), "supabase-eks secrets rotate NAME") {
		t.Errorf("help: %d %s", code, h.stdout)
	}
	if code := h.run("frobnicate"); code != 2 {
		t.Errorf("unknown command: exit %d", code)
	}
	if code := h.run("deploy", "--env", "dev", "--only", "x", "--from", "y"); code != 2 {
		t.Errorf("--only with --from: exit %d", code)
	}
	if code := h.run("deploy", "--env", "dev", "--only", "nope"); code != 1 || !strings.Contains(h.stderr.String(), "no step \"nope\"") {
		t.Errorf("unknown step: exit %d %s", code, h.stderr)
	}
	var _ = outputs.Namespace
}

// Secrets are never written with credentials or outputs of another account.
func TestSecretsRefuseAnotherAccount(t *testing.T) {
	h := newHarness(t)
	h.account = "999988887777"
	for _, args := range [][]string{{"secrets", "init", "--env", "dev"}, {"secrets", "rotate", "dashboard", "--env", "dev", "--no-roll"}} {
		if code := h.run(args...); code == 0 || !strings.Contains(h.stderr.String(), "999988887777") || !strings.Contains(h.stderr.String(), "nothing was written") {
			t.Errorf("%v with another account's credentials: exit %d, %s", args, code, h.stderr)
		}
	}
	if n := h.sm.Count("PutSecretValue"); n != 0 {
		t.Errorf("%d secrets written with another account's credentials", n)
	}

	// Outputs of another account (credentials for it too) are refused by name.
	h.account = "111122223333"
	path := filepath.Join(h.root, "outputs", "dev.json")
	data, _ := os.ReadFile(path)
	if err := os.WriteFile(path, []byte(strings.ReplaceAll(string(data), "111122223333", "999988887777")), 0o644); err != nil {
		t.Fatal(err)
	}
	if code := h.run("secrets", "init", "--env", "dev"); code == 0 || !strings.Contains(h.stderr.String(), `output "account_id"`) {
		t.Errorf("outputs of another account: exit %d, %s", code, h.stderr)
	}
	if n := h.sm.Count("PutSecretValue"); n != 0 {
		t.Errorf("%d secrets written from another account's outputs", n)
	}
}

// A rotation checks the cluster before it writes, and a failed roll is
// retried without writing again, so the original value stays AWSPREVIOUS.
func TestRotationKeepsItsRollback(t *testing.T) {
	h := newHarness(t)
	if !dirExists(filepath.Join(h.root, "dist", "dev")) {
		t.Skip("dist/dev not rendered")
	}
	h.run("secrets", "init", "--env", "dev")
	original, _ := h.sm.Current("supabase-dev/dashboard")
	k := "kubectl --context supabase-dev "

	h.fake.On(k+"get namespace supabase", "", 1)
	if code := h.run("secrets", "rotate", "dashboard", "--env", "dev"); code == 0 || !strings.Contains(h.stderr.String(), "make kubeconfig ENV=dev") || !strings.Contains(h.stderr.String(), "nothing was written") {
		t.Fatalf("unreachable cluster: exit %d, %s", code, h.stderr)
	}
	if n := h.sm.Versions("supabase-dev/dashboard"); n != 1 {
		t.Fatalf("%d versions after a refused rotation, want 1", n)
	}

	// Reachable, but the roll fails: the message offers the roll-only retry.
	h.fake.On(k+"get namespace supabase", "namespace/supabase", 0)
	h.fake.On(k+"annotate", "", 1)
	if code := h.run("secrets", "rotate", "dashboard", "--env", "dev"); code == 0 || !strings.Contains(h.stderr.String(), "--roll-only") {
		t.Fatalf("failed roll: exit %d, %s", code, h.stderr)
	}
	rotated, _ := h.sm.Current("supabase-dev/dashboard")
	if rotated == original || h.sm.Versions("supabase-dev/dashboard") != 2 {
		t.Fatalf("the rotation did not write exactly one new version")
	}

	// The advised retry writes nothing.
	h.fake.On(k+"annotate", "", 0)
	h.fake.On(k+"get externalsecret", `{"items":[{"metadata":{"name":"supabase-dashboard"},"status":{"refreshTime":"`+time.Now().Add(time.Hour).UTC().Format(time.RFC3339)+`","conditions":[{"type":"Ready","status":"True"}]}}]}`, 0)
	h.fake.On(k+"get deployment", "deployment.apps/kong\n", 0)
	if code := h.run("secrets", "rotate", "dashboard", "--env", "dev", "--roll-only"); code != 0 {
		t.Fatalf("roll-only retry: exit %d, %s\n%s", code, h.stderr, h.stdout)
	}
	if got, _ := h.sm.Current("supabase-dev/dashboard"); got != rotated || h.sm.Versions("supabase-dev/dashboard") != 2 {
		t.Errorf("--roll-only wrote a version")
	}
	if code := h.run("secrets", "rotate", "dashboard", "--env", "dev", "--roll-only", "--no-roll"); code != 2 {
		t.Errorf("--roll-only with --no-roll: exit %d", code)
	}
}

// SMTP settings GoTrue would choke on are refused before anything is written.
func TestSMTPFromEnvIsValidated(t *testing.T) {
	h := newHarness(t)
	h.run("secrets", "init", "--env", "dev")
	before := h.sm.Count("PutSecretValue")
	for name, env := range map[string]map[string]string{
		"SMTP_PORT":        {"SMTP_HOST": "smtp.example.com", "SMTP_PORT": "abc", "SMTP_ADMIN_EMAIL": "ops@example.com"},
		"SMTP_ADMIN_EMAIL": {"SMTP_HOST": "smtp.example.com", "SMTP_PORT": "587", "SMTP_ADMIN_EMAIL": "notanemail"},
		"SMTP_HOST":        {"SMTP_HOST": "smtp example com", "SMTP_PORT": "587", "SMTP_ADMIN_EMAIL": "ops@example.com"},
	} {
		h.env = env
		if code := h.run("secrets", "rotate", "smtp", "--env", "dev", "--no-roll"); code == 0 || !strings.Contains(h.stderr.String(), name+"=") {
			t.Errorf("bad %s: exit %d, %s", name, code, h.stderr)
		}
	}
	if n := h.sm.Count("PutSecretValue"); n != before {
		t.Errorf("%d SMTP versions written from bad settings", n-before)
	}
}

func TestCapacityCommand(t *testing.T) {
	h := newHarness(t)
	dist, _ := filepath.Abs(filepath.Join("..", "..", "..", "dist", "prod"))
	if code := h.run("capacity", "--env", "prod", "--dist", dist); code != 0 || !strings.Contains(h.stdout.String(), "PGRST_DB_POOL") || !strings.Contains(h.stdout.String(), "TOTAL") {
		t.Fatalf("exit %d %s %s", code, h.stdout, h.stderr)
	}
	if len(h.fake.Calls) != 0 {
		t.Errorf("capacity ran commands: %v", h.fake.Calls)
	}
	if code := h.run("capacity", "--env", "prod", "--dist", t.TempDir()); code != 1 || !strings.Contains(h.stderr.String(), "make synth") {
		t.Errorf("empty dist: exit %d %s", code, h.stderr)
	}
}
