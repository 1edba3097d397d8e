// Package validate_test proves the validation gate can fail: each test runs a real check
// script (real kube-apiserver, kubeconform, trivy, terraform + AWS provider) on a known-good
// input, then on temporary copies broken in exactly one way, and asserts that the check
// passes the first and fails the others for the stated reason. Nothing under dist/ or
// cdktf.out/ is modified: broken inputs live in t.TempDir().
//
// They need the tools from `make tools` and take about a minute, so they belong to
// `make validate` (check `negative`), which sets SUPABASE_EKS_GATE_TESTS=1: then a missing
// tool is a failure. A plain `go test ./...` skips them and says so.
package validate_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"
)

// toolPath asks scripts/tools/lib.sh where a tool lives, so versions stay pinned in one file.
func toolPath(t *testing.T, variable string) string {
	t.Helper()
	out, err := exec.Command("bash", "-c", `. scripts/tools/lib.sh && printf %s "$`+variable+`"`).Output()
	if err != nil {
		t.Fatalf("reading %s from scripts/tools/lib.sh: %v", variable, err)
	}
	return string(out)
}

func init() {
	// go test runs in the package directory; the scripts and fixtures are addressed from
	// the repository root, two levels up.
	if err := os.Chdir("../.."); err != nil {
		panic(err)
	}
}

// needTools skips unless SUPABASE_EKS_GATE_TESTS=1, and then fails unless every path exists.
func needTools(t *testing.T, paths ...string) {
	t.Helper()
	if os.Getenv("SUPABASE_EKS_GATE_TESTS") != "1" {
		t.Skip("real-tool gate test: run by `make validate-negative` (SUPABASE_EKS_GATE_TESTS=1)")
	}
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("%s missing (run `make tools`)", p)
		}
	}
}

// runCheck runs a check script and returns its combined output and exit code.
func runCheck(t *testing.T, script string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(filepath.Join("scripts/validate", script), args...)
	cmd.Env = append(os.Environ(), "TMPDIR="+t.TempDir())
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	code := 0
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		code = exitErr.ExitCode()
	} else if err != nil {
		t.Fatalf("running %s: %v", script, err)
	}
	t.Logf("%s %s (exit %d):\n%s", script, strings.Join(args, " "), code, out.String())
	return out.String(), code
}

// docs splits a YAML stream into objects.
func docs(t *testing.T, data []byte) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, part := range regexp.MustCompile(`(?m)^---\s*$`).Split(string(data), -1) {
		var m map[string]any
		if err := yaml.Unmarshal([]byte(part), &m); err != nil {
			t.Fatalf("fixture YAML: %v", err)
		}
		if len(m) > 0 {
			out = append(out, m)
		}
	}
	return out
}

func writeDocs(t *testing.T, path string, objs []map[string]any) {
	t.Helper()
	var b bytes.Buffer
	for _, o := range objs {
		y, err := yaml.Marshal(o)
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString("---\n")
		b.Write(y)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// field walks a path of map keys and list indexes, returning the map found there.
func field(t *testing.T, obj map[string]any, path ...any) map[string]any {
	t.Helper()
	var cur any = obj
	for _, p := range path {
		switch k := p.(type) {
		case string:
			cur = cur.(map[string]any)[k]
		case int:
			cur = cur.([]any)[k]
		}
		if cur == nil {
			t.Fatalf("fixture has no %v", path)
		}
	}
	return cur.(map[string]any)
}

func byKind(t *testing.T, objs []map[string]any, kind string) map[string]any {
	t.Helper()
	for _, o := range objs {
		if o["kind"] == kind {
			return o
		}
	}
	t.Fatalf("fixture has no %s", kind)
	return nil
}

// brokenManifests writes the good fixture and one copy per way of breaking it, each in its
// own directory, and returns label -> directory.
func brokenManifests(t *testing.T) (good string, broken map[string]string) {
	t.Helper()
	data, err := os.ReadFile("scripts/validate/testdata/k8s-ok.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	good = filepath.Join(dir, "good")
	writeDocs(t, filepath.Join(good, "all.yaml"), docs(t, data))
	broken = map[string]string{}
	mutate := func(label string, f func(objs []map[string]any)) {
		objs := docs(t, data)
		f(objs)
		p := filepath.Join(dir, label)
		writeDocs(t, filepath.Join(p, "all.yaml"), objs)
		broken[label] = p
	}
	// A typo in a built-in kind: kubectl's client-side apply would drop it silently
	// without strict validation.
	mutate("unknown-field-deployment", func(objs []map[string]any) {
		field(t, byKind(t, objs, "Deployment"), "spec", "template", "spec", "containers", 0)["imagePullPolicyy"] = "Always"
	})
	// A typo in a CRD-backed kind (structural schema of ESO's ExternalSecret).
	mutate("unknown-field-externalsecret", func(objs []map[string]any) {
		field(t, byKind(t, objs, "ExternalSecret"), "spec")["refreshIntervall"] = "1h"
	})
	return good, broken
}

func TestK8sDryRunRejectsUnknownFieldsAndWarnings(t *testing.T) {
	needTools(t, toolPath(t, "KUBE_APISERVER"), toolPath(t, "KUBECTL"), toolPath(t, "ESO_CRDS")+"/.complete")
	good, broken := brokenManifests(t)

	// A pod spec the namespace's `restricted` Pod Security level forbids: the apiserver
	// accepts the Deployment with a warning, which the check must treat as a failure.
	data, _ := os.ReadFile(filepath.Join(good, "all.yaml"))
	objs := docs(t, data)
	field(t, byKind(t, objs, "Deployment"), "spec", "template", "spec", "containers", 0, "securityContext")["capabilities"] =
		map[string]any{"drop": []any{"ALL"}, "add": []any{"NET_ADMIN"}}
	warnDir := filepath.Join(t.TempDir(), "pod-security-warning")
	writeDocs(t, filepath.Join(warnDir, "all.yaml"), objs)
	broken["pod-security-warning"] = warnDir

	args := []string{"--label", "good", good}
	for label, dir := range broken {
		args = append(args, "--label", label, dir)
	}
	distCase := distCopyWithUnknownField(t)
	if distCase != "" {
		args = append(args, "--label", "dist-dev-copy", distCase)
	}
	out, code := runCheck(t, "check-k8s.sh", args...)
	if code == 0 {
		t.Fatalf("check-k8s.sh passed with broken inputs")
	}
	expectLine(t, out, `^ok   good: 6/6 objects accepted`)
	expectLine(t, out, `^FAIL unknown-field-deployment: `)
	expectLine(t, out, `unknown field "spec.template.spec.containers\[0\].imagePullPolicyy"`)
	expectLine(t, out, `^FAIL unknown-field-externalsecret: `)
	expectLine(t, out, `unknown field "spec.refreshIntervall"`)
	expectLine(t, out, `^FAIL pod-security-warning: 6/6 objects accepted, [1-9][0-9]* warnings`)
	expectLine(t, out, `Warning: would violate PodSecurity "restricted`)
	if distCase != "" {
		expectLine(t, out, `^FAIL dist-dev-copy: `)
	}
}

func TestKubeconformRejectsUnknownFields(t *testing.T) {
	needTools(t, toolPath(t, "KUBECONFORM"), toolPath(t, "K8S_SCHEMAS")+"/.complete", toolPath(t, "CRD_SCHEMAS")+"/.complete")
	good, broken := brokenManifests(t)
	args := []string{"--label", "good", good}
	for label, dir := range broken {
		args = append(args, "--label", label, dir)
	}
	out, code := runCheck(t, "check-kubeconform.sh", args...)
	if code == 0 {
		t.Fatalf("check-kubeconform.sh passed with broken inputs")
	}
	expectLine(t, out, `^ok   good: .*Valid: 6, Invalid: 0, Errors: 0, Skipped: 0`)
	expectLine(t, out, `^FAIL unknown-field-deployment: .*Invalid: 1`)
	expectLine(t, out, `imagePullPolicyy`)
	expectLine(t, out, `^FAIL unknown-field-externalsecret: .*Invalid: 1`)
	expectLine(t, out, `refreshIntervall`)
}

// tfStack writes the good fixture stack, optionally with extra resources merged in.
func tfStack(t *testing.T, extra map[string]map[string]any) string {
	t.Helper()
	data, err := os.ReadFile("scripts/validate/testdata/tf-ok.tf.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	res := doc["resource"].(map[string]any)
	for typ, byName := range extra {
		if res[typ] == nil {
			res[typ] = map[string]any{}
		}
		for name, body := range byName {
			res[typ].(map[string]any)[name] = body
		}
	}
	dir := t.TempDir()
	b, _ := json.MarshalIndent(doc, "", "  ")
	if err := os.WriteFile(filepath.Join(dir, "cdk.tf.json"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// sshFromAnywhere is the HIGH finding: SSH open to the internet.
var sshFromAnywhere = map[string]map[string]any{
	"aws_security_group_rule": {"ssh_from_anywhere": map[string]any{
		"type": "ingress", "description": "SSH", "security_group_id": "${aws_security_group.web.id}",
		"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": []any{"0.0.0.0/0"},
	}},
}

func TestTrivyFailsOnHighFinding(t *testing.T) {
	needTools(t, toolPath(t, "TRIVY"), toolPath(t, "TF_PROVIDER_AWS_SCHEMA"))
	good := tfStack(t, nil)
	out, code := runCheck(t, "check-trivy.sh", "--tf", "good="+good)
	if code != 0 {
		t.Fatalf("check-trivy.sh failed on the good fixture stack")
	}
	expectLine(t, out, `HIGH=0`)

	bad := tfStack(t, sshFromAnywhere)
	out, code = runCheck(t, "check-trivy.sh", "--tf", "bad="+bad)
	if code == 0 {
		t.Fatalf("check-trivy.sh passed a security group open to 0.0.0.0/0 on port 22")
	}
	expectLine(t, out, `^\s+(HIGH|CRITICAL)\s+AWS-\d+\s+tf/bad/cdk.tf:\d+ \[aws_security_group_rule.ssh_from_anywhere\]`)

	// The ignore file cannot accept a HIGH finding: list it there and the check still fails.
	ids := regexp.MustCompile(`(?m)^\s+HIGH\s+(AWS-\d+)`).FindAllStringSubmatch(out, -1)
	if len(ids) == 0 {
		t.Fatalf("no HIGH finding id in output")
	}
	ignore := filepath.Join(t.TempDir(), "ignore.yaml")
	body := "misconfigurations:\n"
	for _, m := range ids {
		body += "  - id: " + m[1] + "\n    statement: trying to accept a HIGH finding\n"
	}
	if err := os.WriteFile(ignore, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	out, code = runCheck(t, "check-trivy.sh", "--ignorefile", ignore, "--tf", "bad="+bad)
	if code == 0 {
		t.Fatalf("check-trivy.sh let the ignore file accept a HIGH finding")
	}
	expectLine(t, out, `HIGH/CRITICAL \(never accepted\): [1-9]`)

	// An ignore entry without a reason is refused.
	if err := os.WriteFile(ignore, []byte("misconfigurations:\n  - id: AWS-0001\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, code = runCheck(t, "check-trivy.sh", "--ignorefile", ignore, "--tf", "good="+good)
	if code == 0 {
		t.Fatalf("check-trivy.sh accepted an ignore entry without a statement")
	}
	expectLine(t, out, `no statement giving the reason`)
}

func TestTerraformCheckRejectsInvalidStackAndPlanIsScanned(t *testing.T) {
	needTools(t, toolPath(t, "TF_PROVIDER_AWS"), toolPath(t, "TRIVY"))
	plans := t.TempDir()
	good := tfStack(t, sshFromAnywhere)
	// An argument the AWS provider's schema does not have.
	invalid := tfStack(t, map[string]map[string]any{
		"aws_s3_bucket": {"logs": map[string]any{"bucket": "gate-test-logs", "acl_typo": "private"}},
	})
	cmd := []string{"--label", "plannable", good, "--label", "invalid", invalid}
	t.Setenv("PLAN_OUT", plans)
	out, code := runCheck(t, "check-tf.sh", cmd...)
	if code == 0 {
		t.Fatalf("check-tf.sh passed a stack with an unsupported argument")
	}
	expectLine(t, out, `^ok   plannable: init\+validate\+plan`)
	expectLine(t, out, `^FAIL invalid: terraform validate`)
	expectLine(t, out, `acl_typo`)

	// The plan of the (valid, insecure) stack goes through trivy's plan scanner too.
	out, code = runCheck(t, "check-trivy.sh", "--plan", "plannable="+filepath.Join(plans, "plannable", "plan.json"))
	if code == 0 {
		t.Fatalf("check-trivy.sh passed a plan with SSH open to the internet")
	}
	expectLine(t, out, `^\s+(HIGH|CRITICAL)\s+AWS-\d+\s+plan/plannable/plan.json`)
}

// distCopyWithUnknownField copies dist/dev (when it has been rendered) into a temp dir and
// adds an unknown field to its first Deployment's first container, or to its first object.
func distCopyWithUnknownField(t *testing.T) string {
	t.Helper()
	src := "dist/dev"
	entries, err := os.ReadDir(src)
	if err != nil || len(entries) == 0 {
		return ""
	}
	dst := t.TempDir()
	done := false
	for _, e := range entries {
		if e.IsDir() || !(strings.HasSuffix(e.Name(), ".yaml") || strings.HasSuffix(e.Name(), ".yml")) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if !done {
			objs := docs(t, data)
			for _, o := range objs {
				if o["kind"] == "Deployment" {
					field(t, o, "spec", "template", "spec", "containers", 0)["imagePullPolicyy"] = "Always"
					done = true
					break
				}
			}
			if done {
				writeDocs(t, filepath.Join(dst, e.Name()), objs)
				continue
			}
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if !done {
		return ""
	}
	return dst
}

func expectLine(t *testing.T, out, pattern string) {
	t.Helper()
	if !regexp.MustCompile(`(?m)` + pattern).MatchString(out) {
		t.Errorf("output lacks a line matching %q", pattern)
	}
}
