package cli

import (
	"context"
	"flag"
	"fmt"
	"time"

	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/ops/deploy"
)

type deployFlags struct {
	only, from, method, chart string
	yes                       bool
	timeout                   time.Duration
}

func (a *App) deployer(env config.Environment, f deployFlags) *deploy.Deployer {
	d := &deploy.Deployer{
		Env: env, Root: a.Root, R: a.Runner, Log: a.Stderr, Yes: f.yes,
		Method: f.method, ChartDir: f.chart, Timeout: f.timeout, Sleep: a.Sleep,
		InitSecrets: func(ctx context.Context, outputsPath string) error {
			return a.initSecrets(ctx, env, secretFlags{outputs: outputsPath, expiry: "5y"})
		},
		Smoke: func(ctx context.Context, outputsPath string) error {
			return a.runSmoke(ctx, env, smokeFlags{outputs: outputsPath, deadline: 5 * time.Minute, timeout: 10 * time.Second})
		},
	}
	if a.Interactive {
		d.Confirm = a.confirm
	}
	return d
}

func (a *App) workflowFlags(name string, args []string, withOnly bool) (config.Environment, deployFlags, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	loadEnv := envFlag(fs)
	var f deployFlags
	if withOnly {
		fs.StringVar(&f.only, "only", "", "run just this step")
	}
	fs.StringVar(&f.from, "from", "", "resume at this step")
	fs.BoolVar(&f.yes, "yes", false, "approve without asking (Terraform changes, teardown)")
	fs.StringVar(&f.method, "method", "kubectl", "install the manifests with kubectl (apply dist/<env> in order) or helm (the chart)")
	fs.StringVar(&f.chart, "chart", "", "Helm chart built from dist/<env> (with --method helm; default .cache/chart/<env>, built by make chart)")
	fs.DurationVar(&f.timeout, "timeout", 15*time.Minute, "bound for each wait")
	if err := parseFlags(fs, args); err != nil {
		return config.Environment{}, f, err
	}
	if f.only != "" && f.from != "" {
		return config.Environment{}, f, usagef("--only and --from exclude each other")
	}
	if f.method != "kubectl" && f.method != "helm" {
		return config.Environment{}, f, usagef("--method %q: want kubectl or helm", f.method)
	}
	env, err := loadEnv()
	return env, f, err
}

func (a *App) deploy(ctx context.Context, args []string) error {
	env, f, err := a.workflowFlags("deploy", args, true)
	if err != nil {
		return err
	}
	d := a.deployer(env, f)
	return d.RunSteps(ctx, "deploy", d.DeploySteps(), f.only, f.from)
}

func (a *App) destroy(ctx context.Context, args []string) error {
	env, f, err := a.workflowFlags("destroy", args, false)
	if err != nil {
		return err
	}
	d := a.deployer(env, f)
	return d.RunSteps(ctx, "destroy", d.DestroySteps(), "", f.from)
}

func (a *App) diff(ctx context.Context, args []string) error {
	env, f, err := a.workflowFlags("diff", args, true)
	if err != nil {
		return err
	}
	d := a.deployer(env, f)
	return d.RunSteps(ctx, "diff", d.DiffSteps(), f.only, f.from)
}

func (a *App) steps(ctx context.Context, args []string) error {
	env, f, err := a.workflowFlags("steps", args, false)
	if err != nil {
		return err
	}
	d := a.deployer(env, f)
	for _, wf := range []struct {
		name  string
		steps []deploy.Step
	}{{"deploy", d.DeploySteps()}, {"destroy", d.DestroySteps()}, {"diff", d.DiffSteps()},
		{"restore pitr", (&deploy.PITR{D: d}).Steps()}, {"restore dump", (&deploy.DumpRestore{D: d, Object: "s3://<bucket>/<file>.dump"}).Steps()}} {
		fmt.Fprintf(a.Stdout, "%s:\n", wf.name)
		for i, s := range wf.steps {
			fmt.Fprintf(a.Stdout, "  %2d. %-17s %s\n", i+1, s.Name, s.Desc)
		}
	}
	return nil
}
