// Package backupvault keeps copies of the environment's data where the
// stack's own principals cannot delete them: an AWS Backup vault with its
// own KMS key and (in prod) a compliance-mode vault lock, and a daily plan
// that snapshots the RDS instance and backs up the storage bucket into it.
//
// What it guards against: RDS's automated backups go with the instance
// (and can be deleted with it), the pg_dump bucket and the storage bucket's
// versions can be emptied by whoever may write them. A recovery point in a
// locked vault can be deleted by nobody before its retention ends.
//
// Encryption: S3 recovery points are encrypted with the vault's key; RDS
// snapshots keep the instance's key (AWS Backup does not re-encrypt RDS),
// which is why prod retains that key too (database.retainKeyOnDestroy).
package backupvault

import (
	"fmt"

	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/backupplan"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/backupselection"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/backupvault"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/backupvaultlockconfiguration"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/iamrole"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/iamrolepolicyattachment"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/kmsalias"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/kmskey"
	"github.com/hashicorp/terraform-cdk-go/cdktf"

	"github.com/supabase-eks/supabase-eks/infra/policy"
	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/names"
)

// ManagedPolicies are the AWS-managed policies the backup role carries:
// create and restore RDS snapshots, back up and restore S3 buckets.
var ManagedPolicies = []string{
	"arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup",
	"arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores",
	"arn:aws:iam::aws:policy/AWSBackupServiceRolePolicyForS3Backup",
	"arn:aws:iam::aws:policy/AWSBackupServiceRolePolicyForS3Restore",
}

// KeyPurposeTag marks the vault's key: the deployer may not disable,
// delete, untag or re-police a key carrying it (infra/deployer), so the
// principal that applies the stack cannot make the locked copies
// unreadable.
const KeyPurposeTag = "supabase-eks:purpose"

// KeyPurpose is KeyPurposeTag's value on the vault's key.
const KeyPurpose = "backup-vault"

// Props configures the vault.
type Props struct {
	// Name is the environment's resource prefix.
	Name      string
	AccountID string
	Config    config.BackupVault
	// PermissionsBoundaryARN is set on the backup role.
	PermissionsBoundaryARN *string
	// DBInstanceARN and StorageBucketARN are what the plan backs up.
	DBInstanceARN    *string
	StorageBucketARN *string
}

// Vault exposes what other parts name.
type Vault struct {
	Name    string
	KeyARN  *string
	RoleARN *string
}

// New creates the key, the vault and its lock, the role and the plan.
func New(scope constructs.Construct, id string, p Props) *Vault {
	c := constructs.NewConstruct(scope, jsii.String(id))
	cfg := p.Config
	name := names.BackupVault(p.Name)
	locked := cfg.Lock != config.VaultLockNone
	// The vault, its lock and the key its S3 recovery points need outlive
	// the stack, locked or not: `make destroy` takes prevent_destroy
	// resources out of the state instead of deleting them (AWS refuses to
	// delete a vault holding recovery points, and the deployer may not
	// delete them).
	keep := &cdktf.TerraformResourceLifecycle{PreventDestroy: jsii.Bool(true)}
	root := fmt.Sprintf("arn:aws:iam::%s:root", p.AccountID)
	keyPolicy := policy.New(
		// IAM policies in the account decide who uses the key; the
		// deployer's policy denies it destruction of this key (by tag).
		policy.Statement{Sid: "AccountAdministersKeyThroughIAM", Effect: "Allow", Principal: map[string]any{"AWS": root},
			Action: []string{"kms:*"}, Resource: []string{"*"}},
	)
	key := kmskey.NewKmsKey(c, jsii.String("key"), &kmskey.KmsKeyConfig{
		Description:          jsii.String("Supabase " + p.Name + ": AWS Backup vault " + name),
		EnableKeyRotation:    jsii.Bool(true),
		DeletionWindowInDays: jsii.Number(30),
		Policy:               jsii.String(keyPolicy.JSON()),
		Tags:                 &map[string]*string{KeyPurposeTag: jsii.String(KeyPurpose)},
		Lifecycle:            keep,
	})
	kmsalias.NewKmsAlias(c, jsii.String("alias"), &kmsalias.KmsAliasConfig{
		Name: jsii.String("alias/" + name), TargetKeyId: key.KeyId(),
	})
	vault := backupvault.NewBackupVault(c, jsii.String("vault"), &backupvault.BackupVaultConfig{
		Name:      jsii.String(name),
		KmsKeyArn: key.Arn(),
		// Terraform never empties a vault: deleting recovery points is the
		// one thing this construct exists to prevent.
		ForceDestroy: jsii.Bool(false),
		Lifecycle:    keep,
	})
	if locked {
		lock := &backupvaultlockconfiguration.BackupVaultLockConfigurationConfig{
			BackupVaultName:  vault.Name(),
			MinRetentionDays: jsii.Number(float64(cfg.RetentionDays)),
			// Recovery points kept longer than the plan's retention are
			// refused, so a typo cannot pin data (and its cost) for years.
			MaxRetentionDays: jsii.Number(float64(cfg.RetentionDays)),
			Lifecycle:        keep,
		}
		if cfg.Lock == config.VaultLockCompliance {
			lock.ChangeableForDays = jsii.Number(float64(cfg.ChangeableForDays))
		}
		backupvaultlockconfiguration.NewBackupVaultLockConfiguration(c, jsii.String("lock"), lock)
	}
	role := iamrole.NewIamRole(c, jsii.String("role"), &iamrole.IamRoleConfig{
		Name:                jsii.String(names.BackupRole(p.Name)),
		AssumeRolePolicy:    jsii.String(policy.AssumeRoleService("backup.amazonaws.com", nil).JSON()),
		PermissionsBoundary: p.PermissionsBoundaryARN,
	})
	for i, arn := range ManagedPolicies {
		iamrolepolicyattachment.NewIamRolePolicyAttachment(c, jsii.String(fmt.Sprintf("role-policy-%d", i)), &iamrolepolicyattachment.IamRolePolicyAttachmentConfig{
			Role: role.Name(), PolicyArn: jsii.String(arn),
		})
	}
	plan := backupplan.NewBackupPlan(c, jsii.String("plan"), &backupplan.BackupPlanConfig{
		Name: jsii.String(name + "-daily"),
		Rule: []*backupplan.BackupPlanRule{{
			RuleName:        jsii.String("daily"),
			TargetVaultName: vault.Name(),
			Schedule:        jsii.String(cfg.Schedule),
			// Started within an hour, finished within a day, or AWS Backup
			// reports the job failed (and the alarm topic hears of it from
			// the vault's notifications, if subscribed).
			StartWindow:      jsii.Number(60),
			CompletionWindow: jsii.Number(1440),
			Lifecycle:        &backupplan.BackupPlanRuleLifecycle{DeleteAfter: jsii.Number(float64(cfg.RetentionDays))},
		}},
	})
	backupselection.NewBackupSelection(c, jsii.String("selection"), &backupselection.BackupSelectionConfig{
		Name:       jsii.String(name + "-data"),
		PlanId:     plan.Id(),
		IamRoleArn: role.Arn(),
		Resources:  &[]*string{p.DBInstanceARN, p.StorageBucketARN},
	})
	return &Vault{Name: name, KeyARN: key.Arn(), RoleARN: role.Arn()}
}
