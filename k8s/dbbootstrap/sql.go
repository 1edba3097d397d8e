// Package dbbootstrap is the SQL that prepares the RDS database for Supabase:
// roles, schemas, grants, extensions and the Realtime publication, with each
// login role's password taken from the environment. The Kubernetes bootstrap
// Job mounts the two files (Files) and runs Command as the RDS master user.
//
// Both files are idempotent and never drop anything, so the Job can run again
// at any time, for instance to rotate a password or after the components have
// run their own migrations. The tests in this package apply them to a real
// PostgreSQL with an RDS-like, non-superuser master.
package dbbootstrap

import (
	_ "embed"
	"path"

	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
)

// SQL is bootstrap.sql: everything except the BYPASSRLS attribute.
//
//go:embed bootstrap.sql
var SQL string

// PrivilegedRolesSQL is bootstrap_privileged_roles.sql: gives service_role
// and supabase_admin BYPASSRLS. Kept apart because plain PostgreSQL 15 lets
// only a superuser do this, while RDS's master can (PostgreSQL 16+).
//
//go:embed bootstrap_privileged_roles.sql
var PrivilegedRolesSQL string

// EventTriggersSQL is bootstrap_event_triggers.sql: the event triggers that
// tell PostgREST to reload its schema cache after DDL. Kept apart because
// vanilla PostgreSQL lets only a superuser create event triggers, while
// RDS's master can.
//
//go:embed bootstrap_event_triggers.sql
var EventTriggersSQL string

// File names under which the Job mounts SQL and PrivilegedRolesSQL. They
// are keys of a ConfigMap, so they avoid "pass", "secret", "token" and the
// like: trivy (KSV-0109, HIGH) reports such keys as secrets stored in a
// ConfigMap, which is why the BYPASSRLS step is not named after it.
const (
	SQLFile             = "bootstrap.sql"
	PrivilegedRolesFile = "bootstrap_privileged_roles.sql"
	EventTriggersFile   = "bootstrap_event_triggers.sql"
)

// RDSSuperuserFiles are the files that rely on what RDS lets rds_superuser
// members do beyond vanilla PostgreSQL (BYPASSRLS and pg_read_all_data
// grants, event triggers). Tests on vanilla PostgreSQL run exactly these
// with the master temporarily made a superuser, and say so.
var RDSSuperuserFiles = []string{PrivilegedRolesFile, EventTriggersFile}

// RequiredEnv are the environment variables SQL reads with psql's \getenv:
// one password per login role. Unset or empty fails the run before anything
// changes.
var RequiredEnv = []string{
	"AUTHENTICATOR_PASSWORD",
	"SUPABASE_AUTH_ADMIN_PASSWORD",
	"SUPABASE_STORAGE_ADMIN_PASSWORD",
	"SUPABASE_ADMIN_PASSWORD",
	"SUPAVISOR_PASSWORD",
	"APP_USER_PASSWORD",
}

// SecretKeyForEnv maps each RequiredEnv variable to its key in the database
// secret (outputs.SecretDatabase), for the Job's secretKeyRefs.
var SecretKeyForEnv = map[string]string{
	"AUTHENTICATOR_PASSWORD":          "authenticator_password",
	"SUPABASE_AUTH_ADMIN_PASSWORD":    "supabase_auth_admin_password",
	"SUPABASE_STORAGE_ADMIN_PASSWORD": "supabase_storage_admin_password",
	"SUPABASE_ADMIN_PASSWORD":         "supabase_admin_password",
	"SUPAVISOR_PASSWORD":              "supavisor_password",
	"APP_USER_PASSWORD":               "app_user_password",
}

// LogicalSecretForEnv is the Secrets Manager secret (outputs.SecretDatabase
// unless listed) holding each RequiredEnv variable's key: the pooler's two
// roles keep their passwords with the pooler's other keys.
var LogicalSecretForEnv = map[string]string{
	"SUPAVISOR_PASSWORD": outputs.SecretPooler,
	"APP_USER_PASSWORD":  outputs.SecretPooler,
}

// Roles that only the pooler uses.
const (
	// PoolerMetadataRole owns schema PoolerSchema, where Supavisor keeps
	// its tenants.
	PoolerMetadataRole = "supavisor"
	PoolerSchema       = "_supavisor"
	// AppRole is the applications' login through the pooler.
	AppRole = "app_user"
)

// RoleForEnv maps each RequiredEnv variable to the role whose password it is.
var RoleForEnv = map[string]string{
	"AUTHENTICATOR_PASSWORD":          "authenticator",
	"SUPABASE_AUTH_ADMIN_PASSWORD":    "supabase_auth_admin",
	"SUPABASE_STORAGE_ADMIN_PASSWORD": "supabase_storage_admin",
	"SUPABASE_ADMIN_PASSWORD":         "supabase_admin",
	"SUPAVISOR_PASSWORD":              PoolerMetadataRole,
	"APP_USER_PASSWORD":               AppRole,
}

// File is one SQL file for the Job's ConfigMap.
type File struct {
	Name    string
	Content string
}

// Files are the SQL files in the order Command runs them.
func Files() []File {
	return []File{{SQLFile, SQL}, {PrivilegedRolesFile, PrivilegedRolesSQL}, {EventTriggersFile, EventTriggersSQL}}
}

// Command is the Job container's command when the files are mounted in dir.
// psql takes the connection from PGHOST, PGPORT, PGDATABASE, PGUSER,
// PGPASSWORD and PGSSLMODE, and the passwords from RequiredEnv. -X ignores
// any psqlrc, -w never prompts, ON_ERROR_STOP makes the first error end the
// run with exit status 3.
func Command(dir string) []string {
	var files []string
	for _, f := range Files() {
		files = append(files, path.Join(dir, f.Name))
	}
	return PsqlCommand(files...)
}

// PsqlCommand is Command for explicit file paths, in order.
func PsqlCommand(files ...string) []string {
	cmd := []string{"psql", "-X", "-w", "-v", "ON_ERROR_STOP=1"}
	for _, f := range files {
		cmd = append(cmd, "-f", f)
	}
	return cmd
}
