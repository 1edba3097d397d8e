package deploy

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/supabase-eks/supabase-eks/internal/artifacts"
	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/internal/ops/runner"
	"github.com/supabase-eks/supabase-eks/internal/rdsca"
	"github.com/supabase-eks/supabase-eks/internal/rdsca/rdscatest"
	"github.com/supabase-eks/supabase-eks/internal/testkit/fakerunner"
)

const repo = "../../.."

// clock advances only when a step sleeps, so polling ends at its deadline instantly.
type clock struct{ t time.Time }

func (c *clock) Now() time.Time { return c.t }
func (c *clock) Sleep(_ context.Context, d time.Duration) error {
	c.t = c.t.Add(d)
	return nil
}

func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// fixture is a repository root with the environment's synthesized stack and
// the committed dist/<env>, and a fake runner answering like healthy tools
// and a healthy cluster.
type fixture struct {
	root  string
	fake  *fakerunner.Fake
	d     *Deployer
	log   *bytes.Buffer
	clock *clock
}

func esReady() string {
	b, _ := json.Marshal(map[string]any{"items": []map[string]any{{
		"metadata": map[string]any{"name": "jwt"},
		"status": map[string]any{"refreshTime": time.Now().UTC().Format(time.RFC3339),
			"conditions": []map[string]any{{"type": "Ready", "status": "True"}}},
	}}})
	return string(b)
}

func newFixture(t *testing.T, envName string) *fixture {
	t.Helper()
	env, err := config.Load(envName)
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	dist := filepath.Join(repo, "dist", envName)
	if _, err := os.Stat(dist); err != nil {
		t.Skipf("%s not rendered", dist)
	}
	copyTree(t, dist, filepath.Join(root, "dist", envName))
	stack := filepath.Join(root, "cdktf.out", "stacks", "supabase-"+envName)
	if err := os.MkdirAll(stack, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(stack, "cdk.tf.json"), []byte(`{"resource":{}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	example, err := os.ReadFile(filepath.Join(repo, "examples", "outputs", envName+".json"))
	if err != nil {
		t.Fatal(err)
	}
	f := &fakerunner.Fake{}
	// Tools, at versions inside every wanted range.
	f.On("terraform version -json", `{"terraform_version":"1.11.4"}`, 0)
	f.On("kubectl version --client -o json", `{"clientVersion":{"gitVersion":"v1.35.2"}}`, 0)
	f.On("helm version", "v3.22.0", 0)
	f.On("aws --version", "aws-cli/2.31.0 Python/3.13.7 Linux/6.8 exe/x86_64", 0)
	f.On("make --version", "GNU Make 4.3", 0)
	f.On("go env GOVERSION", "go1.26.8", 0)
	f.On("node --version", "v22.11.0", 0)
	f.On("aws sts get-caller-identity", `{"Account":"`+env.AccountID+`","Arn":"arn:aws:iam::`+env.AccountID+`:role/deployer"}`, 0)
	// Terraform: changes pending, outputs in the contract's shape.
	f.On("["+filepath.Join(root, "cdktf.out/stacks/supabase-"+envName)+"] terraform plan", "", 2)
	f.On("["+filepath.Join(root, "cdktf.out/stacks/supabase-"+envName)+"] terraform output -json", string(example), 0)
	// A cluster where everything becomes ready.
	ctx := "kubectl --context supabase-" + envName + " "
	f.On(ctx+"get externalsecret", esReady(), 0)
	f.On(ctx+"get job db-bootstrap", `{"status":{"conditions":[{"type":"Complete","status":"True"}]}}`, 0)
	f.On(ctx+"get ingress", `{"items":[{"status":{"loadBalancer":{"ingress":[{"hostname":"supabase-`+envName+`-1.us-east-1.elb.amazonaws.com"}]}}}]}`, 0)
	f.On(ctx+"get services --all-namespaces", `{"items":[]}`, 0)
	// The RDS API and the truststore: a bundle holding the instance's CA.
	bundle, thumb := rdscatest.Cert(t, "test RDS root", true)
	f.On("aws rds describe-certificates", `{"Certificates":[{"CertificateIdentifier":"`+env.Database.CACertIdentifier+`","Thumbprint":"`+thumb+`"}]}`, 0)
	f.On("aws elbv2 describe-load-balancers", `{"LoadBalancers":[]}`, 0)
	f.On("aws ec2 describe-security-groups", `{"SecurityGroups":[]}`, 0)
	log := &bytes.Buffer{}
	clk := &clock{t: time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)}
	d := &Deployer{Env: env, Root: root, R: f, Log: log, Yes: true, Sleep: clk.Sleep, Now: clk.Now, Timeout: 10 * time.Minute}
	d.Fetch = func(_ context.Context, url string) ([]byte, error) {
		_, err := f.Run(context.Background(), runner.Cmd{Name: "<fetch>", Args: []string{url}})
		return bundle, err
	}
	d.InitSecrets = func(ctx context.Context, path string) error {
		if _, err := outputs.Load(path); err != nil {
			return fmt.Errorf("secrets init got an unusable outputs file: %w", err)
		}
		_, err := f.Run(ctx, runner.Cmd{Name: "<secrets-init>"})
		return err
	}
	d.Smoke = func(ctx context.Context, path string) error {
		_, err := f.Run(ctx, runner.Cmd{Name: "<smoke>"})
		return err
	}
	return &fixture{root: root, fake: f, d: d, log: log, clock: clk}
}

// milestones filters the recorded calls to the ones whose order matters,
// with the repository root removed.
func (fx *fixture) milestones() []string {
	var out []string
	for _, c := range fx.fake.Calls {
		if strings.HasPrefix(c, "[") {
			c = c[strings.Index(c, "] ")+2:]
		}
		c = strings.ReplaceAll(c, fx.root+"/", "")
		switch {
		case strings.Contains(c, "version") && !strings.Contains(c, "--version 0") && !strings.Contains(c, "helm upgrade"),
			strings.Contains(c, " get "), strings.HasPrefix(c, "kubectl --context supabase-dev rollout status"),
			strings.HasPrefix(c, "aws elbv2"), strings.HasPrefix(c, "aws ec2"):
			continue
		}
		out = append(out, c)
	}
	return out
}

func indexOf(list []string, prefix string) int {
	for i, s := range list {
		if strings.HasPrefix(s, prefix) {
			return i
		}
	}
	return -1
}

func assertOrder(t *testing.T, calls []string, prefixes ...string) {
	t.Helper()
	last := -1
	for _, p := range prefixes {
		i := indexOf(calls, p)
		if i < 0 {
			t.Fatalf("no call starting with %q in:\n  %s", p, strings.Join(calls, "\n  "))
		}
		if i < last {
			t.Fatalf("%q ran before the previous milestone:\n  %s", p, strings.Join(calls, "\n  "))
		}
		last = i
	}
}

func TestDeployRunsEveryStepInOrder(t *testing.T) {
	fx := newFixture(t, "dev")
	if err := fx.d.RunSteps(context.Background(), "deploy", fx.d.DeploySteps(), "", ""); err != nil {
		t.Fatalf("%v\nlog:\n%s", err, fx.log)
	}
	calls := fx.milestones()
	assertOrder(t, calls,
		"aws sts get-caller-identity",
		"make --no-print-directory infra-synth ENVS=dev",
		"terraform init -input=false",
		"terraform plan -input=false -detailed-exitcode -out=supabase.tfplan",
		"terraform apply -input=false supabase.tfplan",
		"terraform output -json",
		"aws rds describe-certificates --certificate-identifier rds-ca-rsa2048-g1",
		"<fetch> https://truststore.pki.rds.amazonaws.com/us-east-1/us-east-1-bundle.pem",
		"<secrets-init>",
		"aws eks update-kubeconfig --name supabase-dev --region us-east-1 --alias supabase-dev",
		"make --no-print-directory k8s-synth ENVS=dev",
		"helm upgrade --install external-secrets external-secrets --repo https://charts.external-secrets.io --version 0.16.2",
		"helm upgrade --install aws-load-balancer-controller",
		"helm upgrade --install cluster-autoscaler",
		"helm upgrade --install metrics-server",
		"helm upgrade --install reloader",
		"kubectl --context supabase-dev apply -f dist/dev/00-namespace.yaml",
		"kubectl --context supabase-dev apply -f dist/dev/10-secrets.yaml",
		"kubectl --context supabase-dev apply -f dist/dev/20-access.yaml",
		"kubectl --context supabase-dev apply -f dist/dev/30-bootstrap.yaml",
		"kubectl --context supabase-dev apply -f dist/dev/40-workloads.yaml",
		"kubectl --context supabase-dev apply -f dist/dev/50-ingress.yaml",
		"kubectl --context supabase-dev apply -f dist/dev/60-backup.yaml",
		"<smoke>",
	)
	// External Secrets are awaited right after the file declaring them, before the workloads.
	all := fx.fake.Calls
	if i, j := indexOf(all, "kubectl --context supabase-dev get externalsecret"), indexOf(all, "kubectl --context supabase-dev apply -f "+fx.root+"/dist/dev/20-access.yaml"); i < 0 || i > j {
		t.Errorf("ExternalSecrets not awaited between 10-secrets and 20-access (%d, %d)", i, j)
	}
	// The wait step checks the bootstrap Job, then every Deployment's rollout.
	job := indexOf(all, "kubectl --context supabase-dev get job db-bootstrap")
	roll := indexOf(all, "kubectl --context supabase-dev rollout status deployment/")
	smoke := indexOf(all, "<smoke>")
	if job < 0 || roll < job || smoke < roll {
		t.Errorf("wait order: job %d, rollouts %d, smoke %d", job, roll, smoke)
	}
	if n := len(fx.fake.Called("kubectl --context supabase-dev rollout status deployment/")); n != 8 {
		t.Errorf("%d rollouts awaited, want the 8 Deployments of dist/dev", n)
	}
	// Every add-on gets its rendered values, the pinned version and the environment's context.
	for _, c := range fx.fake.Called("helm upgrade") {
		if !strings.Contains(c, "--kube-context supabase-dev") || !strings.Contains(c, "--values "+fx.root+"/dist/dev/addons/") || !strings.Contains(c, "--wait") {
			t.Errorf("helm call without context/values/wait: %s", c)
		}
	}
	// Every kubectl call names the context explicitly.
	for _, c := range fx.fake.Called("kubectl") {
		if !strings.HasPrefix(c, "kubectl --context supabase-dev ") && !strings.HasPrefix(c, "kubectl version") {
			t.Errorf("kubectl without --context: %s", c)
		}
	}
	// The outputs file was validated and written.
	o, err := outputs.Load(filepath.Join(fx.root, "outputs", "dev.json"))
	if err != nil || o.ClusterName != "supabase-dev" {
		t.Errorf("outputs/dev.json: %v", err)
	}
	for _, want := range []string{"==> [1/14] deploy preflight", "==> [14/14] deploy smoke", "load balancer: supabase-dev-1.us-east-1.elb.amazonaws.com", "WARNING: no domain configured"} {
		if !strings.Contains(fx.log.String(), want) {
			t.Errorf("progress lacks %q", want)
		}
	}
}

func TestSecondDeployAppliesNothingToAWS(t *testing.T) {
	fx := newFixture(t, "dev")
	fx.fake.On("["+filepath.Join(fx.root, "cdktf.out/stacks/supabase-dev")+"] terraform plan", "", 0)
	if err := fx.d.RunSteps(context.Background(), "deploy", fx.d.DeploySteps(), "infra-apply", ""); err != nil {
		t.Fatal(err)
	}
	if n := indexOf(fx.milestones(), "terraform apply"); n >= 0 {
		t.Errorf("terraform apply ran on an empty plan (call %d)", n)
	}
	if !strings.Contains(fx.log.String(), "no changes") {
		t.Errorf("log: %s", fx.log)
	}
}

func TestApplyNeedsApproval(t *testing.T) {
	fx := newFixture(t, "prod")
	fx.d.Yes = false
	err := fx.d.RunSteps(context.Background(), "deploy", fx.d.DeploySteps(), "infra-apply", "")
	if err == nil || !strings.Contains(err.Error(), "AUTO_APPROVE=1") || !strings.Contains(err.Error(), "--from infra-apply") {
		t.Fatalf("err = %v; want a hint to approve and resume", err)
	}
	var asked string
	fx.d.Confirm = func(prompt, answer string) (bool, error) { asked = prompt + " / " + answer; return false, nil }
	if err := fx.d.RunSteps(context.Background(), "deploy", fx.d.DeploySteps(), "infra-apply", ""); err == nil || !strings.Contains(err.Error(), "aborted") {
		t.Fatalf("declined: %v", err)
	}
	if !strings.Contains(asked, "prod") || !strings.HasSuffix(asked, "/ yes") {
		t.Errorf("prompt: %q", asked)
	}
	if n := len(fx.fake.Called("[" + filepath.Join(fx.root, "cdktf.out/stacks/supabase-prod") + "] terraform apply")); n != 0 {
		t.Errorf("applied without approval")
	}
	fx.d.Confirm = func(string, string) (bool, error) { return true, nil }
	if err := fx.d.RunSteps(context.Background(), "deploy", fx.d.DeploySteps(), "infra-apply", ""); err != nil {
		t.Fatal(err)
	}
	if n := len(fx.fake.Called("[" + filepath.Join(fx.root, "cdktf.out/stacks/supabase-prod") + "] terraform apply -input=false supabase.tfplan")); n != 1 {
		t.Errorf("approved plan applied %d times", n)
	}
}

func TestPreflightNamesEveryProblem(t *testing.T) {
	fx := newFixture(t, "dev")
	fx.fake.Tools = map[string]bool{"aws": true, "terraform": true, "kubectl": true, "make": true, "go": true, "node": true} // no helm
	fx.fake.On("terraform version -json", `{"terraform_version":"1.9.8"}`, 0)
	fx.fake.On("kubectl version --client -o json", `{"clientVersion":{"gitVersion":"v1.32.4"}}`, 0)
	fx.fake.OnFunc("aws --version", func(runner.Cmd) (runner.Result, error) {
		return runner.Result{Stderr: []byte("aws-cli/1.45.11 Python/3.11.7 Linux/6.18 botocore/1.43.11")}, nil // v1 prints on stderr
	})
	fx.fake.On("node --version", "v18.20.0", 0)
	err := fx.d.RunSteps(context.Background(), "deploy", fx.d.DeploySteps(), "", "")
	if err == nil {
		t.Fatal("preflight passed with missing and old tools")
	}
	msg := err.Error()
	for _, want := range []string{
		"helm: not found on PATH; want >= 3.14.0, < 5.0.0",
		"https://helm.sh/docs/intro/install/",
		"terraform: version 1.9.8 found at /usr/bin/terraform; want >= 1.10.0, < 2.0.0",
		"kubectl: version 1.32.4 found at /usr/bin/kubectl; want >= 1.34.0, < 1.37.0",
		"the cluster is 1.35",
		"node: version 18.20.0",
		`deploy step "preflight"`,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("preflight error lacks %q:\n%s", want, msg)
		}
	}
	// v1 prints its version on stderr; it is found, and refused.
	if !strings.Contains(msg, "aws: version 1.45.11 found at /usr/bin/aws; want >= 2.0.0") {
		t.Errorf("aws-cli v1 should be refused by version:\n%s", msg)
	}
	if len(fx.fake.Called("terraform init")) > 0 || len(fx.fake.Called("make")) > 1 {
		t.Errorf("work started after a failed preflight: %v", fx.fake.Calls)
	}
}

func TestPreflightRefusesAnotherAccount(t *testing.T) {
	fx := newFixture(t, "prod")
	fx.fake.On("aws sts get-caller-identity", `{"Account":"999988887777","Arn":"arn:aws:iam::999988887777:user/me"}`, 0)
	err := fx.d.RunSteps(context.Background(), "deploy", fx.d.DeploySteps(), "", "")
	if err == nil || !strings.Contains(err.Error(), "999988887777") || !strings.Contains(err.Error(), "111122223333") {
		t.Fatalf("err = %v", err)
	}
	if len(fx.fake.Called("make --no-print-directory")) > 0 {
		t.Error("synth ran after the identity check failed")
	}
}

func TestResumeAndUnknownStep(t *testing.T) {
	fx := newFixture(t, "dev")
	copyTree(t, filepath.Join(repo, "examples", "outputs"), filepath.Join(fx.root, "outputs"))
	if err := fx.d.RunSteps(context.Background(), "deploy", fx.d.DeploySteps(), "", "apply"); err != nil {
		t.Fatal(err)
	}
	for _, earlier := range []string{"terraform init", "terraform plan", "terraform apply", "helm upgrade", "make --no-print-directory"} {
		if len(fx.fake.Called(earlier)) > 0 {
			t.Errorf("--from apply re-ran earlier steps (%s): %v", earlier, fx.fake.Calls)
		}
	}
	// The account check is a guard: it runs whatever step a deploy resumes at.
	if len(fx.fake.Called("aws sts get-caller-identity")) != 1 {
		t.Errorf("--from apply skipped preflight's account check: %v", fx.fake.Calls)
	}
	if len(fx.fake.Called("<smoke>")) != 1 {
		t.Error("--from apply did not run through smoke")
	}
	err := fx.d.RunSteps(context.Background(), "deploy", fx.d.DeploySteps(), "nope", "")
	if err == nil || !strings.Contains(err.Error(), "preflight, infra-synth, infra-init") {
		t.Errorf("unknown step: %v", err)
	}
}

func TestImmutableJobIsReplaced(t *testing.T) {
	fx := newFixture(t, "dev")
	copyTree(t, filepath.Join(repo, "examples", "outputs"), filepath.Join(fx.root, "outputs"))
	file := fx.root + "/dist/dev/30-bootstrap.yaml"
	// The first apply fails the way the API server refuses a changed Job template.
	calls := 0
	fx.fake.OnFunc("kubectl --context supabase-dev apply -f "+file, func(c runner.Cmd) (runner.Result, error) {
		calls++
		if calls == 1 {
			return runner.Result{ExitCode: 1}, &runner.ExitError{Cmd: c, Code: 1, Stderr: "field is immutable"}
		}
		return runner.Result{}, nil
	})
	if err := fx.d.RunSteps(context.Background(), "deploy", fx.d.DeploySteps(), "apply", ""); err != nil {
		t.Fatal(err)
	}
	del := indexOf(fx.fake.Calls, "kubectl --context supabase-dev delete job db-bootstrap -n supabase")
	if del < 0 || calls != 2 {
		t.Errorf("job not replaced: delete at %d, %d applies of the bootstrap file", del, calls)
	}
}

func TestHelmMethod(t *testing.T) {
	fx := newFixture(t, "prod")
	copyTree(t, filepath.Join(repo, "examples", "outputs"), filepath.Join(fx.root, "outputs"))
	fx.d.Method = "helm"
	err := fx.d.RunSteps(context.Background(), "deploy", fx.d.DeploySteps(), "apply", "")
	if err == nil || !strings.Contains(err.Error(), "make chart ENV=prod") {
		t.Fatalf("missing chart: %v", err)
	}
	chart := filepath.Join(fx.root, ".cache", "chart", "prod")
	if err := os.MkdirAll(chart, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(chart, "Chart.yaml"), []byte("name: supabase\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := fx.d.RunSteps(context.Background(), "deploy", fx.d.DeploySteps(), "apply", ""); err != nil {
		t.Fatal(err)
	}
	calls := fx.milestones()
	ns := indexOf(calls, "kubectl --context supabase-prod apply -f dist/prod/00-namespace.yaml")
	h := indexOf(calls, "helm upgrade --install supabase .cache/chart/prod --namespace supabase --kube-context supabase-prod")
	if ns < 0 || h < ns {
		t.Fatalf("namespace then chart: %d %d\n%s", ns, h, strings.Join(calls, "\n"))
	}
	if !strings.Contains(calls[h], "--set-string host=api.supabase.example.com") {
		t.Errorf("prod host not set to its domain: %s", calls[h])
	}
	if indexOf(calls, "kubectl --context supabase-prod apply -f dist/prod/40-workloads.yaml") >= 0 {
		t.Error("helm method also applied the workloads with kubectl")
	}
}

func TestCommittedAddonsAreLoadable(t *testing.T) {
	for _, env := range config.Names() {
		dir := filepath.Join(repo, "dist", env, "addons")
		if _, err := os.Stat(dir); err != nil {
			t.Skipf("%s not rendered", dir)
		}
		rs, err := artifacts.LoadReleases(dir)
		if err != nil {
			t.Fatalf("%s: %v", env, err)
		}
		if rs[0].Name != "external-secrets" {
			t.Errorf("%s: first add-on %s; External Secrets must come first (its CRDs back 10-secrets.yaml)", env, rs[0].Name)
		}
	}
}

// The rds-ca step writes the bundle next to the outputs only when it holds
// the instance's CA as the RDS API describes it, and the render reads it.
func TestRDSCAStep(t *testing.T) {
	fx := newFixture(t, "dev")
	ctx := context.Background()
	if err := fx.d.WriteOutputs(ctx); err != nil {
		t.Fatal(err)
	}
	if err := fx.d.RDSCA(ctx); err != nil {
		t.Fatalf("rds-ca: %v\n%s", err, fx.log)
	}
	path := filepath.Join(fx.root, "outputs", "dev-rds-ca.pem")
	b, err := rdsca.Load(path)
	if err != nil || len(b.Subjects) != 1 {
		t.Fatalf("written bundle: %+v, %v", b, err)
	}
	if calls := fx.fake.Called("<fetch>"); len(calls) != 1 || !strings.Contains(calls[0], "truststore.pki.rds.amazonaws.com/us-east-1/us-east-1-bundle.pem") {
		t.Errorf("downloaded %v", calls)
	}
	if calls := fx.fake.Called("aws rds describe-certificates"); len(calls) != 1 || !strings.Contains(calls[0], "--certificate-identifier rds-ca-rsa2048-g1") {
		t.Errorf("asked the RDS API %v", calls)
	}

	// A bundle without that CA (another thumbprint) is refused and the
	// previous file stays.
	fx.fake.On("aws rds describe-certificates", `{"Certificates":[{"CertificateIdentifier":"rds-ca-rsa2048-g1","Thumbprint":"00112233445566778899aabbccddeeff00112233"}]}`, 0)
	before, _ := os.ReadFile(path)
	if err := fx.d.RDSCA(ctx); err == nil || !strings.Contains(err.Error(), "thumbprint 00112233") {
		t.Fatalf("a bundle that does not hold the instance's CA was accepted: %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("a refused bundle replaced the previous one")
	}
}
