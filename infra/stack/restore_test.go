package stack

import (
	"fmt"
	"strings"
	"testing"

	"github.com/supabase-eks/supabase-eks/infra/database"
)

// TestPointInTimeRestore: with a restore in effect the database is a new
// instance restored from the source at the time, with the configuration of
// the instance it replaces, and the replaced one is forgotten, not
// destroyed.
func TestPointInTimeRestore(t *testing.T) {
	r := envs["restored"].Database.PointInTimeRestore
	rs := resources("restored", "aws_db_instance")
	if len(rs) != 1 {
		t.Fatalf("want exactly the restored instance, got %d instances", len(rs))
	}
	var name string
	var db map[string]any
	for name, db = range rs {
	}
	if want := database.LogicalID("database", "instance-pitr-20261102t1030z"); name != want {
		t.Errorf("restored instance is %s, LogicalID says %s", name, want)
	}
	if got := str(db["identifier"]); got != "supabase-restored-pitr-20261102t1030z" {
		t.Errorf("identifier %q", got)
	}
	pitr := get(db, "restore_to_point_in_time")
	if str(get(pitr, "restore_time")) != r.Time || str(get(pitr, "source_db_instance_identifier")) != r.SourceIdentifier {
		t.Errorf("restore_to_point_in_time = %v, want %s from %s", pitr, r.Time, r.SourceIdentifier)
	}
	if db["db_name"] != nil || db["username"] != nil {
		t.Error("database name and master user come from the backup; setting them forces a replacement if they differ")
	}
	// Everything else as the original instance of the same configuration.
	dev := only(t, "dev", "aws_db_instance")
	for _, k := range []string{"instance_class", "engine_version", "multi_az", "deletion_protection", "backup_retention_period",
		"manage_master_user_password", "storage_encrypted", "publicly_accessible", "monitoring_interval", "ca_cert_identifier"} {
		if fmt.Sprint(db[k]) != fmt.Sprint(dev[k]) {
			t.Errorf("%s = %v, the original has %v", k, db[k], dev[k])
		}
	}
	for _, k := range []string{"db_subnet_group_name", "parameter_group_name", "vpc_security_group_ids", "kms_key_id", "master_user_secret_kms_key_id"} {
		if fmt.Sprint(db[k]) != fmt.Sprint(dev[k]) {
			t.Errorf("%s = %v, the original has %v (the same construct's resource)", k, db[k], dev[k])
		}
	}
	// The original instance's name is what CDKTF calls it.
	for devName := range resources("dev", "aws_db_instance") {
		if devName != database.LogicalID("database", "instance") {
			t.Errorf("dev instance %s, LogicalID says %s", devName, database.LogicalID("database", "instance"))
		}
	}
	removed, _ := synthesized["restored"]["removed"].([]any)
	from := map[string]bool{}
	for _, b := range removed {
		if get(b, "lifecycle", "destroy") != false {
			t.Errorf("removed block %v would destroy", b)
		}
		from[str(get(b, "from"))] = true
	}
	for _, want := range []string{
		"aws_db_instance." + database.LogicalID("database", "instance"),
		"aws_db_instance." + database.LogicalID("database", "instance-pitr-20261101t0000z"),
		"aws_cloudwatch_log_group." + database.LogicalID("database", "logs-pitr-20261101t0000z-postgresql"),
	} {
		if !from[want] {
			t.Errorf("no removed block for %s (got %v)", want, from)
		}
	}
	if _, ok := synthesized["dev"]["removed"]; ok {
		t.Error("dev has no restore: nothing to forget")
	}
	// Log groups for both the original (still running) and the restored instance.
	groups := map[string]bool{}
	for _, lg := range resources("restored", "aws_cloudwatch_log_group") {
		groups[str(lg["name"])] = true
	}
	for _, g := range []string{"/aws/rds/instance/supabase-restored/postgresql", "/aws/rds/instance/supabase-restored-pitr-20261102t1030z/postgresql"} {
		if !groups[g] {
			t.Errorf("log group %s not managed", g)
		}
	}
	deps := fmt.Sprint(db["depends_on"])
	if !strings.Contains(deps, "logs-pitr-20261102t1030z-postgresql") {
		t.Errorf("the restored instance must wait for its own log groups: %s", deps)
	}
	// The outputs and alarms follow the restored instance.
	if host := str(get(synthesized["restored"], "output", "db_host", "value")); !strings.Contains(host, name) {
		t.Errorf("db_host output %q does not read the restored instance", host)
	}
}
