// Package identity creates the IRSA roles: one IAM role per Kubernetes
// service account, each trusting exactly that service account of this
// cluster, each with the narrowest policy that lets its workload run.
package identity

import (
	"fmt"

	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/iamrole"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/iamrolepolicy"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/iamrolepolicyattachment"

	"github.com/supabase-eks/supabase-eks/infra/policy"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
)

// VPCCNIServiceAccount is the aws-node DaemonSet's service account; its role
// is internal to the AWS layer and not part of the outputs contract.
var VPCCNIServiceAccount = outputs.ServiceAccount{Namespace: "kube-system", Name: "aws-node"}

// Props are the resources the roles are scoped to.
type Props struct {
	// PermissionsBoundaryARN is set on every role the construct creates.
	PermissionsBoundaryARN *string
	Name                   string
	Region                 string
	AccountID              string
	ClusterName            string
	OIDCProviderARN        *string
	IssuerHostPath         *string
	KMSKeyARN              *string
	// SecretARNs are the Supabase secrets plus the RDS-managed master secret.
	SecretARNs        []*string
	StorageBucketARN  *string
	BackupBucketARN   *string
	BackupPrefix      string
	ContainerInsights bool
}

// Identity holds role ARNs keyed by outputs.Role* names, plus the VPC CNI's.
type Identity struct {
	RoleARNs      map[string]*string
	VPCCNIRoleARN *string
	// Policies holds each role's inline policy document, for tests.
	Policies map[string]policy.Document
}

// New creates every IRSA role.
func New(scope constructs.Construct, id string, p Props) *Identity {
	c := constructs.NewConstruct(scope, jsii.String(id))
	out := &Identity{RoleARNs: map[string]*string{}, Policies: map[string]policy.Document{}}
	role := func(logical string, sa outputs.ServiceAccount, doc *policy.Document, managed ...string) *string {
		trust := policy.AssumeRoleWebIdentity(*p.OIDCProviderARN, *p.IssuerHostPath, sa.Namespace, sa.Name)
		r := iamrole.NewIamRole(c, jsii.String(logical), &iamrole.IamRoleConfig{
			Name:                jsii.String(fmt.Sprintf("%s-%s", p.Name, dash(logical))),
			Description:         jsii.String(fmt.Sprintf("IRSA for %s/%s", sa.Namespace, sa.Name)),
			AssumeRolePolicy:    jsii.String(trust.JSON()),
			PermissionsBoundary: p.PermissionsBoundaryARN,
		})
		if doc != nil {
			out.Policies[logical] = *doc
			iamrolepolicy.NewIamRolePolicy(c, jsii.String(logical+"-policy"), &iamrolepolicy.IamRolePolicyConfig{
				Name:   jsii.String(dash(logical)),
				Role:   r.Id(),
				Policy: jsii.String(doc.JSON()),
			})
		}
		for _, m := range managed {
			iamrolepolicyattachment.NewIamRolePolicyAttachment(c, jsii.String(logical+"-"+m), &iamrolepolicyattachment.IamRolePolicyAttachmentConfig{
				Role:      r.Name(),
				PolicyArn: jsii.String("arn:aws:iam::aws:policy/" + m),
			})
		}
		return r.Arn()
	}

	sa := outputs.ServiceAccounts
	eso := externalSecretsPolicy(p)
	out.RoleARNs[outputs.RoleExternalSecrets] = role(outputs.RoleExternalSecrets, sa[outputs.RoleExternalSecrets], &eso)
	st := storagePolicy(p)
	out.RoleARNs[outputs.RoleStorage] = role(outputs.RoleStorage, sa[outputs.RoleStorage], &st)
	lbc := LoadBalancerControllerPolicy(p.Region, p.AccountID, p.ClusterName)
	out.RoleARNs[outputs.RoleLoadBalancerController] = role(outputs.RoleLoadBalancerController, sa[outputs.RoleLoadBalancerController], &lbc)
	ca := clusterAutoscalerPolicy(p)
	out.RoleARNs[outputs.RoleClusterAutoscaler] = role(outputs.RoleClusterAutoscaler, sa[outputs.RoleClusterAutoscaler], &ca)
	// AWS maintains the driver's policy alongside the driver's API calls;
	// volumes use the AWS-managed EBS key, so no KMS grant is needed.
	out.RoleARNs[outputs.RoleEBSCSI] = role(outputs.RoleEBSCSI, sa[outputs.RoleEBSCSI], nil, "service-role/AmazonEBSCSIDriverPolicy")
	bk := backupPolicy(p)
	out.RoleARNs[outputs.RoleDBBackup] = role(outputs.RoleDBBackup, sa[outputs.RoleDBBackup], &bk)
	if p.ContainerInsights {
		out.RoleARNs[outputs.RoleCloudWatchObservability] = role(outputs.RoleCloudWatchObservability, sa[outputs.RoleCloudWatchObservability], nil, "CloudWatchAgentServerPolicy")
	}
	out.VPCCNIRoleARN = role("vpc_cni", VPCCNIServiceAccount, nil, "AmazonEKS_CNI_Policy")
	return out
}

func dash(s string) string {
	b := []byte(s)
	for i := range b {
		if b[i] == '_' {
			b[i] = '-'
		}
	}
	return string(b)
}

func viaService(service, region string) map[string]map[string]any {
	return map[string]map[string]any{"StringEquals": {"kms:ViaService": service + "." + region + ".amazonaws.com"}}
}

// externalSecretsPolicy reads the Supabase secrets and the RDS master secret, nothing else.
func externalSecretsPolicy(p Props) policy.Document {
	arns := make([]string, 0, len(p.SecretARNs))
	for _, a := range p.SecretARNs {
		arns = append(arns, *a)
	}
	return policy.New(
		policy.Allow("ReadSupabaseSecrets", []string{"secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"}, arns),
		policy.Statement{Sid: "DecryptThroughSecretsManager", Effect: "Allow", Action: []string{"kms:Decrypt"},
			Resource: []string{*p.KMSKeyARN}, Condition: viaService("secretsmanager", p.Region)},
	)
}

// storagePolicy lets Supabase Storage use its bucket only.
func storagePolicy(p Props) policy.Document {
	return policy.New(
		policy.Allow("ListStorageBucket", []string{"s3:ListBucket", "s3:GetBucketLocation", "s3:ListBucketMultipartUploads"}, []string{*p.StorageBucketARN}),
		policy.Allow("ReadWriteStorageObjects", []string{
			"s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:GetObjectVersion",
			"s3:AbortMultipartUpload", "s3:ListMultipartUploadParts",
		}, []string{*p.StorageBucketARN + "/*"}),
		policy.Statement{Sid: "EncryptThroughS3", Effect: "Allow", Action: []string{"kms:Decrypt", "kms:GenerateDataKey"},
			Resource: []string{*p.KMSKeyARN}, Condition: viaService("s3", p.Region)},
	)
}

// backupPolicy lets the pg_dump CronJob write under its prefix, never read or delete.
func backupPolicy(p Props) policy.Document {
	return policy.New(
		policy.Allow("WriteBackups", []string{"s3:PutObject", "s3:AbortMultipartUpload"}, []string{*p.BackupBucketARN + "/" + p.BackupPrefix + "*"}),
		// Multipart uploads of large dumps need Decrypt as well as GenerateDataKey.
		policy.Statement{Sid: "EncryptThroughS3", Effect: "Allow", Action: []string{"kms:Decrypt", "kms:GenerateDataKey"},
			Resource: []string{*p.KMSKeyARN}, Condition: viaService("s3", p.Region)},
		// The success metric the missed-backup alarm watches. PutMetricData
		// has no resource-level permissions: the namespace condition is the
		// scope.
		policy.Statement{Sid: "ReportBackupSuccess", Effect: "Allow", Action: []string{"cloudwatch:PutMetricData"},
			Resource: []string{"*"}, Condition: map[string]map[string]any{"StringEquals": {"cloudwatch:namespace": outputs.BackupMetricNamespace}}},
	)
}

// clusterAutoscalerPolicy: reads are account-wide by API design; scaling
// actions only on groups tagged as owned by this cluster.
func clusterAutoscalerPolicy(p Props) policy.Document {
	return policy.New(
		// Describe* calls do not support resource-level permissions: "*" is required.
		policy.Allow("DescribeScalingState", []string{
			"autoscaling:DescribeAutoScalingGroups", "autoscaling:DescribeAutoScalingInstances",
			"autoscaling:DescribeLaunchConfigurations", "autoscaling:DescribeScalingActivities",
			"autoscaling:DescribeTags", "ec2:DescribeImages", "ec2:DescribeInstanceTypes",
			"ec2:DescribeLaunchTemplateVersions", "ec2:GetInstanceTypesFromInstanceRequirements",
			"eks:DescribeNodegroup",
		}, []string{"*"}),
		policy.Statement{
			Sid: "ScaleOwnedGroupsOnly", Effect: "Allow",
			Action:   []string{"autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"},
			Resource: []string{fmt.Sprintf("arn:aws:autoscaling:%s:%s:autoScalingGroup:*:autoScalingGroupName/*", p.Region, p.AccountID)},
			Condition: map[string]map[string]any{
				"StringEquals": {"aws:ResourceTag/k8s.io/cluster-autoscaler/" + p.ClusterName: "owned"},
			},
		},
	)
}
