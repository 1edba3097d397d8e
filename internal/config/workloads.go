package config

import (
	"errors"
	"fmt"
	"regexp"

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
}

// Component sizes one Supabase component.
type Component struct {
	// Replicas is the Deployment's replica count when no autoscaler manages it,
	// and the starting count otherwise.
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
}

// Autoscaled reports whether an HPA manages the component.
func (c Component) Autoscaled() bool { return c.MaxReplicas > 0 }

// BackupConfig is the logical pg_dump backup CronJob.
type BackupConfig struct {
	// Schedule is a five-field cron expression in UTC.
	Schedule string
	// ScratchGiB sizes the ephemeral volume the dump is written to before upload.
	ScratchGiB int
	// Resources of the backup container.
	Resources Resources
}

// WorkloadsConfig sizes and configures the Kubernetes workloads of an
// environment. Every stateless component runs at least two replicas in prod.
type WorkloadsConfig struct {
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
	// SecretRefreshInterval is how often External Secrets re-reads Secrets
	// Manager (Go duration); a rotation reaches pods within this interval.
	SecretRefreshInterval string
	// RealtimeTenant is the tenant Realtime seeds; Kong reaches Realtime on a
	// Service of this name so the Host header's first label matches it.
	RealtimeTenant string
	// DisableSignup turns off public e-mail sign-up in GoTrue.
	DisableSignup bool
	// JWTExpirySeconds is the access-token lifetime GoTrue issues.
	JWTExpirySeconds int
	// StorageFileSizeLimitBytes caps a single upload.
	StorageFileSizeLimitBytes int64
	// SMTPPorts are the outbound ports GoTrue may use to reach the SMTP relay.
	SMTPPorts []int

	Backup BackupConfig
}

// Components returns the components keyed by their Kubernetes name, in a
// stable order, including disabled optional ones.
func (w WorkloadsConfig) Components() []NamedComponent {
	return []NamedComponent{
		{"kong", w.Kong}, {"auth", w.Auth}, {"rest", w.Rest}, {"realtime", w.Realtime},
		{"storage", w.Storage}, {"imgproxy", w.Imgproxy}, {"meta", w.Meta}, {"studio", w.Studio},
		{"functions", w.Functions}, {"analytics", w.Analytics},
	}
}

// NamedComponent pairs a component with its name.
type NamedComponent struct {
	Name string
	Component
}

// autoscaledComponents must have an HPA: they take user traffic directly.
var autoscaledComponents = map[string]bool{"kong": true, "auth": true, "rest": true, "realtime": true, "storage": true}

var (
	cronRe   = regexp.MustCompile(`^(\S+\s+){4}\S+$`)
	tenantRe = regexp.MustCompile(`^[a-z][a-z0-9-]{0,30}[a-z0-9]$`)
)

// Validate checks the workload sizing; every error names its field.
func (w WorkloadsConfig) Validate(prod bool) error {
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
		}
		if !enabled {
			continue
		}
		f := c.Name
		if c.Replicas < 1 {
			add(f+".replicas", "%d: want at least 1", c.Replicas)
		}
		if prod && c.Replicas < 2 {
			add(f+".replicas", "%d: prod runs at least 2 replicas of every stateless component", c.Replicas)
		}
		if autoscaledComponents[c.Name] && !c.Autoscaled() {
			add(f+".maxReplicas", "%s takes user traffic and needs an autoscaler (maxReplicas > 0)", c.Name)
		}
		if c.Autoscaled() {
			if c.MinReplicas < 1 || c.MinReplicas > c.MaxReplicas {
				add(f+".minReplicas", "%d: want 1..maxReplicas (%d)", c.MinReplicas, c.MaxReplicas)
			}
			if prod && c.MinReplicas < 2 {
				add(f+".minReplicas", "%d: prod keeps at least 2 replicas", c.MinReplicas)
			}
			if c.Replicas < c.MinReplicas || c.Replicas > c.MaxReplicas {
				add(f+".replicas", "%d is outside minReplicas..maxReplicas (%d..%d)", c.Replicas, c.MinReplicas, c.MaxReplicas)
			}
			for name, pct := range map[string]int{"targetCpuPercent": c.TargetCPUPercent, "targetMemoryPercent": c.TargetMemoryPercent} {
				if pct < 10 || pct > 100 {
					add(f+"."+name, "%d: want 10..100", pct)
				}
			}
		}
		validateResources(f+".resources", c.Resources, add)
	}
	if w.KongWorkerProcesses < 1 || w.KongWorkerProcesses > 16 {
		add("kongWorkerProcesses", "%d: want 1..16", w.KongWorkerProcesses)
	}
	if w.ALBIdleTimeoutSeconds < 120 || w.ALBIdleTimeoutSeconds > 4000 {
		add("albIdleTimeoutSeconds", "%d: want 120..4000 (Realtime websockets need more than the 60 s default)", w.ALBIdleTimeoutSeconds)
	}
	if !regexp.MustCompile(`^\d+(s|m|h)$`).MatchString(w.SecretRefreshInterval) {
		add("secretRefreshInterval", "%q: want a duration such as 1h or 15m", w.SecretRefreshInterval)
	}
	if !tenantRe.MatchString(w.RealtimeTenant) {
		add("realtimeTenant", "%q: want a DNS label (it is also a Service name)", w.RealtimeTenant)
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
	validateResources("backup.resources", w.Backup.Resources, add)
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
	cr, ok1 := parse("cpuRequest", r.CPURequest)
	cl, ok2 := parse("cpuLimit", r.CPULimit)
	mr, ok3 := parse("memoryRequest", r.MemoryRequest)
	ml, ok4 := parse("memoryLimit", r.MemoryLimit)
	if ok1 && ok2 && cr.Cmp(cl) > 0 {
		add(field+".cpuRequest", "%s exceeds cpuLimit %s", r.CPURequest, r.CPULimit)
	}
	if ok3 && ok4 && mr.Cmp(ml) > 0 {
		add(field+".memoryRequest", "%s exceeds memoryLimit %s", r.MemoryRequest, r.MemoryLimit)
	}
}

func res(cpuReq, memReq, cpuLim, memLim string) Resources {
	return Resources{CPURequest: cpuReq, MemoryRequest: memReq, CPULimit: cpuLim, MemoryLimit: memLim}
}

// fixed is a component that is not autoscaled.
func fixed(replicas int, r Resources) Component { return Component{Replicas: replicas, Resources: r} }

// scaled is an autoscaled component starting at min replicas.
func scaled(min, max int, r Resources) Component {
	return Component{Replicas: min, MinReplicas: min, MaxReplicas: max, TargetCPUPercent: 70, TargetMemoryPercent: 80, Resources: r}
}

func devWorkloads() WorkloadsConfig {
	return WorkloadsConfig{
		Kong:      scaled(1, 3, res("100m", "256Mi", "500m", "256Mi")),
		Auth:      scaled(1, 3, res("50m", "64Mi", "500m", "128Mi")),
		Rest:      scaled(1, 3, res("50m", "64Mi", "500m", "256Mi")),
		Realtime:  scaled(1, 3, res("100m", "256Mi", "1", "512Mi")),
		Storage:   scaled(1, 3, res("50m", "128Mi", "500m", "256Mi")),
		Imgproxy:  fixed(1, res("50m", "128Mi", "500m", "256Mi")),
		Meta:      fixed(1, res("50m", "64Mi", "250m", "128Mi")),
		Studio:    fixed(1, res("100m", "256Mi", "500m", "512Mi")),
		Functions: fixed(1, res("100m", "128Mi", "500m", "256Mi")),
		Analytics: fixed(1, res("250m", "512Mi", "1", "1Gi")),

		KongWorkerProcesses:       2,
		ALBIdleTimeoutSeconds:     300,
		SecretRefreshInterval:     "1h",
		RealtimeTenant:            "realtime",
		DisableSignup:             false,
		JWTExpirySeconds:          3600,
		StorageFileSizeLimitBytes: 50 << 20,
		SMTPPorts:                 []int{465, 587},
		Backup: BackupConfig{
			Schedule:   "30 4 * * *",
			ScratchGiB: 10,
			Resources:  res("100m", "256Mi", "1", "512Mi"),
		},
	}
}

func prodWorkloads() WorkloadsConfig {
	return WorkloadsConfig{
		Kong:      scaled(2, 6, res("250m", "512Mi", "1", "512Mi")),
		Auth:      scaled(2, 6, res("100m", "128Mi", "1", "256Mi")),
		Rest:      scaled(2, 8, res("250m", "256Mi", "1", "512Mi")),
		Realtime:  scaled(2, 6, res("250m", "512Mi", "2", "1Gi")),
		Storage:   scaled(2, 6, res("250m", "256Mi", "1", "512Mi")),
		Imgproxy:  fixed(2, res("250m", "256Mi", "1", "512Mi")),
		Meta:      fixed(2, res("100m", "128Mi", "500m", "256Mi")),
		Studio:    fixed(2, res("250m", "512Mi", "1", "1Gi")),
		Functions: fixed(2, res("250m", "256Mi", "1", "512Mi")),
		Analytics: fixed(2, res("500m", "1Gi", "2", "2Gi")),

		KongWorkerProcesses:       2,
		ALBIdleTimeoutSeconds:     3600,
		SecretRefreshInterval:     "15m",
		RealtimeTenant:            "realtime",
		DisableSignup:             true,
		JWTExpirySeconds:          3600,
		StorageFileSizeLimitBytes: 500 << 20,
		SMTPPorts:                 []int{465, 587},
		Backup: BackupConfig{
			Schedule:   "30 4 * * *",
			ScratchGiB: 200,
			Resources:  res("250m", "512Mi", "2", "1Gi"),
		},
	}
}
