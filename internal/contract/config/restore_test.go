package config

import (
	"strings"
	"testing"
	"time"
)

func TestRestoreNamesTheRestoredInstance(t *testing.T) {
	e := Prod()
	if got := e.DBInstanceIdentifier(); got != "supabase-prod" {
		t.Fatalf("no restore: identifier %q, want supabase-prod", got)
	}
	e.Database.PointInTimeRestore = &PointInTimeRestore{SourceIdentifier: "supabase-prod", Time: "2026-11-29T08:15:42Z"}
	if err := e.Validate(); err != nil {
		t.Fatal(err)
	}
	want := "supabase-prod-pitr-20261129t0815z"
	if got := e.DBInstanceIdentifier(); got != want {
		t.Fatalf("identifier %q, want %q", got, want)
	}
	if !IsEnvironmentInstance("supabase-prod", want) || !IsEnvironmentInstance("supabase-prod", "supabase-prod") {
		t.Error("the original and the restored instance are the environment's")
	}
	for _, id := range []string{"supabase-dev", "supabase-prod-pitr-", "supabase-prod-pitr-2026", "supabase-prodx", "other-prod"} {
		if IsEnvironmentInstance("supabase-prod", id) {
			t.Errorf("%q taken for an instance of supabase-prod", id)
		}
	}
	// A restore of a restore names the first restored instance as source.
	e.Database.PointInTimeRestore = &PointInTimeRestore{SourceIdentifier: want, Time: "2026-11-29T09:00:00Z"}
	if err := e.Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestBadRestoreNamesTheField(t *testing.T) {
	future := time.Now().Add(time.Hour).UTC().Format(time.RFC3339)
	cases := []struct {
		name, field string
		r           PointInTimeRestore
	}{
		{"not a time", "database.pointInTimeRestore.time", PointInTimeRestore{SourceIdentifier: "supabase-dev", Time: "yesterday"}},
		{"not UTC", "database.pointInTimeRestore.time", PointInTimeRestore{SourceIdentifier: "supabase-dev", Time: "2026-11-30T08:15:00+01:00"}},
		{"future", "database.pointInTimeRestore.time", PointInTimeRestore{SourceIdentifier: "supabase-dev", Time: future}},
		{"no source", "database.pointInTimeRestore.sourceIdentifier", PointInTimeRestore{Time: "2026-11-30T08:15:00Z"}},
		{"foreign source", "database.pointInTimeRestore.sourceIdentifier", PointInTimeRestore{SourceIdentifier: "supabase-prod", Time: "2026-11-30T08:15:00Z"}},
		{"itself", "database.pointInTimeRestore.sourceIdentifier", PointInTimeRestore{SourceIdentifier: "supabase-dev-pitr-20261130t0815z", Time: "2026-11-30T08:15:00Z"}},
		{"both sources", "database.pointInTimeRestore.sourceDbiResourceId", PointInTimeRestore{SourceIdentifier: "supabase-dev", SourceDbiResourceID: "db-ABCDEFGHIJKLMNOP", Time: "2026-11-30T08:15:00Z"}},
		{"bad resource id", "database.pointInTimeRestore.sourceDbiResourceId", PointInTimeRestore{SourceDbiResourceID: "supabase-dev", Time: "2026-11-30T08:15:00Z"}},
	}
	for _, c := range cases {
		e := Dev()
		r := c.r
		e.Database.PointInTimeRestore = &r
		err := e.Validate()
		if err == nil || !strings.Contains(err.Error(), c.field+":") {
			t.Errorf("%s: error %v, want one naming %s", c.name, err, c.field)
		}
	}
}

func TestRestoreFileIsStrict(t *testing.T) {
	if _, err := DecodeRestore([]byte(`{"sourceIdentifier":"supabase-dev","tme":"2026-11-30T08:15:00Z"}`)); err == nil || !strings.Contains(err.Error(), "tme") {
		t.Errorf("a misspelt field must be refused, got %v", err)
	}
	r := PointInTimeRestore{SourceIdentifier: "supabase-dev", Time: "2026-11-30T08:15:00Z"}
	back, err := DecodeRestore(EncodeRestore(r))
	if err != nil || *back != r {
		t.Fatalf("round trip: %+v, %v", back, err)
	}
}

func TestExamplesAreValid(t *testing.T) {
	for _, name := range ExampleNames() {
		if _, err := LoadExample(name); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if _, err := Load(name); err == nil {
			t.Errorf("%s: an example must not be deployable with --env", name)
		}
	}
}

func TestBadBackupVaultNamesTheField(t *testing.T) {
	cases := []struct {
		field string
		env   func() Environment
		mut   func(*Environment)
	}{
		{"backupVault.schedule", Prod, func(e *Environment) { e.BackupVault.Schedule = "0 7 * * *" }},
		{"backupVault.retentionDays", Prod, func(e *Environment) { e.BackupVault.RetentionDays = 3 }},
		{"backupVault.lock", Prod, func(e *Environment) { e.BackupVault.Lock = "strict" }},
		{"backupVault.changeableForDays", Prod, func(e *Environment) { e.BackupVault.ChangeableForDays = 1 }},
		{"backupVault", Prod, func(e *Environment) { e.BackupVault.Lock = VaultLockGovernance }},
		{"backupVault", Prod, func(e *Environment) { e.BackupVault.Enabled = false }},
		{"backupVault.retentionDays", Dev, func(e *Environment) { e.BackupVault.Enabled = true; e.BackupVault.RetentionDays = 0 }},
	}
	for _, c := range cases {
		e := c.env()
		c.mut(&e)
		if err := e.Validate(); err == nil || !strings.Contains(err.Error(), c.field+":") {
			t.Errorf("%s: %v", c.field, err)
		}
	}
	d := Dev()
	d.BackupVault.Enabled, d.BackupVault.Lock = true, VaultLockGovernance
	if err := d.Validate(); err != nil {
		t.Errorf("dev may turn the vault on: %v", err)
	}
}
