package conformance

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The imitation must be as strict as RDS where the components can tell:
// plain text refused, the superuser unreachable over TCP, the certificate
// verifiable only with the stand-in CA and only for the endpoint's name.
func TestRDSImitationIsStrict(t *testing.T) {
	bin := rdsBinDir(t)
	r := StartRDS(t, RDSOptions{BinDir: bin, Endpoint: "db.example.internal", Port: 5432, Database: "postgres", Master: "supabase_master", MasterPassword: "m'aster pw"})
	ca := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(ca, r.CAPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	psql := func(user, pw string, env ...string) (string, error) {
		res, err := r.Server.Psql(user, pw, "postgres", append(r.LibpqEnv(), append([]string{"PGHOST=" + r.Endpoint}, env...)...), "",
			"-A", "-t", "-c", "SELECT current_user || ' ' || ssl::text FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
		return strings.TrimSpace(res.Stdout + res.Stderr), err
	}
	if out, err := psql(r.Master, r.MasterPassword); err != nil || out != "supabase_master true" {
		t.Fatalf("master over TLS (sslmode=require): %q, %v", out, err)
	}
	if out, err := psql(r.Master, r.MasterPassword, "PGSSLMODE=verify-full", "PGSSLROOTCERT="+ca); err != nil || out != "supabase_master true" {
		t.Fatalf("master with verify-full against the stand-in CA: %q, %v", out, err)
	}
	if out, err := psql(r.Master, r.MasterPassword, "PGSSLMODE=disable"); err == nil || !strings.Contains(out, "no pg_hba.conf entry") {
		t.Fatalf("plain text must be refused like rds.force_ssl=1 does: %q, %v", out, err)
	}
	if out, err := psql(r.Server.Superuser, r.Server.SuperuserPassword); err == nil || !strings.Contains(out, "rejects connection") {
		t.Fatalf("the superuser must not be reachable over TCP: %q, %v", out, err)
	}
	if out, err := psql(r.Master, r.MasterPassword, "PGSSLMODE=verify-full", "PGSSLROOTCERT="+ca, "PGHOST=other.example.internal"); err == nil || !strings.Contains(out, "does not match host name") {
		t.Fatalf("the certificate must name only the endpoint: %q, %v", out, err)
	}
	if out, err := psql(r.Master, r.MasterPassword, "PGSSLMODE=verify-ca", "PGSSLROOTCERT=system"); err == nil {
		t.Fatalf("the stand-in CA must not be trusted by default, as the RDS CA is not: %q", out)
	}
	if got := r.Server.SuperQuery(t, "postgres", "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'postgres'"); got != "supabase_master" {
		t.Errorf("database owner %q, want the master", got)
	}
}
