// Package capacity is the connection budget of an environment: what every
// component can hold open on PostgreSQL when each runs at its HPA maximum
// plus a rollout's surge pod, next to the instance class's max_connections.
//
// Every number of a component is read back from the rendered manifests
// (dist/<env>) through internal/artifacts, never recomputed from the
// configuration: the budget is of what would be applied.
package capacity

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/supabase-eks/supabase-eks/internal/artifacts"
	"github.com/supabase-eks/supabase-eks/internal/contract/pooler"
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

// AlarmThresholdVariable is the Terraform variable of the environment's
// stack (infra/observability) that holds the RDS connections alarm's
// threshold: the budget's Total, capped at Threshold of max_connections,
// written by the deploy from dist/<env>.
const AlarmThresholdVariable = "rds_connections_alarm_threshold"

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
		if p.component == "storage" && viaPooler(deps[p.component]) {
			// Storage's queries go through the pooler (counted in its
			// tenant rows); its direct URL serves the migrations at start.
			p = storageMigrationsOnly
		}
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
	if sv, ok := deps[pooler.Service]; ok {
		rows, err := tenantRows(sv, objs, hpas)
		if err != nil {
			return b, err
		}
		b.Rows = append(b.Rows, rows...)
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

// envValue reads a pool variable as rendered. A missing variable is an
// error: the component would fall back to its upstream default, which is
// what this budget exists to rule out.
func envValue(pod corev1.PodSpec, name string) (int, error) {
	n, err := artifacts.PositiveIntEnv(pod, name)
	if errors.Is(err, artifacts.ErrEnvNotRendered) {
		return 0, fmt.Errorf("%w: the pool would be the upstream default", err)
	}
	return n, err
}

// viaPooler reports whether the Deployment's queries go to the pooler.
func viaPooler(d appsv1.Deployment) bool {
	for _, c := range d.Spec.Template.Spec.Containers {
		for _, e := range c.Env {
			if e.Name == EnvStoragePoolURL {
				return true
			}
		}
	}
	return false
}

// tenantPoolModes: Supavisor keeps a transaction pool and a session pool
// per user (v2.7.4 lib/supavisor.ex id/6: the port's mode picks the pool),
// each of the user's pool_size, and any client holding the user's
// password may open either; both are counted.
const tenantPoolModes = 2

// tenantRows are the server connections the pooler holds for its tenant:
// per user, pool_size x the two modes on every replica (the replicas are
// not clustered: each holds its own pools), read back from the tenant
// definition the tenant Job sends (the ExternalSecret's template).
func tenantRows(sv appsv1.Deployment, objs []artifacts.Object, hpas map[string]autoscalingv2.HorizontalPodAutoscaler) ([]Row, error) {
	body, err := tenantBody(objs)
	if err != nil {
		return nil, err
	}
	base, err := row(pool{component: sv.Name, perReplica: 1}, sv, hpas)
	if err != nil {
		return nil, err
	}
	var rows []Row
	for _, u := range body.Tenant.Users {
		size := u.PoolSize
		if size == 0 {
			size = body.Tenant.DefaultPoolSize
		}
		if size < 1 {
			return nil, fmt.Errorf("%s: user %s has no pool_size and the tenant no default_pool_size: its pool would be Supavisor's default", pooler.TenantBodyKey, u.DBUser)
		}
		r := base
		r.Component = pooler.Service + ":" + u.DBUser
		r.Pool = size * tenantPoolModes
		r.Setting = "tenant pool_size x2"
		r.Note = fmt.Sprintf("pool_size %d per mode (transaction, session) per replica", size)
		rows = append(rows, r)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: the tenant has no users", pooler.TenantBodyKey)
	}
	return rows, nil
}

// tenantDefinition is the part of Supavisor's tenant body the budget reads.
type tenantDefinition struct {
	Tenant struct {
		DefaultPoolSize int `json:"default_pool_size"`
		Users           []struct {
			DBUser   string `json:"db_user"`
			PoolSize int    `json:"pool_size"`
		} `json:"users"`
	} `json:"tenant"`
}

// placeholder matches an External Secrets template action; in the tenant
// body each one stands for a JSON string (a password through toJson).
var placeholder = regexp.MustCompile(`\{\{[^}]*\}\}`)

func tenantBody(objs []artifacts.Object) (tenantDefinition, error) {
	var def tenantDefinition
	ess, err := artifacts.ExternalSecrets(objs)
	if err != nil {
		return def, err
	}
	found := 0
	for _, es := range ess {
		tmpl, ok := es.TemplateData()[pooler.TenantBodyKey]
		if !ok {
			continue
		}
		found++
		if err := json.Unmarshal([]byte(placeholder.ReplaceAllString(tmpl, `"x"`)), &def); err != nil {
			return def, fmt.Errorf("externalsecret/%s[%s]: %w", es.Name, pooler.TenantBodyKey, err)
		}
	}
	if found != 1 {
		return def, fmt.Errorf("deployment/%s runs, but %d ExternalSecrets define its tenant (%s), want 1: its pools cannot be counted", pooler.Service, found, pooler.TenantBodyKey)
	}
	return def, nil
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
	fmt.Fprintf(w, "%-34s %9s %6s %5s %-24s %8s %6s  %s\n", "COMPONENT", "REPLICAS", "SURGE", "POOL", "SETTING", "AT MAX", "SHARE", "NOTE")
	share := func(n int) string { return fmt.Sprintf("%.1f%%", 100*float64(n)/float64(b.MaxConnections)) }
	for _, r := range b.Rows {
		pool := strconv.Itoa(r.Pool)
		if r.Extra > 0 {
			pool += "+" + strconv.Itoa(r.Extra)
		}
		fmt.Fprintf(w, "%-34s %9s %6d %5s %-24s %8d %6s  %s\n", r.Component, fmt.Sprintf("%d/%d", r.MinReplicas, r.MaxReplicas), r.Surge, pool, r.Setting, r.AtMax(), share(r.AtMax()), r.Note)
	}
	for _, r := range b.Reserved {
		fmt.Fprintf(w, "%-34s %9s %6s %5s %-24s %8d %6s  %s\n", r.Name, "-", "-", "-", "reserved", r.Connections, share(r.Connections), r.Note)
	}
	fmt.Fprintf(w, "%-34s %9s %6s %5s %-24s %8d %6s\n", "TOTAL", "", "", "", "", b.Total(), share(b.Total()))
}
