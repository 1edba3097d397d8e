// Package versions is the one place the project pins the versions of what
// it validates against and deploys alongside the manifests: the shell
// scripts source versions.env, make includes it, and Go reads it from here
// (embedded), so the External Secrets chart the deploy installs is the
// release whose CRDs, controller and chart the gate ran.
package versions

import (
	_ "embed"
	"fmt"
	"strings"
)

//go:embed versions.env
var file string

var pinned = parse(file)

// parse reads KEY=value lines; make includes the same file, so it holds
// nothing else (no quotes, no expansions).
func parse(s string) map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			panic(fmt.Sprintf("versions.env: %q is not KEY=value", line))
		}
		m[k] = v
	}
	return m
}

// Get returns a pinned value; a key the file lacks is a programming error.
func Get(key string) string {
	v, ok := pinned[key]
	if !ok {
		panic("versions.env has no " + key)
	}
	return v
}

// The versions the Go side uses.
var (
	// ExternalSecrets is the External Secrets Operator release (v-prefixed):
	// imports/ bindings, validation CRDs and controller, deployed chart.
	ExternalSecrets = Get("ESO_VERSION")
	// LoadBalancerController is the AWS Load Balancer Controller release
	// whose CRDs the gate installs and whose chart the deploy installs.
	LoadBalancerController = Get("LBC_VERSION")
	// VPCResourceController owns SecurityGroupPolicy and the instance
	// table of pod security groups (go.mod must require the same).
	VPCResourceController = Get("VPC_RC_VERSION")
	// Kubernetes is the release the validation apiserver runs.
	Kubernetes = Get("K8S_VERSION")
	// PostgresRDS is the PostgreSQL the database tests run, the RDS version.
	PostgresRDS = Get("POSTGRES_RDS_VERSION")
)

// Chart strips the v of a release tag: chart versions are bare semver.
func Chart(release string) string { return strings.TrimPrefix(release, "v") }
