package synth

import (
	"regexp"
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"

	"github.com/supabase-eks/supabase-eks/internal/testkit/pgtest"
)

// kubeletExpand is what the kubelet does to a command, argument or env value
// that references none of the container's variables as $(VAR): $$ becomes $.
func kubeletExpand(s string) string { return strings.ReplaceAll(s, "$$", "$") }

// TestCommandsSurviveKubeletExpansion: no command, argument or env value
// contains $$, which the kubelet turns into $, so what the manifests say is
// what the containers run. ($(VAR) is left alone: it is the kubelet's own
// reference syntax, used on purpose, and kept as written when VAR is not a
// variable of the container.)
func TestCommandsSurviveKubeletExpansion(t *testing.T) {
	eachEnv(t, func(t *testing.T, r *rendered) {
		for name, tpl := range podTemplates(t, r) {
			for _, c := range append(append([]corev1.Container{}, tpl.Spec.InitContainers...), tpl.Spec.Containers...) {
				values := append(append([]string{}, c.Command...), c.Args...)
				for _, e := range c.Env {
					values = append(values, e.Value)
				}
				for _, s := range values {
					if strings.Contains(s, "$$") {
						t.Errorf("%s/%s: %q contains $$, which the kubelet turns into $", name, c.Name, s)
					}
				}
			}
		}
	})
}

var (
	shellEvalArg   = regexp.MustCompile(`/app/bin/realtime eval '([^']*)'`)
	elixirQuerySQL = regexp.MustCompile(`repo\.query!\("([^"\\#]*)"\)`)
)

// TestRealtimeTenantUsesTLS runs the statement the Realtime container runs
// after its seed (taken from the rendered command, after the kubelet's
// expansion and the shell's quoting) against a real PostgreSQL holding a
// tenant shaped the way Realtime's seed writes it: TLS turns on for that
// tenant only, and the encrypted connection settings are left alone.
func TestRealtimeTenantUsesTLS(t *testing.T) {
	r := envs["dev"]
	if r == nil {
		t.Fatalf("dev not rendered: %v", synthErr)
	}
	d, ok := deployments(t, r)["realtime"]
	if !ok {
		t.Fatal("no realtime Deployment")
	}
	c := d.Spec.Template.Spec.Containers[0]
	raw := c.Command[len(c.Command)-1]
	if strings.Contains(raw, "$(") {
		t.Fatalf("the realtime script references a container variable; kubeletExpand does not model that: %s", raw)
	}
	script := kubeletExpand(raw)
	evals := shellEvalArg.FindAllStringSubmatch(script, -1)
	if len(evals) != 2 || !strings.Contains(evals[0][1], "seeds") {
		t.Fatalf("want the seed, then the TLS fix, as realtime evals; script: %s", script)
	}
	if strings.Index(script, evals[1][0]) > strings.Index(script, "exec /app/bin/server") {
		t.Fatal("the TLS fix must run before the server starts")
	}
	m := elixirQuerySQL.FindStringSubmatch(evals[1][1])
	if m == nil || !strings.Contains(evals[1][1], "num_rows: 1") {
		t.Fatalf("the TLS eval must run one plain SQL string and require one changed row: %s", evals[1][1])
	}
	sql := m[1]

	srv := pgtest.Start(t)
	tenant := r.env.Workloads.RealtimeTenant
	srv.SuperQuery(t, "postgres", `
CREATE SCHEMA _realtime;
CREATE TABLE _realtime.tenants (external_id text PRIMARY KEY);
-- as Realtime's migrations create it (Ecto :map is jsonb; type and the key were altered to text)
CREATE TABLE _realtime.extensions (
  id uuid PRIMARY KEY,
  type text,
  settings jsonb,
  tenant_external_id text REFERENCES _realtime.tenants (external_id) ON DELETE CASCADE,
  inserted_at timestamp NOT NULL DEFAULT now(),
  updated_at timestamp NOT NULL DEFAULT now(),
  UNIQUE (tenant_external_id, type)
);
INSERT INTO _realtime.tenants VALUES ('`+tenant+`'), ('other');
INSERT INTO _realtime.extensions (id, type, settings, tenant_external_id) VALUES
  ('00000000-0000-4000-8000-000000000001', 'postgres_cdc_rls',
   '{"db_host": "ENC1", "db_password": "ENC2", "region": "us-east-1", "ssl_enforced": false}', '`+tenant+`'),
  ('00000000-0000-4000-8000-000000000002', 'postgres_cdc_rls', '{"ssl_enforced": false}', 'other');`)
	if n := srv.SuperQuery(t, "postgres", "WITH changed AS ("+sql+" RETURNING 1) SELECT count(*) FROM changed;"); n != "1" {
		t.Errorf("the statement changed %s rows, want 1", n)
	}
	got := srv.SuperQuery(t, "postgres", "SELECT tenant_external_id, settings->>'ssl_enforced', settings->>'db_host', settings->>'db_password' FROM _realtime.extensions ORDER BY 1;")
	if want := "other|false||\n" + tenant + "|true|ENC1|ENC2"; got != want {
		t.Errorf("after the statement:\n%s\nwant:\n%s", got, want)
	}
}
