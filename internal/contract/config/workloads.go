package config

import (
	"errors"
	"fmt"
	"net/netip"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"k8s.io/apimachinery/pkg/api/resource"
)

// Resources are a container's requests and limits as Kubernetes quantities
// ("250m", "512Mi"). Limits equal to requests for memory avoid the OOM killer
// picking Supabase pods first under node pressure.
type Resources struct {
	CPURequest    string
	MemoryRequest string
	CPULimit      string
	MemoryLimit   string
	// EphemeralStorageRequest is the node disk (emptyDirs, logs) the
	// scheduler reserves for the container: what it normally holds, not its
	// worst case.
	EphemeralStorageRequest string
	// EphemeralStorageLimit caps the container's node disk. The kubelet
	// evicts a pod whose emptyDirs, logs and writable layers together exceed
	// the sum of its containers' limits, so the limit must cover the
	// container's emptyDirs (1Gi per writable directory, see
	// k8s/manifest.WritableDirSize) plus 256Mi for logs; the k8s program
	// rejects less, naming this field.
	EphemeralStorageLimit string
}

// Component sizes one Supabase component.
type Component struct {
	// Replicas is the Deployment's replica count. It must stay 0 when the
	// component is autoscaled: the Deployment then carries no replica count
	// at all, so that re-applying the manifests never resets what the
	// HorizontalPodAutoscaler chose.
	Replicas int
	// MinReplicas and MaxReplicas bound the HorizontalPodAutoscaler; both zero
	// means the component is not autoscaled.
	MinReplicas int
	MaxReplicas int
	// TargetCPUPercent and TargetMemoryPercent are average utilization targets
	// relative to the requests.
	TargetCPUPercent    int
	TargetMemoryPercent int
	Resources           Resources
	// DBPoolSize bounds the PostgreSQL connections one replica opens, for
	// the components whose image has a setting for it (rest, auth, storage,
	// realtime; see PooledComponents). It is rendered into the component's
	// env so that no pool is left to an upstream default (GoTrue's is
	// unlimited), and internal/capacity reads it back from dist/ to hold
	// pool x maximum replicas under RDS's max_connections. Zero for the
	// other components.
	DBPoolSize int
}

// PooledComponents are the components whose connection pool is set by
// DBPoolSize. postgres-meta opens a one-connection pool per request and
// has no setting, so it is not here (internal/capacity models it).
var PooledComponents = []string{"rest", "auth", "storage", "realtime", "supavisor"}

// MaxDBPoolSize caps DBPoolSize: beyond it one replica alone would take a
// large share of a small instance's max_connections.
const MaxDBPoolSize = 200

// withPool sets the per-replica connection pool.
func (c Component) withPool(n int) Component { c.DBPoolSize = n; return c }

// Autoscaled reports whether an HPA manages the component.
func (c Component) Autoscaled() bool { return c.MaxReplicas > 0 }

// Backup is the logical pg_dump backup CronJob.
type Backup struct {
	// Schedule is a five-field cron expression in UTC.
	Schedule string
	// ScratchGiB sizes the ephemeral volume the dump is written to before upload.
	ScratchGiB int
	// TimeoutMinutes bounds one run (activeDeadlineSeconds): a hung run is
	// killed rather than holding the schedule (concurrencyPolicy Forbid
	// skips the next runs while one is active).
	TimeoutMinutes int
	// Resources of the backup container.
	Resources Resources
}

// SpreadPolicy is what the scheduler does with a replica that can only be
// placed by unbalancing the zones: the whenUnsatisfiable of the Deployments'
// zone topology spread constraint.
type SpreadPolicy string

const (
	// SpreadRequired (DoNotSchedule) keeps such a replica Pending until a
	// zone that keeps the balance has room (Cluster Autoscaler adds it), so
	// losing one zone never takes every replica of a component with it.
	SpreadRequired SpreadPolicy = "DoNotSchedule"
	// SpreadPreferred (ScheduleAnyway) places it in the least crowded zone
	// that has room: a zone short of capacity (Spot) never leaves a pod
	// Pending, at the price of replicas that may share a zone.
	SpreadPreferred SpreadPolicy = "ScheduleAnyway"
)

// Workloads sizes and configures the Kubernetes workloads of an
// environment. Every stateless component runs at least two replicas in prod.
type Workloads struct {
	Kong      Component
	Auth      Component
	Rest      Component
	Realtime  Component
	Storage   Component
	Imgproxy  Component
	Meta      Component
	Studio    Component
	Functions Component
	Analytics Component
	// Supavisor is the connection pooler's sizing; its DBPoolSize is the
	// pool of its own metadata repository (DB_POOL_SIZE), not the pools it
	// holds for its clients (Pooler).
	Supavisor Component

	// Pooler configures Supavisor, the connection pooler (off: no pooler,
	// every component connects to RDS directly).
	Pooler Pooler

	// FunctionsEnabled deploys the edge runtime; off by default because it
	// runs user code that must be built into an image first.
	FunctionsEnabled bool
	// AnalyticsEnabled deploys Logflare; off by default because it needs its
	// own schema, Vector log shipping and a BigQuery or Postgres backend.
	AnalyticsEnabled bool

	// KongWorkerProcesses pins nginx workers; Kong otherwise starts one per
	// node CPU and can use GBs of memory on large nodes.
	KongWorkerProcesses int
	// ALBIdleTimeoutSeconds must exceed Realtime's heartbeat interval (30 s)
	// with margin; the ALB default of 60 s drops idle websockets.
	ALBIdleTimeoutSeconds int
	// ALBDeletionProtection sets the ALB's deletion_protection attribute:
	// neither the load balancer controller nor anyone else can delete the
	// ALB (its name and DNS name, which the domain's record points at)
	// until it is switched off.
	ALBDeletionProtection bool
	// ZoneSpread is how strictly every Deployment's replicas are spread
	// across the availability zones (see SpreadPolicy); spreading across
	// nodes is always best effort.
	ZoneSpread SpreadPolicy
	// AddonReplicas is the replica count of the add-ons that run a fixed
	// number of pods: the External Secrets controller and its webhook, and
	// metrics-server (which gets a PodDisruptionBudget when it has more than
	// one). With one, a node drain pauses secret refreshes, admission of
	// ExternalSecrets and the HPAs' metrics until the pod is rescheduled.
	AddonReplicas int
	// SecretRefreshInterval is how often External Secrets re-reads Secrets
	// Manager (Go duration); a rotation reaches pods within this interval.
	SecretRefreshInterval string
	// RealtimeTenant is the tenant Realtime seeds; Kong reaches Realtime on a
	// Service of this name so the Host header's first label matches it.
	RealtimeTenant string
	// DisableSignup turns off public e-mail sign-up in GoTrue.
	DisableSignup bool
	// AuthSiteURL is the application's own URL (GOTRUE_SITE_URL): where
	// confirmation, magic-link, recovery and OAuth redirects land when the
	// client names no redirectTo, and the base of the links in e-mails.
	// It is not the API URL, which serves Studio at /. Empty falls back to
	// the API URL with a warning at synth time.
	AuthSiteURL string
	// AuthRedirectURLs are the further redirect targets GoTrue accepts
	// (GOTRUE_URI_ALLOW_LIST, comma-joined): absolute URLs or GoTrue globs,
	// where "*" stops at "." and "/" and "**" matches anything, so an app's
	// paths are "https://app.example.com/**". A target on the site URL's
	// host is accepted without being listed.
	AuthRedirectURLs []string
	// StudioAllowedCIDRs, when set, admit Studio (the dashboard at /) only
	// from these networks, on top of its basic auth; the API paths stay
	// open. Empty: basic auth only.
	StudioAllowedCIDRs []string
	// JWTExpirySeconds is the access-token lifetime GoTrue issues.
	JWTExpirySeconds int
	// StorageFileSizeLimitBytes caps a single upload.
	StorageFileSizeLimitBytes int64
	// SMTPPorts are the outbound ports GoTrue may use to reach the SMTP relay.
	SMTPPorts []int

	Backup Backup
}

// Components returns the components keyed by their Kubernetes name, in a
// stable order, including disabled optional ones.
func (w Workloads) Components() []NamedComponent {
	return []NamedComponent{
		{"kong", w.Kong}, {"auth", w.Auth}, {"rest", w.Rest}, {"realtime", w.Realtime},
		{"storage", w.Storage}, {"imgproxy", w.Imgproxy}, {"meta", w.Meta}, {"studio", w.Studio},
		{"functions", w.Functions}, {"analytics", w.Analytics}, {"supavisor", w.Supavisor},
	}
}

// NamedComponent pairs a component with its name.
type NamedComponent struct {
	Name string
	Component
}

var (
	cronRe   = regexp.MustCompile(`^(\S+\s+){4}\S+$`)
	tenantRe = regexp.MustCompile(`^[a-z][a-z0-9-]{0,30}[a-z0-9]$`)
)

// Validate checks the workload sizing; every error names its field.
func (w Workloads) Validate(prod bool) error {
	var errs []error
	add := func(field, format string, args ...any) {
		errs = append(errs, fmt.Errorf("workloads.%s: %s", field, fmt.Sprintf(format, args...)))
	}
	for _, c := range w.Components() {
		enabled := true
		switch c.Name {
		case "functions":
			enabled = w.FunctionsEnabled
		case "analytics":
			enabled = w.AnalyticsEnabled
		case "supavisor":
			enabled = w.Pooler.Enabled
		}
		if !enabled {
			continue
		}
		f := c.Name
		switch {
		case c.Autoscaled():
			if c.Replicas != 0 {
				add(f+".replicas", "%d: %s is autoscaled and the HorizontalPodAutoscaler owns its replica count; leave replicas 0 and set minReplicas", c.Replicas, c.Name)
			}
		case c.Replicas < 1:
			add(f+".replicas", "%d: want at least 1", c.Replicas)
		case prod && c.Replicas < 2:
			add(f+".replicas", "%d: prod runs at least 2 replicas of every stateless component", c.Replicas)
		}
		if c.Autoscaled() {
			if c.MinReplicas < 1 || c.MinReplicas > c.MaxReplicas {
				add(f+".minReplicas", "%d: want 1..maxReplicas (%d)", c.MinReplicas, c.MaxReplicas)
			}
			if prod && c.MinReplicas < 2 {
				add(f+".minReplicas", "%d: prod keeps at least 2 replicas", c.MinReplicas)
			}
			for name, pct := range map[string]int{"targetCpuPercent": c.TargetCPUPercent, "targetMemoryPercent": c.TargetMemoryPercent} {
				if pct < 10 || pct > 100 {
					add(f+"."+name, "%d: want 10..100", pct)
				}
			}
		}
		validateResources(f+".resources", c.Resources, add)
		if slices.Contains(PooledComponents, c.Name) {
			if c.DBPoolSize < 1 || c.DBPoolSize > MaxDBPoolSize {
				add(f+".dbPoolSize", "%d: want 1..%d (connections per replica; left unset the upstream default applies, unlimited for GoTrue)", c.DBPoolSize, MaxDBPoolSize)
			}
		} else if c.DBPoolSize != 0 {
			add(f+".dbPoolSize", "%d: %s has no connection-pool setting to render it into; leave it 0", c.DBPoolSize, c.Name)
		}
	}
	if w.KongWorkerProcesses < 1 || w.KongWorkerProcesses > 16 {
		add("kongWorkerProcesses", "%d: want 1..16", w.KongWorkerProcesses)
	}
	if w.ALBIdleTimeoutSeconds < 120 || w.ALBIdleTimeoutSeconds > 4000 {
		add("albIdleTimeoutSeconds", "%d: want 120..4000 (Realtime websockets need more than the 60 s default)", w.ALBIdleTimeoutSeconds)
	}
	if prod && !w.ALBDeletionProtection {
		add("albDeletionProtection", "prod's ALB carries the public name: set it so that nothing deletes the ALB by accident")
	}
	switch w.ZoneSpread {
	case SpreadRequired, SpreadPreferred:
		if prod && w.ZoneSpread != SpreadRequired {
			add("zoneSpread", "%q: prod needs %q so that losing a zone cannot take a component down", w.ZoneSpread, SpreadRequired)
		}
	default:
		add("zoneSpread", "%q: want %q or %q", w.ZoneSpread, SpreadRequired, SpreadPreferred)
	}
	if w.AddonReplicas < 1 || w.AddonReplicas > 5 {
		add("addonReplicas", "%d: want 1..5", w.AddonReplicas)
	} else if prod && w.AddonReplicas < 2 {
		add("addonReplicas", "%d: prod runs at least 2 replicas of every add-on so a node drain does not stop it", w.AddonReplicas)
	}
	if !regexp.MustCompile(`^\d+(s|m|h)$`).MatchString(w.SecretRefreshInterval) {
		add("secretRefreshInterval", "%q: want a duration such as 1h or 15m", w.SecretRefreshInterval)
	}
	if !tenantRe.MatchString(w.RealtimeTenant) {
		add("realtimeTenant", "%q: want a DNS label (it is also a Service name)", w.RealtimeTenant)
	}
	if w.AuthSiteURL != "" {
		if u, err := url.Parse(w.AuthSiteURL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			add("authSiteUrl", "%q: want an absolute http(s) URL", w.AuthSiteURL)
		} else if prod && u.Scheme != "https" {
			add("authSiteUrl", "%q: prod links must use https", w.AuthSiteURL)
		}
	}
	for i, r := range w.AuthRedirectURLs {
		scheme, rest, ok := strings.Cut(r, "://")
		switch {
		case strings.ContainsAny(r, ", \t\n"):
			add(fmt.Sprintf("authRedirectUrls[%d]", i), "%q: no commas or spaces (GoTrue splits the list on commas and does not trim)", r)
		case !ok || scheme == "" || rest == "" || strings.HasPrefix(rest, "*"):
			add(fmt.Sprintf("authRedirectUrls[%d]", i), "%q: want an absolute URL or glob with a scheme and a fixed host, e.g. https://app.example.com/**", r)
		}
	}
	for i, cidr := range w.StudioAllowedCIDRs {
		if p, err := netip.ParsePrefix(cidr); err != nil || p.Masked() != p {
			add(fmt.Sprintf("studioAllowedCidrs[%d]", i), "%q is not a network in CIDR notation", cidr)
		} else if p.Bits() == 0 {
			add(fmt.Sprintf("studioAllowedCidrs[%d]", i), "%q admits everyone: leave the list empty instead", cidr)
		}
	}
	if w.JWTExpirySeconds < 300 || w.JWTExpirySeconds > 604800 {
		add("jwtExpirySeconds", "%d: want 300..604800", w.JWTExpirySeconds)
	}
	if w.StorageFileSizeLimitBytes < 1<<20 {
		add("storageFileSizeLimitBytes", "%d: want at least 1 MiB", w.StorageFileSizeLimitBytes)
	}
	if len(w.SMTPPorts) == 0 {
		add("smtpPorts", "at least one port is needed for GoTrue to send mail")
	}
	for _, p := range w.SMTPPorts {
		if p < 1 || p > 65535 {
			add("smtpPorts", "%d is not a TCP port", p)
		}
	}
	if !cronRe.MatchString(w.Backup.Schedule) {
		add("backup.schedule", "%q: want a five-field cron expression", w.Backup.Schedule)
	}
	if w.Backup.ScratchGiB < 1 || w.Backup.ScratchGiB > 16384 {
		add("backup.scratchGiB", "%d: want 1..16384", w.Backup.ScratchGiB)
	}
	if w.Backup.TimeoutMinutes < 10 || w.Backup.TimeoutMinutes > 1380 {
		add("backup.timeoutMinutes", "%d: want 10..1380 (less than a day, so a run ends before the next one is due)", w.Backup.TimeoutMinutes)
	}
	validateResources("backup.resources", w.Backup.Resources, add)
	if w.Pooler.Enabled {
		w.Pooler.validate(w.Supavisor, add)
	}
	return errors.Join(errs...)
}

func validateResources(field string, r Resources, add func(field, format string, args ...any)) {
	parse := func(name, v string) (resource.Quantity, bool) {
		q, err := resource.ParseQuantity(v)
		if err != nil || q.Sign() <= 0 {
			add(field+"."+name, "%q is not a positive quantity", v)
			return q, false
		}
		return q, true
	}
	for _, p := range []struct{ req, lim, reqName, limName string }{
		{r.CPURequest, r.CPULimit, "cpuRequest", "cpuLimit"},
		{r.MemoryRequest, r.MemoryLimit, "memoryRequest", "memoryLimit"},
		{r.EphemeralStorageRequest, r.EphemeralStorageLimit, "ephemeralStorageRequest", "ephemeralStorageLimit"},
	} {
		req, ok1 := parse(p.reqName, p.req)
		lim, ok2 := parse(p.limName, p.lim)
		if ok1 && ok2 && req.Cmp(lim) > 0 {
			add(field+"."+p.reqName, "%s exceeds %s %s", p.req, p.limName, p.lim)
		}
	}
}

func res(cpuReq, memReq, cpuLim, memLim string) Resources {
	return Resources{CPURequest: cpuReq, MemoryRequest: memReq, CPULimit: cpuLim, MemoryLimit: memLim}
}

// disk sets the ephemeral storage of a container with dirs writable
// directories: 128Mi requested (temporary files come and go; the emptyDirs
// are nearly empty most of the time), limited to the directories' 1Gi
// emptyDirs plus 256Mi for logs (see EphemeralStorageLimit).
func (r Resources) disk(dirs int) Resources {
	r.EphemeralStorageRequest = "128Mi"
	r.EphemeralStorageLimit = fmt.Sprintf("%dMi", dirs*1024+256)
	return r
}

// fixed is a component that is not autoscaled.
func fixed(replicas int, r Resources) Component { return Component{Replicas: replicas, Resources: r} }

// scaled is an autoscaled component; the HPA keeps it between min and max.
func scaled(min, max int, r Resources) Component {
	return Component{MinReplicas: min, MaxReplicas: max, TargetCPUPercent: 70, TargetMemoryPercent: 80, Resources: r}
}

// backupDisk is the pg_dump container's ephemeral storage: logs only, the
// dump goes to the scratch volume (a PersistentVolumeClaim, not node disk).
func backupDisk(r Resources) Resources {
	r.EphemeralStorageRequest = "64Mi"
	r.EphemeralStorageLimit = "256Mi"
	return r
}

func devWorkloads() Workloads {
	return Workloads{
		Kong: scaled(1, 3, res("100m", "256Mi", "500m", "256Mi").disk(2)),
		// Pools are small: db.t4g.micro allows about 112 connections and each
		// component can run 3 replicas plus a rollout's surge pod (make
		// capacity ENV=dev prints the budget).
		Auth:      scaled(1, 3, res("50m", "64Mi", "500m", "128Mi").disk(1)).withPool(3),
		Rest:      scaled(1, 3, res("50m", "64Mi", "500m", "256Mi").disk(0)).withPool(4),
		Realtime:  scaled(1, 3, res("100m", "256Mi", "1", "512Mi").disk(2)).withPool(2),
		Storage:   scaled(1, 3, res("50m", "128Mi", "500m", "256Mi").disk(1)).withPool(3),
		Imgproxy:  fixed(1, res("50m", "128Mi", "500m", "256Mi").disk(1)),
		Meta:      fixed(1, res("50m", "64Mi", "250m", "128Mi").disk(1)),
		Studio:    fixed(1, res("100m", "256Mi", "500m", "512Mi").disk(2)),
		Functions: fixed(1, res("100m", "128Mi", "500m", "256Mi").disk(2)),
		Analytics: fixed(1, res("250m", "512Mi", "1", "1Gi").disk(1)),
		// Off in dev (Pooler.Enabled): db.t4g.micro's ~112 connections leave
		// no room for a second set of pools; sized so that switching it on
		// is one field.
		Supavisor: fixed(1, res("100m", "256Mi", "1", "512Mi").disk(1)).withPool(2),
		Pooler: Pooler{
			Enabled: false, Tenant: "supabase",
			StoragePoolSize: 3,
			AppPoolSize:     3, AppMaxClients: 100,
		},

		KongWorkerProcesses:   2,
		ALBIdleTimeoutSeconds: 300,
		ALBDeletionProtection: false,
		// One replica of most components on two zones of Spot nodes: a zone
		// without Spot capacity must not leave pods Pending.
		ZoneSpread:            SpreadPreferred,
		AddonReplicas:         1,
		SecretRefreshInterval: "1h",
		RealtimeTenant:        "realtime",
		DisableSignup:         false,
		// A developer's app on their machine; change to the deployed app.
		AuthSiteURL:               "http://localhost:3000",
		AuthRedirectURLs:          []string{"http://localhost:3000/**"},
		JWTExpirySeconds:          3600,
		StorageFileSizeLimitBytes: 50 << 20,
		SMTPPorts:                 []int{465, 587},
		Backup: Backup{
			Schedule:       "30 4 * * *",
			ScratchGiB:     10,
			TimeoutMinutes: 60,
			Resources:      backupDisk(res("100m", "256Mi", "1", "512Mi")),
		},
	}
}

func prodWorkloads() Workloads {
	return Workloads{
		Kong: scaled(2, 6, res("250m", "512Mi", "1", "512Mi").disk(2)),
		// The upstream defaults (PostgREST 10, Storage 20, Realtime 5), and
		// 10 for GoTrue, whose default is unlimited (make capacity ENV=prod).
		Auth:      scaled(2, 6, res("100m", "128Mi", "1", "256Mi").disk(1)).withPool(10),
		Rest:      scaled(2, 8, res("250m", "256Mi", "1", "512Mi").disk(0)).withPool(10),
		Realtime:  scaled(2, 6, res("250m", "512Mi", "2", "1Gi").disk(2)).withPool(5),
		Storage:   scaled(2, 6, res("250m", "256Mi", "1", "512Mi").disk(1)).withPool(20),
		Imgproxy:  fixed(2, res("250m", "256Mi", "1", "512Mi").disk(1)),
		Meta:      fixed(2, res("100m", "128Mi", "500m", "256Mi").disk(1)),
		Studio:    fixed(2, res("250m", "512Mi", "1", "1Gi").disk(2)),
		Functions: fixed(2, res("250m", "256Mi", "1", "512Mi").disk(2)),
		Analytics: fixed(2, res("500m", "1Gi", "2", "2Gi").disk(1)),
		// Two replicas, each with its own pools (make capacity ENV=prod);
		// the metadata repository needs few connections (upstream default 25).
		Supavisor: fixed(2, res("250m", "512Mi", "2", "1Gi").disk(1)).withPool(3),
		Pooler: Pooler{
			Enabled: true, Tenant: "supabase",
			// Storage's 20 x 7 direct connections become pools of 20 (per mode)
			// on each pooler replica (make capacity ENV=prod).
			StoragePoolSize: 20,
			AppPoolSize:     20, AppMaxClients: 1000,
		},

		KongWorkerProcesses:   2,
		ALBIdleTimeoutSeconds: 3600,
		ALBDeletionProtection: true,
		ZoneSpread:            SpreadRequired,
		AddonReplicas:         2,
		SecretRefreshInterval: "15m",
		RealtimeTenant:        "realtime",
		DisableSignup:         true,
		// The application users sign in to (placeholder: set yours).
		AuthSiteURL:               "https://app.example.com",
		AuthRedirectURLs:          []string{"https://app.example.com/**"},
		JWTExpirySeconds:          3600,
		StorageFileSizeLimitBytes: 500 << 20,
		SMTPPorts:                 []int{465, 587},
		Backup: Backup{
			Schedule:       "30 4 * * *",
			ScratchGiB:     200,
			TimeoutMinutes: 360,
			Resources:      backupDisk(res("250m", "512Mi", "2", "1Gi")),
		},
	}
}
