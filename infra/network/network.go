// Package network builds the VPC: public, private and isolated database
// subnets in every zone, NAT, flow logs and VPC endpoints.
package network

import (
	"fmt"

	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/cloudwatchloggroup"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/defaultsecuritygroup"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/eip"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/flowlog"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/iamrole"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/iamrolepolicy"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/internetgateway"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/natgateway"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/route"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/routetable"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/routetableassociation"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/securitygroup"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/subnet"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/vpc"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/vpcendpoint"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/vpcsecuritygroupingressrule"
	"github.com/hashicorp/terraform-cdk-go/cdktf"

	"github.com/supabase-eks/supabase-eks/infra/policy"
	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/names"
)

// Props configures the network.
type Props struct {
	// PermissionsBoundaryARN is set on every role the construct creates.
	PermissionsBoundaryARN *string
	// Name prefixes resource names and tags.
	Name string
	// ClusterName is tagged on subnets so the load balancer controller finds them.
	ClusterName string
	Region      string
	AccountID   string
	Zones       []string
	Config      config.Network
	Plan        config.SubnetPlan
	// KMSKeyARN encrypts the flow log group.
	KMSKeyARN *string
}

// Network is what other constructs need from the VPC.
type Network struct {
	VpcID             *string
	VpcCIDR           string
	PublicSubnetIDs   []*string
	PrivateSubnetIDs  []*string
	DatabaseSubnetIDs []*string
	// NATGateways is the number of NAT gateways created.
	NATGateways int
}

// New builds the VPC and its subnets.
func New(scope constructs.Construct, id string, p Props) *Network {
	c := constructs.NewConstruct(scope, jsii.String(id))
	tags := func(name string, extra map[string]string) *map[string]*string {
		m := map[string]*string{"Name": jsii.String(name)}
		for k, v := range extra {
			m[k] = jsii.String(v)
		}
		return &m
	}

	v := vpc.NewVpc(c, jsii.String("vpc"), &vpc.VpcConfig{
		CidrBlock:          jsii.String(p.Config.VpcCIDR),
		EnableDnsHostnames: jsii.Bool(true),
		EnableDnsSupport:   jsii.Bool(true),
		Tags:               tags(p.Name, nil),
	})
	// The default security group allows all traffic between its members;
	// adopting it with no rules means nothing can use it by accident.
	defaultsecuritygroup.NewDefaultSecurityGroup(c, jsii.String("default-sg"), &defaultsecuritygroup.DefaultSecurityGroupConfig{
		VpcId: v.Id(),
		Tags:  tags(p.Name+"-default-deny-all", nil),
	})

	igw := internetgateway.NewInternetGateway(c, jsii.String("igw"), &internetgateway.InternetGatewayConfig{
		VpcId: v.Id(),
		Tags:  tags(p.Name, nil),
	})

	net := &Network{VpcID: v.Id(), VpcCIDR: p.Config.VpcCIDR}
	clusterTag := "kubernetes.io/cluster/" + p.ClusterName

	publicRT := routetable.NewRouteTable(c, jsii.String("public-rt"), &routetable.RouteTableConfig{
		VpcId: v.Id(),
		Tags:  tags(p.Name+"-public", nil),
	})
	route.NewRoute(c, jsii.String("public-default"), &route.RouteConfig{
		RouteTableId:         publicRT.Id(),
		DestinationCidrBlock: jsii.String("0.0.0.0/0"),
		GatewayId:            igw.Id(),
	})

	var natIDs []*string
	for i, zone := range p.Zones {
		pub := subnet.NewSubnet(c, jsii.String(fmt.Sprintf("public-%d", i)), &subnet.SubnetConfig{
			VpcId:            v.Id(),
			CidrBlock:        jsii.String(p.Plan.Public[i]),
			AvailabilityZone: jsii.String(zone),
			// Nothing in the public tier needs a public IP by default: the ALB and
			// NAT gateways get theirs explicitly.
			MapPublicIpOnLaunch: jsii.Bool(false),
			Tags: tags(fmt.Sprintf("%s-public-%s", p.Name, zone), map[string]string{
				"kubernetes.io/role/elb": "1",
				clusterTag:               "shared",
				"tier":                   "public",
			}),
		})
		net.PublicSubnetIDs = append(net.PublicSubnetIDs, pub.Id())
		routetableassociation.NewRouteTableAssociation(c, jsii.String(fmt.Sprintf("public-%d-rta", i)), &routetableassociation.RouteTableAssociationConfig{
			SubnetId:     pub.Id(),
			RouteTableId: publicRT.Id(),
		})
		if i == 0 || p.Config.NAT == config.NATPerAZ {
			ip := eip.NewEip(c, jsii.String(fmt.Sprintf("nat-%d-eip", i)), &eip.EipConfig{
				Domain: jsii.String("vpc"),
				Tags:   tags(fmt.Sprintf("%s-nat-%s", p.Name, zone), nil),
			})
			nat := natgateway.NewNatGateway(c, jsii.String(fmt.Sprintf("nat-%d", i)), &natgateway.NatGatewayConfig{
				AllocationId: ip.Id(),
				SubnetId:     pub.Id(),
				Tags:         tags(fmt.Sprintf("%s-%s", p.Name, zone), nil),
				DependsOn:    &[]cdktf.ITerraformDependable{igw},
			})
			natIDs = append(natIDs, nat.Id())
		}
	}
	net.NATGateways = len(natIDs)

	var privateRTs []*string
	for i, zone := range p.Zones {
		priv := subnet.NewSubnet(c, jsii.String(fmt.Sprintf("private-%d", i)), &subnet.SubnetConfig{
			VpcId:            v.Id(),
			CidrBlock:        jsii.String(p.Plan.Private[i]),
			AvailabilityZone: jsii.String(zone),
			Tags: tags(fmt.Sprintf("%s-private-%s", p.Name, zone), map[string]string{
				"kubernetes.io/role/internal-elb": "1",
				clusterTag:                        "shared",
				"tier":                            "private",
			}),
		})
		net.PrivateSubnetIDs = append(net.PrivateSubnetIDs, priv.Id())
		// One route table per zone, each to its own NAT gateway when there is one
		// per zone, so a zone's outage leaves the others' egress intact.
		rt := routetable.NewRouteTable(c, jsii.String(fmt.Sprintf("private-%d-rt", i)), &routetable.RouteTableConfig{
			VpcId: v.Id(),
			Tags:  tags(fmt.Sprintf("%s-private-%s", p.Name, zone), nil),
		})
		privateRTs = append(privateRTs, rt.Id())
		route.NewRoute(c, jsii.String(fmt.Sprintf("private-%d-default", i)), &route.RouteConfig{
			RouteTableId:         rt.Id(),
			DestinationCidrBlock: jsii.String("0.0.0.0/0"),
			NatGatewayId:         natIDs[i%len(natIDs)],
		})
		routetableassociation.NewRouteTableAssociation(c, jsii.String(fmt.Sprintf("private-%d-rta", i)), &routetableassociation.RouteTableAssociationConfig{
			SubnetId:     priv.Id(),
			RouteTableId: rt.Id(),
		})
	}

	// The database tier has a route table with no default route: only the VPC's
	// local route, so RDS can never reach or be reached from the internet.
	dbRT := routetable.NewRouteTable(c, jsii.String("database-rt"), &routetable.RouteTableConfig{
		VpcId: v.Id(),
		Tags:  tags(p.Name+"-database", nil),
	})
	for i, zone := range p.Zones {
		db := subnet.NewSubnet(c, jsii.String(fmt.Sprintf("database-%d", i)), &subnet.SubnetConfig{
			VpcId:            v.Id(),
			CidrBlock:        jsii.String(p.Plan.Database[i]),
			AvailabilityZone: jsii.String(zone),
			Tags:             tags(fmt.Sprintf("%s-database-%s", p.Name, zone), map[string]string{"tier": "database"}),
		})
		net.DatabaseSubnetIDs = append(net.DatabaseSubnetIDs, db.Id())
		routetableassociation.NewRouteTableAssociation(c, jsii.String(fmt.Sprintf("database-%d-rta", i)), &routetableassociation.RouteTableAssociationConfig{
			SubnetId:     db.Id(),
			RouteTableId: dbRT.Id(),
		})
	}

	// S3 gateway endpoint: free, and ECR image layers are served from S3, so
	// most image-pull traffic skips the NAT gateways.
	vpcendpoint.NewVpcEndpoint(c, jsii.String("s3"), &vpcendpoint.VpcEndpointConfig{
		VpcId:           v.Id(),
		ServiceName:     jsii.String("com.amazonaws." + p.Region + ".s3"),
		VpcEndpointType: jsii.String("Gateway"),
		RouteTableIds:   &privateRTs,
		Tags:            tags(p.Name+"-s3", nil),
	})

	if p.Config.InterfaceEndpoints {
		sg := securitygroup.NewSecurityGroup(c, jsii.String("endpoints-sg"), &securitygroup.SecurityGroupConfig{
			Name:        jsii.String(p.Name + "-vpc-endpoints"),
			Description: jsii.String("HTTPS from inside the VPC to AWS interface endpoints"),
			VpcId:       v.Id(),
			Tags:        tags(p.Name+"-vpc-endpoints", nil),
		})
		vpcsecuritygroupingressrule.NewVpcSecurityGroupIngressRule(c, jsii.String("endpoints-https"), &vpcsecuritygroupingressrule.VpcSecurityGroupIngressRuleConfig{
			SecurityGroupId: sg.Id(),
			Description:     jsii.String("HTTPS from the VPC"),
			IpProtocol:      jsii.String("tcp"),
			FromPort:        jsii.Number(443),
			ToPort:          jsii.Number(443),
			CidrIpv4:        jsii.String(p.Config.VpcCIDR),
		})
		for _, svc := range []string{"sts", "secretsmanager", "ecr.api", "ecr.dkr", "logs"} {
			vpcendpoint.NewVpcEndpoint(c, jsii.String("endpoint-"+svc), &vpcendpoint.VpcEndpointConfig{
				VpcId:             v.Id(),
				ServiceName:       jsii.String("com.amazonaws." + p.Region + "." + svc),
				VpcEndpointType:   jsii.String("Interface"),
				PrivateDnsEnabled: jsii.Bool(true),
				SubnetIds:         &net.PrivateSubnetIDs,
				SecurityGroupIds:  &[]*string{sg.Id()},
				Tags:              tags(p.Name+"-"+svc, nil),
			})
		}
	}

	flowLogs(c, p, v.Id(), tags)
	return net
}

func flowLogs(c constructs.Construct, p Props, vpcID *string, tags func(string, map[string]string) *map[string]*string) {
	group := cloudwatchloggroup.NewCloudwatchLogGroup(c, jsii.String("flow-logs"), &cloudwatchloggroup.CloudwatchLogGroupConfig{
		Name:            jsii.String(names.FlowLogGroup(p.Name)),
		RetentionInDays: jsii.Number(float64(p.Config.FlowLogRetentionDays)),
		KmsKeyId:        p.KMSKeyARN,
		Tags:            tags(p.Name+"-flow-logs", nil),
	})
	sourceCondition := map[string]map[string]any{
		"StringEquals": {"aws:SourceAccount": p.AccountID},
		"ArnLike":      {"aws:SourceArn": fmt.Sprintf("arn:aws:ec2:%s:%s:vpc-flow-log/*", p.Region, p.AccountID)},
	}
	role := iamrole.NewIamRole(c, jsii.String("flow-logs-role"), &iamrole.IamRoleConfig{
		Name:                jsii.String(p.Name + "-vpc-flow-logs"),
		AssumeRolePolicy:    jsii.String(policy.AssumeRoleService("vpc-flow-logs.amazonaws.com", sourceCondition).JSON()),
		PermissionsBoundary: p.PermissionsBoundaryARN,
		Tags:                tags(p.Name+"-vpc-flow-logs", nil),
	})
	iamrolepolicy.NewIamRolePolicy(c, jsii.String("flow-logs-policy"), &iamrolepolicy.IamRolePolicyConfig{
		Name: jsii.String("write-flow-logs"),
		Role: role.Id(),
		Policy: jsii.String(policy.New(
			policy.Allow("WriteFlowLogs",
				[]string{"logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"},
				[]string{*group.Arn() + ":*"}),
		).JSON()),
	})
	flowlog.NewFlowLog(c, jsii.String("flow-log"), &flowlog.FlowLogConfig{
		VpcId:                  vpcID,
		TrafficType:            jsii.String("ALL"),
		LogDestinationType:     jsii.String("cloud-watch-logs"),
		LogDestination:         group.Arn(),
		IamRoleArn:             role.Arn(),
		MaxAggregationInterval: jsii.Number(60),
		Tags:                   tags(p.Name+"-flow-log", nil),
	})
}
