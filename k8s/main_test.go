package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aws/jsii-runtime-go"
)

// writeOutputs copies the dev example outputs with one change applied.
func writeOutputs(t *testing.T, change func(map[string]any)) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "examples", "outputs", "dev.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	change(m)
	out, _ := json.Marshal(m)
	p := filepath.Join(t.TempDir(), "outputs.json")
	if err := os.WriteFile(p, out, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestBadInputLeavesDistUntouched: invalid outputs or flags fail with an
// error naming the culprit, before dist/ is touched.
// TestMain closes the jsii runtime the package's code may have started, so
// the test binary leaves no /tmp/jsii-runtime.* behind.
func TestMain(m *testing.M) {
	code := m.Run()
	jsii.Close()
	os.Exit(code)
}

func TestBadInputLeavesDistUntouched(t *testing.T) {
	cases := []struct {
		name, want string
		args       func(t *testing.T) []string
	}{
		{"missing output", `"db_host"`, func(t *testing.T) []string {
			return []string{"--env", "dev", "--outputs", writeOutputs(t, func(m map[string]any) { delete(m, "db_host") })}
		}},
		{"malformed output", `"irsa_role_arns"`, func(t *testing.T) []string {
			return []string{"--env", "dev", "--outputs", writeOutputs(t, func(m map[string]any) {
				m["irsa_role_arns"].(map[string]any)["value"].(map[string]any)["storage"] = "not-an-arn"
			})}
		}},
		{"outputs of another environment", `"environment"`, func(t *testing.T) []string {
			return []string{"--env", "dev", "--outputs", writeOutputs(t, func(m map[string]any) {
				m["environment"].(map[string]any)["value"] = "prod"
			})}
		}},
		{"outputs of another account", `output "account_id"`, func(t *testing.T) []string {
			return []string{"--env", "dev", "--outputs", writeOutputs(t, func(m map[string]any) {
				m["account_id"].(map[string]any)["value"] = "999988887777"
			})}
		}},
		{"prod's secrets in dev's outputs", `output "secret_names.jwt"`, func(t *testing.T) []string {
			return []string{"--env", "dev", "--outputs", writeOutputs(t, func(m map[string]any) {
				m["secret_names"].(map[string]any)["value"].(map[string]any)["jwt"] = "supabase-prod/jwt"
			})}
		}},
		{"unknown environment", `"staging"`, func(t *testing.T) []string { return []string{"--env", "staging"} }},
		{"one outputs file for two environments", "--env", func(t *testing.T) []string {
			return []string{"--env", "dev,prod", "--outputs", writeOutputs(t, func(map[string]any) {})}
		}},
		// Real outputs need the real RDS CA bundle next to them.
		{"RDS CA bundle missing", "make rds-ca", func(t *testing.T) []string {
			return []string{"--env", "dev", "--outputs", writeOutputs(t, func(map[string]any) {})}
		}},
		{"example stand-in with real outputs", "example stand-in", func(t *testing.T) []string {
			return []string{"--env", "dev", "--outputs", writeOutputs(t, func(map[string]any) {}), "--rds-ca", filepath.Join("..", "examples", "rds-ca", "stand-in.pem")}
		}},
		{"RDS CA bundle without certificates", "no PEM certificate", func(t *testing.T) []string {
			bad := filepath.Join(t.TempDir(), "dev-rds-ca.pem")
			if err := os.WriteFile(bad, []byte("not a bundle\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			return []string{"--env", "dev", "--outputs", writeOutputs(t, func(map[string]any) {}), "--rds-ca", bad}
		}},
		{"missing outputs file", "no-such-file.json", func(t *testing.T) []string {
			return []string{"--env", "dev", "--outputs", filepath.Join(t.TempDir(), "no-such-file.json")}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dist := t.TempDir()
			sentinel := filepath.Join(dist, "dev", "00-namespace.yaml")
			if err := os.MkdirAll(filepath.Dir(sentinel), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(sentinel, []byte("previous\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			err := run(append(tc.args(t), "--out", dist))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one naming %s", err, tc.want)
			}
			got, _ := os.ReadFile(sentinel)
			entries, _ := os.ReadDir(dist)
			if string(got) != "previous\n" || len(entries) != 1 {
				t.Errorf("dist/ changed after a failed run: %q, %d entries", got, len(entries))
			}
		})
	}
}

// An interrupted render leaves its temporary directory in dist/; the next
// render of that environment removes it (and leaves other files alone).
func TestStaleTemporaryDirsAreRemoved(t *testing.T) {
	dist := t.TempDir()
	stale := filepath.Join(dist, ".tmp-dev-123")
	if err := os.MkdirAll(stale, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(stale, "40-workloads.yaml"), []byte("partial: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dist, "keep.txt")
	if err := os.WriteFile(other, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir("..") // the example outputs and CA stand-in are found from the repository root
	if err := run([]string{"--env", "dev", "--out", dist}); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dist)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, ",") != "dev,keep.txt" {
		t.Errorf("dist holds %v after the render, want dev and keep.txt", names)
	}
}

// A render of an environment waits while another render of it into the same
// directory holds the lock, instead of removing that render's temporary
// directory as a stale one.
func TestConcurrentRendersTakeTurns(t *testing.T) {
	dist := t.TempDir()
	unlock, err := renderLock(dist, "dev")
	if err != nil {
		t.Fatal(err)
	}
	inFlight := filepath.Join(dist, ".tmp-dev-inflight")
	if err := os.MkdirAll(inFlight, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir("..")
	done := make(chan error, 1)
	go func() { done <- run([]string{"--env", "dev", "--out", dist}) }()
	select {
	case err := <-done:
		t.Fatalf("the render ran while another held the lock (err %v)", err)
	case <-time.After(500 * time.Millisecond):
	}
	if _, err := os.Stat(inFlight); err != nil {
		t.Fatalf("the waiting render removed the other render's directory: %v", err)
	}
	unlock()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dist, "dev", "40-workloads.yaml")); err != nil {
		t.Fatal(err)
	}
}
