package dbbootstrap

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/supabase-eks/supabase-eks/internal/testkit/pgtest"
)

// These tests run the SQL with the real psql against a real PostgreSQL 15,
// the way the Job does, as a master user built like Amazon RDS's: LOGIN
// CREATEROLE CREATEDB, member of a NOLOGIN rds_superuser role, owner of the
// database, NOT a superuser. rds_replication exists as a NOLOGIN role.
//
// One thing the imitation cannot show: plain PostgreSQL 15 refuses BYPASSRLS
// from a non-superuser, while RDS lets its master grant it. So
// bootstrap_privileged_roles.sql is applied as the local superuser here (and
// shown to fail as the master), and everything else as the master.

const (
	dbName   = "supabase"
	master   = "supabase_master"
	masterPW = `master 'pw' "with" \ quotes`
)

// rdsLike is a server prepared like a fresh RDS instance.
type rdsLike struct {
	srv *pgtest.Server
	dir string
	// major is the server's major version: who may grant BYPASSRLS changed in 16.
	major int
}

func newRDSLike(t *testing.T, settings map[string]string) *rdsLike {
	t.Helper()
	srv := pgtest.StartWithOptions(t, pgtest.Options{Settings: settings})
	srv.SuperQuery(t, "postgres", `
CREATE ROLE rds_superuser NOLOGIN;
CREATE ROLE rds_replication NOLOGIN;
GRANT rds_replication TO rds_superuser WITH ADMIN OPTION;
CREATE ROLE `+master+` LOGIN CREATEROLE CREATEDB NOSUPERUSER NOREPLICATION NOBYPASSRLS
  PASSWORD '`+strings.ReplaceAll(masterPW, "'", "''")+`';
GRANT rds_superuser TO `+master+`;
CREATE DATABASE `+dbName+` OWNER `+master+`;
`)
	if got := srv.SuperQuery(t, dbName, `SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls FROM pg_roles WHERE rolname = '`+master+`'`); got != "f|t|t|f" {
		t.Fatalf("master imitation wrong: rolsuper|rolcreaterole|rolcreatedb|rolbypassrls = %s", got)
	}
	dir := t.TempDir()
	for _, f := range Files() {
		if err := os.WriteFile(filepath.Join(dir, f.Name), []byte(f.Content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	major, err := strconv.Atoi(srv.SuperQuery(t, "postgres", "SELECT current_setting('server_version_num')::int / 10000"))
	if err != nil {
		t.Fatal(err)
	}
	return &rdsLike{srv: srv, dir: dir, major: major}
}

// passwords returns one password per RequiredEnv variable. They contain
// quotes, backslashes, colons, percent signs and dollar quotes so that any
// quoting mistake between env, psql and SQL shows.
func passwords(generation string) map[string]string {
	pw := map[string]string{}
	for i, env := range RequiredEnv {
		pw[env] = fmt.Sprintf(`%s-%d 'q"u\o:te:%%s $bootstrap$ &x|/`, generation, i)
	}
	return pw
}

func envList(pw map[string]string) []string {
	var env []string
	for k, v := range pw {
		env = append(env, k+"="+v)
	}
	sort.Strings(env)
	return env
}

// run applies the files with the Job's psql command line as user.
func (c *rdsLike) run(user, password string, env []string, files ...string) (pgtest.Result, error) {
	var paths []string
	for _, f := range files {
		paths = append(paths, filepath.Join(c.dir, f))
	}
	cmd := PsqlCommand(paths...)
	return c.srv.Psql(user, password, dbName, env, "", cmd[1:]...)
}

// applyAsMaster runs sql the way the Job does, as the master.
func (c *rdsLike) applyAsMaster(t *testing.T, name, sql string, pw map[string]string) (pgtest.Result, error) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(c.dir, name), []byte(sql), 0o644); err != nil {
		t.Fatal(err)
	}
	return c.run(master, masterPW, envList(pw), name)
}

// applyTwice is the idempotency check: the same SQL with the same inputs
// must succeed twice in a row. It returns which application failed.
func (c *rdsLike) applyTwice(t *testing.T, sql string, pw map[string]string) error {
	t.Helper()
	for i := 1; i <= 2; i++ {
		res, err := c.applyAsMaster(t, fmt.Sprintf("apply-%d.sql", i), sql, pw)
		if err != nil {
			return fmt.Errorf("application %d of 2 failed (exit %d): %w", i, res.ExitCode, err)
		}
		assertNoSecretsPrinted(t, res, pw)
	}
	return nil
}

// privilegedStep runs bootstrap_privileged_roles.sql the way the server's
// version allows: as the master on PostgreSQL 16+ (where a CREATEROLE role
// with BYPASSRLS may grant it), as the local superuser on 15 (where only a
// superuser may; on RDS the master runs it).
func (c *rdsLike) privilegedStep(t *testing.T) {
	t.Helper()
	user, pw := master, masterPW
	if c.major < 16 {
		t.Log("applying bootstrap_privileged_roles.sql as the LOCAL SUPERUSER: PostgreSQL 15 lets only a superuser grant BYPASSRLS; on RDS the master runs it")
		user, pw = c.srv.Superuser, c.srv.SuperuserPassword
	}
	if _, err := c.run(user, pw, nil, PrivilegedRolesFile); err != nil {
		t.Fatal(err)
	}
}

// eventTriggersStep runs bootstrap_event_triggers.sql as the master made a
// superuser for that run: RDS lets rds_superuser members create event
// triggers, vanilla PostgreSQL only superusers. The triggers end up owned by
// the master, as on RDS.
func (c *rdsLike) eventTriggersStep(t *testing.T) {
	t.Helper()
	t.Log("applying bootstrap_event_triggers.sql as the master made a SUPERUSER for this run: RDS lets rds_superuser create event triggers")
	c.q(t, "ALTER ROLE "+master+" SUPERUSER")
	defer c.q(t, "ALTER ROLE "+master+" NOSUPERUSER")
	if _, err := c.run(master, masterPW, nil, EventTriggersFile); err != nil {
		t.Fatal(err)
	}
}

// watchFunctions lists the schema-reload functions with their row version
// (xmin changes whenever a function is redefined) and body.
func (c *rdsLike) watchFunctions(t *testing.T) string {
	t.Helper()
	return c.q(t, `SELECT proname || '|' || xmin::text || '|' || md5(prosrc) FROM pg_proc
	  WHERE pronamespace = 'extensions'::regnamespace AND proname LIKE 'pgrst\_%\_watch' ORDER BY 1`)
}

// staleWatchIsCorrected: a database holding an older body of a watch
// function (a bootstrap that has since been corrected) gets the current
// one on the next run, the trigger still calling it.
func (c *rdsLike) staleWatchIsCorrected(t *testing.T, current string) {
	t.Helper()
	c.q(t, `CREATE OR REPLACE FUNCTION extensions.pgrst_ddl_watch() RETURNS event_trigger LANGUAGE plpgsql AS $$BEGIN NULL; END$$`)
	if stale := c.watchFunctions(t); stale == current {
		t.Fatal("the stale body did not take; the test changes nothing")
	}
	c.eventTriggersStep(t)
	got := c.watchFunctions(t)
	bodies := func(s string) []string {
		var out []string
		for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
			f := strings.Split(l, "|")
			out = append(out, f[0]+"|"+f[len(f)-1])
		}
		return out
	}
	if !slices.Equal(bodies(got), bodies(current)) {
		t.Errorf("a stale watch function was not replaced by the current body:\nwant %v\ngot  %v", bodies(current), bodies(got))
	}
	c.q(t, "CREATE TABLE public.reload_probe (id int)")
	c.q(t, "DROP TABLE public.reload_probe")
}

// masterMayNotGrantBypass shows the step refused to a master without the
// right to grant BYPASSRLS, then (16+) gives the master BYPASSRLS, which is
// what the step relies on the RDS master having.
func (c *rdsLike) masterMayNotGrantBypass(t *testing.T) {
	t.Helper()
	res, err := c.run(master, masterPW, nil, PrivilegedRolesFile)
	if err == nil {
		t.Fatalf("bootstrap_privileged_roles.sql as a master without BYPASSRLS succeeded on PostgreSQL %d; the imitation is not what it claims", c.major)
	}
	stderr := strings.ToLower(res.Stderr)
	switch {
	case c.major < 16 && !(strings.Contains(stderr, "must be superuser") && strings.Contains(stderr, "bypassrls")):
		t.Fatalf("unexpected error from bootstrap_privileged_roles.sql as master on PostgreSQL %d: %s", c.major, res.Stderr)
	case c.major >= 16 && !(strings.Contains(stderr, "permission denied to alter role") && strings.Contains(stderr, "bypassrls")):
		t.Fatalf("unexpected error from bootstrap_privileged_roles.sql as master on PostgreSQL %d: %s", c.major, res.Stderr)
	}
	if c.major >= 16 {
		c.q(t, "ALTER ROLE "+master+" BYPASSRLS")
	}
}

func (c *rdsLike) q(t *testing.T, sql string) string {
	t.Helper()
	return c.srv.SuperQuery(t, dbName, sql)
}

func assertNoSecretsPrinted(t *testing.T, res pgtest.Result, pw map[string]string) {
	t.Helper()
	for env, p := range pw {
		if p == "" {
			continue
		}
		if strings.Contains(res.Stdout, p) || strings.Contains(res.Stderr, p) {
			t.Errorf("psql output contains the value of %s", env)
		}
	}
}

func TestBootstrapOnRDSLikeServer(t *testing.T) {
	t.Parallel()
	c := newRDSLike(t, nil)
	pw1 := passwords("first")

	// 1. Applied twice with the same inputs: both succeed and the second
	// changes nothing the bootstrap manages.
	if err := c.applyTwice(t, SQL, pw1); err != nil {
		t.Fatal(err)
	}
	before := c.snapshot(t)
	if _, err := c.applyAsMaster(t, SQLFile, SQL, pw1); err != nil {
		t.Fatal(err)
	}
	if after := c.snapshot(t); after != before {
		t.Fatalf("a repeated run changed the catalog:\n%s", diffLines(before, after))
	}

	// 2. The BYPASSRLS step: refused to a master that may not grant it;
	// then applied as the version allows (see privilegedStep), twice.
	c.masterMayNotGrantBypass(t)
	c.privilegedStep(t)
	c.privilegedStep(t)
	c.eventTriggersStep(t)
	watches := c.watchFunctions(t)
	c.eventTriggersStep(t)
	if again := c.watchFunctions(t); again != watches {
		t.Errorf("a second run redefined the watch functions although their bodies were current:\n%s", diffLines(watches, again))
	}
	c.staleWatchIsCorrected(t, watches)

	c.checkCatalog(t)
	c.checkLogins(t, pw1, nil)
	c.checkRoleSwitching(t, pw1)

	// The pooler's tenant lists its users with passwords (no auth_query):
	// an RDS master is no superuser and cannot read the password hashes an
	// auth_query looks up, nor can a SECURITY DEFINER function it owns.
	for _, sql := range []string{
		`SELECT rolpassword FROM pg_catalog.pg_authid LIMIT 1`,
		`SELECT passwd FROM pg_catalog.pg_shadow LIMIT 1`,
	} {
		if _, err := c.srv.Query(master, masterPW, dbName, sql); err == nil || !strings.Contains(err.Error(), "permission denied") {
			t.Errorf("the RDS-like master ran %q: %v; the pooler's explicit-users decision rests on it being refused", sql, err)
		}
	}

	// 3. The components run their migrations.
	objects := c.simulateComponentMigrations(t, pw1)
	managed := c.snapshot(t)

	// 4. The Job runs again (a redeploy, a rotation): new passwords.
	pw2 := passwords("second")
	res, err := c.run(master, masterPW, envList(pw2), SQLFile)
	if err != nil {
		t.Fatal(err)
	}
	assertNoSecretsPrinted(t, res, pw2)
	if !strings.Contains(res.Stdout, "supabase bootstrap: roles, schemas, grants, extensions and publication are in place") {
		t.Errorf("success line missing from psql output:\n%s", res.Stdout)
	}
	c.privilegedStep(t)
	c.eventTriggersStep(t)

	if got := c.componentObjects(t); got != objects {
		t.Errorf("the re-run changed objects the components own:\n%s", diffLines(objects, got))
	}
	if got := c.snapshot(t); got != managed {
		t.Errorf("the re-run after migrations changed the catalog:\n%s", diffLines(managed, got))
	}
	c.checkCatalog(t)
	c.checkLogins(t, pw2, pw1)
	c.checkRoleSwitching(t, pw2)
}

// checkCatalog asserts the bootstrap's end state from the catalog. Each
// aspect is one query returning "key|value" lines, compared with the
// expected lines as a whole so that a missing or an extra entry both fail.
func (c *rdsLike) checkCatalog(t *testing.T) {
	t.Helper()
	expect := func(what, sql string, want []string) {
		t.Helper()
		sort.Strings(want)
		// Sorted here, not by ORDER BY: the servers' collations differ.
		lines := strings.Split(c.q(t, sql), "\n")
		sort.Strings(lines)
		if got := strings.Join(lines, "\n"); got != strings.Join(want, "\n") {
			t.Errorf("%s:\n%s", what, diffLines(strings.Join(want, "\n"), got))
		}
	}
	const managed = `('anon','authenticated','service_role','authenticator','supabase_auth_admin','supabase_storage_admin',
		'supabase_admin','supabase_read_only_user','postgres','dashboard_user','supavisor','app_user','` + master + `')`

	masterAttributes := master + "|t t t t f f f"
	if c.major >= 16 { // the master needs BYPASSRLS to grant it (masterMayNotGrantBypass)
		masterAttributes = master + "|t t t t t f f"
	}
	expect("role attributes (login inherit createrole createdb bypassrls superuser replication)", `
SELECT rolname || '|' || concat_ws(' ', rolcanlogin, rolinherit, rolcreaterole, rolcreatedb, rolbypassrls, rolsuper, rolreplication)
  FROM pg_roles WHERE rolname IN `+managed+` ORDER BY 1`, []string{
		"anon|f f f f f f f",
		"authenticated|f f f f f f f",
		"service_role|f f f f t f f",
		"authenticator|t f f f f f f",
		"supabase_auth_admin|t f t f f f f",
		"supabase_storage_admin|t f t f f f f",
		"supabase_admin|t t t t t f f",
		"supabase_read_only_user|t t f f t f f",
		"postgres|f f f f f f f",
		"dashboard_user|f f f f f f f",
		"supavisor|t f f f f f f",
		"app_user|t f f f f f f",
		masterAttributes,
	})

	// Every direct membership touching a managed role, exactly. Nothing that
	// serves API requests can become an admin role.
	memberships := []string{
		"authenticator<anon", "authenticator<authenticated", "authenticator<service_role",
		"supabase_storage_admin<anon", "supabase_storage_admin<authenticated", "supabase_storage_admin<service_role",
		"supabase_admin<anon", "supabase_admin<authenticated", "supabase_admin<service_role",
		"supabase_admin<supabase_auth_admin", "supabase_admin<supabase_storage_admin", "supabase_admin<rds_replication",
		master + "<rds_superuser", master + "<supabase_admin", master + "<supabase_auth_admin", master + "<supabase_storage_admin",
		master + "<supavisor",
	}
	// Granting a predefined role needs ADMIN on it: the local superuser that
	// runs the privileged step on 15 has it, a master with BYPASSRLS on 16+
	// has not, and the step warns instead of failing (RDS's master can).
	if c.major < 16 {
		memberships = append(memberships, "supabase_read_only_user<pg_read_all_data")
	}
	// PostgreSQL 16+ grants a CREATEROLE creator each role it creates, with
	// ADMIN only (no INHERIT, no SET: the master gains no privilege from it);
	// the bootstrap adds INHERIT and SET for the three component owners only,
	// as a second, explicit grant.
	if c.major >= 16 {
		created := []string{"anon", "authenticated", "authenticator", "dashboard_user", "postgres", "service_role",
			"supabase_admin", "supabase_auth_admin", "supabase_storage_admin", "supabase_read_only_user",
			"supavisor", "app_user"}
		var options []string
		for _, r := range created {
			memberships = append(memberships, master+"<"+r)
			options = append(options, r+"|t f f")
		}
		for _, r := range []string{"supabase_admin", "supabase_auth_admin", "supabase_storage_admin", "supavisor"} {
			options = append(options, r+"|f t t")
		}
		expect("the master's memberships in roles it created (role|admin inherit set)", `
SELECT r.rolname || '|' || concat_ws(' ', am.admin_option, am.inherit_option, am.set_option)
  FROM pg_auth_members am JOIN pg_roles r ON r.oid = am.roleid
  WHERE am.member = '`+master+`'::regrole AND r.rolname <> 'rds_superuser'`, options)
	}
	expect("direct memberships (member<role)", `
SELECT m.rolname || '<' || r.rolname
  FROM pg_auth_members am JOIN pg_roles r ON r.oid = am.roleid JOIN pg_roles m ON m.oid = am.member
  WHERE m.rolname IN `+managed+` OR r.rolname IN `+managed+` ORDER BY 1`, memberships)

	expect("schema owners", `
SELECT nspname || '|' || pg_get_userbyid(nspowner) FROM pg_namespace
  WHERE nspname IN ('extensions', 'auth', 'storage', 'graphql_public', '_realtime', '_supavisor') ORDER BY 1`, []string{
		"_realtime|supabase_admin", "_supavisor|supavisor", "auth|supabase_auth_admin", "extensions|" + master,
		"graphql_public|supabase_admin", "storage|supabase_storage_admin",
	})

	expect("extensions and their schema", `
SELECT x.extname || '|' || n.nspname FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace
  WHERE x.extname <> 'plpgsql' ORDER BY 1`, []string{"pgcrypto|extensions", "uuid-ossp|extensions"})

	// Effective database privileges (CREATE, CONNECT), and the explicit
	// grants behind them in datacl (not only PUBLIC's defaults).
	expect("database privileges (CREATE CONNECT)", `
SELECT r || '|' || concat_ws(' ', has_database_privilege(r, current_database(), 'CREATE'), has_database_privilege(r, current_database(), 'CONNECT'))
  FROM unnest(ARRAY['anon','authenticated','service_role','authenticator','supabase_auth_admin','supabase_storage_admin','supabase_admin','supavisor','app_user']) AS r
  ORDER BY 1`, []string{
		"anon|f t", "authenticated|f t", "service_role|f t", "authenticator|f t",
		"supabase_auth_admin|t t", "supabase_storage_admin|t t", "supabase_admin|t t",
		"supavisor|t t", "app_user|f t",
	})
	expect("database ACL", `
SELECT a.grantee::regrole::text || '|' || a.privilege_type
  FROM pg_database d, aclexplode(d.datacl) a
  WHERE d.datname = current_database() AND a.grantee <> 0 AND a.grantee <> d.datdba ORDER BY 1`, []string{
		"authenticator|CONNECT", "supabase_read_only_user|CONNECT",
		"supabase_admin|CONNECT", "supabase_admin|CREATE",
		"supabase_auth_admin|CONNECT", "supabase_auth_admin|CREATE",
		"supabase_storage_admin|CONNECT", "supabase_storage_admin|CREATE",
		"app_user|CONNECT", "supavisor|CONNECT", "supavisor|CREATE",
	})

	// Effective schema privileges, counting inheritance: U = USAGE, C = CREATE.
	expect("schema privileges (role|schema|UC)", `
SELECT r || '|' || s || '|'
    || CASE WHEN has_schema_privilege(r, s, 'USAGE') THEN 'U' ELSE '-' END
    || CASE WHEN has_schema_privilege(r, s, 'CREATE') THEN 'C' ELSE '-' END
  FROM unnest(ARRAY['anon','authenticated','service_role','authenticator','supabase_auth_admin','supabase_storage_admin','supabase_admin','supavisor','app_user']) AS r,
       unnest(ARRAY['public','extensions','graphql_public','auth','storage','_realtime','_supavisor']) AS s
  ORDER BY 1`, schemaPrivileges(map[string]string{
		//                           public extensions graphql_public auth storage _realtime _supavisor
		"anon":                   "U- U- U- U- U- -- --",
		"authenticated":          "U- U- U- U- U- -- --",
		"service_role":           "U- U- U- U- U- -- --",
		"authenticator":          "U- -- -- -- -- -- --",
		"supabase_auth_admin":    "U- U- -- UC -- -- --",
		"supabase_storage_admin": "U- U- -- -- UC -- --",
		"supabase_admin":         "UC U- UC UC UC UC --",
		"supavisor":              "U- -- -- -- -- -- UC",
		"app_user":               "UC U- -- -- -- -- --",
	}))

	// Default privileges: objects created by the master and supabase_admin in
	// public, and by supabase_storage_admin in storage, are granted to the
	// API roles with every privilege of their type.
	var defaults []string
	for _, creator := range []string{master + "|public", "supabase_admin|public", "supabase_storage_admin|storage"} {
		for _, grantee := range []string{"anon", "authenticated", "service_role"} {
			tables := "DELETE,INSERT,REFERENCES,SELECT,TRIGGER,TRUNCATE,UPDATE"
			if c.major >= 17 { // ALL on tables includes MAINTAIN since 17
				tables = "DELETE,INSERT,MAINTAIN,REFERENCES,SELECT,TRIGGER,TRUNCATE,UPDATE"
			}
			defaults = append(defaults,
				creator+"|r|"+grantee+"|"+tables,
				creator+"|S|"+grantee+"|SELECT,UPDATE,USAGE",
				creator+"|f|"+grantee+"|EXECUTE")
		}
	}
	expect("default privileges (creator|schema|type|grantee|privileges)", `
SELECT pg_get_userbyid(d.defaclrole) || '|' || n.nspname || '|' || d.defaclobjtype::text || '|' || a.grantee::regrole::text
    || '|' || string_agg(a.privilege_type, ',' ORDER BY a.privilege_type)
  FROM pg_default_acl d JOIN pg_namespace n ON n.oid = d.defaclnamespace, aclexplode(d.defaclacl) a
  GROUP BY d.defaclrole, n.nspname, d.defaclobjtype, a.grantee ORDER BY 1`, defaults)

	expect("publications (name|owner|all tables insert update delete)", `
SELECT pubname || '|' || pg_get_userbyid(pubowner) || '|' || concat_ws(' ', puballtables, pubinsert, pubupdate, pubdelete)
  FROM pg_publication ORDER BY 1`, []string{"supabase_realtime|supabase_admin|f t t t"})

	// Per-role settings, for every database (setdatabase 0). On 16+ the
	// roles that create roles get SET and INHERIT on what they create
	// (Realtime's migrations need it).
	selfGrant := ""
	if c.major >= 16 {
		selfGrant = `,"createrole_self_grant=set, inherit"`
	}
	expect("role settings (role|database|setconfig)", `
SELECT r.rolname || '|' || s.setdatabase || '|' || s.setconfig::text
  FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole ORDER BY 1`, []string{
		`anon|0|{statement_timeout=3s}`,
		`authenticated|0|{statement_timeout=8s}`,
		`supabase_admin|0|{"search_path=\"$user\", public, extensions"` + selfGrant + `}`,
		`supabase_auth_admin|0|{search_path=auth` + selfGrant + `}`,
		`supabase_storage_admin|0|{search_path=storage` + selfGrant + `}`,
		`supabase_read_only_user|0|{default_transaction_read_only=on}`,
		`supavisor|0|{search_path=_supavisor}`,
	})

	expect("event triggers (name|event|owner|function|enabled)", `
SELECT evtname || '|' || evtevent || '|' || pg_get_userbyid(evtowner) || '|' || evtfoid::regproc::text || '|' || evtenabled::text
  FROM pg_event_trigger ORDER BY 1`, []string{
		"pgrst_ddl_watch|ddl_command_end|" + master + "|extensions.pgrst_ddl_watch|O",
		"pgrst_drop_watch|sql_drop|" + master + "|extensions.pgrst_drop_watch|O",
	})

	// Passwords: SCRAM verifiers for the login roles, none for the others.
	expect("password kinds", `
SELECT rolname || '|' || CASE WHEN rolpassword IS NULL THEN 'none' WHEN rolpassword LIKE 'SCRAM-SHA-256$%' THEN 'scram' ELSE 'other' END
  FROM pg_authid WHERE rolname IN `+managed+` AND rolname <> '`+master+`' ORDER BY 1`, []string{
		"anon|none", "authenticated|none", "service_role|none", "postgres|none", "dashboard_user|none",
		"authenticator|scram", "supabase_auth_admin|scram", "supabase_storage_admin|scram", "supabase_admin|scram",
		"supabase_read_only_user|scram", "supavisor|scram", "app_user|scram",
	})
}

// schemaPrivileges expands the compact table in checkCatalog into
// role|schema|UC lines.
func schemaPrivileges(table map[string]string) []string {
	schemas := []string{"public", "extensions", "graphql_public", "auth", "storage", "_realtime", "_supavisor"}
	var out []string
	for role, row := range table {
		for i, p := range strings.Fields(row) {
			out = append(out, role+"|"+schemas[i]+"|"+p)
		}
	}
	return out
}

// checkLogins proves each login role authenticates over TCP with the current
// password from the environment, and no longer with the previous one.
func (c *rdsLike) checkLogins(t *testing.T, current, previous map[string]string) {
	t.Helper()
	for _, env := range RequiredEnv {
		role := RoleForEnv[env]
		if err := c.srv.CanLogin(role, current[env], dbName); err != nil {
			t.Errorf("%s cannot log in with the password from %s: %v", role, env, err)
		}
		if previous != nil {
			err := c.srv.CanLogin(role, previous[env], dbName)
			if err == nil {
				t.Errorf("%s still logs in with its previous password after rotation", role)
			} else if !strings.Contains(err.Error(), "password authentication failed") {
				t.Errorf("%s with its previous password: unexpected error %v", role, err)
			}
		}
	}
	// The search path GoTrue and Storage rely on takes effect at login.
	for role, want := range map[string]string{"supabase_auth_admin": "auth", "supabase_storage_admin": "storage"} {
		env := envFor(role)
		if got, err := c.srv.Query(role, current[env], dbName, "SHOW search_path"); err != nil || got != want {
			t.Errorf("%s logs in with search_path %q (%v), want %q", role, got, err, want)
		}
	}
}

func envFor(role string) string {
	for env, r := range RoleForEnv {
		if r == role {
			return env
		}
	}
	return ""
}

// checkRoleSwitching proves the memberships work the way the components use
// them, and that authenticator cannot escalate. One session per role: the
// refused switches are caught inside DO blocks so one run checks them all.
func (c *rdsLike) checkRoleSwitching(t *testing.T, pw map[string]string) {
	t.Helper()
	switchTo := func(roles ...string) string {
		var b strings.Builder
		for _, r := range roles {
			b.WriteString("SET ROLE " + r + ";\nRESET ROLE;\n")
		}
		return b.String()
	}
	refused := func(roles ...string) string {
		var b strings.Builder
		for _, r := range roles {
			fmt.Fprintf(&b, `DO $$ BEGIN
  SET ROLE %[1]s;
  RAISE EXCEPTION 'switched to %[1]s';
EXCEPTION WHEN insufficient_privilege THEN NULL;
END $$;
`, r)
		}
		return b.String()
	}
	for role, sql := range map[string]string{
		"authenticator": switchTo("anon", "authenticated", "service_role") +
			refused("supabase_admin", "supabase_auth_admin", "supabase_storage_admin", master, "postgres"),
		// Storage switches with set_config('role', ...) per transaction.
		"supabase_storage_admin": `BEGIN; SELECT set_config('role', 'anon', true); COMMIT;
BEGIN; SELECT set_config('role', 'authenticated', true); COMMIT;
BEGIN; SELECT set_config('role', 'service_role', true); COMMIT;
` + refused("supabase_admin", "supabase_auth_admin", master),
		"supabase_admin":      switchTo("anon", "authenticated", "service_role", "supabase_auth_admin", "supabase_storage_admin") + refused(master),
		"supabase_auth_admin": refused("anon", "authenticated", "service_role", "supabase_admin", master),
	} {
		if _, err := c.srv.Query(role, pw[envFor(role)], dbName, sql); err != nil {
			t.Errorf("role switching as %s: %v", role, err)
		}
	}
}

// simulateComponentMigrations does what GoTrue, Storage and Realtime do on
// first start, as their own users, and returns a fingerprint of the objects
// they created.
func (c *rdsLike) simulateComponentMigrations(t *testing.T, pw map[string]string) string {
	t.Helper()
	as := func(role, sql string) {
		t.Helper()
		if _, err := c.srv.Query(role, pw[envFor(role)], dbName, sql); err != nil {
			t.Fatalf("migration as %s: %v", role, err)
		}
	}
	// GoTrue: unqualified names land in auth through the search path.
	as("supabase_auth_admin", `
CREATE TABLE schema_migrations (version text PRIMARY KEY);
CREATE TABLE users (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), email text);
INSERT INTO users (email) VALUES ('first@example.com');
CREATE FUNCTION uid() RETURNS uuid LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('request.jwt.claim.sub', true), '')::uuid $$;
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
`)
	// Storage (DB_INSTALL_ROLES=false): tables in storage, API roles get
	// access through the bootstrap's default privileges.
	as("supabase_storage_admin", `
CREATE TABLE buckets (id text PRIMARY KEY, name text NOT NULL);
CREATE TABLE objects (id uuid PRIMARY KEY DEFAULT extensions.uuid_generate_v4(), bucket_id text REFERENCES buckets (id), name text);
INSERT INTO buckets VALUES ('avatars', 'avatars');
ALTER TABLE objects ENABLE ROW LEVEL SECURITY;
`)
	// Realtime: its own schema, its bookkeeping in _realtime, grants to the
	// roles its migrations name, a table in the publication.
	as("supabase_admin", `
CREATE SCHEMA IF NOT EXISTS realtime;
CREATE TABLE realtime.messages (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, topic text);
GRANT USAGE ON SCHEMA realtime TO postgres, anon, authenticated, service_role;
REVOKE ALL ON realtime.messages FROM postgres, dashboard_user;
CREATE TABLE _realtime.tenants (id bigint PRIMARY KEY);
CREATE TABLE public.todos (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, title text);
ALTER PUBLICATION supabase_realtime ADD TABLE public.todos;
`)
	// Supavisor's migrate (v2.7.4 priv/repo/seeds_before_migration.exs and
	// its migrations, prefix _supavisor): the schema statement it always
	// runs, then its tables; the bookkeeping table lands in _supavisor
	// through the role's search path.
	as(PoolerMetadataRole, `
CREATE SCHEMA IF NOT EXISTS _supavisor;
CREATE TABLE _supavisor.tenants (id uuid PRIMARY KEY, external_id text NOT NULL UNIQUE);
CREATE TABLE schema_migrations (version bigint PRIMARY KEY, inserted_at timestamp);
`)
	if got := c.q(t, `SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = '_supavisor' AND tableowner = 'supavisor'`); got != "2" {
		t.Errorf("supavisor's tables in _supavisor: %s, want 2", got)
	}
	// An application through the pooler: its own table in public.
	as(AppRole, `CREATE TABLE public.app_orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text);`)
	if got := c.q(t, `SELECT has_table_privilege('app_user', 'auth.users', 'SELECT') OR has_table_privilege('app_user', 'storage.objects', 'SELECT') OR has_schema_privilege('app_user', '_supavisor', 'USAGE')`); got != "f" {
		t.Errorf("app_user reaches auth.users, storage.objects or the pooler's metadata")
	}
	// The default privileges reached the API roles.
	for _, tbl := range []string{"storage.buckets", "storage.objects", "public.todos"} {
		if got := c.q(t, fmt.Sprintf(`SELECT has_table_privilege('anon', '%[1]s', 'SELECT') AND has_table_privilege('service_role', '%[1]s', 'INSERT')`, tbl)); got != "t" {
			t.Errorf("API roles did not get default privileges on %s", tbl)
		}
	}
	if got := c.q(t, `SELECT has_table_privilege('anon', 'auth.users', 'SELECT')`); got != "f" {
		t.Errorf("anon can read auth.users")
	}
	return c.componentObjects(t)
}

// componentObjects fingerprints the objects the components own: identity
// (oid), owner and definition, plus their data and the publication's tables.
func (c *rdsLike) componentObjects(t *testing.T) string {
	t.Helper()
	return c.q(t, `
SELECT 'rel|' || n.nspname || '.' || cl.relname || '|' || cl.oid || '|' || pg_get_userbyid(cl.relowner) || '|' || cl.relrowsecurity || '|' || coalesce(cl.relacl::text, '')
  FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace
  WHERE n.nspname IN ('auth', 'storage', 'realtime', '_realtime') OR (n.nspname = 'public' AND cl.relname = 'todos')
UNION ALL
SELECT 'proc|' || n.nspname || '.' || p.proname || '|' || p.oid || '|' || pg_get_userbyid(p.proowner) || '|' || p.prosrc
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname IN ('auth', 'storage', 'realtime')
UNION ALL
SELECT 'schema|realtime|' || oid || '|' || pg_get_userbyid(nspowner) || '|' || coalesce(nspacl::text, '') FROM pg_namespace WHERE nspname = 'realtime'
UNION ALL
SELECT 'data|auth.users|' || string_agg(email, ',') FROM auth.users
UNION ALL
SELECT 'data|storage.buckets|' || string_agg(id, ',') FROM storage.buckets
UNION ALL
SELECT 'pubtable|' || schemaname || '.' || tablename FROM pg_publication_tables WHERE pubname = 'supabase_realtime'
ORDER BY 1`)
}

// snapshot is everything the bootstrap manages, minus passwords: role
// attributes, memberships, schema owners and ACLs, database ACL, default
// privileges, role settings, extensions and the publication.
func (c *rdsLike) snapshot(t *testing.T) string {
	t.Helper()
	const roles = `('anon','authenticated','service_role','authenticator','supabase_auth_admin','supabase_storage_admin','supabase_admin','postgres','dashboard_user','` + master + `')`
	return c.q(t, `
SELECT 'role|' || rolname || '|' || rolcanlogin || rolinherit || rolcreaterole || rolcreatedb || rolbypassrls || rolsuper || rolreplication || '|' || rolconnlimit || '|' || coalesce(rolvaliduntil::text, '')
  FROM pg_roles WHERE rolname IN `+roles+`
UNION ALL
SELECT 'member|' || m.rolname || '<' || r.rolname || '|' || am.admin_option || '|' || g.rolname
  FROM pg_auth_members am JOIN pg_roles r ON r.oid = am.roleid JOIN pg_roles m ON m.oid = am.member JOIN pg_roles g ON g.oid = am.grantor
  WHERE m.rolname IN `+roles+` OR r.rolname IN `+roles+`
UNION ALL
SELECT 'schema|' || nspname || '|' || oid || '|' || pg_get_userbyid(nspowner) || '|' || coalesce(nspacl::text, '')
  FROM pg_namespace WHERE nspname IN ('public', 'extensions', 'graphql_public', 'auth', 'storage', '_realtime')
UNION ALL
SELECT 'database|' || datname || '|' || coalesce(datacl::text, '') FROM pg_database WHERE datname = current_database()
UNION ALL
SELECT 'defacl|' || pg_get_userbyid(d.defaclrole) || '|' || coalesce(n.nspname, '') || '|' || d.defaclobjtype::text || '|' || d.defaclacl::text
  FROM pg_default_acl d LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace
UNION ALL
SELECT 'setting|' || r.rolname || '|' || s.setdatabase || '|' || s.setconfig::text
  FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole
UNION ALL
SELECT 'extension|' || x.extname || '|' || x.oid || '|' || n.nspname || '|' || x.extversion
  FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace
UNION ALL
SELECT 'publication|' || pubname || '|' || oid || '|' || pg_get_userbyid(pubowner) || '|' || puballtables || pubinsert || pubupdate || pubdelete || pubtruncate
  FROM pg_publication
ORDER BY 1`)
}

func diffLines(a, b string) string {
	// Multisets: a line present twice on one side and once on the other
	// (a duplicated grant, say) is a difference too.
	count := func(s string) map[string]int {
		m := map[string]int{}
		for _, l := range strings.Split(s, "\n") {
			m[l]++
		}
		return m
	}
	ma, mb := count(a), count(b)
	var out []string
	for _, l := range strings.Split(a, "\n") {
		if ma[l] > mb[l] {
			out = append(out, fmt.Sprintf("- %s (%dx, want %dx)", l, mb[l], ma[l]))
			ma[l] = mb[l]
		}
	}
	for _, l := range strings.Split(b, "\n") {
		if mb[l] > ma[l] {
			out = append(out, fmt.Sprintf("+ %s (%dx, want %dx)", l, mb[l], ma[l]))
			mb[l] = ma[l]
		}
	}
	return strings.Join(out, "\n")
}

func TestBootstrapFailures(t *testing.T) {
	t.Parallel()
	// passwordcheck rejects weak passwords: a way to make the password
	// statement itself fail.
	c := newRDSLike(t, map[string]string{
		"shared_preload_libraries": "passwordcheck",
		"log_min_error_statement":  "error",
		"log_statement":            "ddl",
	})

	t.Run("missing or empty password fails before changing anything", func(t *testing.T) {
		pw := passwords("x")
		delete(pw, "AUTHENTICATOR_PASSWORD")
		pw["SUPABASE_ADMIN_PASSWORD"] = ""
		res, err := c.run(master, masterPW, envList(pw), SQLFile)
		if err == nil {
			t.Fatal("bootstrap succeeded without AUTHENTICATOR_PASSWORD and with an empty SUPABASE_ADMIN_PASSWORD")
		}
		if res.ExitCode != 3 {
			t.Errorf("psql exit status %d, want 3 (script error with ON_ERROR_STOP)", res.ExitCode)
		}
		if !strings.Contains(res.Stderr, "unset or empty: AUTHENTICATOR_PASSWORD, SUPABASE_ADMIN_PASSWORD") {
			t.Errorf("error does not name exactly the two missing variables:\n%s", res.Stderr)
		}
		assertNoSecretsPrinted(t, res, pw)
		if got := c.q(t, `SELECT count(*) FROM pg_roles WHERE rolname IN ('anon', 'authenticator', 'supabase_admin')`); got != "0" {
			t.Errorf("%s roles exist after a failed run; the run must be all or nothing", got)
		}
		if got := c.q(t, `SELECT count(*) FROM pg_namespace WHERE nspname IN ('auth', 'storage', 'extensions')`); got != "0" {
			t.Errorf("%s schemas exist after a failed run", got)
		}
	})

	t.Run("a rejected password is not printed or logged", func(t *testing.T) {
		pw := passwords("weak")
		weak := "Weak1!"
		pw["SUPABASE_STORAGE_ADMIN_PASSWORD"] = weak
		res, err := c.run(master, masterPW, envList(pw), SQLFile)
		if err == nil {
			t.Fatal("bootstrap succeeded with a password passwordcheck rejects")
		}
		if !strings.Contains(res.Stderr, "could not set the password of role supabase_storage_admin: password is too short") {
			t.Errorf("error does not say which role's password was rejected and why:\n%s", res.Stderr)
		}
		for what, text := range map[string]string{"psql output": res.Stdout + res.Stderr, "server log": c.srv.Log()} {
			for env, p := range pw {
				if strings.Contains(text, p) {
					t.Errorf("%s contains the value of %s", what, env)
				}
			}
		}
		if got := c.q(t, `SELECT count(*) FROM pg_roles WHERE rolname = 'anon'`); got != "0" {
			t.Errorf("roles exist after a failed run; the run must be all or nothing")
		}
	})

	// The negative test for the twice-apply check: SQL with an
	// unguarded CREATE ROLE passes once and must fail the second time.
	t.Run("non-idempotent SQL fails the twice-apply check", func(t *testing.T) {
		const marker = "\nBEGIN;\n"
		if strings.Count(SQL, marker) != 1 {
			t.Fatalf("bootstrap.sql must contain %q exactly once", marker)
		}
		broken := strings.Replace(SQL, marker, marker+"CREATE ROLE anon NOLOGIN NOINHERIT;\n", 1)
		err := c.applyTwice(t, broken, passwords("neg"))
		if err == nil {
			t.Fatal("the twice-apply check passed SQL with an unguarded CREATE ROLE")
		}
		if !strings.Contains(err.Error(), "application 2 of 2") || !strings.Contains(err.Error(), `role "anon" already exists`) {
			t.Fatalf("want the second application to fail with role already exists, got: %v", err)
		}
	})

	// Last, because it leaves the bootstrap applied. With log_statement=ddl
	// (a common audit setting) every ALTER ROLE is logged, but the
	// passwords are set inside a DO block, so none appears.
	t.Run("a successful run logs no password with log_statement=ddl", func(t *testing.T) {
		pw := passwords("logged")
		res, err := c.run(master, masterPW, envList(pw), SQLFile)
		if err != nil {
			t.Fatal(err)
		}
		log := c.srv.Log()
		if !strings.Contains(log, "ALTER ROLE supabase_admin") {
			t.Fatalf("log_statement=ddl did not log the ALTER ROLE statements; the check below would prove nothing")
		}
		for env, p := range pw {
			if strings.Contains(log, p) || strings.Contains(res.Stdout+res.Stderr, p) {
				t.Errorf("the value of %s was logged or printed", env)
			}
		}
	})
}
