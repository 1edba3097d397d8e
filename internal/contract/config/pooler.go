package config

import (
	"fmt"
	"net/netip"
	"regexp"
)

// Pooler configures Supavisor, the PostgreSQL connection pooler in front of
// RDS (k8s/components/supavisor.go). Clients log in as <role>.<Tenant>; the
// pooler holds a bounded set of server connections per role and mode on
// each replica and multiplexes its clients onto them.
type Pooler struct {
	// Enabled deploys Supavisor and its tenant.
	Enabled bool
	// Tenant is the tenant's external id: the part after the dot of the user
	// name clients log in with (app_user.<tenant>). No dots: Supavisor splits
	// the user name at the dot.
	Tenant string
	// StoragePoolSize is the server connections each replica holds for
	// supabase_storage_admin in transaction mode. Storage sends its queries
	// through the pooler whenever the pooler runs (DATABASE_POOL_URL; its
	// migrations stay on the direct URL): it is the one component whose
	// upstream supports a transaction-mode pooler (README, "Connection
	// pooling").
	StoragePoolSize int
	// AppPoolSize is the server connections each replica holds for the
	// application role, per mode: transaction (6543) and session (5432)
	// pools are separate, so one replica holds up to twice this.
	AppPoolSize int
	// AppMaxClients caps the application role's client connections per
	// replica and mode (in session mode Supavisor caps them at the pool).
	AppMaxClients int
	// ClientNamespaces are other namespaces of the cluster whose pods may
	// connect to the pooler's ports (NetworkPolicy); empty: none.
	ClientNamespaces []string
	// LoadBalancer optionally exposes the pooler to the VPC (and networks
	// routed to it) through an internal Network Load Balancer.
	LoadBalancer PoolerLoadBalancer
}

// PoolerLoadBalancer is an internal NLB in front of the pooler's ports,
// created by the AWS Load Balancer Controller from a Service annotation set.
// It passes TCP through: PostgreSQL clients ask for TLS inside the protocol
// (SSLRequest), which a TLS listener cannot answer, so Supavisor itself
// terminates TLS with the certificate `secrets init` issues (README,
// "Connection pooling").
type PoolerLoadBalancer struct {
	// Enabled creates the NLB (off by default: the pooler is reachable from
	// the cluster only).
	Enabled bool
	// SourceCIDRs are the only client networks the NLB's security group
	// admits (loadBalancerSourceRanges). Required; 0.0.0.0/0 is refused.
	SourceCIDRs []string
}

var (
	poolerTenantRe = regexp.MustCompile(`^[a-z][a-z0-9_-]{0,30}[a-z0-9]$`)
	namespaceRe    = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$`)
)

func (p Pooler) validate(size Component, add func(field, format string, args ...any)) {
	if !poolerTenantRe.MatchString(p.Tenant) {
		add("pooler.tenant", "%q: want 2..32 lower-case letters, digits, '-' or '_' and no dot (clients log in as <role>.<tenant>)", p.Tenant)
	}
	// Each replica holds its own pools (the replicas are not clustered), so
	// the server connections grow with the replica count: an autoscaler
	// would raise them exactly when the database is busiest.
	if size.Autoscaled() {
		add("supavisor.maxReplicas", "%d: the pooler runs a fixed number of replicas (each holds its own server pools); set replicas", size.MaxReplicas)
	}
	if p.StoragePoolSize < 1 || p.StoragePoolSize > MaxDBPoolSize {
		add("pooler.storagePoolSize", "%d: want 1..%d server connections per replica", p.StoragePoolSize, MaxDBPoolSize)
	}
	if p.AppPoolSize < 1 || p.AppPoolSize > MaxDBPoolSize {
		add("pooler.appPoolSize", "%d: want 1..%d server connections per replica and mode", p.AppPoolSize, MaxDBPoolSize)
	}
	if p.AppMaxClients < p.AppPoolSize || p.AppMaxClients > 10000 {
		add("pooler.appMaxClients", "%d: want appPoolSize (%d)..10000: fewer clients than server connections pools nothing", p.AppMaxClients, p.AppPoolSize)
	}
	for i, ns := range p.ClientNamespaces {
		if !namespaceRe.MatchString(ns) {
			add(fmt.Sprintf("pooler.clientNamespaces[%d]", i), "%q is not a namespace name", ns)
		}
	}
	lb := p.LoadBalancer
	if !lb.Enabled {
		if len(lb.SourceCIDRs) > 0 {
			add("pooler.loadBalancer.enabled", "false, but sourceCidrs are set: enable it or clear them")
		}
		return
	}
	if len(lb.SourceCIDRs) == 0 {
		add("pooler.loadBalancer.sourceCidrs", "empty: name the client networks the load balancer admits")
	}
	for i, cidr := range lb.SourceCIDRs {
		if pf, err := netip.ParsePrefix(cidr); err != nil || pf.Masked() != pf {
			add(fmt.Sprintf("pooler.loadBalancer.sourceCidrs[%d]", i), "%q is not a network in CIDR notation", cidr)
		} else if pf.Bits() == 0 {
			add(fmt.Sprintf("pooler.loadBalancer.sourceCidrs[%d]", i), "%q admits everyone: name the client networks", cidr)
		}
	}
}
