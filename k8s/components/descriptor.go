package components

import (
	"fmt"

	"github.com/supabase-eks/supabase-eks/internal/contract/config"
)

// Descriptor is what the rest of the program needs to know about one
// Supabase component. The flow matrix (platform.Edges), the pod groups, the
// database clients, Kong's routes and the autoscaling rule are derived from
// the Registry; Build renders the component itself. Adding a component is
// its own file (a Descriptor and its Build) plus one Registry line, and its
// sizes in internal/contract/config (the configuration's own typed fields).
type Descriptor struct {
	// Name is the Deployment's, the Service's and the pods'
	// app.kubernetes.io/name.
	Name  string
	Image string
	// Port is what its Service serves and its callers dial.
	Port int
	// MetricsPort is the listener the metrics scraper may reach (0: none).
	MetricsPort int
	// Public are the ports the load balancer reaches.
	Public []int
	// DatabaseRole is the PostgreSQL role it logs in as; empty: it never
	// connects to the database.
	DatabaseRole string
	// Calls are the other components it opens connections to (beyond Kong
	// to the components it routes to). A call to a component that is off
	// is dropped.
	Calls []Call
	// Internet are the ports it opens to addresses outside the VPC.
	Internet func(w config.Workloads) []int
	// Routes are Kong's routes to it, in order.
	Routes func(c *Context) []kongRoute
	// Autoscaled components take user traffic directly: an HPA is required.
	Autoscaled bool
	// Enabled reports whether the environment runs it (nil: always).
	Enabled func(w config.Workloads) bool
	// Size is its sizing in the configuration.
	Size func(w config.Workloads) config.Component
	// Build renders it, from this descriptor.
	Build func(c *Context, d Descriptor)
}

// Call is a connection a component opens to another.
type Call struct {
	To    string
	Ports []int
}

// Registry lists every component, in render order. It is filled in init:
// the descriptors' Build functions read it (Kong routes to every component).
var Registry []Descriptor

func init() {
	Registry = []Descriptor{
		kongComponent, authComponent, restComponent, realtimeComponent, storageComponent,
		imgproxyComponent, metaComponent, studioComponent, functionsComponent, analyticsComponent,
		supavisorComponent,
	}
}

// Enabled lists the components the environment runs, in Registry order.
func Enabled(w config.Workloads) []Descriptor {
	var out []Descriptor
	for _, d := range Registry {
		if d.Enabled == nil || d.Enabled(w) {
			out = append(out, d)
		}
	}
	return out
}

// https is the egress of a component that calls AWS or fetches over HTTPS.
func https(config.Workloads) []int { return []int{443} }

// checkAutoscaled fails the render when a component that takes user
// traffic directly has no autoscaler: a spike would find it at a fixed size.
func (c *Context) checkAutoscaled(d Descriptor) {
	if d.Autoscaled && !d.Size(c.W).Autoscaled() {
		c.Fail(fmt.Errorf("workloads.%s.maxReplicas: %s takes user traffic and needs an autoscaler (maxReplicas > 0)", d.Name, d.Name))
	}
}
