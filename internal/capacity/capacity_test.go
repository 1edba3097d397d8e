package capacity

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/supabase-eks/supabase-eks/internal/contract/config"
)

// TestCommittedEnvironmentsFitTheBudget: at full scale-out (every HPA at
// maxReplicas plus a rollout's surge), no environment as committed in
// dist/ can exceed 80 % of its instance class's max_connections.
func TestCommittedEnvironmentsFitTheBudget(t *testing.T) {
	for _, name := range config.Names() {
		t.Run(name, func(t *testing.T) {
			env, err := config.Load(name)
			if err != nil {
				t.Fatal(err)
			}
			b, err := Model(name, filepath.Join("..", "..", "dist", name), env.Database.InstanceClass)
			if err != nil {
				t.Fatal(err)
			}
			if err := b.Check(); err != nil {
				var sb strings.Builder
				b.Print(&sb)
				t.Fatalf("%v\n%s", err, sb.String())
			}
			// Every component that logs in is in the table, with the pool
			// its env renders.
			for _, c := range append(config.PooledComponents, "meta") {
				if c == "supavisor" && !env.Workloads.Pooler.Enabled {
					continue
				}
				if !hasRow(b, c) {
					t.Errorf("no row for %s", c)
				}
			}
		})
	}
}

func hasRow(b Budget, c string) bool {
	for _, r := range b.Rows {
		if r.Component == c {
			return true
		}
	}
	return false
}

// TestModelReadsTheRenderedEnv: the pool comes from the rendered manifests,
// not the configuration. The same configuration with a hand-edited
// manifest gives another total, and a pool that is not rendered at all is
// an error rather than a silent upstream default.
func TestModelReadsTheRenderedEnv(t *testing.T) {
	env, err := config.Load("dev")
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join("..", "..", "dist", "dev", "40-workloads.yaml")
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	base, err := Model("dev", src, env.Database.InstanceClass)
	if err != nil {
		t.Fatal(err)
	}
	old := "- name: " + EnvStoragePool + "\n              value: \"3\""
	if !strings.Contains(string(data), old) {
		t.Fatalf("dist/dev does not render %s=3 as this test expects", EnvStoragePool)
	}
	write := func(s string) string {
		p := filepath.Join(t.TempDir(), "40-workloads.yaml")
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	bigger := write(strings.Replace(string(data), old, strings.Replace(old, `"3"`, `"30"`, 1), 1))
	b, err := Model("dev", bigger, env.Database.InstanceClass)
	if err != nil {
		t.Fatal(err)
	}
	// 27 more per replica, at 3 replicas plus one surge pod.
	if got, want := b.Total()-base.Total(), 27*4; got != want {
		t.Errorf("total grew by %d, want %d", got, want)
	}
	if b.Check() == nil {
		t.Errorf("%d of %d connections passed the 80 %% check", b.Total(), b.MaxConnections)
	}

	missing := write(strings.Replace(string(data), "- name: "+EnvAuthPool, "- name: UNRELATED", 1))
	if _, err := Model("dev", missing, env.Database.InstanceClass); err == nil || !strings.Contains(err.Error(), EnvAuthPool) {
		t.Errorf("a missing %s: error %v, want one naming it", EnvAuthPool, err)
	}
}

func TestUnknownInstanceClass(t *testing.T) {
	if _, err := Model("dev", filepath.Join("..", "..", "dist", "dev"), "db.x9.huge"); err == nil {
		t.Error("an unknown class must be an error")
	}
}

// TestModelCountsThePoolersTenant: with the pooler, Storage's pool leaves
// the budget (its queries go through the pooler) and each tenant user's
// pool_size counts twice (transaction and session) on every pooler replica
// plus a rollout's surge pod, as read from the rendered tenant definition.
func TestModelCountsThePoolersTenant(t *testing.T) {
	env, err := config.Load("prod")
	if err != nil {
		t.Fatal(err)
	}
	if !env.Workloads.Pooler.Enabled {
		t.Fatal("prod is expected to run the pooler")
	}
	dir := filepath.Join("..", "..", "dist", "prod")
	base, err := Model("prod", dir, env.Database.InstanceClass)
	if err != nil {
		t.Fatal(err)
	}
	p, sv := env.Workloads.Pooler, env.Workloads.Supavisor
	want := map[string]int{
		"supavisor:app_user":               p.AppPoolSize * 2 * (sv.Replicas + 1),
		"supavisor:supabase_storage_admin": p.StoragePoolSize * 2 * (sv.Replicas + 1),
		"storage":                          1 * (env.Workloads.Storage.MaxReplicas + 1),
		"supavisor":                        sv.DBPoolSize * (sv.Replicas + 1),
	}
	for _, r := range base.Rows {
		if w, ok := want[r.Component]; ok {
			if r.AtMax() != w {
				t.Errorf("%s: %d at full scale-out, want %d", r.Component, r.AtMax(), w)
			}
			delete(want, r.Component)
		}
	}
	if len(want) > 0 {
		t.Errorf("rows missing: %v", want)
	}

	// A hand-edited tenant pool in the rendered secrets file moves the total.
	copyDir := t.TempDir()
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range files {
		f := filepath.Base(path)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if f == "10-secrets.yaml" {
			old := fmt.Sprintf(`"pool_size": %d`, p.AppPoolSize)
			if !strings.Contains(string(data), old) {
				t.Fatalf("10-secrets.yaml does not render %s", old)
			}
			data = []byte(strings.Replace(string(data), old, fmt.Sprintf(`"pool_size": %d`, p.AppPoolSize+10), 1))
		}
		if err := os.WriteFile(filepath.Join(copyDir, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, err := Model("prod", copyDir, env.Database.InstanceClass)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := b.Total()-base.Total(), 10*2*(sv.Replicas+1); got != want {
		t.Errorf("total grew by %d, want %d", got, want)
	}

	// Without the tenant definition the pooler's pools cannot be bounded.
	if err := os.Remove(filepath.Join(copyDir, "10-secrets.yaml")); err != nil {
		t.Fatal(err)
	}
	if _, err := Model("prod", copyDir, env.Database.InstanceClass); err == nil || !strings.Contains(err.Error(), "tenant.json") {
		t.Errorf("pooler without its tenant definition: error %v, want one naming tenant.json", err)
	}
}
