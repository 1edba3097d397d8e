// Command diagram writes a Graphviz DOT picture of one environment, drawn
// from its synthesized Terraform JSON and the NetworkPolicies in dist/.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/supabase-eks/supabase-eks/internal/artifacts"
	"github.com/supabase-eks/supabase-eks/internal/diagram"
)

func main() {
	stackPath := flag.String("stack", "cdktf.out/stacks/supabase-dev/cdk.tf.json", "synthesized stack")
	distDir := flag.String("dist", "", "rendered manifests of the same environment (dist/<env>); empty skips the in-cluster flows")
	flag.Parse()
	st, err := artifacts.LoadStack(*stackPath)
	if err != nil {
		fmt.Fprintln(os.Stderr, "diagram:", err)
		os.Exit(1)
	}
	var flows []diagram.Flow
	if *distDir != "" {
		if flows, err = diagram.FlowsFromDist(*distDir); err != nil {
			fmt.Fprintln(os.Stderr, "diagram:", err)
			os.Exit(1)
		}
	}
	fmt.Print(diagram.DOT(st, flows))
}
