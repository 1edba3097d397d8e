package manifest

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk8s-team/cdk8s-core-go/cdk8s/v2"
	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/internal/rdsca"
)

// Stage is one file of dist/<env>/. Stages are applied in name order, which
// is the order a first `kubectl apply -f dist/<env>/` needs: the namespace,
// then objects of CRDs installed by the add-ons, then the workloads.
type Stage string

// Stages in apply order.
const (
	StageNamespace Stage = "00-namespace"
	StageSecrets   Stage = "10-secrets"
	StageAccess    Stage = "20-access"
	StageBootstrap Stage = "30-bootstrap"
	StageWorkloads Stage = "40-workloads"
	StageIngress   Stage = "50-ingress"
	StageBackup    Stage = "60-backup"
)

// Stages lists every stage in apply order.
var Stages = []Stage{StageNamespace, StageSecrets, StageAccess, StageBootstrap, StageWorkloads, StageIngress, StageBackup}

// PlaceholderHost stands in for the ALB's DNS name when the environment has
// no domain: the name is only known after the controller created the ALB.
// The Helm chart's `host` value replaces it.
const PlaceholderHost = "alb-hostname.invalid"

// Context carries everything a construct needs while synthesizing one
// environment.
type Context struct {
	Env config.Environment
	Out *outputs.Outputs
	// RDSCA is the bundle that verifies the RDS server certificate.
	RDSCA rdsca.Bundle
	// W is Env.Workloads.
	W config.Workloads
	// Namespace holds every Supabase object.
	Namespace string
	// Host is the public host name: the domain, or PlaceholderHost.
	Host string
	// PublicURL is the scheme and host clients use.
	PublicURL string
	// component names the component whose construct this Context builds
	// (empty: the environment's shared objects); see For.
	component string
	// state is shared by the Context and every component's view of it.
	*state
}

// state is what one synthesis accumulates.
type state struct {
	charts   map[Stage]cdk8s.Chart
	secrets  []SecretSpec
	errs     []error
	warnings []string
	// nodes holds each component's construct in each stage's chart.
	nodes map[string]constructs.Construct
}

// NewContext creates one chart per stage under app.
func NewContext(app cdk8s.App, env config.Environment, out *outputs.Outputs, ca rdsca.Bundle) *Context {
	c := &Context{Env: env, Out: out, RDSCA: ca, W: env.Workloads, Namespace: outputs.Namespace,
		state: &state{charts: map[Stage]cdk8s.Chart{}, nodes: map[string]constructs.Construct{}}}
	if out.Domain != "" {
		c.Host, c.PublicURL = out.Domain, "https://"+out.Domain
	} else {
		c.Host, c.PublicURL = PlaceholderHost, "http://"+PlaceholderHost
		c.Warn("no domain for %s: the ALB serves plain HTTP on its own DNS name, and the public URLs in GoTrue, Storage and Studio use the placeholder %q until the chart's host value (or a domain) replaces it", env.Name, PlaceholderHost)
	}
	for _, s := range Stages {
		c.charts[s] = cdk8s.NewChart(app, jsii.String(string(s)), &cdk8s.ChartProps{
			DisableResourceNameHashes: jsii.Bool(true),
		})
	}
	return c
}

// For is the view of the Context a component builds through: everything it
// adds lands in its own construct (named after it) in each stage's chart,
// so the construct tree reads stage / component / object. The stages stay
// the charts because each chart is one file of dist/, applied in order.
func (c *Context) For(component string) *Context {
	v := *c
	v.component = component
	return &v
}

// Scope is where this Context's objects of stage s go: the stage's chart,
// or the component's construct in it (created on first use, so the
// objects keep the order they were added in).
func (c *Context) Scope(s Stage) constructs.Construct {
	if c.component == "" {
		return c.charts[s]
	}
	key := string(s) + "/" + c.component
	if n, ok := c.nodes[key]; ok {
		return n
	}
	n := constructs.NewConstruct(c.charts[s], jsii.String(c.component))
	c.nodes[key] = n
	return n
}

// Chart returns the chart of a stage.
func (c *Context) Chart(s Stage) cdk8s.Chart { return c.charts[s] }

// Add renders obj into stage s, within this Context's scope.
func (c *Context) Add(s Stage, obj Object) { Add(c.Scope(s), obj) }

// Warn records a message for the synth output.
func (c *Context) Warn(format string, args ...any) {
	c.warnings = append(c.warnings, fmt.Sprintf(format, args...))
}

// Warnings are the recorded messages.
func (c *Context) Warnings() []string { return c.warnings }

// Fail records an error found while building the objects (a configured
// value that does not fit what the constructs render); Render reports them
// all and writes nothing.
func (c *Context) Fail(err error) { c.errs = append(c.errs, err) }

// Err joins the recorded errors.
func (c *Context) Err() error { return errors.Join(c.errs...) }

// ServiceHost is the in-cluster DNS name of a Service in the namespace.
func (c *Context) ServiceHost(name string) string {
	return name + "." + c.Namespace + ".svc.cluster.local"
}

// ServiceURL is http://<service host>:<port><path>.
func (c *Context) ServiceURL(name string, port int, path string) string {
	return fmt.Sprintf("http://%s:%d%s", c.ServiceHost(name), port, path)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// JoinInts formats ports for messages.
func JoinInts(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = fmt.Sprint(x)
	}
	return strings.Join(s, ",")
}

// SecretRef is one value External Secrets reads from Secrets Manager.
type SecretRef struct {
	// Var is the template variable the value is bound to.
	Var string
	// Key is the Secrets Manager secret name or ARN.
	Key string
	// Property is the JSON key inside the secret.
	Property string
}

// SecretSpec describes one Kubernetes Secret materialized by an
// ExternalSecret. Templates render every key, so a Secret holds exactly the
// keys listed here and nothing else.
type SecretSpec struct {
	Name string
	Refs []SecretRef
	// Templates maps each Secret key to an External Secrets (v2, Go
	// text/template + sprig) template over the Refs' variables.
	Templates map[string]string
	// Owner is the Context that registered it: its ExternalSecret goes in
	// that Context's scope (a component's construct, or the chart).
	Owner *Context
}

// Keys lists the Secret keys the spec produces, sorted.
func (s SecretSpec) Keys() []string {
	return sortedKeys(s.Templates)
}

// AddSecret registers a Secret to be materialized; the platform renders one
// ExternalSecret per spec.
func (c *Context) AddSecret(s SecretSpec) {
	s.Owner = c
	c.secrets = append(c.secrets, s)
}

// Secrets returns the registered specs sorted by name.
func (c *Context) Secrets() []SecretSpec {
	out := append([]SecretSpec(nil), c.secrets...)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
