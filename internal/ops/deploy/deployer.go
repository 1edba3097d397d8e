package deploy

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/internal/ops/kube"
	"github.com/supabase-eks/supabase-eks/internal/ops/runner"
)

// Deployer runs the deploy and destroy workflows of one environment.
type Deployer struct {
	Env config.Environment
	// Root is the repository root; every path is relative to it.
	Root string
	R    runner.Runner
	// Log receives progress.
	Log io.Writer
	// Yes approves Terraform changes and the teardown without asking.
	Yes bool
	// Confirm asks the operator to type answer; nil means non-interactive
	// (then only Yes approves).
	Confirm func(prompt, answer string) (bool, error)
	// InitSecrets runs `secrets init` for the outputs file (in process).
	InitSecrets func(ctx context.Context, outputsPath string) error
	// Smoke runs the smoke test against the deployed environment.
	Smoke func(ctx context.Context, outputsPath string) error
	// Method is how the Supabase manifests are installed: "kubectl" (apply
	// dist/<env>/ in file order) or "helm" (the chart in ChartDir).
	Method string
	// ChartDir is the Helm chart built from dist/ (Method "helm").
	ChartDir string
	// Fetch downloads a URL (the RDS CA bundle); nil means HTTPS GET.
	Fetch func(ctx context.Context, url string) ([]byte, error)
	// Sleep and Now are the clock (tests replace them).
	Sleep func(ctx context.Context, d time.Duration) error
	Now   func() time.Time
	// Timeout bounds each wait (add-on install, rollout, job, ALB deletion); zero means 15m.
	Timeout time.Duration

	// clusterGone is set by the teardown when the EKS cluster no longer exists.
	clusterGone bool
}

// Paths of one environment's artifacts, relative to the repository root.
func (d *Deployer) StackDir() string    { return filepath.Join("cdktf.out", "stacks", d.Env.StackName()) }
func (d *Deployer) OutputsPath() string { return filepath.Join("outputs", d.Env.Name+".json") }
func (d *Deployer) DistDir() string     { return filepath.Join("dist", d.Env.Name) }

// KubeContext is the kubeconfig context the workflows create and use.
func (d *Deployer) KubeContext() string { return d.Env.KubeContext() }

func (d *Deployer) abs(p string) string {
	if filepath.IsAbs(p) || d.Root == "" {
		return p
	}
	return filepath.Join(d.Root, p)
}

func (d *Deployer) timeout() time.Duration {
	if d.Timeout == 0 {
		return 15 * time.Minute
	}
	return d.Timeout
}

func (d *Deployer) now() time.Time {
	if d.Now != nil {
		return d.Now()
	}
	return time.Now()
}

func (d *Deployer) sleep(ctx context.Context, dur time.Duration) error {
	if d.Sleep != nil {
		return d.Sleep(ctx, dur)
	}
	return runner.Sleep(ctx, dur)
}

func (d *Deployer) logf(format string, args ...any) { fmt.Fprintf(d.Log, format+"\n", args...) }

// Kube returns a kubectl client bound to the environment's context.
func (d *Deployer) Kube() *kube.Client {
	return &kube.Client{R: d.R, Context: d.KubeContext(), Namespace: outputs.Namespace, Sleep: d.Sleep, Now: d.Now, Log: d.Log}
}

func (d *Deployer) run(ctx context.Context, c runner.Cmd) (runner.Result, error) {
	if c.Dir != "" {
		c.Dir = d.abs(c.Dir)
	}
	return d.R.Run(ctx, c)
}

func (d *Deployer) loadOutputs() (*outputs.Outputs, error) {
	path := d.abs(d.OutputsPath())
	o, err := outputs.Load(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%s not found: run `make outputs ENV=%s` (after `make infra-apply ENV=%s`)", d.OutputsPath(), d.Env.Name, d.Env.Name)
		}
		return nil, err
	}
	if o.Environment != d.Env.Name {
		return nil, fmt.Errorf("%s is for environment %q, not %q", d.OutputsPath(), o.Environment, d.Env.Name)
	}
	return o, nil
}

func (d *Deployer) approve(prompt, answer, yesHint string) error {
	if d.Yes {
		return nil
	}
	if d.Confirm == nil {
		return fmt.Errorf("%s: not approved (no terminal to ask on); %s", prompt, yesHint)
	}
	ok, err := d.Confirm(prompt, answer)
	if err != nil {
		return err
	}
	if !ok {
		return errors.New("aborted by the operator")
	}
	return nil
}

// Step is one re-runnable unit of a workflow.
type Step struct {
	Name string
	Desc string
	Run  func(ctx context.Context) error
	// Guard steps (the tool and account check, the destroy confirmation)
	// run whatever step a run starts from or is limited to: resuming a
	// teardown at terraform destroy must still check the account and ask.
	Guard bool
}

// RunSteps runs steps in order, printing a header and duration for each.
// only runs just the named step; from skips the steps before the named one.
func (d *Deployer) RunSteps(ctx context.Context, workflow string, steps []Step, only, from string) error {
	start := -1
	names := make([]string, len(steps))
	for i, s := range steps {
		names[i] = s.Name
		if s.Name == only || s.Name == from {
			start = i
		}
	}
	if (only != "" || from != "") && start < 0 {
		return fmt.Errorf("%s: no step %q (steps: %s)", workflow, only+from, strings.Join(names, ", "))
	}
	selected := steps
	if only != "" || from != "" {
		var guards []Step
		for _, s := range steps[:start] {
			if s.Guard {
				guards = append(guards, s)
			}
		}
		end := len(steps)
		if only != "" {
			end = start + 1
		}
		selected = append(guards, steps[start:end]...)
		if len(guards) > 0 {
			var names []string
			for _, g := range guards {
				names = append(names, g.Name)
			}
			d.logf("==> starting at %s; %s run%s first, as on every %s", steps[start].Name, strings.Join(names, " and "), map[bool]string{true: "s", false: ""}[len(guards) == 1], workflow)
		}
	}
	total := d.now()
	for i, s := range selected {
		t := d.now()
		d.logf("==> [%d/%d] %s %s: %s", i+1, len(selected), workflow, s.Name, s.Desc)
		if err := s.Run(ctx); err != nil {
			d.logf("==> %s %s FAILED after %s", workflow, s.Name, d.now().Sub(t).Round(time.Second))
			return fmt.Errorf("%s step %q: %w\n(fix it, then resume with: supabase-eks %s --env %s --from %s)", workflow, s.Name, err, workflow, d.Env.Name, s.Name)
		}
		d.logf("    %s done in %s", s.Name, d.now().Sub(t).Round(100*time.Millisecond))
	}
	d.logf("==> %s of %s finished in %s", workflow, d.Env.Name, d.now().Sub(total).Round(time.Second))
	return nil
}

// writeFileAtomic replaces path with data so a reader never sees half a file.
func writeFileAtomic(path string, data []byte, mode os.FileMode) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
