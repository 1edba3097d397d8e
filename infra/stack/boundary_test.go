package stack

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/supabase-eks/supabase-eks/infra/backupvault"
	"github.com/supabase-eks/supabase-eks/infra/bootstrap"
	"github.com/supabase-eks/supabase-eks/infra/deployer"
	"github.com/supabase-eks/supabase-eks/infra/policy"
	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/names"
)

func boundaryOf(b config.Account) policy.Document {
	return deployer.Boundary(deployer.BoundaryScope{AccountID: b.AccountID, Prefix: b.Prefix, StateBucket: b.StateBucket})
}

// request is one API call a role makes, with the request context IAM
// would see.
type request struct {
	action, resource string
	ctx              map[string]string
}

// tokenRef is a Terraform reference inside a synthesized policy string.
var tokenRef = regexp.MustCompile(`\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z_\[\]0-9.]+)\}`)

// resolve replaces the references of a synthesized policy with the ARNs
// AWS would give the resources, and returns the tags of the resources
// referenced (as aws:ResourceTag/... context).
func resolve(t *testing.T, env, doc string) (string, map[string]map[string]string) {
	e := envs[env]
	tags := map[string]map[string]string{}
	out := tokenRef.ReplaceAllStringFunc(doc, func(ref string) string {
		m := tokenRef.FindStringSubmatch(ref)
		typ, name, attr := m[1], m[2], m[3]
		r := resources(env, typ)[name]
		if r == nil {
			t.Fatalf("%s: policy references %s.%s, which the stack does not create", env, typ, name)
		}
		var arn string
		switch {
		case typ == "aws_s3_bucket" && attr == "arn":
			arn = "arn:aws:s3:::" + str(r["bucket"])
		case typ == "aws_secretsmanager_secret" && attr == "arn":
			arn = fmt.Sprintf("arn:aws:secretsmanager:%s:%s:secret:%s-AbCdEf", e.Region, e.AccountID, str(r["name"]))
		case typ == "aws_kms_key" && attr == "arn":
			arn = fmt.Sprintf("arn:aws:kms:%s:%s:key/1234abcd-12ab-34cd-56ef-1234567890ab", e.Region, e.AccountID)
			// Default tags: the provider puts the environment's tags on the key.
			tags[arn] = map[string]string{"aws:ResourceTag/" + deployer.ProjectTag: e.Tags[deployer.ProjectTag]}
		case typ == "aws_cloudwatch_log_group" && attr == "arn":
			arn = fmt.Sprintf("arn:aws:logs:%s:%s:log-group:%s", e.Region, e.AccountID, str(r["name"]))
		case typ == "aws_db_instance" && attr == "master_user_secret[0].secret_arn":
			arn = fmt.Sprintf("arn:aws:secretsmanager:%s:%s:secret:rds!db-0a1b2c3d-4e5f-6789-abcd-ef0123456789-AbCdEf", e.Region, e.AccountID)
		default:
			t.Fatalf("%s: no ARN rule for %s", env, ref)
		}
		return arn
	})
	return out, tags
}

// roleRequests turns every Allow statement of the stacks' inline role
// policies into the calls it permits, each with a context that meets the
// statement's own conditions (the role only makes calls its policy allows).
func roleRequests(t *testing.T, env string) []request {
	e := envs[env]
	var out []request
	for name, rp := range resources(env, "aws_iam_role_policy") {
		text, tags := resolve(t, env, str(rp["policy"]))
		doc, err := policy.Parse(text)
		if err != nil {
			t.Fatalf("%s: %s: %v", env, name, err)
		}
		for _, st := range doc.Statement {
			if st.Effect != "Allow" {
				continue
			}
			ctx := map[string]string{"aws:RequestedRegion": e.Region}
			for op, kv := range st.Condition {
				for k, v := range kv {
					switch v := v.(type) {
					case string:
						if op == "Null" {
							if v == "false" {
								ctx[k] = e.ResourcePrefix()
							}
							continue
						}
						ctx[k] = v
					case []any:
						ctx[k] = fmt.Sprint(v[0])
					}
				}
			}
			for _, a := range st.Action {
				for _, r := range st.Resource {
					c := map[string]string{}
					for k, v := range ctx {
						c[k] = v
					}
					for k, v := range tags[r] {
						c[k] = v
					}
					// EKS tags a managed node group's Auto Scaling group
					// with its cluster's name.
					if strings.Contains(r, ":autoScalingGroup:") {
						c["aws:ResourceTag/"+deployer.NodeGroupClusterTag] = e.ResourcePrefix()
					}
					// A wildcard in a tag condition stands for this
					// environment's cluster.
					for k, v := range c {
						c[k] = strings.ReplaceAll(v, "*", "")
					}
					out = append(out, request{a, r, c})
				}
			}
		}
	}
	return out
}

// TestBoundaryCoversWhatTheRolesNeed: every call the stacks' own role
// policies allow, and the calls the attached AWS-managed policies are
// attached for, stay allowed under the boundary; otherwise the boundary
// would break the workload it is meant to fence in.
func TestBoundaryCoversWhatTheRolesNeed(t *testing.T) {
	b := config.Bootstrap()
	boundary := boundaryOf(b)
	for _, env := range stackEnvs {
		e := envs[env]
		reqs := roleRequests(t, env)
		if len(reqs) < 40 {
			t.Fatalf("%s: only %d calls read from the role policies; the test reads the wrong thing", env, len(reqs))
		}
		arn := func(svc, res string) string {
			return fmt.Sprintf("arn:aws:%s:%s:%s:%s", svc, e.Region, e.AccountID, res)
		}
		key := arn("kms", "key/1234abcd-12ab-34cd-56ef-1234567890ab")
		projectKey := map[string]string{"aws:ResourceTag/" + deployer.ProjectTag: e.Tags[deployer.ProjectTag]}
		ebsKey := map[string]string{"kms:ResourceAliases": "alias/aws/ebs", "kms:ViaService": "ec2." + e.Region + ".amazonaws.com"}
		ci := names.ContainerInsightsLogGroups(e.ResourcePrefix()) + "/application"
		managed := map[string][]request{
			"AmazonEKSClusterPolicy (cluster)": {{"ec2:CreateNetworkInterface", "*", nil}, {"autoscaling:DescribeAutoScalingGroups", "*", nil},
				{"kms:CreateGrant", key, projectKey}, {"kms:DescribeKey", key, projectKey}},
			"AmazonEKSVPCResourceController (pod security groups)": {{"ec2:CreateNetworkInterfacePermission", "*", nil}, {"ec2:AssignPrivateIpAddresses", "*", nil}},
			"AmazonEKSWorkerNodePolicy (nodes)": {{"ec2:DescribeInstances", "*", nil}, {"eks:DescribeCluster", arn("eks", "cluster/"+e.ResourcePrefix()), nil},
				{"eks-auth:AssumeRoleForPodIdentity", "*", nil}},
			"AmazonEC2ContainerRegistryPullOnly (nodes)": {{"ecr:GetAuthorizationToken", "*", nil}, {"ecr:BatchGetImage", arn("ecr", "repository/x"), nil},
				{"ecr:GetDownloadUrlForLayer", arn("ecr", "repository/x"), nil}},
			"AmazonEKS_CNI_Policy (aws-node)": {{"ec2:AssignPrivateIpAddresses", "*", nil}, {"ec2:CreateTags", arn("ec2", "network-interface/eni-1"), nil}},
			"AmazonEBSCSIDriverPolicy (PVCs)": {{"ec2:CreateVolume", "*", nil}, {"ec2:AttachVolume", "*", nil},
				{"kms:CreateGrant", arn("kms", "key/aws-ebs"), ebsKey}, {"kms:GenerateDataKeyWithoutPlaintext", arn("kms", "key/aws-ebs"), ebsKey}},
			"CloudWatchAgentServerPolicy (Container Insights)": {{"cloudwatch:PutMetricData", "*", nil},
				{"logs:PutLogEvents", arn("logs", "log-group:"+ci+":log-stream:node-1"), nil}, {"logs:CreateLogGroup", arn("logs", "log-group:"+ci), nil},
				{"ssm:GetParameter", arn("ssm", "parameter/AmazonCloudWatch-linux"), nil}},
			"AWSBackupServiceRolePolicyForBackup/ForRestores (vault)": {{"rds:CreateDBSnapshot", arn("rds", "db:"+e.DBInstanceIdentifier()), nil},
				{"rds:AddTagsToResource", arn("rds", "snapshot:awsbackup:job-1a2b"), nil}, {"rds:RestoreDBInstanceFromDBSnapshot", arn("rds", "snapshot:awsbackup:job-1a2b"), nil},
				{"backup:CopyIntoBackupVault", arn("backup", "backup-vault:"+names.BackupVault(e.ResourcePrefix())), nil},
				{"kms:CreateGrant", key, projectKey}},
			"AWSBackupServiceRolePolicyForS3Backup/Restore (vault)": {{"s3:GetObjectVersion", "arn:aws:s3:::" + names.StorageBucket(e.ResourcePrefix(), e.AccountID) + "/stub/x", nil},
				{"s3:PutInventoryConfiguration", "arn:aws:s3:::" + names.StorageBucket(e.ResourcePrefix(), e.AccountID), nil},
				{"s3:PutBucketNotification", "arn:aws:s3:::" + names.StorageBucket(e.ResourcePrefix(), e.AccountID), nil},
				{"events:PutRule", arn("events", "rule/AwsBackupManagedRule-1a2b"), nil}, {"cloudwatch:GetMetricData", "*", nil}},
			"AmazonRDSEnhancedMonitoringRole (RDS)": {{"logs:CreateLogGroup", arn("logs", "log-group:"+names.EnhancedMonitoringLogGroup), nil},
				{"logs:PutLogEvents", arn("logs", "log-group:"+names.EnhancedMonitoringLogGroup+":log-stream:db-ABC"), nil}},
		}
		for _, r := range reqs {
			if !decide(boundary, r.action, r.resource, r.ctx) {
				t.Errorf("%s: the boundary takes %s on %s away from a role whose policy grants it (context %v)", env, r.action, r.resource, r.ctx)
			}
		}
		for what, rs := range managed {
			for _, r := range rs {
				if !decide(boundary, r.action, r.resource, r.ctx) {
					t.Errorf("%s: %s: the boundary takes %s on %s away", env, what, r.action, r.resource)
				}
			}
		}
	}
}

// TestEscalatedRoleStaysInTheProject is the attack the boundary closes: the
// deployer creates a role with the boundary (the only way it may), gives it
// an inline "*:*" and a trust naming itself, and assumes it. The role's
// rights are then exactly the boundary's: nothing outside the project,
// never the state, no IAM, no chaining, no key destruction.
func TestEscalatedRoleStaysInTheProject(t *testing.T) {
	b := config.Bootstrap()
	boundary := boundaryOf(b)
	admin := policy.New(policy.Allow("Everything", []string{"*"}, []string{"*"}))
	effective := func(r request) bool {
		return decide(admin, r.action, r.resource, r.ctx) && decide(boundary, r.action, r.resource, r.ctx)
	}
	acct, region := b.AccountID, b.Region
	arn := func(svc, res string) string { return fmt.Sprintf("arn:aws:%s:%s:%s:%s", svc, region, acct, res) }
	foreignKey := arn("kms", "key/0000ffff-12ab-34cd-56ef-1234567890ab")
	prodBackups := "arn:aws:s3:::" + names.BackupBucket(envs["prod"].ResourcePrefix(), acct)
	denied := map[string]request{
		"another application's secret":      {"secretsmanager:GetSecretValue", arn("secretsmanager", "secret:payments/db-AbCdEf"), nil},
		"another team's RDS master secret":  {"kms:Decrypt", foreignKey, map[string]string{"kms:ViaService": "secretsmanager." + region + ".amazonaws.com"}},
		"a key tagged for another project":  {"kms:Decrypt", foreignKey, map[string]string{"aws:ResourceTag/Project": "payments"}},
		"another team's bucket":             {"s3:GetObject", "arn:aws:s3:::payments-exports/2026/11/ledger.csv", nil},
		"reading the Terraform state":       {"s3:GetObject", "arn:aws:s3:::" + b.StateBucket + "/supabase-prod/terraform.tfstate", nil},
		"overwriting the Terraform state":   {"s3:PutObject", "arn:aws:s3:::" + b.StateBucket + "/supabase-prod/terraform.tfstate", nil},
		"assuming an account-trusting role": {"sts:AssumeRole", "arn:aws:iam::" + acct + ":role/OrganizationAccountAccessRole", nil},
		"an inline policy on any role":      {"iam:PutRolePolicy", "arn:aws:iam::" + acct + ":role/" + deployer.RoleName(b.Prefix), nil},
		"passing a role":                    {"iam:PassRole", "arn:aws:iam::" + acct + ":role/supabase-prod-eks-node", nil},
		"destroying the project key":        {"kms:ScheduleKeyDeletion", arn("kms", "key/1234abcd-12ab-34cd-56ef-1234567890ab"), map[string]string{"aws:ResourceTag/Project": b.Prefix}},
		"deleting another team's ALB": {"elasticloadbalancing:DeleteLoadBalancer", arn("elasticloadbalancing", "loadbalancer/app/payments/50dc6c495c0c9188"),
			map[string]string{"aws:ResourceTag/elbv2.k8s.aws/cluster": "payments"}},
		"scaling another team's nodes": {"autoscaling:SetDesiredCapacity", arn("autoscaling", "autoScalingGroup:1:autoScalingGroupName/eks-x"),
			map[string]string{"aws:ResourceTag/" + deployer.NodeGroupClusterTag: "payments"}},
		"another application's parameter":  {"ssm:GetParameter", arn("ssm", "parameter/payments/db-password"), nil},
		"another application's logs":       {"logs:GetLogEvents", arn("logs", "log-group:/aws/lambda/payments:log-stream:x"), nil},
		"a service no role uses":           {"dynamodb:Scan", arn("dynamodb", "table/payments"), nil},
		"writing a project secret's value": {"secretsmanager:PutSecretValue", arn("secretsmanager", "secret:supabase-prod/jwt-AbCdEf"), nil},
	}
	for name, r := range denied {
		if effective(r) {
			t.Errorf("a bounded role with an inline *:* reaches %s (%s on %s)", name, r.action, r.resource)
		}
	}
	// What it can reach is the project's own: the same as its workloads.
	reach := map[string]request{
		"the project's storage objects": {"s3:GetObject", "arn:aws:s3:::" + names.StorageBucket(envs["prod"].ResourcePrefix(), acct) + "/x", nil},
		"the prod backups":              {"s3:PutObject", prodBackups + "/pg_dump/x.dump", nil},
	}
	for name, r := range reach {
		if !effective(r) {
			t.Errorf("the boundary denies %s; the project's roles need it", name)
		}
	}
}

// TestDeployerIsScopedToTheProject: the deployer's own EKS, RDS, KMS and
// Auto Scaling rights end at the project's names and tags, it never shares
// a snapshot or stops an instance, and the retained backups bucket is out
// of its reach for deletion; what the deploy and a dev teardown need stays.
func TestDeployerIsScopedToTheProject(t *testing.T) {
	b := config.Bootstrap()
	doc := deployer.Policy(deployer.AllServices(), deployer.Scope{Region: b.Region, AccountID: b.AccountID, Prefix: b.Prefix, StateBucket: b.StateBucket,
		RetainedBuckets: bootstrapRetained(b)})
	acct, region := b.AccountID, b.Region
	arn := func(svc, res string) string { return fmt.Sprintf("arn:aws:%s:%s:%s:%s", svc, region, acct, res) }
	in := map[string]string{"aws:RequestedRegion": region}
	with := func(kv ...string) map[string]string {
		m := map[string]string{"aws:RequestedRegion": region}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return m
	}
	project := with("aws:ResourceTag/"+deployer.ProjectTag, b.Prefix)
	prodBackups := "arn:aws:s3:::" + names.BackupBucket(envs["prod"].ResourcePrefix(), acct)
	devBackups := "arn:aws:s3:::" + names.BackupBucket(envs["dev"].ResourcePrefix(), acct)
	denied := map[string]request{
		"an access entry on another cluster":   {"eks:CreateAccessEntry", arn("eks", "cluster/payments"), in},
		"deleting another cluster":             {"eks:DeleteCluster", arn("eks", "cluster/payments"), in},
		"deleting another database":            {"rds:DeleteDBInstance", arn("rds", "db:payments"), in},
		"deleting a locked recovery point":     {"backup:DeleteRecoveryPoint", arn("backup", "backup-vault:supabase-prod-vault"), in},
		"shortening a recovery point":          {"backup:UpdateRecoveryPointLifecycle", arn("backup", "recovery-point:1a2b"), in},
		"unlocking the vault":                  {"backup:DeleteBackupVaultLockConfiguration", arn("backup", "backup-vault:supabase-prod-vault"), in},
		"sharing the vault":                    {"backup:PutBackupVaultAccessPolicy", arn("backup", "backup-vault:supabase-prod-vault"), in},
		"deleting the vault's key":             {"kms:ScheduleKeyDeletion", arn("kms", "key/1234abcd"), with("aws:ResourceTag/"+deployer.ProjectTag, b.Prefix, "aws:ResourceTag/"+backupvault.KeyPurposeTag, backupvault.KeyPurpose)},
		"re-policing the vault's key":          {"kms:PutKeyPolicy", arn("kms", "key/1234abcd"), with("aws:ResourceTag/"+deployer.ProjectTag, b.Prefix, "aws:ResourceTag/"+backupvault.KeyPurposeTag, backupvault.KeyPurpose)},
		"untagging the vault's key":            {"kms:UntagResource", arn("kms", "key/1234abcd"), with("aws:ResourceTag/"+deployer.ProjectTag, b.Prefix, "aws:ResourceTag/"+backupvault.KeyPurposeTag, backupvault.KeyPurpose)},
		"restoring another team's database":    {"rds:RestoreDBInstanceToPointInTime", arn("rds", "db:payments"), in},
		"deleting a retained automated backup": {"rds:DeleteDBInstanceAutomatedBackup", arn("rds", "auto-backup:ab-0123456789abcdefghij"), in},
		"sharing a project snapshot":           {"rds:ModifyDBSnapshotAttribute", arn("rds", "snapshot:supabase-prod-final"), in},
		"destroying an untagged key":           {"kms:ScheduleKeyDeletion", arn("kms", "key/0000ffff-12ab-34cd-56ef-1234567890ab"), in},
		"another project's key policy": {"kms:PutKeyPolicy", arn("kms", "key/0000ffff-12ab-34cd-56ef-1234567890ab"),
			with("aws:ResourceTag/"+deployer.ProjectTag, "payments")},
		"a key without the project tag":           {"kms:CreateKey", "*", in},
		"terminating an instance":                 {"ec2:TerminateInstances", arn("ec2", "instance/i-0123456789abcdef0"), in},
		"sharing an EBS snapshot":                 {"ec2:ModifySnapshotAttribute", arn("ec2", "snapshot/snap-1"), in},
		"tagging another team's node group":       {"autoscaling:CreateOrUpdateTags", arn("autoscaling", "autoScalingGroup:1:autoScalingGroupName/eks-x"), with("aws:ResourceTag/"+deployer.NodeGroupClusterTag, "payments")},
		"deleting the prod backups":               {"s3:DeleteObject", prodBackups + "/pg_dump/2026/11/30/0300.dump", nil},
		"deleting a prod backup version":          {"s3:DeleteObjectVersion", prodBackups + "/pg_dump/2026/11/30/0300.dump", nil},
		"deleting the prod backups bucket":        {"s3:DeleteBucket", prodBackups, nil},
		"removing the prod backups' policy":       {"s3:DeleteBucketPolicy", prodBackups, nil},
		"opening the prod backups with an ACL":    {"s3:PutBucketAcl", prodBackups, nil},
		"rewriting the prod backups' policy":      {"s3:PutBucketPolicy", prodBackups, nil},
		"shortening the prod backups' lifecycle":  {"s3:PutLifecycleConfiguration", prodBackups, nil},
		"suspending the prod backups' versioning": {"s3:PutBucketVersioning", prodBackups, nil},
		"changing the prod backups' encryption":   {"s3:PutEncryptionConfiguration", prodBackups, nil},
	}
	for name, r := range denied {
		if decide(doc, r.action, r.resource, r.ctx) {
			t.Errorf("the deployer may %s (%s on %s)", name, r.action, r.resource)
		}
	}
	allowed := map[string]request{
		"create the cluster":               {"eks:CreateCluster", arn("eks", "cluster/supabase-prod"), in},
		"its access entries":               {"eks:CreateAccessEntry", arn("eks", "access-entry/supabase-prod/role/"+acct+"/supabase-deployer/1a2b"), in},
		"a node group":                     {"eks:CreateNodegroup", arn("eks", "nodegroup/supabase-prod/general/1a2b"), in},
		"an add-on":                        {"eks:CreateAddon", arn("eks", "addon/supabase-prod/vpc-cni/1a2b"), in},
		"add-on versions":                  {"eks:DescribeAddonVersions", "*", in},
		"the database":                     {"rds:CreateDBInstance", arn("rds", "db:supabase-prod"), in},
		"its subnet group":                 {"rds:CreateDBSubnetGroup", arn("rds", "subgrp:supabase-prod"), in},
		"its parameter group":              {"rds:ModifyDBParameterGroup", arn("rds", "pg:supabase-prod-postgres17"), in},
		"the default option group":         {"rds:CreateDBInstance", arn("rds", "og:default:postgres-17"), in},
		"engine versions":                  {"rds:DescribeDBEngineVersions", "*", in},
		"a point-in-time restore (source)": {"rds:RestoreDBInstanceToPointInTime", arn("rds", "db:supabase-prod"), in},
		"a point-in-time restore (target)": {"rds:RestoreDBInstanceToPointInTime", arn("rds", "db:supabase-prod-pitr-20261130t0815z"), in},
		"a restore of a deleted instance":  {"rds:RestoreDBInstanceToPointInTime", arn("rds", "auto-backup:ab-0123456789abcdefghij"), in},
		"reading a prod dump":              {"s3:GetObject", prodBackups + "/pg_dump/prod/2026/11/30/043000Z.dump", nil},
		"the vault":                        {"backup:CreateBackupVault", arn("backup", "backup-vault:supabase-prod-vault"), in},
		"its lock":                         {"backup:PutBackupVaultLockConfiguration", arn("backup", "backup-vault:supabase-prod-vault"), in},
		"its plan":                         {"backup:CreateBackupPlan", arn("backup", "backup-plan:1a2b"), in},
		"handing AWS Backup its role":      {"iam:PassRole", "arn:aws:iam::" + acct + ":role/supabase-prod-aws-backup", with("iam:PassedToService", "backup.amazonaws.com")},
		"a storage object's old version":   {"s3:GetObjectVersion", "arn:aws:s3:::" + names.StorageBucket(envs["prod"].ResourcePrefix(), acct) + "/stub/avatars/a.png", nil},
		"copying it back":                  {"s3:PutObject", "arn:aws:s3:::" + names.StorageBucket(envs["prod"].ResourcePrefix(), acct) + "/stub/avatars/a.png", nil},
		"its restorable times":             {"rds:DescribeDBInstanceAutomatedBackups", "*", in},
		"a project key":                    {"kms:CreateKey", "*", with("aws:RequestTag/"+deployer.ProjectTag, b.Prefix)},
		"tagging it on creation":           {"kms:TagResource", "*", with("aws:RequestTag/"+deployer.ProjectTag, b.Prefix)},
		"its policy":                       {"kms:PutKeyPolicy", arn("kms", "key/1234abcd"), project},
		"its alias":                        {"kms:CreateAlias", arn("kms", "alias/supabase-prod"), in},
		"the dev key's deletion":           {"kms:ScheduleKeyDeletion", arn("kms", "key/1234abcd"), project},
		"node group tags":                  {"autoscaling:CreateOrUpdateTags", arn("autoscaling", "autoScalingGroup:1:autoScalingGroupName/eks-x"), with("aws:ResourceTag/"+deployer.NodeGroupClusterTag, "supabase-prod")},
		"the VPC":                          {"ec2:CreateVpc", "*", in},
		"emptying the dev backups":         {"s3:DeleteObjectVersion", devBackups + "/pg_dump/x.dump", nil},
		"the dev backups bucket policy":    {"s3:PutBucketPolicy", devBackups, nil},
	}
	for name, r := range allowed {
		if !decide(doc, r.action, r.resource, r.ctx) {
			t.Errorf("make deploy/destroy needs %s, denied (%s on %s)", name, r.action, r.resource)
		}
	}
	// The names above are the ones the stacks really use.
	for _, r := range []struct{ env, typ, attr, want string }{
		{"prod", "aws_eks_cluster", "name", "supabase-prod"},
		{"prod", "aws_db_instance", "identifier", "supabase-prod"},
		{"prod", "aws_db_subnet_group", "name", "supabase-prod"},
		{"prod", "aws_db_parameter_group", "name", "supabase-prod-postgres17"},
		{"prod", "aws_db_instance", "final_snapshot_identifier", "supabase-prod-final"},
	} {
		found := false
		for _, res := range resources(r.env, r.typ) {
			found = found || str(res[r.attr]) == r.want
		}
		if !found {
			t.Errorf("%s: no %s with %s %q; the test names the wrong resource", r.env, r.typ, r.attr, r.want)
		}
	}
	for _, env := range stackEnvs {
		for _, es := range resources(env, "aws_db_event_subscription") {
			if !allows(doc, "rds:CreateEventSubscription", arn("rds", "es:"+str(es["name"]))) {
				t.Errorf("%s: the deployer may not create the event subscription %s", env, str(es["name"]))
			}
		}
		for _, ng := range resources(env, "aws_eks_node_group") {
			if !allows(doc, "eks:CreateNodegroup", arn("eks", "nodegroup/"+envs[env].ResourcePrefix()+"/"+str(ng["node_group_name"])+"/1a2b")) {
				t.Errorf("%s: the deployer may not create node group %s", env, str(ng["node_group_name"]))
			}
		}
		for _, a := range resources(env, "aws_eks_addon") {
			if !allows(doc, "eks:CreateAddon", arn("eks", "addon/"+envs[env].ResourcePrefix()+"/"+str(a["addon_name"])+"/1a2b")) {
				t.Errorf("%s: the deployer may not create add-on %s", env, str(a["addon_name"]))
			}
		}
	}
}

// bootstrapRetained is what the bootstrap stack passes, checked: prod keeps
// its backups (database.retainBackupsOnDestroy), dev does not.
func bootstrapRetained(b config.Account) []string {
	out := bootstrap.RetainedBuckets(b)
	if len(out) != 1 || !strings.Contains(out[0], "-prod-") {
		panic(fmt.Sprintf("retained backups buckets %v, want prod's only", out))
	}
	return out
}
