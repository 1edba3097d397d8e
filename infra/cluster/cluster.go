// Package cluster builds the EKS control plane, its OIDC provider for IRSA,
// managed node groups with hardened launch templates, access entries and
// the managed add-ons.
package cluster

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/autoscalinggrouptag"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/cloudwatchloggroup"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/eksaccessentry"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/eksaccesspolicyassociation"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/eksaddon"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/ekscluster"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/eksnodegroup"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/iamopenidconnectprovider"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/iamrole"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/iamrolepolicyattachment"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/launchtemplate"
	"github.com/hashicorp/terraform-cdk-go/cdktf"

	"github.com/supabase-eks/supabase-eks/infra/policy"
	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/names"
)

// ControlPlaneLogTypes are all five EKS control-plane log types.
var ControlPlaneLogTypes = []string{"api", "audit", "authenticator", "controllerManager", "scheduler"}

// Props configures the cluster.
type Props struct {
	// PermissionsBoundaryARN is set on every role the construct creates.
	PermissionsBoundaryARN *string
	Name                   string
	Region                 string
	AccountID              string
	Config                 config.Cluster
	PrivateSubnetIDs       []*string
	KMSKeyARN              *string
	// DeployerRoleARN gets cluster-admin like Config.AdminPrincipalARNs:
	// `make deploy` installs the add-ons and manifests as that role.
	DeployerRoleARN string
}

// Cluster exposes what IRSA roles, add-ons and the database need.
type Cluster struct {
	Name     string
	Resource ekscluster.EksCluster
	Endpoint *string
	// IssuerURL is the OIDC issuer (https://...); IssuerHostPath drops the scheme,
	// as IAM condition keys need it.
	IssuerURL       *string
	IssuerHostPath  *string
	OIDCProviderARN *string
	// SecurityGroupID is the EKS-created cluster security group, which managed
	// nodes (and so every pod under the VPC CNI) carry.
	SecurityGroupID *string
	NodeGroups      []eksnodegroup.EksNodeGroup
}

// New builds the control plane and node groups.
func New(scope constructs.Construct, id string, p Props) *Cluster {
	c := constructs.NewConstruct(scope, jsii.String(id))
	cfg := p.Config

	clusterRole := iamrole.NewIamRole(c, jsii.String("cluster-role"), &iamrole.IamRoleConfig{
		Name:                jsii.String(p.Name + "-eks-cluster"),
		AssumeRolePolicy:    jsii.String(policy.AssumeRoleService("eks.amazonaws.com", nil).JSON()),
		PermissionsBoundary: p.PermissionsBoundaryARN,
	})
	clusterPolicy := iamrolepolicyattachment.NewIamRolePolicyAttachment(c, jsii.String("cluster-policy"), &iamrolepolicyattachment.IamRolePolicyAttachmentConfig{
		Role:      clusterRole.Name(),
		PolicyArn: jsii.String("arn:aws:iam::aws:policy/AmazonEKSClusterPolicy"),
	})
	// The VPC resource controller (run by EKS with the cluster role) gives
	// the database clients' pods their own network interfaces carrying the
	// database's client security group.
	podENIPolicy := iamrolepolicyattachment.NewIamRolePolicyAttachment(c, jsii.String("cluster-pod-eni-policy"), &iamrolepolicyattachment.IamRolePolicyAttachmentConfig{
		Role:      clusterRole.Name(),
		PolicyArn: jsii.String("arn:aws:iam::aws:policy/AmazonEKSVPCResourceController"),
	})

	// EKS creates this group on first log write without retention or
	// encryption; creating it first keeps both under our control.
	logGroup := cloudwatchloggroup.NewCloudwatchLogGroup(c, jsii.String("control-plane-logs"), &cloudwatchloggroup.CloudwatchLogGroupConfig{
		Name:            jsii.String(names.ClusterLogGroup(p.Name)),
		RetentionInDays: jsii.Number(float64(cfg.LogRetentionDays)),
		KmsKeyId:        p.KMSKeyARN,
	})

	publicAccess := len(cfg.PublicAccessCIDRs) > 0
	vpcConfig := &ekscluster.EksClusterVpcConfig{
		SubnetIds:             &p.PrivateSubnetIDs,
		EndpointPrivateAccess: jsii.Bool(true),
		EndpointPublicAccess:  jsii.Bool(publicAccess),
	}
	if publicAccess {
		vpcConfig.PublicAccessCidrs = jsii.Strings(cfg.PublicAccessCIDRs...)
	}
	cluster := ekscluster.NewEksCluster(c, jsii.String("cluster"), &ekscluster.EksClusterConfig{
		Name:                   jsii.String(p.Name),
		Version:                jsii.String(cfg.KubernetesVersion),
		RoleArn:                clusterRole.Arn(),
		VpcConfig:              vpcConfig,
		EnabledClusterLogTypes: jsii.Strings(ControlPlaneLogTypes...),
		EncryptionConfig: &ekscluster.EksClusterEncryptionConfig{
			Provider:  &ekscluster.EksClusterEncryptionConfigProvider{KeyArn: p.KMSKeyARN},
			Resources: jsii.Strings("secrets"),
		},
		AccessConfig: &ekscluster.EksClusterAccessConfig{
			AuthenticationMode: jsii.String("API"),
			// Admins are explicit access entries below; an invisible creator
			// grant would outlive the person who ran the first apply.
			BootstrapClusterCreatorAdminPermissions: jsii.Bool(false),
		},
		KubernetesNetworkConfig: &ekscluster.EksClusterKubernetesNetworkConfig{
			ServiceIpv4Cidr: jsii.String(cfg.ServiceCIDR),
			IpFamily:        jsii.String("ipv4"),
		},
		UpgradePolicy: &ekscluster.EksClusterUpgradePolicy{SupportType: jsii.String("STANDARD")},
		DependsOn:     &[]cdktf.ITerraformDependable{clusterPolicy, podENIPolicy, logGroup},
	})

	issuer := cluster.Identity().Get(jsii.Number(0)).Oidc().Get(jsii.Number(0)).Issuer()
	oidc := iamopenidconnectprovider.NewIamOpenidConnectProvider(c, jsii.String("oidc"), &iamopenidconnectprovider.IamOpenidConnectProviderConfig{
		Url:          issuer,
		ClientIdList: jsii.Strings("sts.amazonaws.com"),
		// No thumbprint_list: IAM verifies EKS issuers against its own trusted
		// CA store, and fetching a thumbprint would need network at plan time.
	})

	out := &Cluster{
		Name:      p.Name,
		Resource:  cluster,
		Endpoint:  cluster.Endpoint(),
		IssuerURL: issuer,
		// A local keeps the quoted function call out of the JSON policy strings
		// that embed it (trust policies would otherwise not parse as JSON
		// before Terraform renders them).
		IssuerHostPath: cdktf.NewTerraformLocal(scope, jsii.String("oidc_issuer_host_path"),
			cdktf.Fn_Replace(issuer, jsii.String("https://"), jsii.String(""))).AsString(),
		OIDCProviderARN: oidc.Arn(),
		SecurityGroupID: cluster.VpcConfig().ClusterSecurityGroupId(),
	}

	admins := map[string]string{}
	for i, principal := range cfg.AdminPrincipalARNs {
		admins[fmt.Sprintf("admin-%d", i)] = principal
	}
	if p.DeployerRoleARN != "" && !slices.Contains(cfg.AdminPrincipalARNs, p.DeployerRoleARN) {
		admins["admin-deployer"] = p.DeployerRoleARN
	}
	for _, id := range slices.Sorted(maps.Keys(admins)) {
		principal := admins[id]
		entry := eksaccessentry.NewEksAccessEntry(c, jsii.String(id), &eksaccessentry.EksAccessEntryConfig{
			ClusterName:  cluster.Name(),
			PrincipalArn: jsii.String(principal),
			Type:         jsii.String("STANDARD"),
		})
		eksaccesspolicyassociation.NewEksAccessPolicyAssociation(c, jsii.String(id+"-policy"), &eksaccesspolicyassociation.EksAccessPolicyAssociationConfig{
			ClusterName:  cluster.Name(),
			PrincipalArn: entry.PrincipalArn(),
			PolicyArn:    jsii.String("arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"),
			AccessScope:  &eksaccesspolicyassociation.EksAccessPolicyAssociationAccessScope{Type: jsii.String("cluster")},
		})
	}

	nodeRole := iamrole.NewIamRole(c, jsii.String("node-role"), &iamrole.IamRoleConfig{
		Name:                jsii.String(p.Name + "-eks-node"),
		AssumeRolePolicy:    jsii.String(policy.AssumeRoleService("ec2.amazonaws.com", nil).JSON()),
		PermissionsBoundary: p.PermissionsBoundaryARN,
	})
	// The VPC CNI's permissions are on its own IRSA role (identity package),
	// not here, so pods cannot borrow them through the node.
	var nodePolicies []cdktf.ITerraformDependable
	for _, name := range []string{"AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryPullOnly"} {
		nodePolicies = append(nodePolicies, iamrolepolicyattachment.NewIamRolePolicyAttachment(c, jsii.String("node-"+name), &iamrolepolicyattachment.IamRolePolicyAttachmentConfig{
			Role:      nodeRole.Name(),
			PolicyArn: jsii.String("arn:aws:iam::aws:policy/" + name),
		}))
	}

	for _, ng := range cfg.NodeGroups {
		out.NodeGroups = append(out.NodeGroups, nodeGroup(c, p, cluster, nodeRole, ng, nodePolicies))
	}
	return out
}

func nodeGroup(c constructs.Construct, p Props, cluster ekscluster.EksCluster, role iamrole.IamRole, ng config.NodeGroup, deps []cdktf.ITerraformDependable) eksnodegroup.EksNodeGroup {
	lt := launchtemplate.NewLaunchTemplate(c, jsii.String("lt-"+ng.Name), &launchtemplate.LaunchTemplateConfig{
		Name:        jsii.String(p.Name + "-" + ng.Name),
		Description: jsii.String("EKS managed nodes: IMDSv2 only, encrypted gp3 root volume"),
		MetadataOptions: &launchtemplate.LaunchTemplateMetadataOptions{
			HttpEndpoint: jsii.String("enabled"),
			HttpTokens:   jsii.String("required"),
			// Hop limit 1 keeps pods (one hop away) from the node's credentials;
			// workloads get AWS access only through IRSA.
			HttpPutResponseHopLimit: jsii.Number(1),
		},
		BlockDeviceMappings: []*launchtemplate.LaunchTemplateBlockDeviceMappings{{
			DeviceName: jsii.String("/dev/xvda"),
			Ebs: &launchtemplate.LaunchTemplateBlockDeviceMappingsEbs{
				VolumeSize:          jsii.Number(float64(ng.DiskGiB)),
				VolumeType:          jsii.String("gp3"),
				Encrypted:           jsii.String("true"),
				DeleteOnTermination: jsii.String("true"),
				// The AWS-managed EBS key: a customer key would also need a grant
				// for the Auto Scaling service-linked role, or nodes fail to launch.
			},
		}},
		TagSpecifications: []*launchtemplate.LaunchTemplateTagSpecifications{{
			ResourceType: jsii.String("instance"),
			Tags:         &map[string]*string{"Name": jsii.String(p.Name + "-" + ng.Name)},
		}, {
			ResourceType: jsii.String("volume"),
			Tags:         &map[string]*string{"Name": jsii.String(p.Name + "-" + ng.Name)},
		}},
	})
	group := eksnodegroup.NewEksNodeGroup(c, jsii.String("ng-"+ng.Name), &eksnodegroup.EksNodeGroupConfig{
		ClusterName:   cluster.Name(),
		NodeGroupName: jsii.String(ng.Name),
		NodeRoleArn:   role.Arn(),
		SubnetIds:     &p.PrivateSubnetIDs,
		AmiType:       jsii.String(amiType(ng.InstanceTypes[0])),
		CapacityType:  jsii.String(ng.CapacityType),
		InstanceTypes: jsii.Strings(ng.InstanceTypes...),
		ScalingConfig: &eksnodegroup.EksNodeGroupScalingConfig{
			MinSize:     jsii.Number(float64(ng.MinSize)),
			DesiredSize: jsii.Number(float64(ng.DesiredSize)),
			MaxSize:     jsii.Number(float64(ng.MaxSize)),
		},
		UpdateConfig:   &eksnodegroup.EksNodeGroupUpdateConfig{MaxUnavailable: jsii.Number(1)},
		LaunchTemplate: &eksnodegroup.EksNodeGroupLaunchTemplate{Id: lt.Id(), Version: cdktf.Token_AsString(lt.LatestVersion(), nil)},
		Labels:         &map[string]*string{"node-group": jsii.String(ng.Name)},
		// Cluster Autoscaler owns desired_size after the first apply.
		Lifecycle: &cdktf.TerraformResourceLifecycle{IgnoreChanges: jsii.Strings("scaling_config[0].desired_size")},
		DependsOn: &deps,
	})
	// Managed node groups do not copy their tags to the Auto Scaling group;
	// Cluster Autoscaler discovers groups by these ASG tags.
	asgName := group.Resources().Get(jsii.Number(0)).AutoscalingGroups().Get(jsii.Number(0)).Name()
	for _, tag := range []struct{ key, value string }{
		{"k8s.io/cluster-autoscaler/enabled", "true"},
		{"k8s.io/cluster-autoscaler/" + p.Name, "owned"},
		{"k8s.io/cluster-autoscaler/node-template/label/node-group", ng.Name},
	} {
		autoscalinggrouptag.NewAutoscalingGroupTagA(c, jsii.String("asg-tag-"+ng.Name+"-"+tagID(tag.key)), &autoscalinggrouptag.AutoscalingGroupTagAConfig{
			AutoscalingGroupName: asgName,
			Tag: &autoscalinggrouptag.AutoscalingGroupTagTag{
				Key:               jsii.String(tag.key),
				Value:             jsii.String(tag.value),
				PropagateAtLaunch: jsii.Bool(false),
			},
		})
	}
	return group
}

func tagID(key string) string {
	return strings.NewReplacer("/", "-", ".", "-").Replace(key)
}

// amiType picks Amazon Linux 2023 for the instance family's architecture
// (Graviton families carry a "g" after the generation digit).
func amiType(instanceType string) string {
	family := strings.SplitN(instanceType, ".", 2)[0]
	for i := 1; i < len(family); i++ {
		if family[i] >= '0' && family[i] <= '9' {
			if strings.Contains(family[i+1:], "g") {
				return "AL2023_ARM_64_STANDARD"
			}
			break
		}
	}
	return "AL2023_x86_64_STANDARD"
}

// AddonsProps configures the managed add-ons.
type AddonsProps struct {
	Cluster *Cluster
	// Role ARNs of each add-on's IRSA role.
	VPCCNIRoleARN     *string
	EBSCSIRoleARN     *string
	CloudWatchRoleARN *string
	ContainerInsights bool
}

// VPCCNIConfiguration is the vpc-cni add-on's configuration (the keys of
// the aws-vpc-cni chart's values):
//   - enableNetworkPolicy: without it the CNI ignores NetworkPolicy objects,
//     and the namespace's default-deny would be decoration.
//   - ENABLE_POD_ENI: security groups for pods; the database clients get
//     a branch interface carrying the group RDS admits.
//   - POD_SECURITY_GROUP_ENFORCING_MODE=standard: such a pod behaves like
//     any other (NetworkPolicies, same-node traffic, kubelet) except that
//     other hosts see its own groups; strict would also force its traffic
//     to the cluster's own pods and DNS through those groups.
//   - DISABLE_TCP_EARLY_DEMUX on the init container: the kubelet's TCP
//     probes reach pods on branch interfaces (the CNI's documented need).
var VPCCNIConfiguration = map[string]any{
	"enableNetworkPolicy": "true",
	"env":                 map[string]string{"ENABLE_POD_ENI": "true", "POD_SECURITY_GROUP_ENFORCING_MODE": "standard"},
	"init":                map[string]any{"env": map[string]string{"DISABLE_TCP_EARLY_DEMUX": "true"}},
}

// NewAddons installs the managed add-ons once their IRSA roles exist.
func NewAddons(scope constructs.Construct, id string, p AddonsProps) {
	c := constructs.NewConstruct(scope, jsii.String(id))
	cniConfig, _ := json.Marshal(VPCCNIConfiguration)
	type addon struct {
		name    string
		roleARN *string
		values  string
	}
	addons := []addon{
		{name: "vpc-cni", roleARN: p.VPCCNIRoleARN, values: string(cniConfig)},
		{name: "kube-proxy"},
		{name: "coredns"},
		{name: "aws-ebs-csi-driver", roleARN: p.EBSCSIRoleARN},
	}
	if p.ContainerInsights {
		addons = append(addons, addon{name: "amazon-cloudwatch-observability", roleARN: p.CloudWatchRoleARN})
	}
	for _, a := range addons {
		cfg := &eksaddon.EksAddonConfig{
			ClusterName:              p.Cluster.Resource.Name(),
			AddonName:                jsii.String(a.name),
			ResolveConflictsOnCreate: jsii.String("OVERWRITE"),
			ResolveConflictsOnUpdate: jsii.String("OVERWRITE"),
			ServiceAccountRoleArn:    a.roleARN,
		}
		if a.values != "" {
			cfg.ConfigurationValues = jsii.String(a.values)
		}
		// coredns and the EBS CSI controller run as pods: they need nodes first.
		if a.name == "coredns" || a.name == "aws-ebs-csi-driver" || a.name == "amazon-cloudwatch-observability" {
			var deps []cdktf.ITerraformDependable
			for _, ng := range p.Cluster.NodeGroups {
				deps = append(deps, ng)
			}
			cfg.DependsOn = &deps
		}
		addon := eksaddon.NewEksAddon(c, jsii.String(a.name), cfg)
		// The network plugin before any node: a node joins with the CNI
		// configured as this add-on says (network policy enforcement on),
		// not with the default one replaced under running pods.
		if a.name == "vpc-cni" {
			for _, ng := range p.Cluster.NodeGroups {
				// The plain address, as Terraform wants in depends_on (Fqn()
				// would render as an interpolation).
				ref := *addon.TerraformResourceType() + "." + *addon.FriendlyUniqueId()
				deps := append(append([]*string(nil), derefDeps(ng.DependsOn())...), &ref)
				ng.SetDependsOn(&deps)
			}
		}
	}
}

func derefDeps(d *[]*string) []*string {
	if d == nil {
		return nil
	}
	return *d
}
