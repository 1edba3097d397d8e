package synth

import (
	"testing"

	"github.com/supabase-eks/supabase-eks/internal/capacity"
	"github.com/supabase-eks/supabase-eks/internal/contract/config"
)

// TestConnectionBudget: what this program renders for each environment
// fits 80 % of max_connections at full scale-out (internal/capacity checks
// the committed dist/ the same way).
func TestConnectionBudget(t *testing.T) {
	eachEnv(t, func(t *testing.T, r *rendered) {
		b, err := capacity.Model(r.env.Name, r.dir, r.env.Database.InstanceClass)
		if err != nil {
			t.Fatal(err)
		}
		if err := b.Check(); err != nil {
			t.Error(err)
		}
	})
}

// TestConnectionBudgetFollowsTheRenderedPool: a bigger configured pool
// reaches the rendered env, and the model, reading the render, counts it at
// every replica the HPA and a rollout allow.
func TestConnectionBudgetFollowsTheRenderedPool(t *testing.T) {
	env, err := config.Load("prod")
	if err != nil {
		t.Fatal(err)
	}
	base, err := capacity.Model("prod", envs["prod"].dir, env.Database.InstanceClass)
	if err != nil {
		t.Fatal(err)
	}
	env.Workloads.Rest.DBPoolSize += 40
	r, err := renderVariant(t, env)
	if err != nil {
		t.Fatal(err)
	}
	b, err := capacity.Model("prod", r.dir, env.Database.InstanceClass)
	if err != nil {
		t.Fatal(err)
	}
	// Eight replicas at most, plus the one pod maxSurge adds.
	if got, want := b.Total()-base.Total(), 40*(env.Workloads.Rest.MaxReplicas+1); got != want {
		t.Errorf("total grew by %d, want %d", got, want)
	}
	env.Workloads.Rest.DBPoolSize = config.MaxDBPoolSize
	if r, err = renderVariant(t, env); err != nil {
		t.Fatal(err)
	}
	if b, err = capacity.Model("prod", r.dir, env.Database.InstanceClass); err != nil {
		t.Fatal(err)
	}
	if b.Check() == nil {
		t.Errorf("%d of %d connections passed the 80 %% check", b.Total(), b.MaxConnections)
	}
}
