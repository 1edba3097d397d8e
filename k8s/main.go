// Command k8s synthesizes the Supabase Kubernetes manifests of each
// environment into dist/<env>/ from the typed configuration
// (internal/contract/config) and the infrastructure outputs (internal/contract/outputs).
//
//	go run ./k8s [--env dev,prod] [--outputs FILE] [--out dist]
//
// Each environment is rendered into a temporary directory next to its target
// and swapped in with a rename, so invalid input never changes dist/.
package main

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/aws/jsii-runtime-go"
	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/internal/nodewarn"
	"github.com/supabase-eks/supabase-eks/internal/rdsca"
	"github.com/supabase-eks/supabase-eks/k8s/synth"
)

type envList []string

func (l *envList) String() string { return strings.Join(*l, ",") }
func (l *envList) Set(v string) error {
	for _, e := range strings.Split(v, ",") {
		if e = strings.TrimSpace(e); e != "" {
			*l = append(*l, e)
		}
	}
	return nil
}

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "k8s synth:", err)
		os.Exit(1)
	}
}

type job struct {
	env         config.Environment
	out         *outputs.Outputs
	outputsPath string
	example     bool
	ca          rdsca.Bundle
}

func run(args []string) error {
	fs := flag.NewFlagSet("k8s", flag.ContinueOnError)
	var envs envList
	fs.Var(&envs, "env", "environment to synthesize (repeatable or comma-separated; default: all)")
	outputsFlag := fs.String("outputs", os.Getenv("SUPABASE_OUTPUTS"), "infrastructure outputs file (single environment only; env SUPABASE_OUTPUTS); default outputs/<env>.json, else examples/outputs/<env>.json")
	caFlag := fs.String("rds-ca", os.Getenv("SUPABASE_RDS_CA"), "RDS CA bundle (single environment only; env SUPABASE_RDS_CA); default outputs/<env>-rds-ca.pem next to the outputs file, the example stand-in with the example outputs")
	outDir := fs.String("out", "dist", "directory receiving <env>/")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	if len(envs) == 0 {
		envs = config.Names()
	}
	if *caFlag != "" && len(envs) != 1 {
		return fmt.Errorf("--rds-ca (or SUPABASE_RDS_CA) names one file but %d environments were selected; add --env", len(envs))
	}
	if *outputsFlag != "" && len(envs) != 1 {
		return fmt.Errorf("--outputs (or SUPABASE_OUTPUTS) names one file but %d environments were selected; add --env", len(envs))
	}

	// Load and validate everything before rendering anything.
	var jobs []job
	for _, name := range envs {
		env, err := config.Load(name)
		if err != nil {
			return err
		}
		j := job{env: env, outputsPath: *outputsFlag}
		if j.outputsPath == "" {
			j.outputsPath, j.example = outputs.DefaultPath(name)
		}
		if j.out, err = outputs.Load(j.outputsPath); err != nil {
			return fmt.Errorf("environment %s: %w", name, err)
		}
		if err := synth.CheckPair(env, j.out); err != nil {
			return fmt.Errorf("environment %s (%s): %w", name, j.outputsPath, err)
		}
		caPath := *caFlag
		if caPath == "" {
			caPath = rdsca.DefaultPath(name, j.outputsPath, j.example)
		}
		if j.ca, err = rdsca.Load(caPath); err != nil {
			return fmt.Errorf("environment %s: %w", name, err)
		}
		if j.ca.StandIn && !j.example {
			return fmt.Errorf("environment %s: %s is the example stand-in, not the RDS CA, and the outputs %s are real: nothing could verify the database", name, caPath, j.outputsPath)
		}
		jobs = append(jobs, j)
	}

	nodewarn.Silence()
	defer jsii.Close()
	if err := os.MkdirAll(*outDir, 0o755); err != nil {
		return err
	}
	for _, j := range jobs {
		start := time.Now()
		if j.example {
			fmt.Fprintf(os.Stderr, "\n!!! %s: no outputs/%s.json, using the EXAMPLE outputs %s: fake account, ARNs and endpoints; do not apply these manifests to a real cluster !!!\n\n", j.env.Name, j.env.Name, j.outputsPath)
		}
		res, err := renderAtomically(j, *outDir)
		if err != nil {
			return fmt.Errorf("environment %s: %w", j.env.Name, err)
		}
		for _, w := range res.Warnings {
			fmt.Fprintf(os.Stderr, "WARNING %s: %s\n", j.env.Name, w)
		}
		fmt.Fprintf(os.Stderr, "%s: %d objects in %d files -> %s (%s, outputs %s)\n",
			j.env.Name, res.Objects, len(res.Files), filepath.Join(*outDir, j.env.Name), time.Since(start).Round(time.Millisecond), j.outputsPath)
	}
	return nil
}

// renderAtomically renders into a sibling temporary directory and swaps it
// in, so a failure leaves the previous dist/<env>/ in place.
// The temporary directory sits in outDir so the swap is one rename on one
// filesystem; an interrupted run (Ctrl-C, a killed CI job) leaves it behind,
// so the next render of the environment removes them first. Renders of one
// environment into one directory take turns (renderLock): otherwise that
// clean-up would remove a concurrent render's directory under it.
func renderAtomically(j job, outDir string) (synth.Result, error) {
	unlock, err := renderLock(outDir, j.env.Name)
	if err != nil {
		return synth.Result{}, err
	}
	defer unlock()
	stale, _ := filepath.Glob(filepath.Join(outDir, ".tmp-"+j.env.Name+"-*"))
	for _, d := range append(stale, filepath.Join(outDir, ".old-"+j.env.Name)) {
		if err := os.RemoveAll(d); err != nil {
			return synth.Result{}, fmt.Errorf("removing %s left by an interrupted render: %w", d, err)
		}
	}
	tmp, err := os.MkdirTemp(outDir, ".tmp-"+j.env.Name+"-")
	if err != nil {
		return synth.Result{}, err
	}
	defer os.RemoveAll(tmp)
	return swapIn(j, outDir, tmp)
}

// renderLock takes an exclusive lock for rendering env into outDir and
// returns its release. The lock file lives in the system's temporary
// directory, named after outDir's absolute path, so dist/ holds nothing but
// manifests; the kernel releases the lock if the process dies.
func renderLock(outDir, env string) (func(), error) {
	abs, err := filepath.Abs(outDir)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256([]byte(abs))
	f, err := os.OpenFile(filepath.Join(os.TempDir(), fmt.Sprintf("supabase-eks-render-%x-%s.lock", sum[:8], env)), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, fmt.Errorf("locking the render of %s: %w", env, err)
	}
	return func() { f.Close() }, nil
}

// swapIn renders into tmp and puts it in place of outDir/<env>.
func swapIn(j job, outDir, tmp string) (synth.Result, error) {
	res, err := synth.Render(j.env, j.out, j.ca, tmp)
	if err != nil {
		return res, err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return res, err
	}
	target := filepath.Join(outDir, j.env.Name)
	old := filepath.Join(outDir, ".old-"+j.env.Name)
	_ = os.RemoveAll(old)
	if _, err := os.Stat(target); err == nil {
		if err := os.Rename(target, old); err != nil {
			return res, err
		}
	}
	if err := os.Rename(tmp, target); err != nil {
		_ = os.Rename(old, target)
		return res, err
	}
	return res, os.RemoveAll(old)
}
