package capacity

import (
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
