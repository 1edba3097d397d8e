package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/supabase-eks/supabase-eks/internal/artifacts"
	"github.com/supabase-eks/supabase-eks/internal/ops/cost"
)

func (a *App) cost(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("cost", flag.ContinueOnError)
	loadEnv := envFlag(fs)
	stack := fs.String("stack", "", "synthesized stack (default cdktf.out/stacks/supabase-<env>/cdk.tf.json)")
	albs := fs.Int("albs", 1, "load balancers the Kubernetes side creates")
	maxUSD := fs.Float64("max", 0, "exit non-zero when the estimate exceeds this many USD/month")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	env, err := loadEnv()
	if err != nil {
		return err
	}
	path := *stack
	if path == "" {
		path = filepath.Join("cdktf.out", "stacks", env.StackName(), artifacts.StackFile)
	}
	data, err := os.ReadFile(a.path(path))
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("%s not found: run `make infra-synth ENVS=%s` first", path, env.Name)
		}
		return err
	}
	res, err := cost.Parse(data)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	table, err := cost.LoadTable(env.Region)
	if err != nil {
		return err
	}
	w := env.Workloads
	est, err := cost.Compute(res, table, env.Name, cost.Options{ALBs: *albs, Pooler: cost.Pooler{
		Enabled: w.Pooler.Enabled, Replicas: w.Supavisor.Replicas,
		CPURequest: w.Supavisor.Resources.CPURequest, MemoryRequest: w.Supavisor.Resources.MemoryRequest,
		NLB: w.Pooler.LoadBalancer.Enabled,
	}})
	if err != nil {
		return err
	}
	est.Print(a.Stdout, cost.Targets[env.Name])
	if *maxUSD > 0 && est.Total() > *maxUSD {
		return fmt.Errorf("estimate $%.2f/month exceeds --max $%.2f", est.Total(), *maxUSD)
	}
	return nil
}
