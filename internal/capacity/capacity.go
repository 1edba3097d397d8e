// Package capacity is the connection budget of an environment: what every
// component can hold open on PostgreSQL when each runs at its HPA maximum
// plus a rollout's surge pod, next to the instance class's max_connections.
//
// Every number of a component is read back from the rendered manifests
// (dist/<env>) through internal/artifacts, never recomputed from the
// configuration: the budget is of what would be applied.
package capacity

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/supabase-eks/supabase-eks/internal/artifacts"
	"github.com/supabase-eks/supabase-eks/internal/rdsclass"
	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// Threshold is the share of max_connections the budget must stay under at
// full scale-out: the rest is for RDS's own slots being underestimated, an
// operator's session and connections the model does not know of. It is also
// where the RDS connections alarm fires.
const Threshold = 0.80

// waitForDatabase is the init container (k8s/manifest.WaitForDatabase) a
// Deployment carries when it logs in to PostgreSQL; every such Deployment
// must have a row here, or the model would silently leave it out.
const waitForDatabase = "wait-for-database"

// Row is one component's share.
type Row struct {
	Component   string
	MinReplicas int
	MaxReplicas int
	// Surge is the extra pods a rolling update adds at MaxReplicas
	// (the Deployment's maxSurge; the Kubernetes default is 25 %).
	Surge int
	// Pool is the rendered pool size per replica (or the modelled count).
	Pool int
	// Extra is what each replica holds beyond its pool.
	Extra int
	// Setting is the env var Pool was read from; "modelled" when none.
	Setting string
	Note    string
}

// AtMax is the connections the component can hold at full scale-out.
func (r Row) AtMax() int { return (r.Pool + r.Extra) * (r.MaxReplicas + r.Surge) }

// Reserved is a fixed count of connections outside the components' pools.
type Reserved struct {
	Name        string
	Connections int
	Note        string
}

// Budget is an environment's connection budget.
type Budget struct {
	Env            string
	InstanceClass  string
	MaxConnections int
	Rows           []Row
	Reserved       []Reserved
}

// Total is every connection at full scale-out.
func (b Budget) Total() int {
	n := 0
	for _, r := range b.Rows {
		n += r.AtMax()
	}
	for _, r := range b.Reserved {
		n += r.Connections
	}
	return n
}

// Share is Total over max_connections.
func (b Budget) Share() float64 { return float64(b.Total()) / float64(b.MaxConnections) }

// Check fails when the budget exceeds Threshold of max_connections.
func (b Budget) Check() error {
	if limit := int(math.Floor(Threshold * float64(b.MaxConnections))); b.Total() > limit {
		return fmt.Errorf("%s: %d connections at full scale-out exceed %.0f %% of max_connections %d of %s (%d): lower a component's dbPoolSize or maxReplicas, or choose a larger database.instanceClass",
			b.Env, b.Total(), Threshold*100, b.MaxConnections, b.InstanceClass, limit)
	}
	return nil
}

// Modelled reserved connections (see README "Connection budget").
const (
	// RDSReserved: PostgreSQL's superuser_reserved_connections (3 by
	// default) and RDS's rds.rds_superuser_reserved_connections (2 by
	// default) are slots ordinary roles can never use.
	RDSReserved = 5
	// RealtimeTenant is what the seeded tenant holds, once per Erlang
	// cluster (its Connect process is registered cluster-wide): upstream's
	// own tenant_pool_requirements at v2.102.3 (lib/realtime/database.ex)
	// with the seed's settings: connect 1 (db_pool unset), subscription
	// manager 1 + its publisher pool 4 (subcriber_pool_size default),
	// health check 1, janitor 1, migrations 2, broadcast-changes
	// replication 1 (a logical replication connection,
	// lib/realtime/tenants/replication_connection.ex), postgres_changes
	// replication-slot poller 1
	// (lib/extensions/postgres_cdc_rls/replication_poller.ex), replication
	// slot teardown 1. The replication connection is a walsender, which
	// PostgreSQL 12 and later may not charge to max_connections; it is
	// counted anyway, and so are the transient ones, as if all were open at
	// once.
	RealtimeTenant = 13
	// Headroom is for what no manifest shows: an operator's psql session,
	// a component's migrations at start-up before its pool is sized.
	Headroom = 5
)

// Model reads the rendered manifests of one environment (a dist/<env>
// directory) and budgets them against the instance class.
func Model(env, dir, instanceClass string) (Budget, error) {
	maxConns, err := rdsclass.MaxConnections(instanceClass)
	if err != nil {
		return Budget{}, err
	}
	objs, err := artifacts.ReadManifests(dir)
	if err != nil {
		return Budget{}, err
	}
	b := Budget{Env: env, InstanceClass: instanceClass, MaxConnections: maxConns}
	deps := map[string]appsv1.Deployment{}
	hpas := map[string]autoscalingv2.HorizontalPodAutoscaler{}
	var jobs []string
	for _, o := range objs {
		switch o.Kind {
		case "Deployment":
			var d appsv1.Deployment
			if err := o.Decode(&d); err != nil {
				return b, err
			}
			deps[d.Name] = d
		case "HorizontalPodAutoscaler":
			var h autoscalingv2.HorizontalPodAutoscaler
			if err := o.Decode(&h); err != nil {
				return b, err
			}
			hpas[h.Spec.ScaleTargetRef.Name] = h
		case "Job":
			var j batchv1.Job
			if err := o.Decode(&j); err != nil {
				return b, err
			}
			if usesPostgresClient(j.Spec.Template.Spec) {
				jobs = append(jobs, "job/"+j.Name)
			}
		case "CronJob":
			var j batchv1.CronJob
			if err := o.Decode(&j); err != nil {
				return b, err
			}
			// concurrencyPolicy Forbid keeps one run at a time; Allow could
			// stack runs, each with its own connection.
			if usesPostgresClient(j.Spec.JobTemplate.Spec.Template.Spec) {
				if j.Spec.ConcurrencyPolicy != batchv1.ForbidConcurrent {
					return b, fmt.Errorf("cronjob/%s: concurrencyPolicy %q lets runs overlap, so its connections are unbounded", j.Name, j.Spec.ConcurrencyPolicy)
				}
				jobs = append(jobs, "cronjob/"+j.Name)
			}
		}
	}
	known := map[string]bool{}
	for _, p := range pools {
		known[p.component] = true
		d, ok := deps[p.component]
		if !ok {
			continue
		}
		r, err := row(p, d, hpas)
		if err != nil {
			return b, err
		}
		b.Rows = append(b.Rows, r)
	}
	if len(b.Rows) == 0 {
		// An empty budget would pass any check.
		return b, fmt.Errorf("%s: no Deployment that logs in to PostgreSQL: not rendered manifests? (make synth)", dir)
	}
	for name, d := range deps {
		if !known[name] && slices.ContainsFunc(d.Spec.Template.Spec.InitContainers, func(c corev1.Container) bool { return c.Name == waitForDatabase }) {
			return b, fmt.Errorf("deployment/%s logs in to PostgreSQL but internal/capacity has no pool for it", name)
		}
	}
	slices.Sort(jobs)
	b.Reserved = append(b.Reserved, Reserved{"rds reserved slots", RDSReserved, "superuser_reserved_connections 3 + rds.rds_superuser_reserved_connections 2"})
	for _, j := range jobs {
		// psql and pg_dump (no --jobs) each hold one connection.
		b.Reserved = append(b.Reserved, Reserved{j, 1, "one psql/pg_dump session"})
	}
	if _, ok := deps["realtime"]; ok {
		b.Reserved = append(b.Reserved, Reserved{"realtime tenant", RealtimeTenant, "once per cluster: replication + slot poller + pools"})
	}
	b.Reserved = append(b.Reserved, Reserved{"headroom", Headroom, "operator session, start-up migrations"})
	return b, nil
}

func row(p pool, d appsv1.Deployment, hpas map[string]autoscalingv2.HorizontalPodAutoscaler) (Row, error) {
	r := Row{Component: p.component, Extra: p.extra, Note: p.note}
	if h, ok := hpas[d.Name]; ok {
		r.MaxReplicas = int(h.Spec.MaxReplicas)
		r.MinReplicas = 1
		if h.Spec.MinReplicas != nil {
			r.MinReplicas = int(*h.Spec.MinReplicas)
		}
	} else {
		r.MinReplicas = 1
		if d.Spec.Replicas != nil {
			r.MinReplicas = int(*d.Spec.Replicas)
		}
		r.MaxReplicas = r.MinReplicas
	}
	surge, err := maxSurge(d, r.MaxReplicas)
	if err != nil {
		return r, err
	}
	r.Surge = surge
	if p.env == "" {
		r.Pool, r.Setting = p.perReplica, "modelled"
		return r, nil
	}
	r.Setting = p.env
	v, err := envValue(d.Spec.Template.Spec, p.env)
	if err != nil {
		return r, fmt.Errorf("deployment/%s: %w", d.Name, err)
	}
	r.Pool = v
	return r, nil
}

// maxSurge is the extra pods a rolling update of the Deployment adds at n
// replicas; a Recreate Deployment adds none.
func maxSurge(d appsv1.Deployment, n int) (int, error) {
	if d.Spec.Strategy.Type == appsv1.RecreateDeploymentStrategyType {
		return 0, nil
	}
	s := intstr.FromString("25%")
	if ru := d.Spec.Strategy.RollingUpdate; ru != nil && ru.MaxSurge != nil {
		s = *ru.MaxSurge
	}
	v, err := intstr.GetScaledValueFromIntOrPercent(&s, n, true)
	if err != nil {
		return 0, fmt.Errorf("deployment/%s: maxSurge: %w", d.Name, err)
	}
	return v, nil
}

// envValue reads a literal integer env var from the pod's app containers.
// A missing variable is an error: the component would fall back to its
// upstream default, which is what this budget exists to rule out.
func envValue(pod corev1.PodSpec, name string) (int, error) {
	for _, c := range pod.Containers {
		for _, e := range c.Env {
			if e.Name != name {
				continue
			}
			if e.ValueFrom != nil {
				return 0, fmt.Errorf("env %s: want a literal value, not a reference", name)
			}
			n, err := strconv.Atoi(e.Value)
			if err != nil || n < 1 {
				return 0, fmt.Errorf("env %s=%q: want a positive integer", name, e.Value)
			}
			return n, nil
		}
	}
	return 0, fmt.Errorf("env %s is not rendered: the pool would be the upstream default", name)
}

func usesPostgresClient(pod corev1.PodSpec) bool {
	for _, c := range slices.Concat(pod.InitContainers, pod.Containers) {
		if strings.HasPrefix(c.Image, "postgres:") {
			return true
		}
	}
	return false
}

// Print writes the budget as a table.
func (b Budget) Print(w io.Writer) {
	fmt.Fprintf(w, "%s: %s, max_connections %d (RDS default for the class), limit %.0f %% = %d\n\n",
		b.Env, b.InstanceClass, b.MaxConnections, Threshold*100, int(math.Floor(Threshold*float64(b.MaxConnections))))
	fmt.Fprintf(w, "%-20s %9s %6s %5s %-24s %8s %6s  %s\n", "COMPONENT", "REPLICAS", "SURGE", "POOL", "SETTING", "AT MAX", "SHARE", "NOTE")
	share := func(n int) string { return fmt.Sprintf("%.1f%%", 100*float64(n)/float64(b.MaxConnections)) }
	for _, r := range b.Rows {
		pool := strconv.Itoa(r.Pool)
		if r.Extra > 0 {
			pool += "+" + strconv.Itoa(r.Extra)
		}
		fmt.Fprintf(w, "%-20s %9s %6d %5s %-24s %8d %6s  %s\n", r.Component, fmt.Sprintf("%d/%d", r.MinReplicas, r.MaxReplicas), r.Surge, pool, r.Setting, r.AtMax(), share(r.AtMax()), r.Note)
	}
	for _, r := range b.Reserved {
		fmt.Fprintf(w, "%-20s %9s %6s %5s %-24s %8d %6s  %s\n", r.Name, "-", "-", "-", "reserved", r.Connections, share(r.Connections), r.Note)
	}
	fmt.Fprintf(w, "%-20s %9s %6s %5s %-24s %8d %6s\n", "TOTAL", "", "", "", "", b.Total(), share(b.Total()))
}
