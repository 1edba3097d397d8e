package identity

import (
	"fmt"

	"github.com/supabase-eks/supabase-eks/infra/policy"
)

// LoadBalancerControllerPolicy is the AWS Load Balancer Controller's
// documented permission set (v3.5 docs/install/iam_policy.json), narrowed to
// this account and region. Where the controller creates resources whose names
// it picks at run time, the documented tag conditions (elbv2.k8s.aws/cluster)
// keep it to load balancers, target groups and security groups it owns.
func LoadBalancerControllerPolicy(region, account string) policy.Document {
	ec2 := func(res string) string { return fmt.Sprintf("arn:aws:ec2:%s:%s:%s", region, account, res) }
	elb := func(res string) string {
		return fmt.Sprintf("arn:aws:elasticloadbalancing:%s:%s:%s", region, account, res)
	}
	lbAndTG := []string{elb("targetgroup/*/*"), elb("loadbalancer/net/*/*"), elb("loadbalancer/app/*/*")}
	requestTagged := map[string]any{"aws:RequestTag/elbv2.k8s.aws/cluster": "false"}
	ownedNotRetagged := map[string]any{"aws:RequestTag/elbv2.k8s.aws/cluster": "true", "aws:ResourceTag/elbv2.k8s.aws/cluster": "false"}
	owned := map[string]any{"aws:ResourceTag/elbv2.k8s.aws/cluster": "false"}
	// "*" below marks calls without resource-level permissions (Describe*,
	// Get*, ACM/WAF/Shield lookups) or on resources the controller names at
	// run time and that are guarded by the ownership tag condition instead.
	return policy.New(
		policy.Statement{Sid: "CreateELBServiceLinkedRole", Effect: "Allow", Action: []string{"iam:CreateServiceLinkedRole"}, Resource: []string{"*"},
			Condition: map[string]map[string]any{"StringEquals": {"iam:AWSServiceName": "elasticloadbalancing.amazonaws.com"}}},
		policy.Allow("DescribeNetworkAndLoadBalancers", []string{
			"ec2:DescribeAccountAttributes", "ec2:DescribeAddresses", "ec2:DescribeAvailabilityZones",
			"ec2:DescribeInternetGateways", "ec2:DescribeVpcs", "ec2:DescribeVpcPeeringConnections",
			"ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ec2:DescribeInstances",
			"ec2:DescribeNetworkInterfaces", "ec2:DescribeTags", "ec2:GetCoipPoolUsage",
			"ec2:DescribeCoipPools", "ec2:GetSecurityGroupsForVpc", "ec2:DescribeIpamPools",
			"ec2:DescribeRouteTables",
			"elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeLoadBalancerAttributes",
			"elasticloadbalancing:DescribeListeners", "elasticloadbalancing:DescribeListenerCertificates",
			"elasticloadbalancing:DescribeSSLPolicies", "elasticloadbalancing:DescribeRules",
			"elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeTargetGroupAttributes",
			"elasticloadbalancing:DescribeTargetHealth", "elasticloadbalancing:DescribeTags",
			"elasticloadbalancing:DescribeTrustStores", "elasticloadbalancing:DescribeListenerAttributes",
			"elasticloadbalancing:DescribeCapacityReservation",
		}, []string{"*"}),
		policy.Allow("LookUpCertificatesAndFirewalls", []string{
			"cognito-idp:DescribeUserPoolClient", "acm:ListCertificates", "acm:DescribeCertificate",
			"iam:ListServerCertificates", "iam:GetServerCertificate",
			"waf-regional:GetWebACL", "waf-regional:GetWebACLForResource", "waf-regional:AssociateWebACL", "waf-regional:DisassociateWebACL",
			"wafv2:GetWebACL", "wafv2:GetWebACLForResource", "wafv2:AssociateWebACL", "wafv2:DisassociateWebACL",
			"shield:GetSubscriptionState", "shield:DescribeProtection", "shield:CreateProtection", "shield:DeleteProtection",
		}, []string{"*"}),
		policy.Allow("ManageIngressOnSecurityGroups", []string{"ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress"}, []string{ec2("security-group/*")}),
		policy.Allow("CreateSecurityGroups", []string{"ec2:CreateSecurityGroup"}, []string{ec2("security-group/*"), ec2("vpc/*")}),
		policy.Statement{Sid: "TagNewSecurityGroups", Effect: "Allow", Action: []string{"ec2:CreateTags"}, Resource: []string{ec2("security-group/*")},
			Condition: map[string]map[string]any{"StringEquals": {"ec2:CreateAction": "CreateSecurityGroup"}, "Null": requestTagged}},
		policy.Statement{Sid: "RetagOwnedSecurityGroups", Effect: "Allow", Action: []string{"ec2:CreateTags", "ec2:DeleteTags"}, Resource: []string{ec2("security-group/*")},
			Condition: map[string]map[string]any{"Null": ownedNotRetagged}},
		policy.Statement{Sid: "ManageOwnedSecurityGroups", Effect: "Allow", Action: []string{"ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress", "ec2:DeleteSecurityGroup"},
			Resource: []string{ec2("security-group/*")}, Condition: map[string]map[string]any{"Null": owned}},
		policy.Statement{Sid: "CreateTaggedLoadBalancers", Effect: "Allow", Action: []string{"elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:CreateTargetGroup"},
			Resource: lbAndTG, Condition: map[string]map[string]any{"Null": requestTagged}},
		policy.Allow("ManageListenersAndRules", []string{
			"elasticloadbalancing:CreateListener", "elasticloadbalancing:DeleteListener",
			"elasticloadbalancing:CreateRule", "elasticloadbalancing:DeleteRule",
		}, []string{elb("loadbalancer/app/*/*"), elb("loadbalancer/net/*/*"), elb("listener/app/*/*/*"), elb("listener/net/*/*/*"), elb("listener-rule/app/*/*/*"), elb("listener-rule/net/*/*/*")}),
		policy.Statement{Sid: "RetagOwnedLoadBalancers", Effect: "Allow", Action: []string{"elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"},
			Resource: lbAndTG, Condition: map[string]map[string]any{"Null": ownedNotRetagged}},
		policy.Allow("TagListenersAndRules", []string{"elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"},
			[]string{elb("listener/net/*/*/*"), elb("listener/app/*/*/*"), elb("listener-rule/net/*/*/*"), elb("listener-rule/app/*/*/*")}),
		policy.Statement{Sid: "ModifyOwnedLoadBalancers", Effect: "Allow", Action: []string{
			"elasticloadbalancing:ModifyLoadBalancerAttributes", "elasticloadbalancing:SetIpAddressType",
			"elasticloadbalancing:SetSecurityGroups", "elasticloadbalancing:SetSubnets",
			"elasticloadbalancing:DeleteLoadBalancer", "elasticloadbalancing:ModifyTargetGroup",
			"elasticloadbalancing:ModifyTargetGroupAttributes", "elasticloadbalancing:DeleteTargetGroup",
			"elasticloadbalancing:ModifyListenerAttributes", "elasticloadbalancing:ModifyCapacityReservation",
			"elasticloadbalancing:ModifyIpPools",
		}, Resource: lbAndTG, Condition: map[string]map[string]any{"Null": owned}},
		policy.Statement{Sid: "TagOnCreate", Effect: "Allow", Action: []string{"elasticloadbalancing:AddTags"}, Resource: lbAndTG,
			Condition: map[string]map[string]any{
				"StringEquals": {"elasticloadbalancing:CreateAction": []string{"CreateTargetGroup", "CreateLoadBalancer"}},
				"Null":         requestTagged,
			}},
		policy.Allow("RegisterTargets", []string{"elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets"}, []string{elb("targetgroup/*/*")}),
		policy.Allow("ConfigureListeners", []string{
			"elasticloadbalancing:SetWebAcl", "elasticloadbalancing:ModifyListener",
			"elasticloadbalancing:AddListenerCertificates", "elasticloadbalancing:RemoveListenerCertificates",
			"elasticloadbalancing:ModifyRule", "elasticloadbalancing:SetRulePriorities",
		}, []string{elb("loadbalancer/app/*/*"), elb("listener/app/*/*/*"), elb("listener-rule/app/*/*/*"), elb("listener/net/*/*/*")}),
	)
}
