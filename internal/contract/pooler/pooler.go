// Package pooler is what the Kubernetes half and the operations CLI agree on
// about the connection pooler: its Service, the login shape its tenant
// expects and the connection URLs built from them.
package pooler

import (
	"fmt"
	"net/url"

	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
)

// Service is the pooler's Deployment, Service and pod name.
const Service = "supavisor"

// Ports of the Service (the pods listen on the same numbers).
const (
	// SessionPort keeps one server connection per client session.
	SessionPort = 5432
	// TransactionPort lends a server connection per transaction.
	TransactionPort = 6543
	// APIPort serves Supavisor's HTTP API (tenants, /api/health).
	APIPort = 4000
)

// TenantBodyKey is the Secret key holding the body of the tenant Job's
// PUT /api/tenants/<tenant>: the tenant's users and their pool sizes, which
// internal/capacity reads back from the rendered ExternalSecret.
const TenantBodyKey = "tenant.json"

// ServiceHost is the Service's in-cluster DNS name.
func ServiceHost() string { return Service + "." + outputs.Namespace + ".svc.cluster.local" }

// User is the user name a client logs in with: the database role, a dot,
// the tenant. Supavisor splits it at the dot to find the tenant.
func User(role, tenant string) string { return role + "." + tenant }

// URL is a postgres:// URL for role through the pooler. password goes into
// the URL as given: the caller escapes it (url.PathEscape-like user-info
// escaping, or an External Secrets template that does). The pooler's
// client side is plain TCP inside the cluster (no server certificate is
// configured), hence sslmode=disable: said explicitly so that a client
// defaulting to verify-full does not fail obscurely.
func URL(role, tenant, password, host string, port int, database string) string {
	return fmt.Sprintf("postgres://%s:%s@%s:%d/%s?sslmode=disable", url.PathEscape(User(role, tenant)), password, host, port, url.PathEscape(database))
}

// EscapePassword escapes a password for the user-info part of URL.
func EscapePassword(p string) string { return url.UserPassword("u", p).String()[2:] }
