package conformance

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"net/http"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The environment whose rendering is run. dev and prod render the same
// components and connections; dev is what a first deploy uses. The flags
// point the harness at another rendering (go test ./internal/testkit/conformance
// -args -dist DIR -outputs FILE), e.g. an older one to see what it misses.
var (
	distDir     = flag.String("dist", filepath.Join("..", "..", "..", "dist", "dev"), "rendered manifests to run")
	outputsFile = flag.String("outputs", filepath.Join("..", "..", "..", "examples", "outputs", "dev.json"), "outputs file the manifests were rendered from")
)

const (
	userA = "0a0a0a0a-0000-4000-8000-00000000000a"
	userB = "0b0b0b0b-0000-4000-8000-00000000000b"
	notes = "public.conformance_notes"
)

// TestRuntimeConformance runs dist/dev's database clients, as rendered,
// against an RDS imitation (see RDS): the bootstrap Job, the init
// containers, GoTrue's and Realtime's migration statements, storage-api's
// client stack, postgres-meta from npm, Studio's path through it, and a
// PostgREST emulation with JWTs signed by the rendered secrets. Then it
// breaks a copy three ways and requires the matching check to fail.
func TestRuntimeConformance(t *testing.T) {
	h := NewHarness(t, *distDir, *outputsFile)
	d := h.Dist
	if major := h.RDS.Major(t); major < 16 {
		t.Fatalf("the RDS imitation runs PostgreSQL %d; the rendered stack targets the RDS version (16+), set %s", major, EnvRDSBinDir)
	}

	t.Run("client stacks pinned for the rendered images", func(t *testing.T) {
		if err := h.CheckClientPins(d); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("RDS CA bundle rendered and pinned", func(t *testing.T) {
		if h.CAErr != nil {
			t.Fatal(h.CAErr)
		}
	})

	ok := t.Run("bootstrap Job as rendered, twice", func(t *testing.T) {
		for i := 1; i <= 2; i++ {
			out, err := h.Bootstrap(t, d)
			if err != nil {
				t.Fatalf("run %d: %v", i, err)
			}
			h.assertNoSecrets(t, out)
		}
	})
	if !ok {
		t.FailNow()
	}

	t.Run("init containers (libpq, sslmode=require)", func(t *testing.T) {
		ran, err := h.CheckInitContainers(d)
		if err != nil {
			t.Fatal(err)
		}
		if len(ran) < 5 {
			t.Fatalf("ran %d init containers (%v); want every component's wait-for-database", len(ran), ran)
		}
	})

	t.Run("GoTrue migrations as supabase_auth_admin", func(t *testing.T) {
		if err := h.CheckGoTrueMigrations(d); err != nil {
			t.Fatal(err)
		}
	})

	storage := h.Container(d, "deployment/storage", "storage")
	t.Run("storage-api client stack (node-postgres 8.16.3, NODE_EXTRA_CA_CERTS)", func(t *testing.T) {
		if err := h.CheckStorage(storage); err != nil {
			t.Fatal(err)
		}
	})

	meta := h.StartMeta(h.Container(d, "deployment/meta", "meta"))
	rest := h.Container(d, "deployment/rest", "rest")
	t.Run("postgres-meta: roles, CREATE TABLE, schema reload reaches PostgREST", func(t *testing.T) {
		code, body, err := meta.Call(http.MethodGet, "/roles", nil, nil)
		if err != nil || code != http.StatusOK || !strings.Contains(string(body), `"name":"supabase_admin"`) {
			t.Fatalf("GET /roles: %d %v %s\n%s", code, err, truncate(string(body)), meta.Log())
		}
		listener := h.listen(t, rest)
		if _, err := meta.Query(`
CREATE TABLE `+notes+` (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner uuid NOT NULL DEFAULT auth.uid(),
  body text NOT NULL);
ALTER TABLE `+notes+` ENABLE ROW LEVEL SECURITY;
CREATE POLICY "owners use their notes" ON `+notes+` FOR ALL TO authenticated
  USING (owner = auth.uid()) WITH CHECK (owner = auth.uid());`, ""); err != nil {
			t.Fatalf("CREATE TABLE through postgres-meta: %v\n%s", err, meta.Log())
		}
		if err := listener.await("pgrst:reload schema", 10*time.Second); err != nil {
			t.Fatalf("PostgREST would not see the new table: %v", err)
		}
		code, body, err = meta.Call(http.MethodGet, "/tables?included_schemas=public", nil, nil)
		if err != nil || code != http.StatusOK || !strings.Contains(string(body), `"name":"conformance_notes"`) {
			t.Fatalf("GET /tables: %d %v %s", code, err, truncate(string(body)))
		}
	})

	studio := h.Container(d, "deployment/studio", "studio")
	t.Run("Studio's editors through postgres-meta (x-connection-encrypted)", func(t *testing.T) {
		if err := h.CheckStudio(meta, studio, notes); err != nil {
			t.Fatalf("%v\n%s", err, meta.Log())
		}
	})

	auth := h.Container(d, "deployment/auth", "auth")
	t.Run("PostgREST emulation: JWT roles and row level security", func(t *testing.T) {
		h.checkRLS(t, auth, storage, rest)
	})

	realtime := h.Container(d, "deployment/realtime", "realtime")
	t.Run("Realtime's role and ownership migration as supabase_admin", func(t *testing.T) {
		if err := h.CheckRealtime(realtime); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("bootstrap Job again after the components' migrations", func(t *testing.T) {
		const fingerprint = `SELECT string_agg(p.oid || ':' || md5(p.prosrc), ',' ORDER BY p.proname) FROM pg_proc p WHERE p.pronamespace = 'auth'::regnamespace`
		before := h.RDS.Server.SuperQuery(t, h.Out.DBName, fingerprint)
		out, err := h.Bootstrap(t, d)
		if err != nil {
			t.Fatal(err)
		}
		h.assertNoSecrets(t, out)
		if after := h.RDS.Server.SuperQuery(t, h.Out.DBName, fingerprint); after != before {
			t.Errorf("the bootstrap changed GoTrue's functions: %s -> %s", before, after)
		}
		if got := h.RDS.Server.SuperQuery(t, h.Out.DBName, `SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'realtime.channels'::regclass`); got != "supabase_realtime_admin" {
			t.Errorf("realtime.channels owner %q after the re-run", got)
		}
		h.checkRLS(t, auth, storage, rest)
		if err := h.CheckStorage(storage); err != nil {
			t.Error(err)
		}
	})

	// Negative cases: each check must fail on the defect it exists for.
	t.Run("negative: storage without the CA bundle mount", func(t *testing.T) {
		caFile, ok := storage.Get("NODE_EXTRA_CA_CERTS")
		if !ok {
			t.Fatal("storage has no NODE_EXTRA_CA_CERTS to break")
		}
		err := h.CheckStorage(storage.WithoutMount(path.Dir(caFile)))
		if err == nil || !regexp.MustCompile(`UNABLE_TO_VERIFY_LEAF_SIGNATURE|unable to verify|self[- ]signed`).MatchString(err.Error()) {
			t.Fatalf("storage without the CA bundle: want a certificate verification failure, got %v", err)
		}
	})
	// Only where the environment renders the pooler (the gate fails on a
	// skipped test).
	if h.Pooler != nil {
		t.Run("negative: storage through the pooler", func(t *testing.T) {
			poolURL, ok := storage.Get("DATABASE_POOL_URL")
			if !ok {
				t.Fatal("the pooler is rendered but storage has no DATABASE_POOL_URL")
			}
			// A user name without the tenant is refused at the pooler.
			bare := strings.Replace(poolURL, "."+h.Pooler.Tenant+":", ":", 1)
			if err := h.CheckStorage(storage.With("DATABASE_POOL_URL", bare)); err == nil || !strings.Contains(err.Error(), "Tenant or user not found") {
				t.Errorf("pool URL without the tenant: want the pooler's refusal, got %v", err)
			}
			// Storage sets no search path through an external pooler: without
			// the role's own (the bootstrap's), its unqualified tables vanish.
			h.RDS.Server.SuperQuery(t, h.Out.DBName, `ALTER ROLE supabase_storage_admin RESET search_path`)
			err := h.CheckStorage(storage)
			h.RDS.Server.SuperQuery(t, h.Out.DBName, `ALTER ROLE supabase_storage_admin SET search_path = storage`)
			if err == nil || !strings.Contains(err.Error(), `relation "buckets" does not exist`) {
				t.Errorf("pooled storage without the role's search path: want a missing relation, got %v", err)
			}
		})
	}
	t.Run("negative: Studio without POSTGRES_HOST", func(t *testing.T) {
		err := h.CheckStudio(meta, studio.Without("POSTGRES_HOST"), notes)
		if err == nil || !regexp.MustCompile(`getaddrinfo (ENOTFOUND|EAI_AGAIN) db\b`).MatchString(err.Error()) {
			t.Fatalf("Studio without POSTGRES_HOST: want a failure connecting to host db, got %v", err)
		}
	})
	t.Run("negative: bootstrap without the PostgreSQL 16+ role grant", func(t *testing.T) {
		h2 := NewHarness(t, *distDir, *outputsFile)
		removed := 0
		for name, data := range h2.Dist.ConfigMaps {
			for key, v := range data {
				var kept []string
				for _, line := range strings.Split(v, "\n") {
					if strings.Contains(line, "createrole_self_grant = %L") {
						removed++
						continue
					}
					kept = append(kept, line)
				}
				h2.Dist.ConfigMaps[name][key] = strings.Join(kept, "\n")
			}
		}
		if removed != 1 {
			t.Fatalf("removed %d createrole_self_grant statements from the rendered SQL, want 1", removed)
		}
		if _, err := h2.Bootstrap(t, h2.Dist); err != nil {
			t.Fatal(err)
		}
		err := h2.CheckRealtime(h2.Container(h2.Dist, "deployment/realtime", "realtime"))
		if err == nil || !strings.Contains(err.Error(), "must be able to SET ROLE") {
			t.Fatalf("Realtime's migration on a bootstrap without the fix: want \"must be able to SET ROLE\", got %v", err)
		}
	})
}

// checkRLS sends user A's token as GoTrue signs it with its rendered
// signing key (ES256, with kid), user B's as a session from before the
// signing key (HS256 under the legacy secret), the anon and service_role
// keys Storage is rendered with, and forged tokens through the PostgREST
// emulation, which verifies them against the rendered JWKS.
func (h *Harness) checkRLS(t *testing.T, auth, storage, rest *Container) {
	t.Helper()
	secret, _ := auth.Get("GOTRUE_JWT_SECRET")
	anon, _ := storage.Get("ANON_KEY")
	service, _ := storage.Get("SERVICE_KEY")
	gotrue, err := NewGoTrue(auth)
	if err != nil {
		t.Fatal(err)
	}
	a, err := gotrue.Sign(userA, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if KidOf(a) == "" {
		t.Fatalf("GoTrue as rendered signs without a kid: %s", a)
	}
	b, _ := UserToken(secret, userB)
	forged, _ := UserToken("not-"+secret, userA)
	forgedKid, err := forgeWithKid(KidOf(a), userA)
	if err != nil {
		t.Fatal(err)
	}
	count := `SELECT count(*)::int AS n, coalesce(string_agg(owner::text, ',' ORDER BY owner), '') AS owners FROM ` + notes
	res, err := h.Rest(rest, []RestRequest{
		{Name: "A writes", Token: a, SQL: `INSERT INTO ` + notes + ` (body) VALUES ('from A') RETURNING owner::text`},
		{Name: "B writes", Token: b, SQL: `INSERT INTO ` + notes + ` (body) VALUES ('from B') RETURNING owner::text`},
		{Name: "B writes as A", Token: b, SQL: `INSERT INTO ` + notes + ` (owner, body) VALUES ('` + userA + `', 'spoof')`},
		{Name: "A reads", Token: a, SQL: count},
		{Name: "B reads", Token: b, SQL: count},
		{Name: "anon key reads", Token: anon, SQL: count},
		{Name: "no token reads", SQL: count},
		{Name: "service_role key reads", Token: service, SQL: count},
		{Name: "forged token", Token: forged, SQL: count},
		{Name: "forged token with the signing key's kid", Token: forgedKid, SQL: count},
	})
	if err != nil {
		t.Fatal(err)
	}
	expect := func(name, role string, rows int, owners string) {
		t.Helper()
		r, ok := res[name]
		if !ok || !r.OK {
			t.Errorf("%s: failed: %s", name, r.Error)
			return
		}
		if r.Role != role {
			t.Errorf("%s: ran as %s, want %s", name, r.Role, role)
		}
		if owners != "" && (len(r.Rows) != 1 || r.Rows[0]["owners"] == nil || !strings.Contains(r.Rows[0]["owners"].(string), owners)) {
			t.Errorf("%s: rows %v, want owners containing %s", name, r.Rows, owners)
		}
		if rows >= 0 && (len(r.Rows) != 1 || r.Rows[0]["n"] != float64(rows)) {
			t.Errorf("%s: %v, want %d rows", name, r.Rows, rows)
		}
	}
	if r := res["A writes"]; !r.OK || len(r.Rows) != 1 || r.Rows[0]["owner"] != userA {
		t.Errorf("A's insert: %+v; auth.uid() must be A's sub", r)
	}
	if r := res["B writes as A"]; r.OK || !strings.Contains(r.Error, "row-level security") {
		t.Errorf("B inserting a row owned by A: %+v, want a row-level security violation", r)
	}
	expect("A reads", "authenticated", -1, userA)
	expect("B reads", "authenticated", -1, userB)
	for n, user := range map[string]string{"A reads": userA, "B reads": userB} {
		if r := res[n]; r.OK && len(r.Rows) == 1 {
			for _, owner := range strings.Split(r.Rows[0]["owners"].(string), ",") {
				if owner != user {
					t.Errorf("%s sees another user's notes: %v", n, r.Rows)
				}
			}
		}
	}
	expect("anon key reads", "anon", 0, "")
	expect("no token reads", "anon", 0, "")
	if r := res["service_role key reads"]; !r.OK || r.Role != "service_role" || len(r.Rows) != 1 ||
		!strings.Contains(r.Rows[0]["owners"].(string), userA) || !strings.Contains(r.Rows[0]["owners"].(string), userB) {
		t.Errorf("service_role key: %+v, want every user's notes (BYPASSRLS)", r)
	}
	if r := res["forged token"]; r.OK {
		t.Errorf("a token signed with another secret was accepted: %+v", r)
	}
	if r := res["forged token with the signing key's kid"]; r.OK {
		t.Errorf("an ES256 token from another key claiming the signing key's kid was accepted: %+v", r)
	}

	// The API login can become the API roles and nothing else.
	url, _ := rest.Get("PGRST_DB_URI")
	for _, target := range []string{"supabase_admin", h.Out.DBMasterUsername, "supabase_auth_admin", "supabase_storage_admin"} {
		if out, err := h.Psql(nil, "SET ROLE "+target+";", "-d", url); err == nil || !strings.Contains(out, "permission denied") {
			t.Errorf("authenticator SET ROLE %s: %q, %v; want permission denied", target, out, err)
		}
	}
}

// listener is the PostgREST emulation's LISTEN pgrst connection.
type listener struct {
	lines chan string
}

func (h *Harness) listen(t *testing.T, rest *Container) *listener {
	t.Helper()
	cmd := exec.Command("node", filepath.Join(h.Scripts, "rest.cjs"), "listen")
	local, err := h.localFiles(rest)
	if err != nil {
		t.Fatal(err)
	}
	cmd.Env = h.nodeEnv("storage", local)
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	stderr := &syncBuffer{}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stdin.Close(); _ = cmd.Wait() })
	l := &listener{lines: make(chan string, 16)}
	go func() {
		s := bufio.NewScanner(stdout)
		for s.Scan() {
			l.lines <- s.Text()
		}
		close(l.lines)
	}()
	if err := l.await("listening", 20*time.Second); err != nil {
		t.Fatalf("PostgREST emulation could not LISTEN: %v\n%s", err, stderr.String())
	}
	return l
}

func (l *listener) await(want string, timeout time.Duration) error {
	deadline := time.After(timeout)
	var seen []string
	for {
		select {
		case line, ok := <-l.lines:
			if !ok {
				return fmt.Errorf("the connection closed; saw %q", seen)
			}
			if line == want {
				return nil
			}
			seen = append(seen, line)
		case <-deadline:
			return fmt.Errorf("no %q within %s; saw %q", want, timeout, seen)
		}
	}
}

// assertNoSecrets fails if output shows any password the harness seeded.
func (h *Harness) assertNoSecrets(t *testing.T, out string) {
	t.Helper()
	values := []string{MasterPassword}
	for _, v := range h.Dist.Secrets["supabase-db"] {
		if len(v) >= 16 && !strings.Contains(v, "://") {
			values = append(values, v)
		}
	}
	for _, v := range values {
		if strings.Contains(out, v) {
			sum := sha256.Sum256([]byte(v))
			t.Errorf("output shows a seeded password (sha256 %s)", hex.EncodeToString(sum[:4]))
		}
	}
}
