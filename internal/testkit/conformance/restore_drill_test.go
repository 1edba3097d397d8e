package conformance

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/supabase-eks/supabase-eks/internal/ops/restore"
	"github.com/supabase-eks/supabase-eks/internal/ops/runner"
	"github.com/supabase-eks/supabase-eks/internal/testkit/pgtest"
)

// EnvPGDumpBinDir points the restore drill at pg_dump and pg_restore (the
// backup image's are PostgreSQL 17); default: the machine's PostgreSQL
// client binaries.
const EnvPGDumpBinDir = "SUPABASE_EKS_PG_DUMP_BINDIR"

// drillUsers are the drill's GoTrue users and their passwords.
var drillUsers = [][3]string{
	{userA, "a@example.com", "correct horse battery staple"},
	{userB, "b@example.com", `p@ss "w0rd" with 'quotes'`},
	{"0c0c0c0c-0000-4000-8000-00000000000c", "c@example.com", "third user's password"},
}

// gotrueDrillSQL adds to gotrueMigrationSQL what GoTrue's migrations create
// that a restore must carry: the password hash column, and a table with a
// sequence (refresh tokens), as supabase_auth_admin with its search_path.
const gotrueDrillSQL = `
ALTER TABLE users ADD COLUMN IF NOT EXISTS encrypted_password varchar(255);
CREATE TABLE IF NOT EXISTS refresh_tokens (id bigserial PRIMARY KEY, token varchar(255) UNIQUE,
  user_id varchar(255), revoked boolean, created_at timestamptz DEFAULT now());
`

// publicDrillSQL is what a project's own schema looks like when made in
// Studio (as supabase_admin): tables with RLS policies over auth.uid(), a
// foreign key into auth.users, a grant narrowed from the default
// privileges, a table in the Realtime publication, enough rows for the
// dump to hold real data, and a policy on Storage's objects.
const publicDrillSQL = `
CREATE TABLE public.todos (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner uuid NOT NULL DEFAULT auth.uid() REFERENCES auth.users (id),
  task text NOT NULL,
  done boolean NOT NULL DEFAULT false);
ALTER TABLE public.todos ENABLE ROW LEVEL SECURITY;
CREATE POLICY "owners read their todos" ON public.todos FOR SELECT TO authenticated USING (owner = auth.uid());
CREATE POLICY "owners write their todos" ON public.todos FOR INSERT TO authenticated WITH CHECK (owner = auth.uid());
REVOKE TRUNCATE, DELETE ON public.todos FROM anon;
ALTER PUBLICATION supabase_realtime ADD TABLE public.todos;
INSERT INTO public.todos (owner, task, done)
  SELECT (ARRAY['` + userA + `', '` + userB + `'])[1 + i % 2]::uuid, 'task ' || i || E' with \t tab and ''quote''', i % 3 = 0
  FROM generate_series(1, 5000) i;
CREATE TABLE public.events (id uuid PRIMARY KEY DEFAULT extensions.gen_random_uuid(), at timestamptz NOT NULL, payload jsonb);
ALTER TABLE public.events ENABLE ROW LEVEL SECURITY;
CREATE POLICY "service only" ON public.events AS RESTRICTIVE FOR ALL TO anon, authenticated USING (false);
INSERT INTO public.events (at, payload)
  SELECT timestamptz '2026-01-01 00:00:00+00' + i * interval '1 minute', jsonb_build_object('n', i, 'tags', ARRAY['x', 'y'])
  FROM generate_series(1, 20000) i;
-- Storage access rules are policies written in Studio, not by Storage.
CREATE POLICY "owners read their objects" ON storage.objects FOR SELECT TO authenticated USING (owner = auth.uid());
`

// storageDrillSQL adds what Storage writes on uploads: buckets and object
// rows (as supabase_storage_admin).
const storageDrillSQL = `
INSERT INTO buckets (id, name, owner, public) VALUES ('avatars', 'avatars', '` + userA + `', false);
INSERT INTO objects (bucket_id, name, owner, metadata)
  SELECT 'avatars', 'user-' || i || '/avatar.png', '` + userA + `', jsonb_build_object('size', i * 100, 'mimetype', 'image/png')
  FROM generate_series(1, 200) i;
`

// drillFingerprintSQL is what must be equal after a restore, one line per
// item, run as the superuser on both servers: per table (auth, storage,
// public) its row count and the md5 of its rows in order, owner and RLS
// flag and ACL (ACL items sorted: their order carries no meaning); policies; sequences' positions; schema ACLs; default
// privileges; the publication and its tables; roles and memberships.
const drillFingerprintSQL = `
CREATE TEMP TABLE fp (line text);
DO $fp$
DECLARE
  r record;
  n bigint;
  h text;
BEGIN
  FOR r IN SELECT c.oid::regclass AS rel, n.nspname, c.relname, pg_get_userbyid(c.relowner) AS owner, c.relrowsecurity, (SELECT string_agg(a::text, ',' ORDER BY a::text) FROM unnest(c.relacl) a) AS acl
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND n.nspname IN ('auth', 'storage', 'public') ORDER BY 2, 3 LOOP
    EXECUTE format('SELECT count(*), md5(coalesce(string_agg(t::text, E''\n'' ORDER BY t::text), '''')) FROM %s t', r.rel) INTO n, h;
    INSERT INTO fp VALUES (format('table %s.%s rows=%s md5=%s owner=%s rls=%s acl=%s', r.nspname, r.relname, n, h, r.owner, r.relrowsecurity, r.acl));
  END LOOP;
  FOR r IN SELECT c.oid::regclass AS rel FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind = 'S' AND n.nspname IN ('auth', 'storage', 'public') ORDER BY 1::text LOOP
    EXECUTE format('SELECT last_value FROM %s', r.rel) INTO n;
    INSERT INTO fp VALUES (format('sequence %s last_value=%s', r.rel, n));
  END LOOP;
END
$fp$;
INSERT INTO fp SELECT format('policy %s.%s %s %s %s roles=%s using=%s check=%s', schemaname, tablename, policyname, permissive, cmd, roles, qual, with_check)
  FROM pg_policies WHERE schemaname IN ('auth', 'storage', 'public');
INSERT INTO fp SELECT format('schema %s owner=%s acl=%s', nspname, pg_get_userbyid(nspowner), (SELECT string_agg(a::text, ',' ORDER BY a::text) FROM unnest(nspacl) a))
  FROM pg_namespace WHERE nspname IN ('auth', 'storage', 'public', 'extensions', '_realtime', 'graphql_public');
INSERT INTO fp SELECT format('default acl %s %s %s %s', pg_get_userbyid(defaclrole), defaclnamespace::regnamespace, defaclobjtype, (SELECT string_agg(a::text, ',' ORDER BY a::text) FROM unnest(defaclacl) a))
  FROM pg_default_acl;
INSERT INTO fp SELECT format('publication %s owner=%s', pubname, pg_get_userbyid(pubowner)) FROM pg_publication;
INSERT INTO fp SELECT format('publication table %s %s.%s', pubname, schemaname, tablename) FROM pg_publication_tables;
INSERT INTO fp SELECT format('role %s super=%s login=%s createrole=%s bypassrls=%s inherit=%s', rolname, rolsuper, rolcanlogin, rolcreaterole, rolbypassrls, rolinherit)
  FROM pg_roles WHERE rolname NOT LIKE 'pg\_%';
INSERT INTO fp SELECT format('member %s in %s admin=%s', pg_get_userbyid(member), pg_get_userbyid(roleid), admin_option)
  FROM pg_auth_members WHERE pg_get_userbyid(member) NOT LIKE 'pg\_%';
INSERT INTO fp SELECT format('function %s.%s(%s) owner=%s acl=%s', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid), pg_get_userbyid(p.proowner), (SELECT string_agg(a::text, ',' ORDER BY a::text) FROM unnest(p.proacl) a))
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname IN ('auth', 'storage', 'public');
SELECT line FROM fp ORDER BY line;
`

// TestRestoreDrill is the logical-dump restore drill: a bootstrapped RDS
// imitation populated the way the components populate it, dumped with the
// backup CronJob's rendered pg_dump command and environment, restored with
// internal/ops/restore into a second freshly bootstrapped imitation, and
// compared. Then: a non-empty target is refused without force and replaced
// with it, a restore failing half-way leaves the target as it was, and a
// truncated dump fails loudly before touching the database.
func TestRestoreDrill(t *testing.T) {
	serverBin, clientBin, major := restoreBinDirs(t)
	t.Logf("drill on PostgreSQL %d (server %s, pg_dump/pg_restore %s)", major, serverBin, clientBin)
	start := time.Now()

	src := NewHarnessAt(t, *distDir, *outputsFile, serverBin)
	if _, err := src.Bootstrap(t, src.Dist); err != nil {
		t.Fatalf("bootstrap of the source: %v", err)
	}
	d := src.Dist
	if err := src.CheckGoTrueMigrations(d); err != nil {
		t.Fatal(err)
	}
	authURL, _ := src.Container(d, "deployment/auth", "auth").Get("GOTRUE_DB_DATABASE_URL")
	var users strings.Builder
	users.WriteString(gotrueDrillSQL)
	for _, u := range drillUsers {
		// GoTrue hashes with bcrypt at its default cost and stores the
		// hash in encrypted_password.
		hash, err := bcrypt.GenerateFromPassword([]byte(u[2]), bcrypt.DefaultCost)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&users, "INSERT INTO users (instance_id, id, aud, role, email, encrypted_password) VALUES ('00000000-0000-0000-0000-000000000000', '%s', 'authenticated', 'authenticated', '%s', '%s');\n", u[0], u[1], hash)
		fmt.Fprintf(&users, "INSERT INTO refresh_tokens (token, user_id, revoked) VALUES ('tok-%s', '%s', false);\n", u[0][:8], u[0])
	}
	if out, err := src.Psql(nil, users.String(), "-d", authURL); err != nil {
		t.Fatalf("GoTrue's users as supabase_auth_admin: %v: %s", err, out)
	}
	storage := src.Container(d, "deployment/storage", "storage")
	if err := src.CheckStorage(storage); err != nil {
		t.Fatal(err)
	}
	storageURL, _ := storage.Get("DATABASE_URL")
	if out, err := src.Psql(nil, storageDrillSQL, "-d", storageURL); err != nil {
		t.Fatalf("Storage's rows as supabase_storage_admin: %v: %s", err, out)
	}
	studioEnv, err := RealtimeEnv(src.Container(d, "deployment/realtime", "realtime"))
	if err != nil {
		t.Fatal(err)
	}
	if out, err := src.Psql(studioEnv, publicDrillSQL); err != nil {
		t.Fatalf("public tables as supabase_admin (Studio's login): %v: %s", err, out)
	}
	want := src.RDS.Server.SuperQuery(t, src.Out.DBName, drillFingerprintSQL)
	for _, item := range []string{"table auth.users rows=3 ", "table public.todos rows=5000 ", "table public.events rows=20000 ", "table storage.objects rows=200 ",
		"publication table supabase_realtime public.todos", "policy public.todos owners read their todos", "owner=supabase_auth_admin"} {
		if !strings.Contains(want, item) {
			t.Fatalf("the populated source lacks %q; fingerprint:\n%s", item, want)
		}
	}
	populated := time.Since(start)

	// The dump: the CronJob's pg-dump init container, its command line and
	// its environment as rendered (the master's libpq variables from the
	// master Secret), with the scratch volume's mount path on a local
	// directory.
	scratch := t.TempDir()
	dumpCtr := src.Container(d, "cronjob/db-backup", "pg-dump")
	argv := dumpArgv(t, dumpCtr, scratch)
	if !strings.Contains(strings.Join(argv, " "), "--format=custom") {
		t.Fatalf("the backup CronJob no longer dumps in custom format (%q); the restore reads custom-format archives", argv)
	}
	dumpStart := time.Now()
	env := append(append(src.baseEnv(), dumpCtr.EnvList()...), src.RDS.LibpqEnv()...)
	if out, err := src.Exec(5*time.Minute, env, "", filepath.Join(clientBin, argv[0]), argv[1:]...); err != nil {
		t.Fatalf("the CronJob's pg_dump (%q): %v\n%s", argv, err, out)
	}
	dumpTook := time.Since(dumpStart)
	dumpFile := dumpedFile(t, argv, scratch)
	info, err := os.Stat(dumpFile)
	if err != nil {
		t.Fatalf("pg_dump wrote no %s: %v", dumpFile, err)
	}

	// The target: a fresh imitation, bootstrapped by the rendered Job, as
	// after a lost database; restored as the master, with the same
	// variables the CronJob's pg_dump gets.
	dst := NewHarnessAt(t, *distDir, *outputsFile, serverBin)
	if _, err := dst.Bootstrap(t, dst.Dist); err != nil {
		t.Fatalf("bootstrap of the target: %v", err)
	}
	target := dst.Container(dst.Dist, "cronjob/db-backup", "pg-dump")
	opts := restore.Options{Dump: dumpFile, BinDir: clientBin, Env: append(append(dst.baseEnv(), target.EnvList()...), dst.RDS.LibpqEnv()...)}
	run := &runner.Exec{Out: io.Discard, Err: io.Discard, Quiet: true}
	restoreStart := time.Now()
	res, err := restore.Run(context.Background(), run, opts)
	if err != nil {
		t.Fatalf("restore into the bootstrapped target: %v", err)
	}
	restoreTook := time.Since(restoreStart)
	t.Logf("dump %d bytes in %s; restore of %d entries in %s (skipped %d the bootstrap made: %q); population %s",
		info.Size(), dumpTook.Round(time.Millisecond), res.Entries, restoreTook.Round(time.Millisecond), len(res.Skipped), res.Skipped, populated.Round(time.Millisecond))

	t.Run("equal: rows, checksums, owners, grants, policies, roles, publication", func(t *testing.T) {
		got := dst.RDS.Server.SuperQuery(t, dst.Out.DBName, drillFingerprintSQL)
		if got != want {
			t.Fatalf("restored database differs from the source:\n%s", lineDiff(want, got))
		}
	})
	t.Run("passwords verify against the restored hashes", func(t *testing.T) {
		for _, u := range drillUsers {
			hash := dst.RDS.Server.SuperQuery(t, dst.Out.DBName, "SELECT encrypted_password FROM auth.users WHERE email = '"+u[1]+"'")
			if err := bcrypt.CompareHashAndPassword([]byte(hash), []byte(u[2])); err != nil {
				t.Errorf("%s: bcrypt (as GoTrue checks it) against the restored hash: %v", u[1], err)
			}
			pw := strings.ReplaceAll(u[2], "'", "''")
			ok := dst.RDS.Server.SuperQuery(t, dst.Out.DBName, "SELECT extensions.crypt('"+pw+"', encrypted_password) = encrypted_password, extensions.crypt('wrong', encrypted_password) = encrypted_password FROM auth.users WHERE email = '"+u[1]+"'")
			if ok != "t|f" {
				t.Errorf("%s: pgcrypto crypt() with the right and a wrong password: %s, want t|f", u[1], ok)
			}
		}
	})
	t.Run("the restored database serves the components", func(t *testing.T) {
		// Storage and GoTrue log in as their own roles and reach their
		// (restored, still theirs) tables; RLS still isolates users.
		if err := dst.CheckStorage(dst.Container(dst.Dist, "deployment/storage", "storage")); err != nil {
			t.Error(err)
		}
		url, _ := dst.Container(dst.Dist, "deployment/auth", "auth").Get("GOTRUE_DB_DATABASE_URL")
		if out, err := dst.Psql(nil, gotrueMigrationSQL+gotrueDrillSQL+"ALTER TABLE users ADD COLUMN IF NOT EXISTS phone text;", "-d", url); err != nil {
			t.Errorf("GoTrue's migrations on the restored auth schema as supabase_auth_admin: %v: %s", err, out)
		}
		rls := `BEGIN; SET LOCAL ROLE authenticated; SELECT set_config('request.jwt.claims', '{"sub":"` + userB + `","role":"authenticated"}', true);
SELECT count(*) || '|' || count(*) FILTER (WHERE owner <> '` + userB + `') FROM public.todos; COMMIT;`
		if out, err := dst.Psql(adminEnv(dst, t), rls); err != nil || lastLine(out) != "2500|0" {
			t.Errorf("user B through RLS on the restored public.todos: %q, %v; want 2500 own rows and no others", out, err)
		}
	})
	t.Run("negative: a non-empty target is refused without force", func(t *testing.T) {
		_, err := restore.Run(context.Background(), run, opts)
		if !errors.Is(err, restore.ErrNotEmpty) || !strings.Contains(err.Error(), "public.todos") {
			t.Fatalf("second restore without force: %v; want ErrNotEmpty naming the tables", err)
		}
		forced := opts
		forced.Force = true
		if _, err := restore.Run(context.Background(), run, forced); err != nil {
			t.Fatalf("restore with force over the restored database: %v", err)
		}
		if got := dst.RDS.Server.SuperQuery(t, dst.Out.DBName, drillFingerprintSQL); got != want {
			t.Fatalf("after a forced restore the database differs from the source:\n%s", lineDiff(want, got))
		}
	})
	t.Run("negative: a restore failing half-way is rolled back", func(t *testing.T) {
		// A view the dump does not hold depends on public.todos, so the
		// forced restore's DROP TABLE fails after other objects were
		// already dropped and recreated: all of it must roll back.
		dst.RDS.Server.SuperQuery(t, dst.Out.DBName, "CREATE VIEW public.drill_blocker AS SELECT id FROM public.todos")
		forced := opts
		forced.Force = true
		_, err := restore.Run(context.Background(), run, forced)
		if err == nil || !strings.Contains(err.Error(), "rolled back") || !strings.Contains(err.Error(), "depend") {
			t.Fatalf("forced restore over a dependent view: %v; want a rolled-back failure naming the dependency", err)
		}
		dst.RDS.Server.SuperQuery(t, dst.Out.DBName, "DROP VIEW public.drill_blocker")
		if got := dst.RDS.Server.SuperQuery(t, dst.Out.DBName, drillFingerprintSQL); got != want {
			t.Fatalf("a failed restore changed the database (it must be one transaction):\n%s", lineDiff(want, got))
		}
	})
	t.Run("negative: a truncated dump fails loudly and changes nothing", func(t *testing.T) {
		data, err := os.ReadFile(dumpFile)
		if err != nil {
			t.Fatal(err)
		}
		broken := filepath.Join(t.TempDir(), "truncated.dump")
		if err := os.WriteFile(broken, data[:len(data)*2/3], 0o600); err != nil {
			t.Fatal(err)
		}
		bad := opts
		bad.Dump, bad.Force = broken, true
		_, err = restore.Run(context.Background(), run, bad)
		if err == nil || !strings.Contains(err.Error(), broken) || !strings.Contains(err.Error(), "cannot be read in full") {
			t.Fatalf("restore of a truncated dump: %v; want an error naming the dump", err)
		}
		t.Logf("truncated dump: %v", err)
		if got := dst.RDS.Server.SuperQuery(t, dst.Out.DBName, drillFingerprintSQL); got != want {
			t.Fatalf("a failed restore changed the database (it must be one transaction):\n%s", lineDiff(want, got))
		}
		empty := filepath.Join(t.TempDir(), "empty.dump")
		if err := os.WriteFile(empty, nil, 0o600); err != nil {
			t.Fatal(err)
		}
		bad.Dump = empty
		if _, err := restore.Run(context.Background(), run, bad); err == nil || !strings.Contains(err.Error(), "not a readable pg_dump archive") {
			t.Fatalf("restore of an empty file: %v; want it refused as not an archive", err)
		}
	})
	t.Logf("drill took %s", time.Since(start).Round(time.Millisecond))
}

// adminEnv is supabase_admin's libpq environment (Realtime's DB_* login,
// which Studio's editor shares).
func adminEnv(h *Harness, t *testing.T) []string {
	t.Helper()
	env, err := RealtimeEnv(h.Container(h.Dist, "deployment/realtime", "realtime"))
	if err != nil {
		t.Fatal(err)
	}
	return env
}

// dumpArgv is the container's command line with every path under one of its
// emptyDir or ephemeral volume mounts moved under local.
func dumpArgv(t *testing.T, c *Container, local string) []string {
	t.Helper()
	argv := append(append([]string(nil), c.Command...), c.Args...)
	if len(argv) == 0 || filepath.Base(argv[0]) != "pg_dump" {
		t.Fatalf("%s container %s runs %q, not pg_dump", c.Workload, c.Name, argv)
	}
	moved := 0
	for _, m := range c.ctr.VolumeMounts {
		mp := strings.TrimSuffix(m.MountPath, "/") + "/"
		for i, a := range argv {
			if j := strings.Index(a, mp); j >= 0 {
				argv[i] = a[:j] + filepath.Join(local, a[j+len(mp):])
				moved++
			}
		}
	}
	if moved == 0 {
		t.Fatalf("%s container %s writes no file into a volume (%q)", c.Workload, c.Name, argv)
	}
	return argv
}

func dumpedFile(t *testing.T, argv []string, local string) string {
	t.Helper()
	for i, a := range argv {
		if f, ok := strings.CutPrefix(a, "--file="); ok {
			return f
		}
		if (a == "-f" || a == "--file") && i+1 < len(argv) {
			return argv[i+1]
		}
	}
	t.Fatalf("pg_dump writes no --file under %s: %q", local, argv)
	return ""
}

// restoreBinDirs picks pg_dump/pg_restore (EnvPGDumpBinDir, else the
// machine's PostgreSQL client) and the server the drill runs: the RDS
// version when that pg_dump can dump it (pg_dump refuses a newer server
// major), else the machine's PostgreSQL of the same major as pg_dump, said
// in the log.
func restoreBinDirs(t *testing.T) (server, client string, major int) {
	t.Helper()
	client = os.Getenv(EnvPGDumpBinDir)
	if client == "" {
		if p, err := exec.LookPath("pg_dump"); err == nil {
			client = filepath.Dir(p)
		}
	}
	clientMajor := pgMajor(t, filepath.Join(client, "pg_dump"))
	if clientMajor == 0 {
		need(t, "pg_dump and pg_restore", EnvPGDumpBinDir)
	}
	rds := rdsBinDir(t)
	rdsMajor := pgMajor(t, filepath.Join(rds, "postgres"))
	if clientMajor >= rdsMajor {
		return rds, client, rdsMajor
	}
	server = os.Getenv(pgtest.EnvBinDir)
	if server == "" {
		server = pgtest.DefaultBinDir
	}
	if m := pgMajor(t, filepath.Join(server, "postgres")); m != clientMajor {
		t.Fatalf("pg_dump %s is PostgreSQL %d, older than the RDS version %d, and no PostgreSQL %d server is in %s (%s): set %s to a PostgreSQL %d client",
			client, clientMajor, rdsMajor, clientMajor, server, pgtest.EnvBinDir, EnvPGDumpBinDir, rdsMajor)
	}
	t.Logf("NOTE: pg_dump in %s is PostgreSQL %d and cannot dump the RDS version %d; the drill runs on PostgreSQL %d instead (set %s to a PostgreSQL %d client to run it on %d)",
		client, clientMajor, rdsMajor, clientMajor, EnvPGDumpBinDir, rdsMajor, rdsMajor)
	return server, client, clientMajor
}

var versionRE = regexp.MustCompile(`\(PostgreSQL\) (\d+)`)

func pgMajor(t *testing.T, bin string) int {
	t.Helper()
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		return 0
	}
	m := versionRE.FindStringSubmatch(string(out))
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// lineDiff lists the lines only one side has.
func lineDiff(want, got string) string {
	count := map[string]int{}
	for _, l := range strings.Split(want, "\n") {
		count[l]++
	}
	for _, l := range strings.Split(got, "\n") {
		count[l]--
	}
	var b strings.Builder
	for _, l := range strings.Split(want, "\n") {
		if count[l] > 0 {
			b.WriteString("- " + l + "\n")
			count[l]--
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if count[l] < 0 {
			b.WriteString("+ " + l + "\n")
			count[l]++
		}
	}
	return b.String()
}
