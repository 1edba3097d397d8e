// Command helmchart builds the Helm chart form of dist/<env>/.
//
//	go run ./k8s/cmd/helmchart --env dev [--dist dist] [--out .cache/chart/dev]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/k8s/helmchart"
	"github.com/supabase-eks/supabase-eks/k8s/manifest"
)

func main() {
	env := flag.String("env", "dev", "environment")
	dist := flag.String("dist", "dist", "directory holding <env>/")
	out := flag.String("out", "", "chart directory (default .cache/chart/<env>)")
	outputsPath := flag.String("outputs", "", "outputs file the manifests were rendered from (default outputs/<env>.json, else examples/outputs/<env>.json)")
	flag.Parse()
	if *out == "" {
		*out = filepath.Join(".cache", "chart", *env)
	}
	if err := run(*env, *dist, *out, *outputsPath); err != nil {
		fmt.Fprintln(os.Stderr, "helmchart:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "chart: %s from %s\n", *out, filepath.Join(*dist, *env))
}

func run(env, dist, out, outputsPath string) error {
	if outputsPath == "" {
		outputsPath, _ = outputs.DefaultPath(env)
	}
	o, err := outputs.Load(outputsPath)
	if err != nil {
		return err
	}
	host := o.Domain
	if host == "" {
		host = manifest.PlaceholderHost
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	return helmchart.Build(helmchart.Options{Dist: filepath.Join(dist, env), Out: out, Env: env, Host: host})
}
