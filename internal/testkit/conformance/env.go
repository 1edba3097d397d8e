package conformance

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Environment variables that point the harness at its tools. make
// e2e-runtime sets them from internal/versions/versions.env; without them the
// tests skip, unless EnvRequire=1 (the gate) turns the skip into a failure.
const (
	// EnvRDSBinDir holds the PostgreSQL server binaries of the version RDS runs.
	EnvRDSBinDir = "SUPABASE_EKS_RDS_PG_BINDIR"
	// EnvClients is the directory whose node_modules hold the pinned clients
	// (scripts/tools/install.sh phase conformance-clients).
	EnvClients = "SUPABASE_EKS_CONFORMANCE_CLIENTS"
	// EnvRequire=1 makes missing tools a failure.
	EnvRequire = "SUPABASE_EKS_REQUIRE_CONFORMANCE"
)

func need(t testing.TB, what, env string) string {
	t.Helper()
	v := os.Getenv(env)
	if v != "" {
		if _, err := os.Stat(v); err == nil {
			return v
		}
	}
	msg := what + ": set " + env + " (make e2e-runtime does, after make tools)"
	if os.Getenv(EnvRequire) == "1" {
		t.Fatalf("%s; %s=1 requires it", msg, EnvRequire)
	}
	t.Skip(msg + "; skipping")
	return ""
}

func rdsBinDir(t testing.TB) string {
	t.Helper()
	return need(t, "PostgreSQL server binaries of the RDS version", EnvRDSBinDir)
}

func clientsDir(t testing.TB) string {
	t.Helper()
	d := need(t, "the pinned Node clients", EnvClients)
	for _, stack := range []string{"storage", "meta"} {
		if _, err := os.Stat(filepath.Join(d, stack, "node_modules")); err != nil {
			t.Fatalf("%s has no %s/node_modules: run make tools", d, stack)
		}
	}
	return d
}

// callerFile locates this package's directory (the client scripts sit in
// clients/ next to it) whatever the working directory.
func callerFile() (uintptr, string, int, bool) { return runtime.Caller(0) }
