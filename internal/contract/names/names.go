// Package names builds the name of every AWS resource more than one part of
// the project refers to: the constructs that create them (infra/), the
// deployer policy and the permissions boundary that must name them, the
// example outputs, and the operations CLI that points at them (logs,
// teardown, cost). It imports nothing, so the CLI can use it without
// linking the CDKTF bindings. A prefix is an environment's resource prefix
// ("supabase-dev"), or "supabase-*" for a pattern over every environment.
package names

// ClusterLogGroup is the EKS control-plane log group of the cluster.
func ClusterLogGroup(cluster string) string { return "/aws/eks/" + cluster + "/cluster" }

// ContainerInsightsLogGroups is the prefix of the log groups the CloudWatch
// observability add-on writes for the cluster (AWS's naming); the groups
// are ".../application", ".../host", ".../dataplane", ".../performance".
func ContainerInsightsLogGroups(cluster string) string { return "/aws/containerinsights/" + cluster }

// PoolerLogAlarmsVariable is the Terraform variable that turns on the
// pooler's log metric filters and alarms (infra/observability); the
// deploy sets it once ContainerInsightsApplicationLogGroup exists.
const PoolerLogAlarmsVariable = "pooler_log_alarms"

// ContainerInsightsApplicationLogGroup is where the add-on's Fluent Bit
// sends the containers' output.
func ContainerInsightsApplicationLogGroup(cluster string) string {
	return ContainerInsightsLogGroups(cluster) + "/application"
}

// FlowLogGroup is the VPC flow-log group.
func FlowLogGroup(prefix string) string { return "/aws/vpc/" + prefix + "/flow-logs" }

// RDSLogGroup is where RDS exports log kind (postgresql, upgrade) of the
// instance (RDS's own naming).
func RDSLogGroup(instance, kind string) string { return "/aws/rds/instance/" + instance + "/" + kind }

// EnhancedMonitoringLogGroup is the one log group RDS enhanced monitoring
// writes to in a region, for every instance.
const EnhancedMonitoringLogGroup = "RDSOSMetrics"

// StorageBucket is Supabase Storage's bucket; the account id makes it
// globally unique.
func StorageBucket(prefix, accountID string) string { return prefix + "-storage-" + accountID }

// BackupBucket receives the logical pg_dump backups.
func BackupBucket(prefix, accountID string) string { return prefix + "-backups-" + accountID }

// AccessLogBucket receives the ALB's access logs and the data buckets'
// server access logs.
func AccessLogBucket(prefix, accountID string) string { return prefix + "-access-logs-" + accountID }

// PoolerLoadBalancer is the internal NLB in front of the connection pooler
// (workloads.pooler.loadBalancer): the cluster's name and a fixed suffix,
// which the load balancer controller's IAM policy names. ELB caps names
// at 32 characters (config validation checks it).
func PoolerLoadBalancer(cluster string) string { return cluster + "-pooler" }

// MaxLoadBalancerName is ELB's limit on a load balancer's name.
const MaxLoadBalancerName = 32

// DBClientSecurityGroup is the group the database clients' pods carry, the
// only source RDS admits.
func DBClientSecurityGroup(prefix string) string { return prefix + "-db-clients" }

// DBInstance is the environment's original RDS instance.
func DBInstance(prefix string) string { return prefix }

// RestoredDBInstance is the RDS instance a point-in-time restore of the
// environment creates; stamp is the restore time (config.RestoreStampFormat),
// so two restores never collide and the name says what it holds.
func RestoredDBInstance(prefix, stamp string) string { return prefix + "-pitr-" + stamp }

// RDSLogKinds are the log types the instance exports to CloudWatch (one
// RDSLogGroup each).
var RDSLogKinds = []string{"postgresql", "upgrade"}

// BackupVault is the AWS Backup vault holding the environment's locked
// copies; its KMS key's alias is "alias/" + BackupVault(prefix).
func BackupVault(prefix string) string { return prefix + "-vault" }

// BackupRole is the role AWS Backup assumes to snapshot the instance and
// read the storage bucket.
func BackupRole(prefix string) string { return prefix + "-aws-backup" }
