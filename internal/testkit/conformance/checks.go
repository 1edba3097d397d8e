package conformance

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	corev1 "k8s.io/api/core/v1"
)

// The checks each exercise one client the way the rendered component does
// and return an error saying what failed. The tests require them to pass on
// the rendered manifests and to fail on broken copies.

// CheckInitContainers runs every rendered wait-for-database init container's
// command (libpq/psql: sslmode=require encrypts without verifying).
func (h *Harness) CheckInitContainers(r *Rendered) ([]string, error) {
	var ran []string
	for _, id := range sortedWorkloads(r) {
		// The Deployments' init containers gate the components on the
		// bootstrap; a Job's or CronJob's do the work itself.
		if r.Workloads[id].Kind != "Deployment" {
			continue
		}
		for _, ic := range r.Workloads[id].Pod.InitContainers {
			c, err := r.Container(id, ic.Name)
			if err != nil {
				return ran, err
			}
			argv := append(append([]string(nil), c.Command...), c.Args...)
			if len(argv) == 0 {
				continue
			}
			local, err := h.localFiles(c)
			if err != nil {
				return ran, err
			}
			env := append(append(h.baseEnv(), local...), h.RDS.LibpqEnv()...)
			out, err := h.Exec(30*time.Second, env, "", argv[0], argv[1:]...)
			if err != nil {
				return ran, fmt.Errorf("%s init container %s: %w\n%s", id, ic.Name, err, out)
			}
			ran = append(ran, id+"/"+ic.Name)
		}
	}
	return ran, nil
}

// gotrueMigrationSQL is what GoTrue's migrations do that others depend on,
// as supabase_auth_admin with its search_path: its tables, and the
// functions RLS policies call (auth.uid() and friends), created unqualified.
const gotrueMigrationSQL = `
SELECT current_schema();
CREATE TABLE IF NOT EXISTS users (
  instance_id uuid, id uuid PRIMARY KEY, aud varchar(255), role varchar(255), email varchar(255) UNIQUE,
  created_at timestamptz DEFAULT now());
CREATE OR REPLACE FUNCTION uid() RETURNS uuid LANGUAGE sql STABLE AS $f$
  SELECT coalesce(nullif(current_setting('request.jwt.claim.sub', true), ''),
                  (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'))::uuid $f$;
CREATE OR REPLACE FUNCTION role() RETURNS text LANGUAGE sql STABLE AS $f$
  SELECT coalesce(nullif(current_setting('request.jwt.claim.role', true), ''),
                  (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role'))::text $f$;
`

// CheckGoTrueMigrations logs in with GOTRUE_DB_DATABASE_URL as GoTrue does
// (pgx, sslmode=require: encrypted, not verified, like libpq) and creates
// what its migrations create.
func (h *Harness) CheckGoTrueMigrations(r *Rendered) error {
	c, err := r.Container("deployment/auth", "auth")
	if err != nil {
		return err
	}
	url, ok := c.Get("GOTRUE_DB_DATABASE_URL")
	if !ok {
		return fmt.Errorf("auth: GOTRUE_DB_DATABASE_URL is not set")
	}
	out, err := h.Psql(nil, gotrueMigrationSQL, "-d", url)
	if err != nil {
		return fmt.Errorf("GoTrue's migrations as its database user: %w: %s", err, out)
	}
	if first, _, _ := strings.Cut(out, "\n"); first != "auth" {
		return fmt.Errorf("GoTrue's unqualified objects would land in schema %q, not auth", first)
	}
	return nil
}

type storageStep struct {
	Name   string         `json:"name"`
	OK     bool           `json:"ok"`
	Detail map[string]any `json:"detail"`
	Error  string         `json:"error"`
	Code   string         `json:"code"`
}

// CheckStorage runs storage-api's three kinds of connections with its
// client stack and its environment: migrations, the request pool with a
// role switch, and pubsub. Each must be encrypted and verified.
func (h *Harness) CheckStorage(c *Container) error {
	local, err := h.localFiles(c)
	if err != nil {
		return err
	}
	out, err := h.node("storage", local, "", "storage.cjs")
	if err != nil {
		return fmt.Errorf("storage client: %w\n%s", err, out)
	}
	var res struct {
		Steps []storageStep `json:"steps"`
	}
	line := lastLine(out)
	if err := json.Unmarshal([]byte(line), &res); err != nil {
		return fmt.Errorf("storage client printed no result: %v\n%s", err, out)
	}
	var problems []string
	for _, s := range res.Steps {
		if !s.OK {
			problems = append(problems, fmt.Sprintf("%s: %s (%s)", s.Name, s.Error, s.Code))
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("storage-api cannot use the database:\n  %s", strings.Join(problems, "\n  "))
	}
	if len(res.Steps) != 3 {
		return fmt.Errorf("storage client ran %d steps, want 3: %s", len(res.Steps), line)
	}
	if d := res.Steps[0].Detail; d["user"] != "supabase_storage_admin" || d["ssl"] != true {
		return fmt.Errorf("storage migrations connection: %v, want supabase_storage_admin over TLS", d)
	}
	if d := res.Steps[1].Detail; d["role"] != "authenticated" || d["ssl"] != true || !strings.Contains(fmt.Sprint(d["buckets"]), "conformance") {
		return fmt.Errorf("storage request pool: %v, want role authenticated over TLS seeing the bucket", d)
	}
	// Through the pooler (DATABASE_POOL_URL), the request pool must have
	// logged in as <role>.<tenant> at the pooler and reached the server as
	// the role, finding its tables through the role's search path alone.
	if pooled, _ := res.Steps[1].Detail["pooled"].(bool); pooled {
		if h.Pooler == nil {
			return fmt.Errorf("storage renders DATABASE_POOL_URL but the environment renders no pooler")
		}
		want := "supabase_storage_admin." + h.Pooler.Tenant
		if !slices.Contains(h.Pooler.Logins(), want) || res.Steps[1].Detail["login"] != "supabase_storage_admin" {
			return fmt.Errorf("storage request pool through the pooler: logins %v, session user %v; want %s at the pooler, supabase_storage_admin at the server",
				h.Pooler.Logins(), res.Steps[1].Detail["login"], want)
		}
	}
	return nil
}

// StudioHeader builds the x-connection-encrypted value Studio would send,
// from Studio's environment (mode "read-write" or "read-only").
func (h *Harness) StudioHeader(c *Container, mode string) (string, error) {
	local, err := h.localFiles(c)
	if err != nil {
		return "", err
	}
	out, err := h.node("meta", local, "", "studio-connection.cjs", mode)
	if err != nil {
		return "", fmt.Errorf("studio connection string: %w\n%s", err, out)
	}
	return lastLine(out), nil
}

// Query sends SQL to postgres-meta's /query, as Studio's SQL editor does
// (header empty: postgres-meta's own connection).
func (m *Meta) Query(sql, header string) ([]map[string]any, error) {
	h := map[string]string{}
	if header != "" {
		h["x-connection-encrypted"] = header
	}
	code, body, err := m.Call(http.MethodPost, "/query", map[string]string{"query": sql}, h)
	if err != nil {
		return nil, err
	}
	if code != http.StatusOK {
		return nil, fmt.Errorf("postgres-meta /query: HTTP %d: %s", code, truncate(string(body)))
	}
	var rows []map[string]any
	if err := json.Unmarshal(body, &rows); err != nil {
		return nil, fmt.Errorf("postgres-meta /query: %v: %s", err, truncate(string(body)))
	}
	return rows, nil
}

// CheckStudio sends a query through Studio's path in both modes: the
// read-write user writes, the read-only user reads every row but cannot
// write; both connections are encrypted.
func (h *Harness) CheckStudio(m *Meta, c *Container, table string) error {
	rw, err := h.StudioHeader(c, "read-write")
	if err != nil {
		return err
	}
	rows, err := m.Query(`SELECT current_user AS "user", (SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()) AS ssl`, rw)
	if err != nil {
		return fmt.Errorf("Studio's editor connection (read-write): %w", err)
	}
	if len(rows) != 1 || rows[0]["user"] != "supabase_admin" || rows[0]["ssl"] != true {
		return fmt.Errorf("Studio's editor connection (read-write): %v, want supabase_admin over TLS", rows)
	}
	ro, err := h.StudioHeader(c, "read-only")
	if err != nil {
		return err
	}
	rows, err = m.Query(`SELECT current_user AS "user", count(*)::int AS n FROM `+table, ro)
	if err != nil {
		return fmt.Errorf("Studio's read-only connection: %w", err)
	}
	if len(rows) != 1 || rows[0]["user"] != "supabase_read_only_user" {
		return fmt.Errorf("Studio's read-only connection: %v, want supabase_read_only_user", rows)
	}
	if _, err := m.Query(`INSERT INTO `+table+` (owner, body) VALUES (gen_random_uuid(), 'x')`, ro); err == nil || !strings.Contains(err.Error(), "read-only transaction") {
		return fmt.Errorf("Studio's read-only connection could write to %s (err %v)", table, err)
	}
	return nil
}

// RestRequest is one request to the PostgREST emulation.
type RestRequest struct {
	Name  string `json:"name"`
	Token string `json:"token"`
	SQL   string `json:"sql"`
}

// RestResult is its answer.
type RestResult struct {
	Name  string           `json:"name"`
	OK    bool             `json:"ok"`
	Role  string           `json:"role"`
	Rows  []map[string]any `json:"rows"`
	Error string           `json:"error"`
}

// Rest runs requests through the PostgREST emulation with the rest
// container's environment.
func (h *Harness) Rest(c *Container, reqs []RestRequest) (map[string]RestResult, error) {
	in, _ := json.Marshal(reqs)
	local, err := h.localFiles(c)
	if err != nil {
		return nil, err
	}
	out, err := h.node("storage", local, string(in), "rest.cjs", "requests")
	if err != nil {
		return nil, fmt.Errorf("PostgREST emulation: %w\n%s", err, out)
	}
	var res []RestResult
	if err := json.Unmarshal([]byte(lastLine(out)), &res); err != nil {
		return nil, fmt.Errorf("PostgREST emulation printed no result: %v\n%s", err, out)
	}
	byName := map[string]RestResult{}
	for _, r := range res {
		byName[r.Name] = r
	}
	return byName, nil
}

// UserToken signs an access token the way GoTrue does, with the secret
// GoTrue is rendered with.
func UserToken(secret, sub string) (string, error) {
	now := time.Now()
	return jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
		"sub": sub, "role": "authenticated", "aud": "authenticated", "email": sub[:8] + "@example.com",
		"iat": now.Unix(), "exp": now.Add(time.Hour).Unix(),
	}).SignedString([]byte(secret))
}

// realtimeMigrationSQL does, as Realtime's database user, what its tenant
// migrations do with roles and ownership (20240401105812 among them): a
// table in its own schema, a role it creates, and the table handed to that
// role. PostgreSQL 16+ refuses the last step unless the creator may SET
// ROLE to the role it created.
const realtimeMigrationSQL = `
CREATE SCHEMA IF NOT EXISTS realtime;
CREATE TABLE IF NOT EXISTS realtime.channels (id bigserial PRIMARY KEY, name text NOT NULL UNIQUE,
  inserted_at timestamp NOT NULL DEFAULT now(), updated_at timestamp NOT NULL DEFAULT now());
DO $m$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'supabase_realtime_admin') THEN
    CREATE ROLE supabase_realtime_admin WITH NOINHERIT NOLOGIN NOREPLICATION;
  END IF;
END
$m$;
GRANT ALL PRIVILEGES ON SCHEMA realtime TO supabase_realtime_admin;
GRANT ALL PRIVILEGES ON ALL TABLES IN SCHEMA realtime TO supabase_realtime_admin;
GRANT ALL PRIVILEGES ON ALL SEQUENCES IN SCHEMA realtime TO supabase_realtime_admin;
ALTER TABLE realtime.channels OWNER TO supabase_realtime_admin;
GRANT supabase_realtime_admin TO postgres;
SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'realtime.channels'::regclass;
`

// RealtimeEnv is the libpq form of Realtime's DB_* settings (Postgrex with
// DB_SSL=true: encrypted, not verified, like sslmode=require).
func RealtimeEnv(c *Container) ([]string, error) {
	var env []string
	for _, kv := range [][2]string{{"PGHOST", "DB_HOST"}, {"PGPORT", "DB_PORT"}, {"PGDATABASE", "DB_NAME"}, {"PGUSER", "DB_USER"}, {"PGPASSWORD", "DB_PASSWORD"}} {
		v, ok := c.Get(kv[1])
		if !ok {
			return nil, fmt.Errorf("realtime: %s is not set", kv[1])
		}
		env = append(env, kv[0]+"="+v)
	}
	mode := "disable"
	if v, _ := c.Get("DB_SSL"); v == "true" {
		mode = "require"
	}
	return append(env, "PGSSLMODE="+mode), nil
}

// CheckRealtime runs Realtime's role and ownership statements as its user.
func (h *Harness) CheckRealtime(c *Container) error {
	env, err := RealtimeEnv(c)
	if err != nil {
		return err
	}
	out, err := h.Psql(env, realtimeMigrationSQL)
	if err != nil {
		return fmt.Errorf("Realtime's migrations as its database user: %w: %s", err, out)
	}
	if out != "supabase_realtime_admin" {
		return fmt.Errorf("realtime.channels is owned by %q after Realtime's migrations, want supabase_realtime_admin", out)
	}
	return nil
}

func sortedWorkloads(r *Rendered) []string {
	var ids []string
	for id := range r.Workloads {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

func truncate(s string) string {
	if len(s) > 600 {
		return s[:600] + "..."
	}
	return s
}

// CheckClientPins compares the images the client stacks were pinned for
// (supabaseEksImages in clients/<stack>/package.json) with the images the
// rendering runs, so an image bump without re-pinning its clients fails
// here instead of testing the wrong client versions. postgres-meta's npm
// version must also be the image's tag.
func (h *Harness) CheckClientPins(r *Rendered) error {
	rendered := map[string]bool{}
	for _, w := range r.Workloads {
		for _, c := range append(append([]corev1.Container(nil), w.Pod.InitContainers...), w.Pod.Containers...) {
			rendered[c.Image] = true
		}
	}
	var problems []string
	for _, stack := range []string{"storage", "meta"} {
		var pkg struct {
			Images []string `json:"supabaseEksImages"`
		}
		data, err := os.ReadFile(filepath.Join(h.Clients, stack, "package.json"))
		if err != nil {
			return err
		}
		if err := json.Unmarshal(data, &pkg); err != nil {
			return fmt.Errorf("clients/%s/package.json: %w", stack, err)
		}
		if len(pkg.Images) == 0 {
			problems = append(problems, "clients/"+stack+"/package.json names no image (supabaseEksImages)")
		}
		for _, img := range pkg.Images {
			if !rendered[img] {
				problems = append(problems, fmt.Sprintf("clients/%s is pinned for %s, which %s does not run: re-pin the clients to the rendered image's versions", stack, img, r.Dir))
			}
		}
	}
	data, err := os.ReadFile(filepath.Join(h.Clients, "meta", "node_modules", "@supabase", "postgres-meta", "package.json"))
	if err != nil {
		return err
	}
	var meta struct{ Version string }
	if err := json.Unmarshal(data, &meta); err != nil {
		return err
	}
	if !rendered["supabase/postgres-meta:v"+meta.Version] {
		problems = append(problems, fmt.Sprintf("postgres-meta %s from npm is not the rendered image's version", meta.Version))
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "\n"))
	}
	return nil
}
