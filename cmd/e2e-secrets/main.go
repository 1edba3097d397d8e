// Command e2e-secrets runs the secrets flow of one rendered environment
// through the real External Secrets Operator controller against a bare
// kube-apiserver and a loopback Secrets Manager + STS (see
// internal/testkit/secretsflow). scripts/validate/check-secrets.sh starts the
// apiserver and calls it once per environment; `make e2e-secrets` runs that.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"time"

	"github.com/supabase-eks/supabase-eks/internal/artifacts"
	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/internal/testkit/secretsflow"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "e2e-secrets:", err)
		os.Exit(2)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("e2e-secrets", flag.ContinueOnError)
	env := fs.String("env", "", "environment (required)")
	dist := fs.String("dist", "dist", "directory holding <env>/")
	stacks := fs.String("stacks", "cdktf.out/stacks", "directory holding supabase-<env>/cdk.tf.json")
	outputsPath := fs.String("outputs", "", "outputs file dist/<env> was rendered from (default outputs/<env>.json, else examples/outputs/<env>.json)")
	kubeconfig := fs.String("kubeconfig", "", "kubeconfig of a bare kube-apiserver with the ESO CRDs installed (required)")
	kubectl := fs.String("kubectl", "kubectl", "kubectl binary")
	helm := fs.String("helm", "helm", "helm binary")
	eso := fs.String("eso-controller", "", "External Secrets Operator controller binary (required)")
	chart := fs.String("eso-chart", "", "the ESO Helm chart directory of the same release (required)")
	workdir := fs.String("workdir", "", "directory for logs (default: a new temporary directory)")
	negatives := fs.Bool("negatives", true, "also run the rotation and negative cases")
	timeout := fs.Duration("timeout", 60*time.Second, "longest wait for the controller in any one case")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	required := []struct{ name, value, hint string }{
		{"env", *env, ""},
		{"kubeconfig", *kubeconfig, " (scripts/validate/check-secrets.sh starts an apiserver and passes it)"},
		{"eso-controller", *eso, " (run: make tools)"},
		{"eso-chart", *chart, " (run: make tools)"},
	}
	for _, f := range required {
		if f.value == "" {
			return fmt.Errorf("--%s is required%s", f.name, f.hint)
		}
	}
	if _, err := config.Load(*env); err != nil {
		return fmt.Errorf("--env: %w", err)
	}
	for _, f := range required[1:] {
		if _, err := os.Stat(f.value); err != nil {
			return fmt.Errorf("--%s: %w%s", f.name, err, f.hint)
		}
	}
	if *outputsPath == "" {
		*outputsPath, _ = outputs.DefaultPath(*env)
	}
	o, err := outputs.Load(*outputsPath)
	if err != nil {
		return fmt.Errorf("--outputs: %w", err)
	}
	stack := filepath.Join(*stacks, config.StackName(*env), artifacts.StackFile)
	if _, err := os.Stat(stack); errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("%s missing (run: make synth)", stack)
	}
	if *workdir == "" {
		if *workdir, err = os.MkdirTemp("", "e2e-secrets-"+*env+"-"); err != nil {
			return err
		}
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	start := time.Now()
	res, err := secretsflow.Run(ctx, secretsflow.Config{
		Env: *env, Dist: filepath.Join(*dist, *env), StackFile: stack, Outputs: o,
		Kubeconfig: *kubeconfig, Kubectl: *kubectl, Helm: *helm, ESOController: *eso, ESOChart: *chart,
		WorkDir: *workdir, Negatives: *negatives, Timeout: *timeout, Log: os.Stdout,
	})
	if err != nil {
		return fmt.Errorf("%s: %w (logs in %s)", *env, err, *workdir)
	}
	failed := 0
	for _, c := range res.Cases {
		if len(c.Problems) > 0 {
			failed++
		}
	}
	fmt.Printf("%s: %d cases, %d failed, %.1fs (outputs %s; controller log %s)\n",
		*env, len(res.Cases), failed, time.Since(start).Seconds(), *outputsPath, filepath.Join(*workdir, "eso-controller.log"))
	if failed > 0 {
		os.Exit(1)
	}
	return nil
}
