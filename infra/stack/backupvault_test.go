package stack

import (
	"fmt"
	"strings"
	"testing"

	"github.com/supabase-eks/supabase-eks/infra/backupvault"
	"github.com/supabase-eks/supabase-eks/internal/contract/config"
)

// projectKey is the environment's own KMS key (secrets, RDS, S3, logs), not
// the backup vault's.
func projectKey(t *testing.T, env string) map[string]any {
	t.Helper()
	var found []map[string]any
	for name, k := range resources(env, "aws_kms_key") {
		if strings.HasPrefix(name, "secrets_key_") {
			found = append(found, k)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%s: want one project key, got %d", env, len(found))
	}
	return found[0]
}

// TestBackupVault: prod copies the database and the storage bucket daily
// into a vault with its own key, locked in compliance mode for the
// retention; vault, lock and key survive a teardown; dev has none.
func TestBackupVault(t *testing.T) {
	cfg := envs["prod"].BackupVault
	vault := only(t, "prod", "aws_backup_vault")
	if str(vault["name"]) != "supabase-prod-vault" || vault["force_destroy"] != false || !strings.Contains(str(vault["kms_key_arn"]), "backup-vault_key") {
		t.Errorf("vault %v: want supabase-prod-vault on its own key, never force-destroyed", vault)
	}
	lock := only(t, "prod", "aws_backup_vault_lock_configuration")
	if lock["changeable_for_days"] != float64(cfg.ChangeableForDays) || lock["min_retention_days"] != float64(cfg.RetentionDays) || lock["max_retention_days"] != float64(cfg.RetentionDays) {
		t.Errorf("lock %v: want compliance mode after %d days, retention %d", lock, cfg.ChangeableForDays, cfg.RetentionDays)
	}
	var vaultKey map[string]any
	for name, k := range resources("prod", "aws_kms_key") {
		if strings.HasPrefix(name, "backup-vault_key") {
			vaultKey = k
		}
	}
	if vaultKey == nil || vaultKey["enable_key_rotation"] != true || str(get(vaultKey, "tags", backupvault.KeyPurposeTag)) != backupvault.KeyPurpose {
		t.Errorf("vault key %v: rotation and the purpose tag the deployer's denies read", vaultKey)
	}
	for _, r := range []map[string]any{vault, lock, vaultKey} {
		if get(r, "lifecycle", "prevent_destroy") != true {
			t.Errorf("%v is not kept on teardown", r)
		}
	}
	plan := only(t, "prod", "aws_backup_plan")
	rule := get(plan, "rule", 0)
	if str(get(rule, "schedule")) != cfg.Schedule || get(rule, "lifecycle", "delete_after") != float64(cfg.RetentionDays) || !strings.Contains(str(get(rule, "target_vault_name")), "aws_backup_vault.") {
		t.Errorf("plan rule %v", rule)
	}
	sel := only(t, "prod", "aws_backup_selection")
	res := fmt.Sprint(sel["resources"])
	if !strings.Contains(res, "aws_db_instance.") || !strings.Contains(res, "aws_s3_bucket.storage_6B604F96") || !strings.Contains(str(sel["iam_role_arn"]), "aws_iam_role.backup-vault_role") {
		t.Errorf("selection %v: want the instance and the storage bucket, with the vault's role", sel)
	}
	var role map[string]any
	for name, r := range resources("prod", "aws_iam_role") {
		if strings.HasPrefix(name, "backup-vault_role") {
			role = r
		}
	}
	if role == nil || !strings.Contains(str(role["assume_role_policy"]), "backup.amazonaws.com") || !strings.Contains(str(role["permissions_boundary"]), "supabase-boundary") {
		t.Errorf("backup role %v: want AWS Backup's, under the boundary", role)
	}
	if n := hasType("dev", "aws_backup_vault"); n || config.Dev().BackupVault.Enabled {
		t.Error("dev has a vault; it is off by default")
	}
}
