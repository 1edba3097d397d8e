package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/supabase-eks/supabase-eks/internal/artifacts"
	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/names"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/internal/ops/kube"
	"github.com/supabase-eks/supabase-eks/internal/ops/runner"
)

// logTarget says where a component's pods run and how to select them.
type logTarget struct {
	namespace string
	selector  string
}

// addonLogs are the add-ons an operator looks at first; every other name is
// taken as a Supabase component in the supabase namespace.
var addonLogs = map[string]logTarget{
	"alb":                {"kube-system", "app.kubernetes.io/name=aws-load-balancer-controller"},
	"external-secrets":   {"external-secrets", "app.kubernetes.io/name=external-secrets"},
	"cluster-autoscaler": {"kube-system", "app.kubernetes.io/name=aws-cluster-autoscaler"},
	"metrics-server":     {"kube-system", "app.kubernetes.io/name=metrics-server"},
	"reloader":           {"reloader", "app.kubernetes.io/name=reloader"},
}

// renderedComponents are the app.kubernetes.io/name labels of the pods
// dist/<env> runs: what `logs` selects on is read from the manifests that
// set it, never typed a second time (a hand-kept list once said "bootstrap"
// for pods labelled db-bootstrap).
func (a *App) renderedComponents(env string) (map[string]bool, error) {
	objs, err := artifacts.ReadManifests(a.path(filepath.Join("dist", env)))
	if err != nil {
		return nil, fmt.Errorf("reading dist/%s for the component names: %w", env, err)
	}
	names := map[string]bool{}
	for _, o := range objs {
		tmpl, ok := artifacts.PodTemplate(o)
		if !ok {
			continue
		}
		md, _ := tmpl["metadata"].(map[string]any)
		labels, _ := md["labels"].(map[string]any)
		if n, ok := labels["app.kubernetes.io/name"].(string); ok {
			names[n] = true
		}
	}
	return names, nil
}

// componentNames lists what `logs` accepts, for usage messages.
func componentNames() []string {
	names := []string{"<any component in dist/<env>, e.g. auth, db-bootstrap>"}
	for k := range addonLogs {
		names = append(names, k)
	}
	sort.Strings(names[1:])
	return names
}

var componentRe = regexp.MustCompile(`^[a-z][a-z0-9-]{0,62}$`)

func (a *App) kubeFlags(name string, args []string, register func(fs *flag.FlagSet)) (config.Environment, []string, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	loadEnv := envFlag(fs)
	if register != nil {
		register(fs)
	}
	pos, err := parseArgs(fs, args)
	if err != nil {
		return config.Environment{}, nil, err
	}
	env, err := loadEnv()
	return env, pos, err
}

func (a *App) kube(env config.Environment) *kube.Client {
	return &kube.Client{R: a.Runner, Context: env.KubeContext(), Namespace: outputs.Namespace}
}

func (a *App) logs(ctx context.Context, args []string) error {
	var since time.Duration
	var tail int
	var follow bool
	env, pos, err := a.kubeFlags("logs", args, func(fs *flag.FlagSet) {
		fs.DurationVar(&since, "since", time.Hour, "only logs newer than this")
		fs.IntVar(&tail, "tail", 200, "lines per container")
		fs.BoolVar(&follow, "follow", false, "stream new lines")
	})
	if err != nil {
		return err
	}
	if len(pos) != 1 || !componentRe.MatchString(pos[0]) {
		return usagef("want one component: %s", strings.Join(componentNames(), ", "))
	}
	comp := pos[0]
	t, ok := addonLogs[comp]
	if !ok {
		rendered, err := a.renderedComponents(env.Name)
		if err != nil {
			return err
		}
		if !rendered[comp] {
			names := make([]string, 0, len(rendered)+len(addonLogs))
			for n := range rendered {
				names = append(names, n)
			}
			for n := range addonLogs {
				names = append(names, n)
			}
			sort.Strings(names)
			return usagef("no component %q in dist/%s or the add-ons (known: %s)", comp, env.Name, strings.Join(names, ", "))
		}
		t = logTarget{outputs.Namespace, "app.kubernetes.io/name=" + comp + ",app.kubernetes.io/instance=supabase"}
	}
	kc := a.kube(env)
	kargs := []string{"logs", "-n", t.namespace, "-l", t.selector, "--all-containers", "--prefix", "--timestamps",
		"--since=" + since.String(), fmt.Sprintf("--tail=%d", tail), "--max-log-requests=20", "--ignore-errors"}
	if follow {
		kargs = append(kargs, "--follow")
	}
	c := kc.Cmd(kargs...)
	c.Stream = true
	fmt.Fprintf(a.Stderr, "logs of %s (namespace %s, selector %s)\n", comp, t.namespace, t.selector)
	_, err = a.Runner.Run(ctx, c)
	return err
}

func (a *App) metrics(ctx context.Context, args []string) error {
	env, pos, err := a.kubeFlags("metrics", args, nil)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected arguments %v", pos)
	}
	kc := a.kube(env)
	var errs []error
	for _, kargs := range [][]string{{"top", "nodes"}, {"top", "pods", "-n", outputs.Namespace, "--sum"}} {
		c := kc.Cmd(kargs...)
		c.Stream = true
		fmt.Fprintf(a.Stdout, "$ kubectl %s\n", strings.Join(kargs, " "))
		if _, err := a.Runner.Run(ctx, c); err != nil {
			errs = append(errs, fmt.Errorf("kubectl %s: %w (metrics-server installed? make addons ENV=%s)", strings.Join(kargs, " "), err, env.Name))
		}
	}
	cluster := env.ResourcePrefix()
	r := env.Region
	fmt.Fprintf(a.Stdout, `
More in CloudWatch (region %[1]s):
  Container Insights (when observability.containerInsights is on):
    https://%[1]s.console.aws.amazon.com/cloudwatch/home?region=%[1]s#container-insights:infrastructure
    application logs: aws logs tail %[2]s/application --since 1h --follow --region %[1]s
  EKS control plane:  aws logs tail %[5]s --since 1h --region %[1]s
  RDS:                aws logs tail %[6]s --since 1h --region %[1]s
                      Performance Insights: https://%[1]s.console.aws.amazon.com/rds/home?region=%[1]s#performance-insights-v20206:
  Alarms:             aws cloudwatch describe-alarms --state-value ALARM --region %[1]s
  Scrape endpoints:   kubectl --context %[3]s port-forward -n %[4]s svc/rest 3001 -> http://localhost:3001/metrics (PostgREST admin)
                      kubectl --context %[3]s port-forward -n %[4]s svc/kong 8100 -> http://localhost:8100/metrics (Kong status)
`, r, names.ContainerInsightsLogGroups(cluster), env.KubeContext(), outputs.Namespace, names.ClusterLogGroup(cluster), names.RDSLogGroup(cluster, "postgresql"))
	return errors.Join(errs...)
}

func (a *App) status(ctx context.Context, args []string) error {
	env, pos, err := a.kubeFlags("status", args, nil)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected arguments %v", pos)
	}
	kc := a.kube(env)
	ns := outputs.Namespace
	var errs []error
	show := func(c runner.Cmd, title string) {
		fmt.Fprintf(a.Stdout, "\n== %s\n", title)
		c.Stream = true
		if _, err := a.Runner.Run(ctx, c); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", title, err))
		}
	}
	show(kc.Cmd("get", "nodes", "-L", "topology.kubernetes.io/zone,node.kubernetes.io/instance-type"), "nodes")
	show(kc.Cmd("get", "deployments,statefulsets,hpa,pdb", "-n", ns), "workloads")
	show(kc.Cmd("get", "jobs,cronjobs", "-n", ns), "jobs")
	show(kc.Cmd("get", "pods", "-n", ns, "-o", "wide"), "pods")
	show(kc.Cmd("get", "externalsecrets,secretstores", "-n", ns), "secrets sync (External Secrets)")
	show(kc.Cmd("get", "ingress", "-n", ns), "ingress")
	show(runner.Cmd{Name: "helm", Args: []string{"list", "--all-namespaces", "--kube-context", env.KubeContext()}}, "helm releases")
	show(kc.Cmd("get", "events", "-n", ns, "--field-selector", "type=Warning", "--sort-by", ".lastTimestamp"), "recent warnings")
	return errors.Join(errs...)
}
