// Package database creates the RDS PostgreSQL instance Supabase runs on:
// isolated subnets, TLS forced, logical replication for Realtime, encrypted
// with the project key, master password kept by RDS in Secrets Manager.
package database

import (
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/cloudwatchloggroup"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/dbinstance"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/dbparametergroup"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/dbsubnetgroup"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/iamrole"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/iamrolepolicyattachment"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/securitygroup"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/vpcsecuritygroupingressrule"
	"github.com/hashicorp/terraform-cdk-go/cdktf"

	"github.com/supabase-eks/supabase-eks/infra/policy"
	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/names"
)

// Port is PostgreSQL's port; NetworkPolicies and the security group agree on it.
const Port = 5432

// Props configures the instance.
type Props struct {
	// PermissionsBoundaryARN is set on every role the construct creates.
	PermissionsBoundaryARN *string
	Name                   string
	Config                 config.Database
	VpcID                  *string
	DatabaseSubnetIDs      []*string
	KMSKeyARN              *string
	// LogRetentionDays keeps the exported PostgreSQL logs this long.
	LogRetentionDays int
}

// LogExports are the RDS log types exported to CloudWatch.
var LogExports = names.RDSLogKinds

// Database exposes connection facts; the password never leaves RDS and
// Secrets Manager.
type Database struct {
	Instance        dbinstance.DbInstance
	Host            *string
	MasterSecretARN *string
	Identifier      string
	// ClientSecurityGroupID is the group the database clients' pods must
	// carry: the only source the instance admits on its port.
	ClientSecurityGroupID *string
}

// Parameters returns the parameter group settings. Each one is here for a
// Supabase component or for safety; each says which beside it.
func Parameters(cfg config.Database) map[string]string {
	return map[string]string{
		// Realtime streams changes through logical replication.
		"rds.logical_replication": "1",
		// Every client must use TLS; connection URLs carry sslmode=require.
		"rds.force_ssl":            "1",
		"shared_preload_libraries": "pg_stat_statements",
		// A Realtime slot that stops consuming must not fill the disk.
		"max_slot_wal_keep_size":     fmt.Sprint(cfg.MaxSlotWALKeepSizeMB),
		"log_min_duration_statement": "1000",
		"log_connections":            "1",
		"log_disconnections":         "1",
		"log_lock_waits":             "1",
	}
}

// staticParameters need a reboot; RDS requires apply_method pending-reboot.
var staticParameters = map[string]bool{"rds.logical_replication": true, "shared_preload_libraries": true}

// New creates the subnet group, parameter group, security group and instance.
func New(scope constructs.Construct, id string, p Props) *Database {
	c := constructs.NewConstruct(scope, jsii.String(id))
	cfg := p.Config
	major := strings.SplitN(cfg.EngineVersion, ".", 2)[0]

	subnets := dbsubnetgroup.NewDbSubnetGroup(c, jsii.String("subnets"), &dbsubnetgroup.DbSubnetGroupConfig{
		Name:        jsii.String(p.Name),
		Description: jsii.String("Isolated database subnets (no internet route)"),
		SubnetIds:   &p.DatabaseSubnetIDs,
	})

	var params []*dbparametergroup.DbParameterGroupParameter
	values := Parameters(cfg)
	for _, name := range slices.Sorted(maps.Keys(values)) {
		method := "immediate"
		if staticParameters[name] {
			method = "pending-reboot"
		}
		params = append(params, &dbparametergroup.DbParameterGroupParameter{
			Name: jsii.String(name), Value: jsii.String(values[name]), ApplyMethod: jsii.String(method),
		})
	}
	pg := dbparametergroup.NewDbParameterGroup(c, jsii.String("parameters"), &dbparametergroup.DbParameterGroupConfig{
		Name:        jsii.String(p.Name + "-postgres" + major),
		Family:      jsii.String("postgres" + major),
		Description: jsii.String("Supabase: logical replication, forced TLS, pg_stat_statements"),
		Parameter:   params,
	})

	sg := securitygroup.NewSecurityGroup(c, jsii.String("sg"), &securitygroup.SecurityGroupConfig{
		Name:        jsii.String(p.Name + "-rds"),
		Description: jsii.String("PostgreSQL from the Supabase database clients only"),
		VpcId:       p.VpcID,
		Tags:        &map[string]*string{"Name": jsii.String(p.Name + "-rds")},
	})
	// The pods that talk to PostgreSQL get this group as well as the
	// cluster's (security groups for pods, a SecurityGroupPolicy in dist/);
	// the instance admits it alone, so no other pod of the cluster, and no
	// node, reaches 5432. It needs no rules of its own: the pods keep the
	// cluster group for everything else.
	clients := securitygroup.NewSecurityGroup(c, jsii.String("clients"), &securitygroup.SecurityGroupConfig{
		Name:        jsii.String(names.DBClientSecurityGroup(p.Name)),
		Description: jsii.String("Supabase pods allowed to reach PostgreSQL (security groups for pods)"),
		VpcId:       p.VpcID,
		Tags:        &map[string]*string{"Name": jsii.String(names.DBClientSecurityGroup(p.Name))},
	})
	vpcsecuritygroupingressrule.NewVpcSecurityGroupIngressRule(c, jsii.String("from-clients"), &vpcsecuritygroupingressrule.VpcSecurityGroupIngressRuleConfig{
		SecurityGroupId:           sg.Id(),
		Description:               jsii.String("PostgreSQL from the Supabase database clients"),
		IpProtocol:                jsii.String("tcp"),
		FromPort:                  jsii.Number(Port),
		ToPort:                    jsii.Number(Port),
		ReferencedSecurityGroupId: clients.Id(),
	})

	monitoring := iamrole.NewIamRole(c, jsii.String("monitoring-role"), &iamrole.IamRoleConfig{
		Name:                jsii.String(p.Name + "-rds-monitoring"),
		AssumeRolePolicy:    jsii.String(policy.AssumeRoleService("monitoring.rds.amazonaws.com", nil).JSON()),
		PermissionsBoundary: p.PermissionsBoundaryARN,
	})
	iamrolepolicyattachment.NewIamRolePolicyAttachment(c, jsii.String("monitoring-policy"), &iamrolepolicyattachment.IamRolePolicyAttachmentConfig{
		Role:      monitoring.Name(),
		PolicyArn: jsii.String("arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"),
	})

	// RDS would create these groups on first export, unencrypted and kept
	// forever, and they would outlive `terraform destroy`. The original
	// instance's groups stay managed after a restore: that instance keeps
	// running (and logging) until an operator deletes it.
	logGroups := newLogGroups(c, "logs-", names.DBInstance(p.Name), p)
	identifier := names.DBInstance(p.Name)
	instanceID := "instance"
	restore := cfg.PointInTimeRestore
	if restore != nil {
		identifier = names.RestoredDBInstance(p.Name, restore.Stamp())
		instanceID = restoredInstanceID(restore.Stamp())
		logGroups = newLogGroups(c, restoredLogsID(restore.Stamp()), identifier, p)
		forgetReplaced(c, id, p.Name, restore)
	}

	instanceCfg := &dbinstance.DbInstanceConfig{
		Identifier:                         jsii.String(identifier),
		Engine:                             jsii.String("postgres"),
		EngineVersion:                      jsii.String(cfg.EngineVersion),
		InstanceClass:                      jsii.String(cfg.InstanceClass),
		DbName:                             jsii.String(cfg.DatabaseName),
		Username:                           jsii.String(cfg.MasterUsername),
		ManageMasterUserPassword:           jsii.Bool(true),
		MasterUserSecretKmsKeyId:           p.KMSKeyARN,
		Port:                               jsii.Number(Port),
		AllocatedStorage:                   jsii.Number(float64(cfg.AllocatedStorageGiB)),
		MaxAllocatedStorage:                jsii.Number(float64(cfg.MaxAllocatedStorageGiB)),
		StorageType:                        jsii.String("gp3"),
		StorageEncrypted:                   jsii.Bool(true),
		KmsKeyId:                           p.KMSKeyARN,
		MultiAz:                            jsii.Bool(cfg.MultiAZ),
		DbSubnetGroupName:                  subnets.Name(),
		VpcSecurityGroupIds:                &[]*string{sg.Id()},
		PubliclyAccessible:                 jsii.Bool(false),
		ParameterGroupName:                 pg.Name(),
		BackupRetentionPeriod:              jsii.Number(float64(cfg.BackupRetentionDays)),
		BackupWindow:                       jsii.String(cfg.BackupWindow),
		MaintenanceWindow:                  jsii.String(cfg.MaintenanceWindow),
		CopyTagsToSnapshot:                 jsii.Bool(true),
		DeletionProtection:                 jsii.Bool(cfg.DeletionProtection),
		SkipFinalSnapshot:                  jsii.Bool(cfg.SkipFinalSnapshot),
		DeleteAutomatedBackups:             jsii.Bool(cfg.SkipFinalSnapshot),
		AutoMinorVersionUpgrade:            jsii.Bool(true),
		AllowMajorVersionUpgrade:           jsii.Bool(false),
		IamDatabaseAuthenticationEnabled:   jsii.Bool(true),
		PerformanceInsightsEnabled:         jsii.Bool(true),
		PerformanceInsightsKmsKeyId:        p.KMSKeyARN,
		PerformanceInsightsRetentionPeriod: jsii.Number(7),
		MonitoringInterval:                 jsii.Number(float64(cfg.MonitoringIntervalSeconds)),
		MonitoringRoleArn:                  monitoring.Arn(),
		EnabledCloudwatchLogsExports:       jsii.Strings("postgresql", "upgrade"),
		CaCertIdentifier:                   jsii.String(cfg.CACertIdentifier),
		Tags:                               &map[string]*string{"Name": jsii.String(identifier)},
		// The groups first: on create RDS would otherwise make them itself,
		// unencrypted and never expiring, and on destroy it may recreate
		// them that way after Terraform deleted them.
		DependsOn: &logGroups,
	}
	if !cfg.SkipFinalSnapshot {
		instanceCfg.FinalSnapshotIdentifier = jsii.String(identifier + "-final")
	}
	if restore != nil {
		// Everything else comes from the configuration as for a new
		// instance: the same subnet group, parameter group, security group,
		// Multi-AZ and key (RDS keeps the source's key for an encrypted
		// source; kms_key_id names that same key, so the plan shows no
		// change after the restore). The database name and master user
		// are the source's: RDS takes them from the backup.
		instanceCfg.DbName, instanceCfg.Username = nil, nil
		pitr := &dbinstance.DbInstanceRestoreToPointInTime{RestoreTime: jsii.String(restore.Time)}
		if restore.SourceDbiResourceID != "" {
			pitr.SourceDbiResourceId = jsii.String(restore.SourceDbiResourceID)
		} else {
			pitr.SourceDbInstanceIdentifier = jsii.String(restore.SourceIdentifier)
		}
		instanceCfg.RestoreToPointInTime = pitr
	}
	db := dbinstance.NewDbInstance(c, jsii.String(instanceID), instanceCfg)
	return &Database{
		Instance:              db,
		Host:                  db.Address(),
		MasterSecretARN:       db.MasterUserSecret().Get(jsii.Number(0)).SecretArn(),
		Identifier:            identifier,
		ClientSecurityGroupID: clients.Id(),
	}
}

func newLogGroups(c constructs.Construct, idPrefix, instance string, p Props) []cdktf.ITerraformDependable {
	var groups []cdktf.ITerraformDependable
	for _, kind := range LogExports {
		groups = append(groups, cloudwatchloggroup.NewCloudwatchLogGroup(c, jsii.String(idPrefix+kind), &cloudwatchloggroup.CloudwatchLogGroupConfig{
			Name:            jsii.String(names.RDSLogGroup(instance, kind)),
			RetentionInDays: jsii.Number(float64(p.LogRetentionDays)),
			KmsKeyId:        p.KMSKeyARN,
		}))
	}
	return groups
}

// Construct ids of a restored instance and its log groups: the restore's
// stamp is part of them, so a later restore is a new resource next to this
// one rather than a replacement of it (which would delete it).
func restoredInstanceID(stamp string) string { return "instance-pitr-" + stamp }
func restoredLogsID(stamp string) string     { return "logs-pitr-" + stamp + "-" }

// forgetReplaced takes the instance a restore replaces out of the Terraform
// state without deleting it (a `removed` block with destroy = false,
// Terraform >= 1.7): the restore must never cost the data it was made from,
// and the old instance is the way back if the restored one is wrong. The
// original instance's address is always listed (a no-op once it is out of
// the state); a restored source's instance and log groups are listed too,
// since their construct ids are gone from the configuration.
//
// Deletion protection would not do: Terraform would still plan to destroy
// the old instance, and the apply would fail half-way; `prevent_destroy`
// would fail the plan. Neither lets the restore through.
func forgetReplaced(c constructs.Construct, id, prefix string, r *config.PointInTimeRestore) {
	removed := []map[string]any{forget("aws_db_instance", LogicalID(id, "instance"))}
	if stamp, ok := config.RestoreStampOf(prefix, r.SourceIdentifier); ok {
		removed = append(removed, forget("aws_db_instance", LogicalID(id, restoredInstanceID(stamp))))
		for _, kind := range LogExports {
			removed = append(removed, forget("aws_cloudwatch_log_group", LogicalID(id, restoredLogsID(stamp)+kind)))
		}
	}
	cdktf.TerraformStack_Of(c).AddOverride(jsii.String("removed"), removed)
}

func forget(typ, name string) map[string]any {
	return map[string]any{"from": typ + "." + name, "lifecycle": map[string]any{"destroy": false}}
}

// LogicalID is the Terraform resource name CDKTF gives the construct at
// path (construct ids below the stack): the readable path joined by "_"
// and the first 8 hex digits of the MD5 of the path joined by "/". A
// `removed` block must name a resource that is no longer in the
// configuration, so no construct can be asked; a test compares this with
// the names CDKTF gives the instances it does synthesize.
func LogicalID(path ...string) string {
	sum := md5.Sum([]byte(strings.Join(path, "/")))
	var human []string
	for i, part := range path {
		if i > 0 && part == path[i-1] {
			continue
		}
		human = append(human, strings.Map(func(r rune) rune {
			if r == '_' || r == '-' || (r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') {
				return r
			}
			return -1
		}, part))
	}
	return strings.Join(human, "_") + "_" + strings.ToUpper(hex.EncodeToString(sum[:])[:8])
}
