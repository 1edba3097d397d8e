// Package restore loads a logical dump (pg_dump --format=custom, as the
// backup CronJob takes it) into a database that the bootstrap Job has
// prepared, connected as the RDS master.
//
// The order is: bootstrap first (roles, passwords, schemas, grants,
// extensions, the Realtime publication, the schema-reload event triggers),
// then this restore. The restore therefore never creates roles, and it
// leaves out the archive's entries for objects the bootstrap already made
// (see Plan); everything else in the archive is restored with its owner and
// its privileges, in one transaction.
package restore

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/supabase-eks/supabase-eks/internal/ops/runner"
)

// ErrNotEmpty is returned when the target holds data and Force is not set.
var ErrNotEmpty = errors.New("target database is not empty")

// Options describe one restore.
type Options struct {
	// Dump is the local archive written by pg_dump --format=custom.
	Dump string
	// BinDir holds pg_restore and psql; empty means PATH. pg_restore must be
	// at least the major version of the pg_dump that wrote the archive.
	BinDir string
	// Env is the master's libpq environment (PGHOST, PGPORT, PGDATABASE,
	// PGUSER, PGPASSWORD, PGSSLMODE, ...), the same variables the backup
	// CronJob's pg_dump gets. PGDATABASE is required.
	Env []string
	// Force restores into a non-empty database: objects the archive holds
	// are dropped first (pg_restore --clean --if-exists) and recreated;
	// objects it does not hold are left alone.
	Force bool
	// WorkDir receives the SQL the archive is turned into; empty means a
	// temporary directory.
	WorkDir string
	// Remote says the runner executes the commands on another machine (a
	// pod, through kubectl exec), where Dump and WorkDir are: nothing is
	// checked or written locally, and WorkDir is required. Everything the
	// restore generates reaches the commands on their standard input.
	Remote bool
}

// Result says what the restore did.
type Result struct {
	// Skipped are the archive entries left to the bootstrap (TOC lines).
	Skipped []string
	// Entries is how many archive entries were restored.
	Entries int
}

// Run restores o.Dump into the database o.Env points at.
func Run(ctx context.Context, r runner.Runner, o Options) (Result, error) {
	var res Result
	db := envValue(o.Env, "PGDATABASE")
	if db == "" {
		return res, errors.New("restore: PGDATABASE is not set in the connection environment")
	}
	if o.Remote && o.WorkDir == "" {
		return res, errors.New("restore: a remote restore needs WorkDir")
	}
	if !o.Remote {
		if _, err := os.Stat(o.Dump); err != nil {
			return res, fmt.Errorf("restore: dump %s: %w", o.Dump, err)
		}
	}
	// Reading the table of contents first refuses a file that is not an
	// archive at all. A truncated archive usually still has its table of
	// contents (pg_dump writes it first); its data fails when the archive
	// is turned into SQL below. Both happen before the database is touched.
	toc, err := r.Run(ctx, runner.Cmd{Name: bin(o.BinDir, "pg_restore"), Args: []string{"--list", o.Dump}, Env: o.Env})
	if err != nil {
		return res, fmt.Errorf("restore: dump %s is not a readable pg_dump archive: %w", o.Dump, err)
	}
	contents, err := UserRelations(ctx, r, o)
	if err != nil {
		return res, err
	}
	if len(contents) > 0 && !o.Force {
		shown := contents
		if len(shown) > 10 {
			shown = append(shown[:10:10], fmt.Sprintf("... %d more", len(contents)-10))
		}
		return res, fmt.Errorf("%w: database %s already has %s; restore into a freshly bootstrapped database, or pass force to replace the objects the dump holds",
			ErrNotEmpty, db, strings.Join(shown, ", "))
	}
	existing, err := bootstrapped(ctx, r, o)
	if err != nil {
		return res, err
	}
	list, skipped, n := Plan(string(toc.Stdout), existing)
	res.Skipped, res.Entries = skipped, n
	dir := o.WorkDir
	if dir == "" {
		if dir, err = os.MkdirTemp("", "supabase-eks-restore-"); err != nil {
			return res, err
		}
		defer os.RemoveAll(dir)
	}
	// The archive becomes SQL first, so a damaged archive (truncated in
	// transfer, say) fails here, before the database is touched.
	sqlFile := path.Join(dir, "restore.sql")
	if !o.Remote {
		sqlFile = filepath.Join(dir, "restore.sql")
	}
	args := []string{
		// Only the entries Plan kept, read from standard input (pg_restore
		// opens the list by name). Owners and privileges are restored (no
		// --no-owner, no --no-privileges): the components' migrations alter
		// their tables as the owning role, and narrowed grants must stay
		// narrowed.
		"--use-list=/dev/stdin",
		"--file=" + sqlFile,
	}
	if o.Force {
		args = append(args, "--clean", "--if-exists")
	}
	if _, err := r.Run(ctx, runner.Cmd{Name: bin(o.BinDir, "pg_restore"), Args: append(args, o.Dump), Env: o.Env, Stdin: strings.NewReader(list)}); err != nil {
		return res, fmt.Errorf("restore: dump %s cannot be read in full (truncated or damaged?), database %s not touched: %w", o.Dump, db, err)
	}
	// One transaction for the prelude (on standard input) and the whole
	// archive, stopping at the first error: a half-restored database looks
	// usable and is not.
	if _, err := r.Run(ctx, runner.Cmd{
		Name:  bin(o.BinDir, "psql"),
		Args:  []string{"-X", "-w", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction", "-f", "-", "-f", sqlFile},
		Env:   o.Env,
		Stdin: strings.NewReader(preludeSQL),
	}); err != nil {
		return res, fmt.Errorf("restore: restoring dump %s into database %s failed and was rolled back: %w", o.Dump, db, err)
	}
	return res, nil
}

// preludeSQL runs in the restore's transaction before the archive. The
// bootstrap gives the target default privileges (API roles get ALL on new
// tables in public and storage); pg_dump writes each table's privileges as
// grants over the owner's built-in defaults, never as revokes of what
// default privileges added. Restored under the bootstrap's defaults, a
// table whose grants were narrowed (REVOKE DELETE ... FROM anon) would come
// back with them widened again. So the per-schema default privileges are
// lifted for the restore (the bootstrap sets no database-wide ones, which
// are left alone); the archive's DEFAULT ACL entries put the
// source's back at its end (the same as the bootstrap's when the source was
// bootstrapped too; re-running the bootstrap Job adds any missing ones).
const preludeSQL = `
SET LOCAL lock_timeout = '30s';
DO $restore$
DECLARE
  d record;
BEGIN
  FOR d IN
    SELECT a.defaclrole::regrole AS owner, a.defaclnamespace::regnamespace AS nsp,
           CASE a.defaclobjtype WHEN 'r' THEN 'TABLES' WHEN 'S' THEN 'SEQUENCES' WHEN 'f' THEN 'FUNCTIONS'
                                WHEN 'T' THEN 'TYPES' END AS kind,
           x.grantee
      FROM pg_catalog.pg_default_acl a, LATERAL pg_catalog.aclexplode(a.defaclacl) x
     WHERE a.defaclnamespace <> 0 AND a.defaclobjtype IN ('r', 'S', 'f', 'T')
     GROUP BY 1, 2, 3, 4
  LOOP
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %s IN SCHEMA %s REVOKE ALL ON %s FROM %s',
      d.owner, d.nsp, d.kind, CASE WHEN d.grantee = 0 THEN 'PUBLIC' ELSE d.grantee::regrole::text END);
  END LOOP;
END
$restore$;
`

// userRelationsSQL lists what makes a database "not empty": any table,
// partitioned table, view, materialized view, sequence or foreign table
// outside the system schemas that does not belong to an extension. Right
// after the bootstrap there is none (it creates schemas, roles, grants,
// extensions, a publication and two event trigger functions, no
// relations); once GoTrue, Storage, Realtime or a user have created a
// table there is.
const userRelationsSQL = `
SELECT n.nspname || '.' || c.relname
  FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
   AND n.nspname NOT IN ('pg_catalog', 'information_schema')
   AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                    WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
 ORDER BY 1`

// UserRelations returns the target's relations that make it non-empty.
func UserRelations(ctx context.Context, r runner.Runner, o Options) ([]string, error) {
	out, err := psql(ctx, r, o, userRelationsSQL)
	if err != nil {
		return nil, fmt.Errorf("restore: cannot inspect the target database: %w", err)
	}
	return lines(out), nil
}

// existingSQL names, in pg_restore --list's tag form, the objects of the
// kinds the bootstrap creates that the target already holds.
const existingSQL = `
SELECT 'SCHEMA ' || nspname FROM pg_catalog.pg_namespace
UNION ALL SELECT 'EXTENSION ' || extname FROM pg_catalog.pg_extension
UNION ALL SELECT 'PUBLICATION ' || pubname FROM pg_catalog.pg_publication
UNION ALL SELECT 'EVENT TRIGGER ' || evtname FROM pg_catalog.pg_event_trigger
UNION ALL SELECT 'FUNCTION ' || n.nspname || ' ' || p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')'
  FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
 WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')`

func bootstrapped(ctx context.Context, r runner.Runner, o Options) (map[string]bool, error) {
	out, err := psql(ctx, r, o, existingSQL)
	if err != nil {
		return nil, fmt.Errorf("restore: cannot list the bootstrap's objects in the target: %w", err)
	}
	m := map[string]bool{}
	for _, l := range lines(out) {
		m[l] = true
	}
	return m, nil
}

// tocEntry matches a pg_restore --list line: "id; tableoid oid TYPE rest".
var tocEntry = regexp.MustCompile(`^(\d+); \d+ \d+ (.*)$`)

// kinds whose entry creates an object the target may already hold, with
// how the rest of the line names it ("- name owner" or "schema name owner").
var creators = []string{"SCHEMA", "EXTENSION", "PUBLICATION", "EVENT TRIGGER", "FUNCTION"}

// Plan turns pg_restore --list output into the list to restore: entries
// that would create an object the target already holds (a schema,
// extension, publication, event trigger or function the bootstrap made, as
// existing names them) are commented out, with their COMMENT entries.
// Everything else stays: tables, data, indexes, constraints, policies, the
// publication's tables, owners, privileges and default privileges.
// Creating these again would fail ("already exists"), and the event
// triggers need the rds_superuser allowance only the bootstrap has.
func Plan(toc string, existing map[string]bool) (list string, skipped []string, restored int) {
	var b strings.Builder
	s := bufio.NewScanner(strings.NewReader(toc))
	s.Buffer(make([]byte, 1<<20), 1<<24)
	for s.Scan() {
		line := s.Text()
		m := tocEntry.FindStringSubmatch(line)
		if m == nil {
			b.WriteString(line + "\n")
			continue
		}
		if name, ok := objectName(m[2]); ok && existing[name] {
			skipped = append(skipped, line)
			b.WriteString(";" + line + "\n")
			continue
		}
		restored++
		b.WriteString(line + "\n")
	}
	return b.String(), skipped, restored
}

// objectName gives an entry's object in existingSQL's form, for the kinds
// Plan may skip. "COMMENT - EXTENSION pgcrypto" maps to its extension: a
// comment on an object the archive does not create is not restored either.
func objectName(entry string) (string, bool) {
	entry, comment := strings.CutPrefix(entry, "COMMENT - ")
	for _, kind := range creators {
		rest, ok := strings.CutPrefix(entry, kind+" ")
		if !ok {
			continue
		}
		fields := strings.Fields(rest)
		switch {
		case comment && kind != "FUNCTION" && len(fields) >= 1:
			// "COMMENT - EXTENSION pgcrypto owner"
			return kind + " " + fields[0], true
		case comment && kind == "FUNCTION" && len(fields) >= 2:
			// "COMMENT - FUNCTION name(args) schema owner" is not a form
			// pg_restore prints for functions; keep such comments.
			return "", false
		case !comment && len(fields) >= 2 && fields[0] == "-":
			// "SCHEMA - auth owner", "EVENT TRIGGER - name owner"
			return kind + " " + fields[1], true
		case !comment && kind == "FUNCTION" && len(fields) >= 3:
			// "FUNCTION schema name(args) owner": args may hold spaces.
			return kind + " " + fields[0] + " " + strings.Join(fields[1:len(fields)-1], " "), true
		}
	}
	return "", false
}

func psql(ctx context.Context, r runner.Runner, o Options, sql string) (string, error) {
	res, err := r.Run(ctx, runner.Cmd{
		Name:  bin(o.BinDir, "psql"),
		Args:  []string{"-X", "-w", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-f", "-"},
		Env:   o.Env,
		Stdin: strings.NewReader(sql),
	})
	return string(res.Stdout), err
}

func bin(dir, name string) string {
	if dir == "" {
		return name
	}
	return filepath.Join(dir, name)
}

func envValue(env []string, key string) string {
	v := ""
	for _, e := range env {
		if k, val, ok := strings.Cut(e, "="); ok && k == key {
			v = val
		}
	}
	return v
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
