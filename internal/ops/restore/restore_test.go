package restore

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/supabase-eks/supabase-eks/internal/ops/runner"
	"github.com/supabase-eks/supabase-eks/internal/testkit/fakerunner"
)

// A table of contents as pg_restore --list prints it for a bootstrapped
// Supabase database (trimmed).
const toc = `;
; Archive created at 2026-11-30 06:36:37 UTC
;     dbname: postgres
;
; Selected TOC Entries:
;
7; 2615 16399 SCHEMA - _realtime supabase_admin
11; 2615 16397 SCHEMA - auth supabase_auth_admin
2; 3079 16402 EXTENSION - pgcrypto 
3497; 0 0 COMMENT - EXTENSION pgcrypto 
291; 1255 16460 FUNCTION extensions pgrst_ddl_watch() supabase_master
300; 1255 16470 FUNCTION auth uid() supabase_auth_admin
301; 1255 16471 FUNCTION public add(a integer, b integer) supabase_admin
250; 1259 16480 TABLE auth users supabase_auth_admin
3473; 6104 16459 PUBLICATION - supabase_realtime supabase_admin
3474; 6106 16500 PUBLICATION TABLE public supabase_realtime todos supabase_admin
3290; 3466 16462 EVENT TRIGGER - pgrst_ddl_watch supabase_master
3400; 0 16480 TABLE DATA auth users supabase_auth_admin
3500; 0 0 ACL - SCHEMA auth supabase_auth_admin
`

func TestPlanSkipsOnlyWhatTheTargetHas(t *testing.T) {
	existing := map[string]bool{
		"SCHEMA _realtime": true, "SCHEMA auth": true, "EXTENSION pgcrypto": true,
		"FUNCTION extensions pgrst_ddl_watch()": true, "PUBLICATION supabase_realtime": true,
		"EVENT TRIGGER pgrst_ddl_watch": true,
		// A function of the same name with other arguments is another object.
		"FUNCTION public add(a integer)": true,
	}
	list, skipped, n := Plan(toc, existing)
	wantSkipped := []string{"SCHEMA - _realtime", "SCHEMA - auth", "EXTENSION - pgcrypto", "COMMENT - EXTENSION pgcrypto",
		"FUNCTION extensions pgrst_ddl_watch()", "PUBLICATION - supabase_realtime", "EVENT TRIGGER - pgrst_ddl_watch"}
	if len(skipped) != len(wantSkipped) {
		t.Fatalf("skipped %d entries, want %d: %q", len(skipped), len(wantSkipped), skipped)
	}
	for i, w := range wantSkipped {
		if !strings.Contains(skipped[i], w) {
			t.Errorf("skipped[%d] = %q, want %q", i, skipped[i], w)
		}
		if !strings.Contains(list, ";"+skipped[i]) {
			t.Errorf("%q is not commented out in the list", skipped[i])
		}
	}
	for _, kept := range []string{"FUNCTION auth uid()", "FUNCTION public add(a integer, b integer)", "TABLE auth users", "PUBLICATION TABLE public supabase_realtime todos", "TABLE DATA auth users", "ACL - SCHEMA auth"} {
		if !strings.Contains(list, "\n"+firstField(toc, kept)) {
			t.Errorf("%s must be restored; list:\n%s", kept, list)
		}
	}
	if n != 6 {
		t.Errorf("restored %d entries, want 6", n)
	}
}

func firstField(toc, entry string) string {
	for _, l := range strings.Split(toc, "\n") {
		if strings.Contains(l, entry) {
			return l
		}
	}
	return "no such entry " + entry
}

func dump(t *testing.T) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), "db.dump")
	if err := os.WriteFile(f, []byte("PGDMP"), 0o600); err != nil {
		t.Fatal(err)
	}
	return f
}

func TestRefusesNonEmptyTarget(t *testing.T) {
	f := (&fakerunner.Fake{}).On("pg_restore --list", toc, 0).On("psql", "public.todos\nauth.users\n", 0)
	_, err := Run(context.Background(), f, Options{Dump: dump(t), Env: []string{"PGDATABASE=postgres"}})
	if !errors.Is(err, ErrNotEmpty) || !strings.Contains(err.Error(), "public.todos, auth.users") || !strings.Contains(err.Error(), "force") {
		t.Fatalf("got %v; want ErrNotEmpty naming the tables and the force flag", err)
	}
	if got := f.Called("pg_restore --use-list"); len(got) != 0 {
		t.Fatalf("restored into a non-empty target: %q", got)
	}
}

func TestForceCleansAndOneTransaction(t *testing.T) {
	f := (&fakerunner.Fake{}).On("pg_restore --list", toc, 0).On("psql", "public.todos\n", 0)
	if _, err := Run(context.Background(), f, Options{Dump: dump(t), Env: []string{"PGDATABASE=postgres"}, Force: true}); err != nil {
		t.Fatal(err)
	}
	r := f.Called("pg_restore --use-list")
	if len(r) != 1 || !strings.Contains(r[0], "--clean --if-exists") {
		t.Fatalf("pg_restore calls %q; want one with --clean --if-exists", r)
	}
	p := f.Called("psql -X -w -q -v ON_ERROR_STOP=1 --single-transaction -f - -f ")
	if len(p) != 1 {
		t.Fatalf("psql calls %q; want the prelude and the archive in one transaction", f.Calls)
	}
	// The list reaches pg_restore and the prelude psql on standard input.
	for i, c := range f.Calls {
		switch {
		case strings.HasPrefix(c, "pg_restore --use-list=/dev/stdin") && !strings.Contains(f.Stdins[i], "TABLE DATA auth users"):
			t.Errorf("pg_restore got no list on stdin: %q", f.Stdins[i])
		case strings.HasPrefix(c, "psql -X -w -q -v ON_ERROR_STOP=1 --single-transaction") && !strings.Contains(f.Stdins[i], "ALTER DEFAULT PRIVILEGES"):
			t.Errorf("psql got no prelude on stdin: %q", f.Stdins[i])
		}
	}
}

// TestRemoteTouchesNoLocalFile: in a pod, the dump and the SQL are the
// pod's files; nothing is checked or created on this machine.
func TestRemoteTouchesNoLocalFile(t *testing.T) {
	f := (&fakerunner.Fake{}).On("pg_restore --list", toc, 0)
	_, err := Run(context.Background(), f, Options{Dump: "/backup/postgres.dump", WorkDir: "/backup/work", Remote: true, Env: []string{"PGDATABASE=postgres"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat("/backup/work"); err == nil {
		t.Fatal("created the pod's work directory locally")
	}
	if len(f.Called("pg_restore --use-list=/dev/stdin --file=/backup/work/restore.sql /backup/postgres.dump")) != 1 ||
		len(f.Called("psql -X -w -q -v ON_ERROR_STOP=1 --single-transaction -f - -f /backup/work/restore.sql")) != 1 {
		t.Fatalf("calls %q", f.Calls)
	}
	if _, err := Run(context.Background(), f, Options{Dump: "/backup/postgres.dump", Remote: true, Env: []string{"PGDATABASE=postgres"}}); err == nil {
		t.Error("a remote restore without WorkDir must be refused")
	}
}

func TestErrorsNameTheDump(t *testing.T) {
	for name, f := range map[string]*fakerunner.Fake{
		"not an archive": (&fakerunner.Fake{}).On("pg_restore --list", "", 1),
		"truncated":      (&fakerunner.Fake{}).On("pg_restore --list", toc, 0).On("pg_restore --use-list", "", 1),
		"fails in sql":   (&fakerunner.Fake{}).On("pg_restore --list", toc, 0).On("psql -X -w -q -v", "", 3),
	} {
		d := dump(t)
		_, err := Run(context.Background(), f, Options{Dump: d, Env: []string{"PGDATABASE=postgres"}})
		var ee *runner.ExitError
		if err == nil || !strings.Contains(err.Error(), d) || !errors.As(err, &ee) {
			t.Errorf("%s: %v; want an exit error naming %s", name, err, d)
		}
	}
	if _, err := Run(context.Background(), &fakerunner.Fake{}, Options{Dump: dump(t)}); err == nil || !strings.Contains(err.Error(), "PGDATABASE") {
		t.Errorf("without PGDATABASE: %v", err)
	}
}
