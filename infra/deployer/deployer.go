// Package deployer derives the IAM policy a principal needs to deploy the
// environment stacks from the resource types they contain. Tests fail when a
// stack gains a resource type this package does not know, so the documented
// policy cannot silently fall behind the code.
package deployer

import (
	"fmt"
	"maps"
	"slices"
	"sort"

	"github.com/supabase-eks/supabase-eks/infra/backupvault"
	"github.com/supabase-eks/supabase-eks/infra/identity"
	"github.com/supabase-eks/supabase-eks/infra/policy"
	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/names"
)

// ManagedPolicies are the AWS-managed policies the environment stacks
// attach to their roles: the only ones the deployer may attach (a test
// keeps the list equal to what the stacks attach).
var ManagedPolicies = []string{
	"arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly",
	"arn:aws:iam::aws:policy/AmazonEKSClusterPolicy",
	"arn:aws:iam::aws:policy/AmazonEKSVPCResourceController",
	"arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
	"arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
	"arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy",
	"arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy",
	"arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole",
}

func init() {
	// The backup vault's role carries its own list (infra/backupvault).
	ManagedPolicies = append(ManagedPolicies, backupvault.ManagedPolicies...)
}

// PassedToServices are the services the stacks hand roles to: EKS (cluster,
// node groups, add-ons), RDS enhanced monitoring, VPC flow logs.
var PassedToServices = []string{"eks.amazonaws.com", "rds.amazonaws.com", "monitoring.rds.amazonaws.com", "vpc-flow-logs.amazonaws.com", "backup.amazonaws.com"}

// BoundaryName is the permissions boundary every role the environment
// stacks create carries, and the only one the deployer may create roles
// with or change roles under.
func BoundaryName(prefix string) string { return prefix + "-boundary" }

// BoundaryARN is its ARN.
func BoundaryARN(accountID, prefix string) string {
	return fmt.Sprintf("arn:aws:iam::%s:policy/%s", accountID, BoundaryName(prefix))
}

// BoundaryScope names what the boundary confines the project's roles to.
type BoundaryScope struct {
	AccountID string
	// Prefix is the project's resource-name prefix ("supabase"), also the
	// value of the Project tag every resource of the project carries.
	Prefix string
	// StateBucket is out of reach of every role: only the deployer and the
	// operators touch the Terraform state.
	StateBucket string
}

// ProjectTag is the tag key by which the project's KMS keys are known
// (config validates every environment sets it to the project's name).
const ProjectTag = config.ProjectTag

// Boundary is the permissions boundary's document. A role's effective
// rights are its own policy intersected with this, so it is written as what
// the project's roles need, scoped to the project, and no more: a role the
// deployer creates with a broad inline policy and a trust naming the
// deployer reaches only what the project's own roles already reach.
//
//   - Data services by name or tag: the project's secrets (and RDS-managed
//     master secrets, whose values need the project key: a foreign RDS
//     secret stays sealed), the project's buckets but never the state
//     bucket, the project's KMS keys by tag (plus the AWS-managed EBS key
//     through EC2, for the CSI driver's volumes), the project's log groups.
//   - The load balancer controller's and cluster autoscaler's rights on
//     resources carrying the project's clusters' names or ownership tags.
//   - Node and network plumbing the AWS-managed policies grant (EC2, ECR
//     pulls, EKS reads, metrics, X-Ray): EC2 is as wide as the deployer's
//     own EC2 rights, so nothing is gained by going through a role.
//
// Denied whatever a role's policy says: identity and policy changes,
// passing roles, assuming other roles (no chaining into roles that trust
// the account), organization and account changes, key destruction.
func Boundary(s BoundaryScope) policy.Document {
	acct := s.AccountID
	project := s.Prefix + "-*"
	anywhere := func(svc, res string) string { return fmt.Sprintf("arn:aws:%s:*:%s:%s", svc, acct, res) }
	var logGroups []string
	// "<group>*" covers the group and its streams (<group>:log-stream:...).
	for _, g := range []string{
		names.ClusterLogGroup(project), names.FlowLogGroup(project), names.RDSLogGroup(project, "*"),
		names.ContainerInsightsLogGroups(project) + "/*", names.EnhancedMonitoringLogGroup,
	} {
		logGroups = append(logGroups, anywhere("logs", "log-group:"+g+"*"))
	}
	st := []policy.Statement{
		policy.Allow("NodeAndNetworkPlumbing", []string{
			"ec2:*", "autoscaling:Describe*", "eks:Describe*", "eks:List*", "eks-auth:AssumeRoleForPodIdentity",
			"ecr:GetAuthorizationToken", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability", "ecr:BatchImportUpstreamImage",
			"cloudwatch:PutMetricData", "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSampling*",
			"elasticloadbalancing:Describe*", "tag:GetResources",
			"acm:ListCertificates", "acm:DescribeCertificate", "cognito-idp:DescribeUserPoolClient",
			"iam:Get*", "iam:List*", "iam:CreateServiceLinkedRole",
			"wafv2:Get*", "wafv2:List*", "waf-regional:Get*", "shield:GetSubscriptionState", "shield:DescribeProtection", "shield:CreateProtection", "shield:DeleteProtection",
		}, []string{"*"}),
		// The CloudWatch agent reads its configuration from these parameters.
		policy.Allow("CloudWatchAgentConfiguration", []string{"ssm:GetParameter", "ssm:GetParameters"}, []string{anywhere("ssm", "parameter/AmazonCloudWatch-*")}),
		policy.Allow("ProjectLogGroups", []string{"logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:PutRetentionPolicy",
			"logs:DescribeLogStreams", "logs:GetLogEvents"}, logGroups),
		policy.Allow("FindLogGroups", []string{"logs:DescribeLogGroups"}, []string{"*"}),
		policy.Allow("ProjectSecrets", []string{"secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret", "secretsmanager:ListSecretVersionIds"},
			[]string{anywhere("secretsmanager", "secret:"+project), anywhere("secretsmanager", "secret:rds!*")}),
		// Object and bucket reads, object writes; inventories, change
		// notifications and object tags are AWS Backup's S3 backups.
		policy.Allow("ProjectBuckets", []string{"s3:ListBucket", "s3:ListBucketVersions", "s3:ListBucketMultipartUploads", "s3:GetBucket*",
			"s3:GetObject*", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts",
			"s3:*InventoryConfiguration", "s3:PutBucketNotification", "s3:PutObject*Tagging"},
			[]string{"arn:aws:s3:::" + project, "arn:aws:s3:::" + project + "/*"}),
		{Sid: "ProjectKeys", Effect: "Allow", Action: kmsUse, Resource: []string{anywhere("kms", "key/*")},
			Condition: map[string]map[string]any{"StringEquals": {"aws:ResourceTag/" + ProjectTag: s.Prefix}}},
		// PVCs use the AWS-managed EBS key; EC2 calls KMS for the CSI driver.
		{Sid: "AWSManagedEBSKeyThroughEC2", Effect: "Allow", Action: kmsUse, Resource: []string{anywhere("kms", "key/*")},
			Condition: map[string]map[string]any{"ForAnyValue:StringEquals": {"kms:ResourceAliases": "alias/aws/ebs"}, "StringLike": {"kms:ViaService": "ec2.*.amazonaws.com"}}},
		// Node groups' Auto Scaling groups carry their cluster's name.
		{Sid: "ScaleTheProjectsNodeGroups", Effect: "Allow", Action: []string{"autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"},
			Resource: []string{"*"}, Condition: map[string]map[string]any{"StringLike": {"aws:ResourceTag/" + NodeGroupClusterTag: project}}},
	}
	// AWS Backup's role (infra/backupvault): snapshots of the project's
	// instances (AWS Backup names them awsbackup:job-...), and what a
	// backup and a restore of an S3 bucket do: read every version, keep an
	// inventory and the bucket's change events (EventBridge rules AWS
	// Backup names AwsBackupManagedRule*), into the project's vault.
	st = append(st,
		// (Short Sids and wildcards: the boundary is one managed policy,
		// held to IAM's 6,144 characters.)
		policy.Allow("Backup", []string{"rds:*DBSnapshot", "rds:Describe*", "rds:*Tags*"},
			[]string{anywhere("rds", "db:"+project), anywhere("rds", "snapshot:*")}),
		policy.Allow("BackupS3Events", []string{"events:*"}, []string{anywhere("events", "rule/AwsBackupManagedRule*")}),
		policy.Allow("BackupReads", []string{"events:ListRules", "cloudwatch:GetMetricData", "backup:DescribeBackupVault", "backup:CopyIntoBackupVault"}, []string{"*"}),
	)
	st = append(st, identity.LoadBalancerControllerReach(acct, project)...)
	st = append(st,
		policy.Statement{Sid: "NoIdentityChanges", Effect: "Deny", Action: []string{
			"iam:CreateRole", "iam:CreateUser", "iam:CreateGroup", "iam:CreatePolicy", "iam:CreatePolicyVersion",
			"iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:CreateInstanceProfile", "iam:CreateOpenIDConnectProvider", "iam:CreateSAMLProvider",
			"iam:Put*", "iam:Attach*", "iam:Detach*", "iam:Update*", "iam:Delete*", "iam:Add*", "iam:Remove*", "iam:Set*",
			"iam:PassRole", "iam:Tag*", "iam:Untag*", "iam:Upload*",
			"organizations:*", "account:*",
		}, Resource: []string{"*"}},
		policy.Statement{Sid: "NoRoleChaining", Effect: "Deny", Action: []string{"sts:AssumeRole", "sts:AssumeRoleWithSAML"}, Resource: []string{"*"}},
		policy.Statement{Sid: "NoKeyDestruction", Effect: "Deny", Action: []string{"kms:ScheduleKeyDeletion", "kms:DisableKey", "kms:PutKeyPolicy"}, Resource: []string{"*"}},
		policy.Statement{Sid: "NeverTheState", Effect: "Deny", Action: []string{"s3:*"}, Resource: []string{"arn:aws:s3:::" + s.StateBucket, "arn:aws:s3:::" + s.StateBucket + "/*"}},
	)
	// A boundary is exactly one managed policy, held to IAM's 6,144
	// characters, unlike the deployer's (split into parts); statement ids
	// change no decision and cost some 550 of them. The ids above name the
	// statements for readers of this code.
	for i := range st {
		st[i].Sid = ""
	}
	return policy.New(st...)
}

// kmsUse are the key operations the project's roles and the services acting
// for them (Secrets Manager, S3, EKS, EC2) perform.
var kmsUse = []string{"kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*", "kms:DescribeKey", "kms:CreateGrant", "kms:ListGrants", "kms:RetireGrant"}

// ec2NeverNeeded are EC2 calls no step of the deploy makes (node
// instances are terminated by EKS and Auto Scaling, volumes made by
// the CSI driver): denied, so the deployer cannot stop another team's
// instances, share snapshots or images, or peer a foreign VPC.
var ec2NeverNeeded = []string{
	"ec2:TerminateInstances", "ec2:StopInstances", "ec2:ModifyInstanceAttribute", "ec2:GetPasswordData",
	"ec2:ModifySnapshotAttribute", "ec2:ModifyImageAttribute", "ec2:CreateSnapshot", "ec2:CreateSnapshots", "ec2:DeleteSnapshot",
	"ec2:DeleteVolume", "ec2:DetachVolume", "ec2:AttachVolume",
	"ec2:CreateVpcPeeringConnection", "ec2:AcceptVpcPeeringConnection", "ec2:ModifyVpcEndpointServicePermissions",
	"ec2:SendSerialConsoleSSHPublicKey",
}

// NodeGroupClusterTag is the tag EKS puts on a managed node group's Auto
// Scaling group, naming the cluster.
const NodeGroupClusterTag = "eks:cluster-name"

// PolicyName is part n (from 1) of the deployer's managed policies.
func PolicyName(prefix string, n int) string { return fmt.Sprintf("%s-%d", RoleName(prefix), n) }

// RoleName is the deployer role the bootstrap stack creates.
func RoleName(prefix string) string { return prefix + "-deployer" }

// RoleARN is that role's ARN: the environment stacks give it cluster-admin
// access, since `make deploy` installs the add-ons and manifests as it.
func RoleARN(accountID, prefix string) string {
	return fmt.Sprintf("arn:aws:iam::%s:role/%s", accountID, RoleName(prefix))
}

// serviceOf maps each Terraform resource type the stacks use to the IAM
// service whose API manages it.
var serviceOf = map[string]string{
	"aws_vpc": "ec2", "aws_subnet": "ec2", "aws_internet_gateway": "ec2", "aws_eip": "ec2",
	"aws_nat_gateway": "ec2", "aws_route": "ec2", "aws_route_table": "ec2", "aws_route_table_association": "ec2",
	"aws_default_security_group": "ec2", "aws_security_group": "ec2", "aws_vpc_security_group_ingress_rule": "ec2",
	"aws_vpc_endpoint": "ec2", "aws_flow_log": "ec2", "aws_launch_template": "ec2",
	"aws_eks_cluster": "eks", "aws_eks_node_group": "eks", "aws_eks_addon": "eks", "aws_eks_access_entry": "eks",
	"aws_eks_access_policy_association": "eks",
	"aws_autoscaling_group_tag":         "autoscaling",
	"aws_iam_role":                      "iam", "aws_iam_role_policy": "iam", "aws_iam_role_policy_attachment": "iam", "aws_iam_openid_connect_provider": "iam",
	"aws_kms_key": "kms", "aws_kms_alias": "kms",
	"aws_secretsmanager_secret": "secretsmanager",
	"aws_db_instance":           "rds", "aws_db_subnet_group": "rds", "aws_db_parameter_group": "rds", "aws_db_event_subscription": "rds",
	"aws_s3_bucket": "s3", "aws_s3_bucket_public_access_block": "s3", "aws_s3_bucket_ownership_controls": "s3",
	"aws_s3_bucket_versioning": "s3", "aws_s3_bucket_server_side_encryption_configuration": "s3",
	"aws_s3_bucket_policy": "s3", "aws_s3_bucket_lifecycle_configuration": "s3",
	"aws_cloudwatch_log_group": "logs", "aws_cloudwatch_log_metric_filter": "logs", "aws_cloudwatch_metric_alarm": "cloudwatch",
	"aws_sns_topic": "sns", "aws_sns_topic_subscription": "sns",
	"aws_s3_bucket_logging": "s3", "aws_acm_certificate": "acm",
	"aws_acm_certificate_validation": "acm", "aws_route53_record": "route53",
	"aws_wafv2_web_acl": "wafv2",
	"aws_backup_vault":  "backup", "aws_backup_vault_lock_configuration": "backup", "aws_backup_plan": "backup", "aws_backup_selection": "backup",
}

// Services returns the IAM services behind the resource types, or an error
// naming the first type it does not know.
func Services(resourceTypes []string) ([]string, error) {
	set := map[string]bool{}
	for _, t := range resourceTypes {
		svc, ok := serviceOf[t]
		if !ok {
			return nil, fmt.Errorf("deployer: resource type %s has no IAM mapping; add it to serviceOf", t)
		}
		set[svc] = true
	}
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out, nil
}

// Scope names the resources the deployer may manage.
type Scope struct {
	Region    string
	AccountID string
	// Prefix is the resource-name prefix of every environment ("supabase").
	Prefix string
	// StateBucket and LockTable-free state: the S3 backend with use_lockfile.
	StateBucket string
	// RetainedBuckets are buckets whose data must outlive the deployer's
	// mistakes (prod's backups, created by the bootstrap stack): it may not
	// change their configuration (policy, lifecycle, encryption, ACLs,
	// versioning) or delete them or their objects.
	RetainedBuckets []string
}

// Policy renders the deployer policy for the given services. Services whose
// create calls cannot be scoped by name (EC2 networking, EKS, RDS, KMS key
// creation) are limited to the region; everything named by the project
// (IAM roles, buckets, secrets, log groups, topics, alarms) is limited to the
// project prefix.
func Policy(services []string, s Scope) policy.Document {
	arn := func(svc, res string) string {
		return fmt.Sprintf("arn:aws:%s:%s:%s:%s", svc, s.Region, s.AccountID, res)
	}
	inRegion := map[string]map[string]any{"StringEquals": {"aws:RequestedRegion": s.Region}}
	var st []policy.Statement
	has := map[string]bool{}
	for _, svc := range services {
		has[svc] = true
	}
	// State objects are read and written, never deleted: only the lock
	// files Terraform's S3-native locking removes when it unlocks.
	st = append(st,
		policy.Allow("TerraformState", []string{"s3:ListBucket", "s3:GetObject", "s3:PutObject"},
			[]string{"arn:aws:s3:::" + s.StateBucket, "arn:aws:s3:::" + s.StateBucket + "/*"}),
		policy.Allow("TerraformStateUnlock", []string{"s3:DeleteObject"}, []string{"arn:aws:s3:::" + s.StateBucket + "/*.tflock"}),
		// The state bucket's name starts with the project prefix too: the
		// bucket rights below must not reach the state itself.
		policy.Statement{Sid: "NeverDeleteState", Effect: "Deny", Action: []string{"s3:DeleteObject", "s3:DeleteObjectVersion"},
			Resource: []string{"arn:aws:s3:::" + s.StateBucket + "/*.tfstate"}},
		policy.Statement{Sid: "NeverWeakenStateBucket", Effect: "Deny", Action: []string{
			"s3:PutBucket*", "s3:DeleteBucket*", "s3:PutLifecycleConfiguration", "s3:PutEncryptionConfiguration",
			"s3:PutReplicationConfiguration", "s3:PutAccelerateConfiguration",
		}, Resource: []string{"arn:aws:s3:::" + s.StateBucket}})
	project := s.Prefix + "-*"
	// EC2's create calls touch resources the project does not tag (the
	// EKS-made cluster security group, AMIs, ENIs), so EC2 stays limited to
	// the region; what `make deploy` never calls is denied outright.
	if has["ec2"] {
		st = append(st, policy.Statement{Sid: "Manageec2", Effect: "Allow", Action: []string{"ec2:*"}, Resource: []string{"*"}, Condition: inRegion},
			policy.Statement{Sid: "NoEC2CallsTheDeployNeverMakes", Effect: "Deny", Action: ec2NeverNeeded, Resource: []string{"*"}})
	}
	// EKS ARNs carry the cluster's name: clusters, node groups, add-ons and
	// access entries of the project's clusters only.
	if has["eks"] {
		var res []string
		for _, kind := range []string{"cluster/", "nodegroup/", "addon/", "access-entry/", "podidentityassociation/", "identityproviderconfig/"} {
			res = append(res, arn("eks", kind+project))
		}
		st = append(st, policy.Allow("ManageProjectClusters", []string{"eks:*"}, res),
			policy.Statement{Sid: "FindClustersAndAddonVersions", Effect: "Allow", Action: []string{"eks:List*", "eks:DescribeAddonVersions", "eks:DescribeAddonConfiguration", "eks:DescribeClusterVersions"},
				Resource: []string{"*"}, Condition: inRegion})
	}
	// RDS ARNs carry names too; the default option group is read, never
	// changed. Snapshots are never shared: no call of the deploy shares one.
	if has["rds"] {
		st = append(st, policy.Allow("ManageProjectDatabases", []string{"rds:*"}, []string{
			arn("rds", "db:"+project), arn("rds", "subgrp:"+project), arn("rds", "pg:"+project), arn("rds", "es:"+project),
			arn("rds", "snapshot:"+project), arn("rds", "og:default:*"),
		}), policy.Statement{Sid: "DescribeDatabases", Effect: "Allow", Action: []string{"rds:Describe*", "rds:ListTagsForResource"}, Resource: []string{"*"}, Condition: inRegion},
			policy.Statement{Sid: "NeverShareSnapshots", Effect: "Deny", Action: []string{"rds:ModifyDBSnapshotAttribute", "rds:ModifyDBClusterSnapshotAttribute"}, Resource: []string{"*"}},
			// A point-in-time restore of a deleted instance
			// (database.pointInTimeRestore.sourceDbiResourceId) reads its
			// retained automated backups, whose ARNs carry no name. Restoring
			// is all it may do with them; the restored instance's own name is
			// held to the project by the statement above.
			policy.Allow("RestoreFromRetainedBackups", []string{"rds:RestoreDBInstanceToPointInTime"}, []string{arn("rds", "auto-backup:*")}))
	}
	// Node groups' Auto Scaling groups are EKS's; the deploy only tags them
	// (Cluster Autoscaler's scale-from-zero hints), and only the project's.
	if has["autoscaling"] {
		st = append(st, policy.Statement{Sid: "TagProjectNodeGroups", Effect: "Allow", Action: []string{"autoscaling:CreateOrUpdateTags", "autoscaling:DeleteTags"},
			Resource: []string{"*"}, Condition: map[string]map[string]any{"StringLike": {"aws:ResourceTag/" + NodeGroupClusterTag: project}}},
			policy.Statement{Sid: "DescribeAutoScaling", Effect: "Allow", Action: []string{"autoscaling:Describe*"}, Resource: []string{"*"}, Condition: inRegion})
	}
	// Key ARNs carry no name: keys are the project's by their Project tag,
	// set when Terraform creates them (default tags).
	if has["kms"] {
		projectTagged := map[string]map[string]any{"StringEquals": {"aws:ResourceTag/" + ProjectTag: s.Prefix}}
		st = append(st,
			policy.Statement{Sid: "CreateProjectKeys", Effect: "Allow", Action: []string{"kms:CreateKey", "kms:TagResource"}, Resource: []string{"*"},
				Condition: map[string]map[string]any{"StringEquals": {"aws:RequestTag/" + ProjectTag: s.Prefix, "aws:RequestedRegion": s.Region}}},
			policy.Statement{Sid: "ManageProjectKeys", Effect: "Allow", Action: []string{"kms:*"}, Resource: []string{arn("kms", "key/*")}, Condition: projectTagged},
			policy.Allow("ManageProjectAliases", []string{"kms:CreateAlias", "kms:DeleteAlias", "kms:UpdateAlias"}, []string{arn("kms", "alias/"+project)}),
			policy.Statement{Sid: "ListKeys", Effect: "Allow", Action: []string{"kms:ListAliases", "kms:ListKeys"}, Resource: []string{"*"}, Condition: inRegion})
	}
	if has["iam"] {
		projectRoles := []string{fmt.Sprintf("arn:aws:iam::%s:role/%s-*", s.AccountID, s.Prefix)}
		self := []string{RoleARN(s.AccountID, s.Prefix)}
		boundary := BoundaryARN(s.AccountID, s.Prefix)
		bounded := map[string]any{"iam:PermissionsBoundary": boundary}
		st = append(st,
			// Creating a role and granting it anything require the boundary
			// on it: a role the deployer makes can never do more than the
			// boundary allows (no IAM). Attaching is further limited to the
			// managed policies the stacks use, passing to the services that
			// take the roles.
			policy.Allow("ReadProjectRoles", []string{"iam:GetRole", "iam:GetRolePolicy", "iam:ListRolePolicies",
				"iam:ListAttachedRolePolicies", "iam:ListInstanceProfilesForRole", "iam:TagRole", "iam:UntagRole",
				"iam:DeleteRole", "iam:UpdateRole", "iam:UpdateRoleDescription", "iam:UpdateAssumeRolePolicy"},
				projectRoles),
			policy.Statement{Sid: "CreateBoundedProjectRoles", Effect: "Allow", Action: []string{"iam:CreateRole", "iam:PutRolePermissionsBoundary",
				"iam:PutRolePolicy", "iam:DeleteRolePolicy"},
				Resource: projectRoles, Condition: map[string]map[string]any{"StringEquals": bounded}},
			policy.Statement{Sid: "AttachManagedPoliciesTheStacksUse", Effect: "Allow", Action: []string{"iam:AttachRolePolicy", "iam:DetachRolePolicy"},
				Resource: projectRoles, Condition: map[string]map[string]any{"ArnEquals": {"iam:PolicyARN": ManagedPolicies}, "StringEquals": bounded}},
			policy.Statement{Sid: "KeepTheBoundary", Effect: "Deny", Action: []string{"iam:DeleteRolePermissionsBoundary"}, Resource: []string{"*"}},
			policy.Statement{Sid: "NeverChangeTheBoundaryOrOwnPolicy", Effect: "Deny", Action: []string{
				"iam:CreatePolicyVersion", "iam:DeletePolicy", "iam:DeletePolicyVersion", "iam:SetDefaultPolicyVersion",
			}, Resource: []string{boundary, fmt.Sprintf("arn:aws:iam::%s:policy/%s-*", s.AccountID, RoleName(s.Prefix))}},
			policy.Statement{Sid: "PassProjectRolesToTheirServices", Effect: "Allow", Action: []string{"iam:PassRole"},
				Resource: projectRoles, Condition: map[string]map[string]any{"StringEquals": {"iam:PassedToService": PassedToServices}}},
			// Its own role matches the project's pattern: nothing it may do to
			// the other roles may it do to itself (no inline "*:*", no
			// AdministratorAccess, no trust change).
			policy.Statement{Sid: "NeverChangeItself", Effect: "Deny", Action: []string{"iam:*"}, Resource: self,
				Condition: nil},
			policy.Allow("ManageOIDCProviders", []string{"iam:*OpenIDConnectProvider*", "iam:TagOpenIDConnectProvider"},
				[]string{fmt.Sprintf("arn:aws:iam::%s:oidc-provider/oidc.eks.%s.amazonaws.com/id/*", s.AccountID, s.Region)}),
			policy.Statement{Sid: "CreateServiceLinkedRoles", Effect: "Allow", Action: []string{"iam:CreateServiceLinkedRole"}, Resource: []string{"*"},
				Condition: map[string]map[string]any{"StringEquals": {"iam:AWSServiceName": []string{"eks.amazonaws.com", "eks-nodegroup.amazonaws.com", "rds.amazonaws.com", "autoscaling.amazonaws.com", "elasticloadbalancing.amazonaws.com"}}}},
			policy.Allow("ReadPolicies", []string{"iam:GetPolicy", "iam:GetPolicyVersion"}, []string{"arn:aws:iam::aws:policy/*"}),
		)
	}
	if has["s3"] {
		// Explicit families rather than s3:*: bucket configuration (Terraform
		// reads every sub-resource of a bucket), and object deletion for
		// force_destroy of the dev buckets. No object reads.
		st = append(st, policy.Allow("ManageProjectBuckets", []string{
			"s3:CreateBucket", "s3:DeleteBucket", "s3:ListBucket", "s3:ListBucketVersions",
			"s3:GetBucket*", "s3:PutBucket*", "s3:DeleteBucket*",
			"s3:GetAccelerateConfiguration", "s3:GetLifecycleConfiguration", "s3:PutLifecycleConfiguration",
			"s3:GetReplicationConfiguration", "s3:GetEncryptionConfiguration", "s3:PutEncryptionConfiguration",
			"s3:DeleteObject", "s3:DeleteObjectVersion",
		}, []string{"arn:aws:s3:::" + s.Prefix + "-*", "arn:aws:s3:::" + s.Prefix + "-*/*"}),
			// The restores (supabase-eks restore dump, storage restore) are
			// the deployer's too: it reads the logical dumps, and copies a
			// storage object's earlier version over the current one. Only
			// these two kinds of bucket, by the names their owner gives.
			policy.Allow("ReadLogicalDumps", []string{"s3:GetObject"}, []string{"arn:aws:s3:::" + names.BackupBucket(project, s.AccountID) + "/*"}),
			policy.Allow("RestoreStorageObjectVersions", []string{"s3:GetObjectVersion", "s3:PutObject"}, []string{"arn:aws:s3:::" + names.StorageBucket(project, s.AccountID) + "/*"}))
	}
	if len(s.RetainedBuckets) > 0 {
		var res []string
		for _, b := range s.RetainedBuckets {
			res = append(res, "arn:aws:s3:::"+b, "arn:aws:s3:::"+b+"/*")
		}
		// The bootstrap stack owns them: no bucket-level change at all, no
		// deletion of what they hold.
		st = append(st, policy.Statement{Sid: "NeverTouchRetainedBuckets", Effect: "Deny", Action: []string{
			"s3:PutBucket*", "s3:DeleteBucket*", "s3:PutLifecycleConfiguration", "s3:PutEncryptionConfiguration",
			"s3:PutReplicationConfiguration", "s3:PutAccelerateConfiguration",
			"s3:DeleteObject", "s3:DeleteObjectVersion", "s3:PutObjectAcl", "s3:PutObjectVersionAcl",
		}, Resource: res})
	}
	if has["secretsmanager"] {
		st = append(st, policy.Allow("ManageProjectSecrets", []string{
			"secretsmanager:CreateSecret", "secretsmanager:DeleteSecret", "secretsmanager:DescribeSecret", "secretsmanager:TagResource",
			"secretsmanager:UntagResource", "secretsmanager:UpdateSecret", "secretsmanager:GetResourcePolicy", "secretsmanager:RestoreSecret",
			// RDS creates the master-user secret (rds!db-...) with the caller's rights.
		}, []string{arn("secretsmanager", "secret:"+s.Prefix+"-*"), arn("secretsmanager", "secret:rds!*")}),
			// The deploy's secrets step (secrets init) reads and writes the
			// values of the project's own secrets, never RDS's.
			policy.Allow("WriteProjectSecretValues", []string{"secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue"},
				[]string{arn("secretsmanager", "secret:"+s.Prefix+"-*")}))
	}
	if has["logs"] {
		// The names the constructs give their groups, with the environment
		// name left open.
		anyEnv := s.Prefix + "-*"
		var groups []string
		for _, g := range []string{names.ClusterLogGroup(anyEnv), names.FlowLogGroup(anyEnv), names.RDSLogGroup(anyEnv, "*")} {
			groups = append(groups, arn("logs", "log-group:"+g), arn("logs", "log-group:"+g+":*"))
		}
		st = append(st, policy.Allow("ManageProjectLogGroups", []string{"logs:*"}, groups),
			policy.Allow("DescribeLogGroups", []string{"logs:DescribeLogGroups"}, []string{arn("logs", "log-group:*")}),
			// The pooler's saturation filters sit on the group the Container
			// Insights add-on creates: filters only, never the group itself.
			policy.Allow("ManagePoolerLogFilters", []string{"logs:PutMetricFilter", "logs:DeleteMetricFilter", "logs:DescribeMetricFilters"},
				[]string{arn("logs", "log-group:"+names.ContainerInsightsApplicationLogGroup(anyEnv)), arn("logs", "log-group:"+names.ContainerInsightsApplicationLogGroup(anyEnv)+":*")}))
	}
	if has["sns"] {
		st = append(st, policy.Allow("ManageProjectTopics", []string{"sns:*"}, []string{arn("sns", s.Prefix+"-*")}))
	}
	// The deploy's alarm step finds the ALB the controller created; the
	// teardown waits for it to go. Describe calls have no resource-level
	// permissions.
	st = append(st, policy.Statement{Sid: "FindLoadBalancers", Effect: "Allow", Action: []string{"elasticloadbalancing:Describe*"},
		Resource: []string{"*"}, Condition: inRegion})
	if has["wafv2"] {
		st = append(st,
			policy.Allow("ManageProjectWebACLs", []string{"wafv2:CreateWebACL", "wafv2:UpdateWebACL", "wafv2:DeleteWebACL", "wafv2:GetWebACL",
				"wafv2:ListTagsForResource", "wafv2:TagResource", "wafv2:UntagResource"},
				[]string{arn("wafv2", "regional/webacl/"+s.Prefix+"-*/*"), arn("wafv2", "regional/managedruleset/*/*")}),
			policy.Statement{Sid: "InspectManagedRuleGroups", Effect: "Allow", Action: []string{"wafv2:ListWebACLs", "wafv2:ListAvailableManagedRuleGroups", "wafv2:DescribeManagedRuleGroup", "wafv2:CheckCapacity"},
				Resource: []string{"*"}, Condition: inRegion})
	}
	if has["acm"] {
		// Certificate ARNs end in generated ids, so the account and region
		// are the scope; requests are held to DNS validation.
		st = append(st,
			policy.Statement{Sid: "RequestDNSValidatedCertificates", Effect: "Allow", Action: []string{"acm:RequestCertificate"}, Resource: []string{"*"},
				Condition: map[string]map[string]any{"StringEquals": {"aws:RequestedRegion": s.Region, "acm:ValidationMethod": "DNS"}}},
			policy.Allow("ManageCertificates", []string{"acm:DescribeCertificate", "acm:DeleteCertificate", "acm:ListTagsForCertificate",
				"acm:AddTagsToCertificate", "acm:RemoveTagsFromCertificate"}, []string{arn("acm", "certificate/*")}))
	}
	if has["route53"] {
		// The policy is built without the environments' configuration, so it
		// cannot name their zones: any zone of the account, but only ACM's
		// validation records (CNAMEs whose first label starts with _).
		zones := []string{"arn:aws:route53:::hostedzone/*"}
		st = append(st,
			policy.Statement{Sid: "WriteCertificateValidationRecords", Effect: "Allow", Action: []string{"route53:ChangeResourceRecordSets"}, Resource: zones,
				Condition: map[string]map[string]any{
					"ForAllValues:StringEquals": {"route53:ChangeResourceRecordSetsRecordTypes": []string{"CNAME"}},
					"ForAllValues:StringLike":   {"route53:ChangeResourceRecordSetsNormalizedRecordNames": []string{"_*"}},
				}},
			policy.Allow("ReadHostedZones", []string{"route53:GetHostedZone", "route53:ListResourceRecordSets"}, zones),
			policy.Allow("WaitForRecordChanges", []string{"route53:GetChange"}, []string{"arn:aws:route53:::change/*"}))
	}
	if has["backup"] {
		vaults := []string{arn("backup", "backup-vault:"+names.BackupVault(project))}
		st = append(st,
			// CreateBackupVault also needs backup-storage:MountCapsule and a
			// grant on the vault's key (kms:* on the project's keys above).
			policy.Allow("ManageProjectVaults", []string{"backup:CreateBackupVault", "backup:DeleteBackupVault", "backup:DescribeBackupVault",
				"backup:PutBackupVaultLockConfiguration", "backup:ListTags", "backup:TagResource", "backup:UntagResource"}, vaults),
			policy.Statement{Sid: "BackupVaultStorage", Effect: "Allow", Action: []string{"backup-storage:MountCapsule"}, Resource: []string{"*"}, Condition: inRegion},
			// Plan ARNs end in generated ids: the region is the scope.
			policy.Allow("ManageBackupPlans", []string{"backup:CreateBackupPlan", "backup:UpdateBackupPlan", "backup:DeleteBackupPlan", "backup:GetBackupPlan",
				"backup:CreateBackupSelection", "backup:DeleteBackupSelection", "backup:GetBackupSelection", "backup:ListTags", "backup:TagResource", "backup:UntagResource"},
				[]string{arn("backup", "backup-plan:*")}),
			// What the vault is for: the deployer can neither shorten nor end
			// what it holds, nor unlock it, nor open it to other accounts;
			// nor make its key (recognised by its purpose tag) unusable.
			policy.Statement{Sid: "NeverWeakenTheVault", Effect: "Deny", Action: []string{
				"backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle", "backup:DeleteBackupVaultLockConfiguration",
				"backup:PutBackupVaultAccessPolicy", "backup:DisassociateRecoveryPoint",
			}, Resource: []string{"*"}},
			policy.Statement{Sid: "NeverDisableTheVaultKey", Effect: "Deny", Action: []string{"kms:ScheduleKeyDeletion", "kms:DisableKey", "kms:PutKeyPolicy", "kms:UntagResource"},
				Resource: []string{"*"}, Condition: map[string]map[string]any{"StringEquals": {"aws:ResourceTag/" + backupvault.KeyPurposeTag: backupvault.KeyPurpose}}})
	}
	if has["cloudwatch"] {
		st = append(st, policy.Allow("ManageProjectAlarms", []string{"cloudwatch:PutMetricAlarm", "cloudwatch:DeleteAlarms", "cloudwatch:DescribeAlarms", "cloudwatch:ListTagsForResource", "cloudwatch:TagResource", "cloudwatch:UntagResource"},
			[]string{arn("cloudwatch", "alarm:"+s.Prefix+"-*")}))
	}
	return policy.New(st...)
}

// ResourceTypes lists every resource type the deployer policy covers.
func ResourceTypes() []string {
	return slices.Sorted(maps.Keys(serviceOf))
}

// AllServices is Services over ResourceTypes; a test keeps ResourceTypes
// equal to the types the stacks synthesize.
func AllServices() []string {
	s, _ := Services(ResourceTypes())
	return s
}
