// Package config holds the typed, validated configuration of each environment.
// Every tunable of both halves (AWS and Kubernetes) lives here; dev.go and
// prod.go are the only places an environment is described.
package config

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Environment is one deployable environment.
type Environment struct {
	// Name is the environment name; stacks are named "supabase-<Name>".
	Name string
	// Region is the AWS region.
	Region string
	// AccountID is the 12-digit AWS account id. It is configuration, not a
	// data source, so synthesis and `terraform plan` work without AWS access.
	AccountID string
	// AvailabilityZones are explicit AZ names (at least 2); one subnet per tier per AZ.
	AvailabilityZones []string
	// Project prefixes every AWS resource name.
	Project string

	State         State
	Network       Network
	Cluster       Cluster
	Database      Database
	Teardown      Teardown
	Domain        Domain
	Observability Observability
	// BackupVault keeps copies of the backups where the stack's own
	// principals cannot delete them (infra/backupvault).
	BackupVault BackupVault
	// Tags are added to every AWS resource that takes tags.
	Tags map[string]string

	// Workloads sizes the Kubernetes side.
	Workloads Workloads
}

// State is the Terraform S3 backend.
type State struct {
	// Bucket holds Terraform state; created by the bootstrap stack.
	Bucket string
	// Key is the object key of this environment's state.
	Key string
	// Region of the state bucket.
	Region string
	// KMSKeyID encrypts the state object; empty uses the bucket's default SSE.
	KMSKeyID string
}

// NATMode says how private subnets reach the internet.
type NATMode string

const (
	// NATSingle shares one NAT gateway between AZs: cheaper, one AZ's outage cuts egress.
	NATSingle NATMode = "single"
	// NATPerAZ gives every AZ its own NAT gateway.
	NATPerAZ NATMode = "per-az"
)

// Network describes the VPC.
type Network struct {
	// VpcCIDR is the VPC's IPv4 block, /16 to /20; the subnet plan is computed from it.
	VpcCIDR string
	// NAT is single (dev) or per-az (prod).
	NAT NATMode
	// InterfaceEndpoints adds VPC interface endpoints for sts, secretsmanager,
	// ecr.api, ecr.dkr and logs (cost: ~$7/month each per AZ).
	InterfaceEndpoints bool
	// FlowLogRetentionDays keeps VPC flow logs this long.
	FlowLogRetentionDays int
}

// NodeGroup is one EKS managed node group.
type NodeGroup struct {
	Name          string
	InstanceTypes []string
	// CapacityType is ON_DEMAND or SPOT.
	CapacityType string
	MinSize      int
	DesiredSize  int
	MaxSize      int
	// DiskGiB is the encrypted gp3 root volume size.
	DiskGiB int
}

// Cluster describes the EKS cluster.
type Cluster struct {
	// KubernetesVersion is the EKS control-plane minor version.
	KubernetesVersion string
	// ServiceCIDR is the Kubernetes service network; must not overlap the VPC.
	ServiceCIDR string
	// PublicAccessCIDRs opens the public API endpoint to these CIDRs; empty keeps it private.
	PublicAccessCIDRs []string
	// AdminPrincipalARNs get cluster-admin through EKS access entries.
	AdminPrincipalARNs []string
	// LogRetentionDays keeps control-plane logs this long.
	LogRetentionDays int
	NodeGroups       []NodeGroup
}

// Database describes the RDS PostgreSQL instance.
type Database struct {
	// EngineVersion is the full PostgreSQL version, e.g. "17.6".
	EngineVersion string
	InstanceClass string
	// AllocatedStorageGiB is the initial gp3 size; MaxAllocatedStorageGiB caps storage autoscaling.
	AllocatedStorageGiB    int
	MaxAllocatedStorageGiB int
	MultiAZ                bool
	// BackupRetentionDays: at least 7, and at least 14 in prod.
	BackupRetentionDays int
	// BackupWindow and MaintenanceWindow are UTC, non-overlapping.
	BackupWindow      string
	MaintenanceWindow string
	// DeletionProtection and a final snapshot guard against accidental loss.
	DeletionProtection bool
	SkipFinalSnapshot  bool
	// DatabaseName is the database Supabase uses.
	DatabaseName string
	// MasterUsername is the RDS master user (has rds_superuser).
	MasterUsername string
	// MaxSlotWALKeepSizeMB bounds WAL kept for replication slots (Realtime) so a
	// stuck slot cannot fill the disk.
	MaxSlotWALKeepSizeMB int
	// MonitoringIntervalSeconds for enhanced monitoring (1, 5, 10, 15, 30, 60).
	MonitoringIntervalSeconds int
	// RetainKeyOnDestroy keeps the environment's KMS key when the stack is
	// destroyed (Terraform prevent_destroy; `make destroy` takes it out of
	// the state instead of scheduling its deletion). The key decrypts the
	// final snapshot, the retained automated backups and the backups bucket;
	// without it they are unreadable 30 days after a teardown.
	RetainKeyOnDestroy bool
	// RetainBackupsOnDestroy keeps the pg_dump backups bucket (and its
	// encryption, public access block and policy) when the stack is
	// destroyed, like the key, and forbids the deployer role to delete the
	// bucket, its objects or its policy.
	RetainBackupsOnDestroy bool
	// CACertIdentifier is the RDS certificate authority of the instance's
	// server certificate; clients verify it with the region's bundle
	// (internal/rdsca), which the deploy's rds-ca step checks against it.
	CACertIdentifier string
	// PointInTimeRestore, when set, makes the database an instance restored
	// from another at a moment (restore.go). Load fills it from
	// pitr/<env>.json, which `supabase-eks restore pitr` writes.
	PointInTimeRestore *PointInTimeRestore
}

// Teardown says what a teardown may delete outright rather than leave
// behind or keep recoverable. The database's own safeguards (deletion
// protection, final snapshot, the retained key and backups) are in
// Database.
type Teardown struct {
	// ForceDestroyBuckets lets `terraform destroy` delete the buckets with
	// every object version in them (S3 force_destroy). Off, a non-empty
	// bucket stops the destroy until someone empties it, so no data is
	// deleted by Terraform. A retained backups bucket
	// (database.retainBackupsOnDestroy) is never force-destroyed.
	ForceDestroyBuckets bool
	// SecretRecoveryWindowDays is how long a deleted Secrets Manager secret
	// stays recoverable: 7 to 30 days, during which its name cannot be
	// reused, or 0 to delete it at once so a destroy and redeploy can
	// reuse the names.
	SecretRecoveryWindowDays int
}

// Domain is the optional public name of the API gateway.
type Domain struct {
	// Name is the host name (e.g. api.example.com); empty uses the ALB DNS name over HTTP.
	Name string
	// CertificateARN is an ACM certificate covering Name, in Region.
	CertificateARN string
	// HostedZoneID is a public Route 53 zone that serves Name. With it and
	// no CertificateARN the stack requests an ACM certificate for Name and
	// validates it by DNS in that zone (infra/edge), so HTTPS needs no
	// certificate made by hand. Exclusive with CertificateARN.
	HostedZoneID string
	// WAFACLArn optionally attaches an existing WAFv2 web ACL to the ALB.
	WAFACLArn string
	// CreateWAF creates a web ACL for the ALB (infra/edge: per-address rate
	// limit, AWS managed known-bad-inputs, common and SQLi rules, body
	// inspection counting only). Exclusive with WAFACLArn.
	CreateWAF bool
	// WAFRateLimit is what one client address may send in 5 minutes before
	// the web ACL blocks it (CreateWAF).
	WAFRateLimit int
}

// Observability toggles monitoring.
type Observability struct {
	// ContainerInsights installs the amazon-cloudwatch-observability EKS add-on
	// (Container Insights + Fluent Bit) with its own IRSA role.
	ContainerInsights bool
	// AlarmEmail subscribes an address to the alarm topic; empty leaves the topic without subscribers.
	AlarmEmail string
	// AccessLogs creates an access log bucket (infra/edge) that receives
	// the ALB's access logs (a line per request) and the S3 server access
	// logs of the storage and backups buckets (a line per object request).
	// It is SSE-S3, not the project's KMS key: neither delivery supports
	// another encryption.
	AccessLogs bool
	// AccessLogDays deletes access logs after this many days.
	AccessLogDays int
}

// VaultLockMode is how an AWS Backup vault lock holds the recovery points.
type VaultLockMode string

const (
	// VaultLockNone: no lock; whoever may delete recovery points can.
	VaultLockNone VaultLockMode = ""
	// VaultLockGovernance: retention is enforced, but principals with
	// backup:DeleteBackupVaultLockConfiguration can remove the lock.
	VaultLockGovernance VaultLockMode = "governance"
	// VaultLockCompliance: after ChangeableForDays nobody, not even the
	// account's root user or AWS, can shorten retention, delete a recovery
	// point early, or remove the lock. Irreversible.
	VaultLockCompliance VaultLockMode = "compliance"
)

// BackupVault is an AWS Backup vault with its own KMS key, and a daily
// plan copying the RDS instance (a snapshot) and the storage bucket (every
// object version) into it. It guards the backups themselves: RDS's
// automated backups and the pg_dump bucket can be deleted by anyone who may
// delete the instance or the bucket; a locked vault's recovery points
// cannot.
type BackupVault struct {
	// Enabled creates the vault, its key, the plan and the selection.
	Enabled bool
	// Schedule is the plan's cron expression in UTC, e.g. "cron(0 7 * * ? *)";
	// keep it outside the RDS backup and maintenance windows.
	Schedule string
	// RetentionDays keeps each recovery point this long (7..3653).
	RetentionDays int
	// Lock is none, governance or compliance (prod: compliance).
	Lock VaultLockMode
	// ChangeableForDays is the grace period (3..36500 days) before a
	// compliance lock becomes immutable: the time to notice a mistake.
	ChangeableForDays int
}

// ProjectTag is the tag key whose value must be the project's name on every
// resource (the provider's default tags): KMS key ARNs carry no name, so the
// deployer's policy and the roles' boundary recognise the project's keys by it.
const ProjectTag = "Project"

// Names lists the environments that exist, sorted.
func Names() []string {
	return slices.Sorted(maps.Keys(registry))
}

var registry = map[string]func() Environment{
	"dev":  Dev,
	"prod": Prod,
}

// Load returns the named environment, validated.
func Load(name string) (Environment, error) {
	build, ok := registry[name]
	if !ok {
		return Environment{}, fmt.Errorf("environment %q: unknown (known: %s)", name, strings.Join(Names(), ", "))
	}
	env := build()
	if env.Database.PointInTimeRestore == nil {
		r, err := committedRestore(name)
		if err != nil {
			return Environment{}, fmt.Errorf("environment %q: %s: %w", name, RestoreFile(name), err)
		}
		env.Database.PointInTimeRestore = r
	}
	if err := env.Validate(); err != nil {
		return Environment{}, err
	}
	return env, nil
}

// StackName is the CDKTF stack (and Terraform workspace directory) name.
func (e Environment) StackName() string { return StackName(e.Name) }

// StackName is the stack name of the environment called env, for callers
// that have only the name (cdktf.out/stacks/<StackName>/cdk.tf.json).
func StackName(env string) string { return "supabase-" + env }

// KubeContext is the kubeconfig context the deploy creates for the
// environment's cluster and every operation uses.
func (e Environment) KubeContext() string { return "supabase-" + e.Name }

// ResourcePrefix prefixes AWS resource names, e.g. "supabase-dev".
func (e Environment) ResourcePrefix() string { return e.Project + "-" + e.Name }

// IsProd reports whether production's validation minimums apply. Nothing
// is rendered or synthesized from it: what an environment does differently
// is a field of its own, so a third environment can pick prod's safeguards
// without prod's name.
func (e Environment) IsProd() bool { return e.Name == "prod" }
