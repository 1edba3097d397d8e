package dbbootstrap

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
)

// stripComments drops SQL line comments so the checks below look at
// statements only.
func stripComments(sql string) string {
	var b strings.Builder
	for _, line := range strings.Split(sql, "\n") {
		if i := strings.Index(line, "--"); i >= 0 {
			line = line[:i]
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return b.String()
}

func TestRequiredEnvMatchesGetenv(t *testing.T) {
	re := regexp.MustCompile(`(?m)^\\getenv\s+(\w+)\s+(\w+)\s*$`)
	var got []string
	for _, m := range re.FindAllStringSubmatch(SQL, -1) {
		got = append(got, m[2])
		// The psql variable must be preset to '' so that an unset variable
		// reaches the emptiness check instead of a syntax error.
		if !regexp.MustCompile(`(?m)^\\set\s+` + m[1] + `\s+''\s*$`).MatchString(SQL) {
			t.Errorf("psql variable %s is not preset to '' before \\getenv", m[1])
		}
		if !strings.Contains(SQL, ":'"+m[1]+"'") {
			t.Errorf("psql variable %s is read but never used", m[1])
		}
	}
	if !slices.Equal(got, RequiredEnv) {
		t.Errorf("\\getenv reads %v, RequiredEnv is %v", got, RequiredEnv)
	}
	if strings.Contains(PrivilegedRolesSQL, `\getenv`) {
		t.Error("bootstrap_privileged_roles.sql must not need passwords")
	}
}

func TestEnvMapsToDatabaseSecretAndRoles(t *testing.T) {
	if len(SecretKeyForEnv) != len(RequiredEnv) || len(RoleForEnv) != len(RequiredEnv) {
		t.Fatalf("SecretKeyForEnv (%d) and RoleForEnv (%d) must cover RequiredEnv (%d) exactly",
			len(SecretKeyForEnv), len(RoleForEnv), len(RequiredEnv))
	}
	for _, env := range RequiredEnv {
		logical := outputs.SecretDatabase
		if l, ok := LogicalSecretForEnv[env]; ok {
			logical = l
		}
		keys := outputs.SecretKeys[logical]
		key, ok := SecretKeyForEnv[env]
		if !ok || !slices.Contains(keys, key) {
			t.Errorf("%s maps to secret key %q, not one of the %s secret's keys %v", env, key, logical, keys)
		}
		role := RoleForEnv[env]
		if role == "" || !strings.Contains(SQL, "('"+role+"', '"+strings.ToLower(env)+"')") {
			t.Errorf("%s: role %q does not get its password from this variable in bootstrap.sql", env, role)
		}
	}
}

// The files must never destroy what the components' migrations own, and
// must stay in one transaction each so a failed run changes nothing.
func TestSQLIsNonDestructive(t *testing.T) {
	for name, sql := range map[string]string{SQLFile: SQL, PrivilegedRolesFile: PrivilegedRolesSQL, EventTriggersFile: EventTriggersSQL} {
		code := strings.ToUpper(stripComments(sql))
		// The one replacement allowed: the event-trigger file's own two
		// functions in extensions, when their body differs.
		if name == EventTriggersFile {
			code = strings.Replace(code, "'CREATE OR REPLACE FUNCTION EXTENSIONS.%I() RETURNS EVENT_TRIGGER", "'(OWN WATCH FUNCTION)", 1)
		}
		for _, bad := range []string{"DROP ", "CREATE OR REPLACE", "REVOKE ", "TRUNCATE ", "DELETE FROM", "CASCADE"} {
			if strings.Contains(code, bad) {
				t.Errorf("%s contains %q", name, strings.TrimSpace(bad))
			}
		}
		// Objects inside the component schemas are theirs.
		for _, owned := range []string{"AUTH.", "STORAGE.", "_REALTIME.", "REALTIME."} {
			if regexp.MustCompile(`(CREATE|ALTER)\s+(TABLE|FUNCTION|VIEW|TYPE|INDEX|SEQUENCE)[^;]*\b` + regexp.QuoteMeta(owned)).MatchString(code) {
				t.Errorf("%s creates or alters an object in %s", name, strings.TrimSuffix(strings.ToLower(owned), "."))
			}
		}
		if n := strings.Count(code, "\nBEGIN;"); n != 1 {
			t.Errorf("%s: %d top-level BEGIN; want exactly 1", name, n)
		}
		if n := strings.Count(code, "\nCOMMIT;"); n != 1 {
			t.Errorf("%s: %d top-level COMMIT; want exactly 1", name, n)
		}
		if !strings.Contains(sql, `\set ON_ERROR_STOP on`) {
			t.Errorf("%s does not set ON_ERROR_STOP itself", name)
		}
	}
}

// BYPASSRLS is granted in exactly one place: the separate file.
func TestBypassRLSOnlyInItsOwnFile(t *testing.T) {
	if strings.Contains(strings.ToUpper(stripComments(SQL)), "BYPASSRLS") {
		t.Error("bootstrap.sql grants BYPASSRLS; that belongs in bootstrap_privileged_roles.sql only")
	}
	if !strings.Contains(stripComments(PrivilegedRolesSQL), "ALTER ROLE %I BYPASSRLS") {
		t.Error("bootstrap_privileged_roles.sql does not grant BYPASSRLS")
	}
}

func TestCommand(t *testing.T) {
	got := strings.Join(Command("/bootstrap"), " ")
	want := "psql -X -w -v ON_ERROR_STOP=1 -f /bootstrap/bootstrap.sql -f /bootstrap/bootstrap_privileged_roles.sql -f /bootstrap/bootstrap_event_triggers.sql"
	if got != want {
		t.Errorf("Command = %q, want %q", got, want)
	}
	files := Files()
	if len(files) != 3 || files[0].Name != SQLFile || files[0].Content != SQL ||
		files[1].Name != PrivilegedRolesFile || files[1].Content != PrivilegedRolesSQL ||
		files[2].Name != EventTriggersFile || files[2].Content != EventTriggersSQL {
		t.Errorf("Files() does not list bootstrap.sql, bootstrap_privileged_roles.sql, bootstrap_event_triggers.sql with their content")
	}
	names := map[string]bool{}
	for _, f := range files {
		names[f.Name] = true
	}
	for _, f := range RDSSuperuserFiles {
		if !names[f] || f == SQLFile {
			t.Errorf("RDSSuperuserFiles names %s, which is not a separate file of Files()", f)
		}
	}
}
