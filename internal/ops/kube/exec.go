package kube

import (
	"context"
	"fmt"
	"strings"

	"github.com/supabase-eks/supabase-eks/internal/ops/runner"
)

// ExecRunner runs commands inside a container of a running pod (kubectl
// exec), so code written against runner.Runner (the dump restore) works
// where the database is reachable: the cluster, which the operator's
// machine has no network route into. The container's own environment
// (credentials from Secrets) is kept; a command's Env is added in front
// through env(1), so it must hold no secret: kubectl's arguments are
// visible in the local process list.
type ExecRunner struct {
	Client    *Client
	Pod       string
	Container string
}

// Run implements runner.Runner.
func (e *ExecRunner) Run(ctx context.Context, c runner.Cmd) (runner.Result, error) {
	if c.Dir != "" {
		return runner.Result{ExitCode: -1}, fmt.Errorf("kubectl exec %s: a working directory is not supported", c.Name)
	}
	for _, kv := range c.Env {
		if k, _, _ := strings.Cut(kv, "="); strings.Contains(strings.ToUpper(k), "PASSWORD") || strings.Contains(strings.ToUpper(k), "SECRET") {
			return runner.Result{ExitCode: -1}, fmt.Errorf("kubectl exec %s: refusing to pass %s on the command line (the pod has its own credentials)", c.Name, k)
		}
	}
	args := []string{"exec", "-n", e.Client.ns(), e.Pod, "-c", e.Container}
	if c.Stdin != nil {
		args = append(args, "-i")
	}
	args = append(args, "--")
	if len(c.Env) > 0 {
		args = append(append([]string{}, args...), "env")
		args = append(args, c.Env...)
	}
	args = append(args, c.Name)
	args = append(args, c.Args...)
	k := e.Client.Cmd(args...)
	k.Stdin, k.Stream = c.Stdin, c.Stream
	return e.Client.R.Run(ctx, k)
}

// LookPath implements runner.Runner: what the pod has is known only by
// running it, so every name is taken as found.
func (e *ExecRunner) LookPath(name string) (string, error) { return name, nil }
