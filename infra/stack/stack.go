// Package stack composes the AWS constructs of one environment into a CDKTF
// stack and exports the outputs contract (internal/contract/outputs).
package stack

import (
	"fmt"

	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	awsprovider "github.com/cdktf/cdktf-provider-aws-go/aws/v19/provider"
	"github.com/hashicorp/terraform-cdk-go/cdktf"

	"github.com/supabase-eks/supabase-eks/infra/backupvault"
	"github.com/supabase-eks/supabase-eks/infra/cluster"
	"github.com/supabase-eks/supabase-eks/infra/database"
	"github.com/supabase-eks/supabase-eks/infra/deployer"
	"github.com/supabase-eks/supabase-eks/infra/edge"
	"github.com/supabase-eks/supabase-eks/infra/identity"
	"github.com/supabase-eks/supabase-eks/infra/network"
	"github.com/supabase-eks/supabase-eks/infra/observability"
	"github.com/supabase-eks/supabase-eks/infra/secretstore"
	"github.com/supabase-eks/supabase-eks/infra/storage"
	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/names"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/internal/rdsclass"
)

// ProviderConstraint is the hashicorp/aws version range the stack accepts.
// The Go bindings (aws/v19) describe the 5.x schema, but everything the stack
// sets is valid in 6.x, and `make validate` plans it with a 6.x build.
const ProviderConstraint = "~> 6.47"

// Stack is one synthesized environment.
type Stack struct {
	cdktf.TerraformStack
	Outputs outputs.Outputs
}

// New builds the environment's stack inside app.
func New(app constructs.Construct, env config.Environment) *Stack {
	st := cdktf.NewTerraformStack(app, jsii.String(env.StackName()))
	name := env.ResourcePrefix()

	cdktf.NewS3Backend(st, &cdktf.S3BackendConfig{
		Bucket:  jsii.String(env.State.Bucket),
		Key:     jsii.String(env.State.Key),
		Region:  jsii.String(env.State.Region),
		Encrypt: jsii.Bool(true),
		KmsKeyId: func() *string {
			if env.State.KMSKeyID == "" {
				return nil
			}
			return jsii.String(env.State.KMSKeyID)
		}(),
	})
	// cdktf v0.21 has no typed field for S3-native locking (Terraform >= 1.10).
	st.AddOverride(jsii.String("terraform.backend.s3.use_lockfile"), true)
	st.AddOverride(jsii.String("terraform.required_providers.aws.version"), ProviderConstraint)
	st.AddOverride(jsii.String("terraform.required_version"), ">= 1.10.0")

	tags := map[string]*string{}
	for k, v := range env.Tags {
		tags[k] = jsii.String(v)
	}
	awsprovider.NewAwsProvider(st, jsii.String("aws"), &awsprovider.AwsProviderConfig{
		Region: jsii.String(env.Region),
		// Refuse to touch any other account, whatever credentials are loaded.
		AllowedAccountIds: jsii.Strings(env.AccountID),
		DefaultTags:       &[]*awsprovider.AwsProviderDefaultTags{{Tags: &tags}},
	})

	plan := env.Subnets()
	// Every role carries the boundary the bootstrap stack created; the
	// deployer may create no role without it.
	boundary := jsii.String(deployer.BoundaryARN(env.AccountID, env.Project))
	sec := secretstore.New(st, "secrets", secretstore.Props{
		Name: name, Region: env.Region, AccountID: env.AccountID,
		RecoveryWindowDays: env.Teardown.SecretRecoveryWindowDays,
		RetainKey:          env.Database.RetainKeyOnDestroy,
	})
	net := network.New(st, "network", network.Props{
		Name: name, ClusterName: name, Region: env.Region, AccountID: env.AccountID,
		Zones: env.AvailabilityZones, Config: env.Network, Plan: plan, KMSKeyARN: sec.KeyARN,
		PermissionsBoundaryARN: boundary,
	})
	eks := cluster.New(st, "cluster", cluster.Props{
		Name: name, Region: env.Region, AccountID: env.AccountID, Config: env.Cluster,
		PrivateSubnetIDs: net.PrivateSubnetIDs, KMSKeyARN: sec.KeyARN,
		DeployerRoleARN:        deployer.RoleARN(env.AccountID, env.Project),
		PermissionsBoundaryARN: boundary,
	})
	buckets := storage.New(st, "storage", storage.Props{
		Name: name, AccountID: env.AccountID, KMSKeyARN: sec.KeyARN,
		ForceDestroy: env.Teardown.ForceDestroyBuckets, BackupsInBootstrap: env.Database.RetainBackupsOnDestroy,
	})
	db := database.New(st, "database", database.Props{
		Name: name, Config: env.Database, VpcID: net.VpcID, DatabaseSubnetIDs: net.DatabaseSubnetIDs,
		KMSKeyARN: sec.KeyARN, LogRetentionDays: env.Cluster.LogRetentionDays,
		PermissionsBoundaryARN: boundary,
	})
	if env.BackupVault.Enabled {
		backupvault.New(st, "backup-vault", backupvault.Props{
			Name: name, AccountID: env.AccountID, Config: env.BackupVault, PermissionsBoundaryARN: boundary,
			DBInstanceARN: db.Instance.Arn(), StorageBucketARN: buckets.StorageBucketARN,
		})
	}
	secretARNs := []*string{db.MasterSecretARN}
	for _, logical := range outputs.SecretOrder {
		secretARNs = append(secretARNs, sec.ARNs[logical])
	}
	ids := identity.New(st, "identity", identity.Props{
		Name: name, Region: env.Region, AccountID: env.AccountID, ClusterName: name,
		OIDCProviderARN: eks.OIDCProviderARN, IssuerHostPath: eks.IssuerHostPath, KMSKeyARN: sec.KeyARN,
		PermissionsBoundaryARN: boundary,
		SecretARNs:             secretARNs, StorageBucketARN: buckets.StorageBucketARN, BackupBucketARN: buckets.BackupBucketARN,
		BackupPrefix: buckets.BackupPrefix, ContainerInsights: env.Observability.ContainerInsights,
	})
	cluster.NewAddons(st, "addons", cluster.AddonsProps{
		Cluster: eks, VPCCNIRoleARN: ids.VPCCNIRoleARN, EBSCSIRoleARN: ids.RoleARNs[outputs.RoleEBSCSI],
		CloudWatchRoleARN: ids.RoleARNs[outputs.RoleCloudWatchObservability], ContainerInsights: env.Observability.ContainerInsights,
	})
	// config.Validate rejects a class rdsclass does not know, so this only
	// fails for an environment that skipped validation.
	maxConns, err := rdsclass.MaxConnections(env.Database.InstanceClass)
	if err != nil {
		panic(fmt.Sprintf("database.instanceClass: %v", err))
	}
	obs := observability.New(st, "observability", observability.Props{
		Name: name, Environment: env.Name, KMSKeyARN: sec.KeyARN, AlarmEmail: env.Observability.AlarmEmail, DBIdentifier: db.Identifier,
		DBMaxConnections: maxConns, DBAllocatedStorageGiB: env.Database.AllocatedStorageGiB,
		ReplicationSlotLagBytes: int64(env.Database.MaxSlotWALKeepSizeMB) << 20 / 2,
		PoolerLogGroup:          poolerLogGroup(env, name),
	})

	out := outputs.Outputs{
		Environment: env.Name, Region: env.Region, AccountID: env.AccountID,
		ClusterName: name, ClusterEndpoint: *eks.Endpoint, ClusterOIDCIssuerURL: *eks.IssuerURL,
		KubernetesVersion:      env.Cluster.KubernetesVersion,
		ClusterSecurityGroupID: *eks.SecurityGroupID, DBClientSecurityGroupID: *db.ClientSecurityGroupID,
		VpcID: *net.VpcID, VpcCIDR: net.VpcCIDR, InterfaceEndpoints: env.Network.InterfaceEndpoints,
		PublicSubnetCIDRs: plan.Public, PrivateSubnetCIDRs: plan.Private, DatabaseSubnetCIDRs: plan.Database,
		DBHost: *db.Host, DBPort: database.Port, DBEngineVersion: env.Database.EngineVersion, DBName: env.Database.DatabaseName,
		DBMasterUsername: env.Database.MasterUsername, DBMasterSecretARN: *db.MasterSecretARN,
		StorageBucketName: buckets.StorageBucket, BackupBucketName: buckets.BackupBucket, BackupPrefix: buckets.BackupPrefix,
		KMSKeyARN: *sec.KeyARN, SecretNames: sec.Names, SecretARNs: deref(sec.ARNs), RoleARNs: deref(ids.RoleARNs),
		AlarmTopicARN: *obs.TopicARN,
		Domain:        env.Domain.Name, CertificateARN: env.Domain.CertificateARN, WAFACLArn: env.Domain.WAFACLArn,
	}
	if env.Domain.CreateWAF {
		out.WAFACLArn = *edge.New(st, "edge", edge.Props{Name: name, RateLimit: env.Domain.WAFRateLimit}).ACLARN
	}
	if env.Domain.HostedZoneID != "" && env.Domain.CertificateARN == "" {
		out.CertificateARN = *edge.NewCertificate(st, "certificate", edge.CertificateProps{
			DomainName: env.Domain.Name, HostedZoneID: env.Domain.HostedZoneID,
		}).ARN
	}
	if env.Observability.AccessLogs {
		logs := edge.NewAccessLogs(st, "access-logs", edge.AccessLogProps{
			Name: name, AccountID: env.AccountID, Region: env.Region,
			ExpirationDays: env.Observability.AccessLogDays, ForceDestroy: env.Teardown.ForceDestroyBuckets,
			Logged: loggedBuckets(buckets, env),
		})
		out.ALBLogBucket, out.ALBLogPrefix = logs.Bucket, logs.Prefix
	}
	exportOutputs(st, &out)
	return &Stack{TerraformStack: st, Outputs: out}
}

// exportOutputs turns every field of the contract into a Terraform output.
func exportOutputs(st cdktf.TerraformStack, out *outputs.Outputs) {
	values := out.Values()
	for _, f := range outputs.Fields() {
		var value any
		switch v := values[f.Name].(type) {
		case string:
			value = jsii.String(v)
		case int:
			value = jsii.Number(float64(v))
		case bool:
			value = jsii.Bool(v)
		case []string:
			value = jsii.Strings(v...)
		case map[string]string:
			m := make(map[string]*string, len(v))
			for k, s := range v {
				m[k] = jsii.String(s)
			}
			value = &m
		default:
			panic(fmt.Sprintf("output %s: unsupported type %T", f.Name, v))
		}
		cdktf.NewTerraformOutput(st, jsii.String(f.Name), &cdktf.TerraformOutputConfig{
			Value:       value,
			Description: jsii.String(f.Doc),
		})
	}
}

func deref(m map[string]*string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = *v
	}
	return out
}

// loggedBuckets are the data buckets whose S3 server access logs go to the
// access log bucket: not a backups bucket the bootstrap stack owns, whose
// configuration this stack (and the deployer) may not change.
func loggedBuckets(b *storage.Storage, env config.Environment) []edge.LoggedBucket {
	out := []edge.LoggedBucket{{Name: b.StorageBucket, ARN: b.StorageBucketARN}}
	if !env.Database.RetainBackupsOnDestroy {
		out = append(out, edge.LoggedBucket{Name: b.BackupBucket, ARN: b.BackupBucketARN})
	}
	return out
}

// poolerLogGroup is where Supavisor's output reaches CloudWatch: Container
// Insights' application group. Without the add-on nothing ships the logs
// and the pooler has no saturation alarms (README, "Connection pooling").
func poolerLogGroup(env config.Environment, cluster string) string {
	if !env.Workloads.Pooler.Enabled || !env.Observability.ContainerInsights {
		return ""
	}
	return names.ContainerInsightsApplicationLogGroup(cluster)
}
