// Command supabase-eks operates self-hosted Supabase on EKS: secrets,
// deploy, destroy, smoke test, cost, logs, metrics and status.
package main

import (
	"os"

	"github.com/supabase-eks/supabase-eks/internal/ops/cli"
)

func main() { os.Exit(cli.Main(os.Args[1:])) }
