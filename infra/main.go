// Command infra synthesizes the AWS layer of every environment (or those
// named by -env) into cdktf.out/stacks/supabase-<env>/cdk.tf.json, plus the
// one-time account stack cdktf.out/stacks/supabase-bootstrap.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/aws/jsii-runtime-go"
	"github.com/hashicorp/terraform-cdk-go/cdktf"

	"github.com/supabase-eks/supabase-eks/infra/bootstrap"
	"github.com/supabase-eks/supabase-eks/infra/deployer"
	"github.com/supabase-eks/supabase-eks/infra/policy"
	"github.com/supabase-eks/supabase-eks/infra/stack"
	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/nodewarn"
)

func main() {
	envs := flag.String("env", strings.Join(config.Names(), ","), "comma-separated environments to synthesize")
	outdir := flag.String("out", "cdktf.out", "output directory")
	exampleEnvs := flag.String("examples", "", "comma-separated validation-only environments to synthesize as well ("+strings.Join(config.ExampleNames(), ", ")+"; make validate-tf plans them)")
	printPolicy := flag.String("print-policy", "", "print a generated IAM policy instead of synthesizing: deployer (what `make deploy` needs) or boundary (what every project role is confined to)")
	flag.Parse()
	if *printPolicy != "" {
		if err := printGenerated(*printPolicy); err != nil {
			fmt.Fprintln(os.Stderr, "infra:", err)
			os.Exit(2)
		}
		return
	}
	var examples []string
	if *exampleEnvs != "" {
		examples = strings.Split(*exampleEnvs, ",")
	}
	if err := run(strings.Split(*envs, ","), examples, *outdir); err != nil {
		fmt.Fprintln(os.Stderr, "infra:", err)
		os.Exit(1)
	}
}

// printGenerated prints a policy the bootstrap stack creates, from the same
// code and configuration, without starting the jsii runtime.
func printGenerated(which string) error {
	boot := config.Bootstrap()
	if err := boot.Validate(); err != nil {
		return err
	}
	var doc policy.Document
	switch which {
	case "deployer":
		doc = deployer.Policy(deployer.AllServices(), bootstrap.DeployerScope(boot))
	case "boundary":
		doc = deployer.Boundary(bootstrap.BoundaryScope(boot))
	default:
		return fmt.Errorf("-print-policy: %q: want deployer or boundary", which)
	}
	out, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	fmt.Println(string(out))
	return nil
}

func run(names, examples []string, outdir string) error {
	// Validate every environment before starting the jsii runtime, so bad
	// configuration fails fast and writes nothing.
	var envs []config.Environment
	for _, name := range names {
		env, err := config.Load(strings.TrimSpace(name))
		if err != nil {
			return err
		}
		envs = append(envs, env)
	}
	for _, name := range examples {
		env, err := config.LoadExample(strings.TrimSpace(name))
		if err != nil {
			return err
		}
		envs = append(envs, env)
	}
	boot := config.Bootstrap()
	if err := boot.Validate(); err != nil {
		return err
	}
	nodewarn.Silence()
	defer jsii.Close()
	app := cdktf.NewApp(&cdktf.AppConfig{Outdir: jsii.String(outdir), SkipValidation: jsii.Bool(false)})
	bootstrap.New(app, boot, deployer.AllServices(), stack.ProviderConstraint)
	for _, env := range envs {
		stack.New(app, env)
	}
	app.Synth()
	return nil
}
