package deploy

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/internal/ops/runner"
)

// realTerraform skips the test when no terraform binary is on PATH, keeps
// terraform quiet and offline-friendly, and returns a scratch root.
func realTerraform(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("terraform"); err != nil {
		t.Skip("terraform not on PATH")
	}
	t.Setenv("CHECKPOINT_DISABLE", "1")
	t.Setenv("TF_IN_AUTOMATION", "1")
	return t.TempDir()
}

// TestRealTerraformApplyIsIdempotent drives the real terraform binary
// through infra-init, infra-apply and outputs on a provider-free stack whose
// outputs are the example contract values: the first apply changes state,
// the second finds nothing to do (-detailed-exitcode 0), and `terraform
// output -json` comes back in the shape the contract parses.
func TestRealTerraformApplyIsIdempotent(t *testing.T) {
	root := realTerraform(t)
	example, err := os.ReadFile(filepath.Join(repo, "examples", "outputs", "dev.json"))
	if err != nil {
		t.Fatal(err)
	}
	var wrapped map[string]struct {
		Value any `json:"value"`
	}
	if err := json.Unmarshal(example, &wrapped); err != nil {
		t.Fatal(err)
	}
	out := map[string]any{}
	for name, v := range wrapped {
		out[name] = map[string]any{"value": v.Value}
	}
	stack := filepath.Join(root, "cdktf.out", "stacks", "supabase-dev")
	if err := os.MkdirAll(stack, 0o755); err != nil {
		t.Fatal(err)
	}
	doc, _ := json.Marshal(map[string]any{"output": out})
	if err := os.WriteFile(filepath.Join(stack, "cdk.tf.json"), doc, 0o644); err != nil {
		t.Fatal(err)
	}
	env, _ := config.Load("dev")
	var log bytes.Buffer
	exe := &runner.Exec{Out: &log, Err: &log}
	d := &Deployer{Env: env, Root: root, R: exe, Log: &log, Yes: true}
	// The steps themselves: RunSteps would run the preflight guard first,
	// which needs the aws CLI and credentials this test does not have.
	for _, step := range []struct {
		name string
		run  func(context.Context) error
	}{{"infra-init", d.InfraInit}, {"infra-apply", d.InfraApply}, {"outputs", d.WriteOutputs}} {
		if err := step.run(context.Background()); err != nil {
			t.Fatalf("%s: %v\n%s", step.name, err, log.String())
		}
	}
	if !strings.Contains(log.String(), "terraform apply -input=false supabase.tfplan") || strings.Contains(log.String(), "no changes: the AWS layer") {
		t.Fatalf("first apply did not apply the saved plan:\n%s", log.String())
	}
	o, err := outputs.Load(filepath.Join(root, "outputs", "dev.json"))
	if err != nil {
		t.Fatalf("outputs written by terraform do not parse: %v", err)
	}
	if o.ClusterName != "supabase-dev" || o.DBPort != 5432 || len(o.SecretNames) != len(outputs.SecretOrder) {
		t.Errorf("outputs: %+v", o)
	}
	log.Reset()
	if err := d.InfraApply(context.Background()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(log.String(), "no changes: the AWS layer already matches") || strings.Contains(log.String(), "terraform apply") {
		t.Errorf("second apply was not a no-op:\n%s", log.String())
	}
}

// TestRealTerraformDestroyKeepsRetained drives the real terraform binary:
// a stack whose key-like resource is prevent_destroy cannot be destroyed by
// plain `terraform destroy`; the infra-destroy step takes it out of the
// state first, destroys the rest, and says what it kept. The provider-free
// terraform_data resource stands in for the KMS key.
func TestRealTerraformDestroyKeepsRetained(t *testing.T) {
	root := realTerraform(t)
	stack := filepath.Join(root, "cdktf.out", "stacks", "supabase-prod")
	if err := os.MkdirAll(stack, 0o755); err != nil {
		t.Fatal(err)
	}
	doc := `{"resource":{"terraform_data":{
	  "key":   {"input": "key",   "lifecycle": {"prevent_destroy": true}},
	  "other": {"input": "other"}}}}`
	if err := os.WriteFile(filepath.Join(stack, "cdk.tf.json"), []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	env, _ := config.Load("prod")
	var log bytes.Buffer
	d := &Deployer{Env: env, Root: root, R: &runner.Exec{Out: &log, Err: &log}, Log: &log, Yes: true}
	tf := func(args ...string) (string, error) {
		cmd := exec.Command("terraform", args...)
		cmd.Dir = stack
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	if out, err := tf("init", "-input=false"); err != nil {
		t.Fatalf("init: %v\n%s", err, out)
	}
	if out, err := tf("apply", "-input=false", "-auto-approve"); err != nil {
		t.Fatalf("apply: %v\n%s", err, out)
	}
	if out, err := tf("destroy", "-input=false", "-auto-approve"); err == nil || !strings.Contains(out, "prevent_destroy") {
		t.Fatalf("plain terraform destroy of a prevent_destroy resource: %v\n%s", err, out)
	}
	if err := d.InfraDestroy(context.Background()); err != nil {
		t.Fatalf("infra-destroy: %v\n%s", err, log.String())
	}
	list := exec.Command("terraform", "state", "list")
	list.Dir = stack
	if out, err := list.Output(); err != nil || strings.TrimSpace(string(out)) != "" {
		t.Errorf("state after the teardown: %q (%v), want empty", out, err)
	}
	if !strings.Contains(log.String(), "KEPT terraform_data.key (") {
		t.Errorf("the teardown did not say what it kept:\n%s", log.String())
	}
	if strings.Contains(log.String(), "terraform_data.key: Destroying") {
		t.Errorf("the retained resource was destroyed:\n%s", log.String())
	}
}
