// Command bench measures synthesis speed and memory (make bench): warm infra
// synth per stack, warm k8s synth, full make synth, a cold make synth from a
// fresh clone with an empty Go build cache, and helm template of the chart
// form for comparison, the secrets e2e (its goal: under a minute warm for
// both environments) and the runtime conformance harness (goal: under three
// minutes warm). It prints a Markdown table with the machine's size.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/supabase-eks/supabase-eks/internal/bench"
)

func main() {
	runs := flag.Int("runs", 5, "runs per warm measurement")
	cold := flag.Bool("cold", true, "also measure make synth from a fresh clone with an empty Go build cache")
	helm := flag.String("helm", "", "helm binary for the chart comparison (empty: skip)")
	chart := flag.String("chart", "", "chart directory rendering the same objects (with -helm)")
	e2eRuns := flag.Int("e2e-secrets-runs", 0, "runs of the secrets e2e, both environments (0: skip; needs make tools and make synth)")
	runtimeRuns := flag.Int("e2e-runtime-runs", 0, "runs of the runtime conformance harness, both environments (0: skip; needs make tools and make synth)")
	drillRuns := flag.Int("restore-drill-runs", 0, "runs of the restore drill (TestRestoreDrill on dist/dev), for dump and restore throughput (0: skip; needs make tools)")
	only := flag.Bool("drill-only", false, "measure only the restore drill")
	flag.Parse()
	if *drillRuns > 0 {
		if err := drill(*drillRuns); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		if *only {
			return
		}
	}
	if err := run(*runs, *cold, *helm, *chart, *e2eRuns, *runtimeRuns); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(runs int, cold bool, helm, chart string, e2eRuns, runtimeRuns int) error {
	root, err := os.Getwd()
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "supabase-eks-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	// Build once so the warm runs measure synthesis, not compilation.
	for _, b := range [][]string{{"bin/infra", "./infra"}, {"bin/k8s", "./k8s"}} {
		if out, err := exec.Command("go", "build", "-o", b[0], b[1]).CombinedOutput(); err != nil {
			return fmt.Errorf("go build %s: %v\n%s", b[1], err, out)
		}
	}
	cases := []bench.Case{
		{Name: "infra synth, dev stack (warm)", Cmd: "bin/infra -env dev -out " + tmp + "/tf", Runs: runs},
		{Name: "infra synth, prod stack (warm)", Cmd: "bin/infra -env prod -out " + tmp + "/tf", Runs: runs},
		{Name: "k8s synth, dev + prod (warm)", Cmd: "bin/k8s -out " + tmp + "/dist", Runs: runs},
		{Name: "make synth, all envs, both halves (warm)", Cmd: "make -s synth >/dev/null", Runs: runs},
	}
	if helm != "" && chart != "" {
		cases = append(cases, bench.Case{Name: "helm template of the chart form (same objects)", Cmd: fmt.Sprintf("%s template supabase %s -n supabase >/dev/null", helm, chart), Runs: runs})
	}
	if e2eRuns > 0 {
		cases = append(cases, bench.Case{
			Name: "secrets e2e, dev + prod: apiserver each, real ESO controller, rotation + negatives (goal < 60 s)",
			Cmd:  "scripts/validate/check-secrets.sh dev prod >/dev/null",
			Runs: e2eRuns,
			Env:  []string{"E2E_OUT=" + filepath.Join(tmp, "e2e-secrets")},
		})
	}
	if runtimeRuns > 0 {
		cases = append(cases, bench.Case{
			Name: "runtime conformance, dev + prod: RDS imitation, real clients, negatives (goal < 180 s)",
			Cmd:  "scripts/validate/check-runtime.sh dev prod >/dev/null",
			Runs: runtimeRuns,
		})
	}
	if cold {
		clone := filepath.Join(tmp, "clone")
		cases = append(cases, bench.Case{
			Name: "make synth from a fresh clone, empty Go build cache (cold)",
			Cmd:  fmt.Sprintf("rm -rf %[1]s %[2]s/gocache && git clone -q %[3]s %[1]s && make -s -C %[1]s synth >/dev/null", clone, tmp, root),
			Runs: 1,
			Env:  []string{"GOCACHE=" + filepath.Join(tmp, "gocache"), "GOFLAGS=-mod=mod"},
		})
	}
	before := len(leftovers())
	var results []bench.Result
	for _, c := range cases {
		c.Dir = root
		fmt.Fprintf(os.Stderr, "bench: %s x%d\n", c.Name, c.Runs)
		r, err := bench.Run(c)
		if err != nil {
			return err
		}
		results = append(results, r)
	}
	leaked := len(leftovers()) - before
	fmt.Printf("Machine: %d CPUs (%s), %s RAM, %s, Go %s, Node %s\n\n", runtime.NumCPU(), cpuModel(), memTotal(), runtime.GOOS+"/"+runtime.GOARCH, strings.TrimPrefix(runtime.Version(), "go"), nodeVersion())
	fmt.Print(bench.Markdown(results))
	if helm != "" && chart != "" {
		var k8s, tmpl bench.Result
		for _, r := range results {
			switch {
			case strings.HasPrefix(r.Name, "k8s synth"):
				k8s = r
			case strings.HasPrefix(r.Name, "helm template"):
				tmpl = r
			}
		}
		if tmpl.Median > 0 {
			fmt.Printf("\nk8s synth / helm template (medians): %.0fx: the cost of the jsii bridge (Node.js start and the cdk8s libraries' load) for the same objects.\n", k8s.Median.Seconds()/tmpl.Median.Seconds())
		}
	}
	fmt.Printf("\n/tmp/jsii-runtime.* directories left behind by these runs: %d\n", leaked)
	return nil
}

func leftovers() []string {
	m, _ := filepath.Glob(filepath.Join(os.TempDir(), "jsii-runtime.*"))
	return m
}

func cpuModel() string {
	data, _ := os.ReadFile("/proc/cpuinfo")
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "model name") {
			return strings.TrimSpace(strings.SplitN(line, ":", 2)[1])
		}
	}
	return "unknown CPU"
}

func memTotal() string {
	data, _ := os.ReadFile("/proc/meminfo")
	var kb int64
	fmt.Sscanf(strings.TrimPrefix(strings.SplitN(string(data), "\n", 2)[0], "MemTotal:"), "%d", &kb)
	return fmt.Sprintf("%.0f GiB", float64(kb)/(1<<20))
}

func nodeVersion() string {
	out, err := exec.Command("node", "--version").Output()
	if err != nil {
		return "not found"
	}
	return strings.TrimSpace(string(out))
}

// drill runs the restore drill n times and prints the dump and restore
// throughput it logs. The RDS-version server and the clients come from
// make tools (scripts/tools/lib.sh names their directories).
func drill(n int) error {
	const script = `. scripts/tools/lib.sh
export SUPABASE_EKS_RDS_PG_BINDIR=$POSTGRES_RDS_BINDIR SUPABASE_EKS_CONFORMANCE_CLIENTS=$(conformance_clients_dir)
[ -x "$PG_CLIENT_BINDIR/pg_dump" ] && export SUPABASE_EKS_PG_DUMP_BINDIR=$PG_CLIENT_BINDIR
exec go test -count=1 -v -run 'TestRestoreDrill$' ./internal/testkit/conformance/ -args -dist "$PWD/dist/dev" -outputs "$PWD/examples/outputs/dev.json"`
	var ts []bench.Throughput
	for i := 0; i < n; i++ {
		fmt.Fprintf(os.Stderr, "bench: restore drill %d/%d\n", i+1, n)
		out, err := exec.Command("bash", "-c", script).CombinedOutput()
		if err != nil {
			return fmt.Errorf("restore drill: %v\n%s", err, out)
		}
		t, err := bench.ParseDrill(string(out))
		if err != nil {
			return err
		}
		ts = append(ts, t)
	}
	fmt.Print(bench.DrillMarkdown(ts))
	fmt.Println()
	return nil
}
