package config

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/supabase-eks/supabase-eks/internal/contract/names"
)

// PointInTimeRestore makes the environment's database a new RDS instance
// restored from another one's automated backups at Time. The instance it
// replaces is taken out of the Terraform state (a `removed` block with
// destroy = false), never deleted by Terraform: it stays, with its own
// backups, until an operator deletes it (`supabase-eks restore pitr`
// prints how).
type PointInTimeRestore struct {
	// SourceIdentifier is the RDS instance restored from: the environment's
	// current instance (its resource prefix, or the identifier of an
	// earlier restore). Exclusive with SourceDbiResourceID.
	SourceIdentifier string `json:"sourceIdentifier,omitempty"`
	// SourceDbiResourceID ("db-...") restores from the retained automated
	// backups of an instance that no longer exists (delete_automated_backups
	// is off wherever a final snapshot is kept).
	SourceDbiResourceID string `json:"sourceDbiResourceId,omitempty"`
	// Time is the moment restored to, RFC 3339 in UTC (e.g.
	// "2026-11-30T08:15:00Z"); it must lie within the source's backup
	// retention and before its latest restorable time (RDS checks both).
	Time string `json:"time"`
}

// RestoreStampFormat renders the restore time into the restored instance's
// identifier: minutes are the finest grain anyone restores to by hand, and
// RDS identifiers take only letters, digits and hyphens.
const RestoreStampFormat = "20060102t1504z"

// At parses Time.
func (r PointInTimeRestore) At() (time.Time, error) {
	t, err := time.Parse(time.RFC3339, r.Time)
	if err != nil {
		return time.Time{}, err
	}
	if _, off := t.Zone(); off != 0 {
		return time.Time{}, errors.New("not in UTC (end it with Z)")
	}
	return t, nil
}

// Stamp is the part of the restored instance's identifier that names the
// restore (internal/contract/names.RestoredDBInstance).
func (r PointInTimeRestore) Stamp() string {
	t, err := r.At()
	if err != nil {
		return ""
	}
	return t.UTC().Format(RestoreStampFormat)
}

var dbiResourceRe = regexp.MustCompile(`^db-[A-Z0-9]{10,40}$`)

// validate checks the restore against the environment; now bounds Time.
func (r PointInTimeRestore) validate(e Environment, now time.Time, add func(field, format string, args ...any)) {
	const f = "database.pointInTimeRestore"
	t, err := r.At()
	switch {
	case err != nil:
		add(f+".time", "%q: want an RFC 3339 time in UTC such as 2026-11-30T08:15:00Z (%v)", r.Time, err)
	case t.After(now):
		// No age limit here: a restore in effect stays valid for as long as
		// it is committed; RDS itself refuses a time outside the retention.
		add(f+".time", "%s is in the future", r.Time)
	}
	switch {
	case r.SourceIdentifier == "" && r.SourceDbiResourceID == "":
		add(f+".sourceIdentifier", "name the instance restored from (or sourceDbiResourceId for a deleted one)")
	case r.SourceIdentifier != "" && r.SourceDbiResourceID != "":
		add(f+".sourceDbiResourceId", "set either sourceIdentifier or sourceDbiResourceId, not both")
	case r.SourceDbiResourceID != "" && !dbiResourceRe.MatchString(r.SourceDbiResourceID):
		add(f+".sourceDbiResourceId", "%q is not an RDS resource id (db-...)", r.SourceDbiResourceID)
	case r.SourceIdentifier != "" && !IsEnvironmentInstance(e.ResourcePrefix(), r.SourceIdentifier):
		// The removed block must name the instance being replaced; an
		// instance of another environment is not in this state.
		add(f+".sourceIdentifier", "%q is not an instance of this environment (want %s or %s-pitr-<time>)", r.SourceIdentifier, e.ResourcePrefix(), e.ResourcePrefix())
	case r.SourceIdentifier != "" && err == nil && r.SourceIdentifier == names.RestoredDBInstance(e.ResourcePrefix(), r.Stamp()):
		add(f+".sourceIdentifier", "%q is the instance this restore creates", r.SourceIdentifier)
	}
}

// IsEnvironmentInstance reports whether id is the environment's original
// instance or one a point-in-time restore made.
func IsEnvironmentInstance(prefix, id string) bool {
	if id == names.DBInstance(prefix) {
		return true
	}
	_, ok := RestoreStampOf(prefix, id)
	return ok
}

// RestoreStampOf returns the stamp of a restored instance's identifier.
func RestoreStampOf(prefix, id string) (string, bool) {
	stamp, found := strings.CutPrefix(id, names.RestoredDBInstance(prefix, ""))
	if !found {
		return "", false
	}
	if _, err := time.Parse(RestoreStampFormat, stamp); err != nil {
		return "", false
	}
	return stamp, true
}

// DBInstanceIdentifier is the identifier of the environment's database:
// the restored instance while a point-in-time restore is in effect.
func (e Environment) DBInstanceIdentifier() string {
	if r := e.Database.PointInTimeRestore; r != nil {
		return names.RestoredDBInstance(e.ResourcePrefix(), r.Stamp())
	}
	return names.DBInstance(e.ResourcePrefix())
}

//go:embed pitr
var pitrFiles embed.FS

// RestoreFile is where the restore in effect for env is kept, relative to
// the repository root; `supabase-eks restore pitr` writes it.
func RestoreFile(env string) string {
	return path.Join("internal", "contract", "config", "pitr", env+".json")
}

// committedRestore reads the restore in effect for env from the embedded
// files; nil when there is none.
func committedRestore(env string) (*PointInTimeRestore, error) {
	data, err := pitrFiles.ReadFile(path.Join("pitr", env+".json"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return DecodeRestore(data)
}

// DecodeRestore parses a restore file strictly: an unknown field is a typo
// that would otherwise restore something else than meant.
func DecodeRestore(data []byte) (*PointInTimeRestore, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var r PointInTimeRestore
	if err := dec.Decode(&r); err != nil {
		return nil, fmt.Errorf("database.pointInTimeRestore: %w", err)
	}
	return &r, nil
}

// EncodeRestore renders a restore file.
func EncodeRestore(r PointInTimeRestore) []byte {
	b, _ := json.MarshalIndent(r, "", "  ")
	return append(b, '\n')
}

// examples are environments that are synthesized and planned by the
// validation gate (make validate-tf), never deployed: they take code paths
// the shipped environments do not take today.
var examples = map[string]func() Environment{
	// prod after a point-in-time restore of its original instance.
	"pitr-example": func() Environment {
		e := Prod()
		e.Name = "pitr-example"
		e.State.Key = "supabase-pitr-example/terraform.tfstate"
		e.Tags = map[string]string{ProjectTag: e.Project, "Environment": e.Name, "ManagedBy": "supabase-eks"}
		e.Database.PointInTimeRestore = &PointInTimeRestore{SourceIdentifier: e.ResourcePrefix(), Time: "2026-11-01T06:30:00Z"}
		return e
	},
}

// ExampleNames lists the validation-only environments.
func ExampleNames() []string { return slices.Sorted(maps.Keys(examples)) }

// LoadExample returns a validation-only environment, validated.
func LoadExample(name string) (Environment, error) {
	build, ok := examples[name]
	if !ok {
		return Environment{}, fmt.Errorf("example environment %q: unknown (known: %s)", name, strings.Join(ExampleNames(), ", "))
	}
	env := build()
	return env, env.Validate()
}

// NoncurrentVersionDays is how long the storage bucket keeps an overwritten
// or deleted object's versions (its lifecycle rule): the furthest back a
// storage restore can go.
const NoncurrentVersionDays = 30
