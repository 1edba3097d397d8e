package identity

import (
	"fmt"

	"github.com/supabase-eks/supabase-eks/infra/policy"
	"github.com/supabase-eks/supabase-eks/internal/contract/names"
)

// LoadBalancerControllerPolicy is the AWS Load Balancer Controller's
// documented permission set (v3.5 docs/install/iam_policy.json), narrowed to
// this account, region and cluster: the documented ownership tag conditions
// (elbv2.k8s.aws/cluster) require this cluster's name, not just any value,
// and the load balancer, its listeners and rules are named after the cluster.
// dev and prod can share an account without one controller reaching the
// other's load balancer.
func LoadBalancerControllerPolicy(region, account, cluster string) policy.Document {
	ec2 := func(res string) string { return fmt.Sprintf("arn:aws:ec2:%s:%s:%s", region, account, res) }
	elb := func(res string) string {
		return fmt.Sprintf("arn:aws:elasticloadbalancing:%s:%s:%s", region, account, res)
	}
	// This environment's load balancer is named after the cluster (the
	// Ingress's load-balancer-name annotation), so its listeners and rules
	// are scoped by name; target groups and security groups get generated
	// names and are scoped by the ownership tag's value instead. Another
	// environment's controller in the same account touches neither.
	// The connection pooler's optional NLB carries the cluster's name and a
	// fixed suffix (names.PoolerLoadBalancer): ELB names are unique per
	// region, so it cannot share the ALB's.
	pool := names.PoolerLoadBalancer(cluster)
	ownLBs := []string{elb("loadbalancer/app/" + cluster + "/*"), elb("loadbalancer/net/" + cluster + "/*"), elb("loadbalancer/net/" + pool + "/*")}
	ownListeners := []string{
		elb("listener/app/" + cluster + "/*/*"), elb("listener/net/" + cluster + "/*/*"), elb("listener/net/" + pool + "/*/*"),
		elb("listener-rule/app/" + cluster + "/*/*/*"), elb("listener-rule/net/" + cluster + "/*/*/*"),
	}
	lbAndTG := append([]string{elb("targetgroup/*/*")}, ownLBs...)
	const clusterTag = "elbv2.k8s.aws/cluster"
	requestTagged := map[string]any{"aws:RequestTag/" + clusterTag: cluster}
	owned := map[string]any{"aws:ResourceTag/" + clusterTag: cluster}
	notRetagging := map[string]any{"aws:RequestTag/" + clusterTag: "true"}
	// "*" below marks calls without resource-level permissions (Describe*,
	// Get*, ACM/WAF/Shield lookups).
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
			"waf-regional:GetWebACL", "waf-regional:GetWebACLForResource",
			"wafv2:GetWebACL", "wafv2:GetWebACLForResource",
			"shield:GetSubscriptionState", "shield:DescribeProtection", "shield:CreateProtection", "shield:DeleteProtection",
		}, []string{"*"}),
		// Attaching and detaching a web ACL names the load balancer: this
		// environment's only.
		policy.Allow("FirewallOwnLoadBalancer", []string{
			"waf-regional:AssociateWebACL", "waf-regional:DisassociateWebACL", "wafv2:AssociateWebACL", "wafv2:DisassociateWebACL",
		}, append([]string{
			fmt.Sprintf("arn:aws:wafv2:%s:%s:regional/webacl/*/*", region, account),
			fmt.Sprintf("arn:aws:waf-regional:%s:%s:webacl/*", region, account),
		}, ownLBs...)),
		// The rule letting the ALB reach the pods goes on the cluster
		// security group, which the pods' ENIs carry (EKS tags it with the
		// cluster's name).
		policy.Statement{Sid: "ManageIngressOnClusterSecurityGroup", Effect: "Allow", Action: []string{"ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress"},
			Resource: []string{ec2("security-group/*")}, Condition: map[string]map[string]any{"StringEquals": {"aws:ResourceTag/aws:eks:cluster-name": cluster}}},
		policy.Allow("CreateSecurityGroups", []string{"ec2:CreateSecurityGroup"}, []string{ec2("security-group/*"), ec2("vpc/*")}),
		policy.Statement{Sid: "TagNewSecurityGroups", Effect: "Allow", Action: []string{"ec2:CreateTags"}, Resource: []string{ec2("security-group/*")},
			Condition: map[string]map[string]any{"StringEquals": map[string]any{"ec2:CreateAction": "CreateSecurityGroup", "aws:RequestTag/" + clusterTag: cluster}}},
		policy.Statement{Sid: "RetagOwnedSecurityGroups", Effect: "Allow", Action: []string{"ec2:CreateTags", "ec2:DeleteTags"}, Resource: []string{ec2("security-group/*")},
			Condition: map[string]map[string]any{"Null": notRetagging, "StringEquals": owned}},
		policy.Statement{Sid: "ManageOwnedSecurityGroups", Effect: "Allow", Action: []string{"ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress", "ec2:DeleteSecurityGroup"},
			Resource: []string{ec2("security-group/*")}, Condition: map[string]map[string]any{"StringEquals": owned}},
		policy.Statement{Sid: "CreateTaggedLoadBalancers", Effect: "Allow", Action: []string{"elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:CreateTargetGroup"},
			Resource: lbAndTG, Condition: map[string]map[string]any{"StringEquals": requestTagged}},
		policy.Allow("ManageListenersAndRules", []string{
			"elasticloadbalancing:CreateListener", "elasticloadbalancing:DeleteListener",
			"elasticloadbalancing:CreateRule", "elasticloadbalancing:DeleteRule",
		}, append(append([]string(nil), ownLBs...), ownListeners...)),
		policy.Statement{Sid: "RetagOwnedLoadBalancers", Effect: "Allow", Action: []string{"elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"},
			Resource: lbAndTG, Condition: map[string]map[string]any{"Null": notRetagging, "StringEquals": owned}},
		policy.Allow("TagListenersAndRules", []string{"elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"}, ownListeners),
		policy.Statement{Sid: "ModifyOwnedLoadBalancers", Effect: "Allow", Action: []string{
			"elasticloadbalancing:ModifyLoadBalancerAttributes", "elasticloadbalancing:SetIpAddressType",
			"elasticloadbalancing:SetSecurityGroups", "elasticloadbalancing:SetSubnets",
			"elasticloadbalancing:DeleteLoadBalancer", "elasticloadbalancing:ModifyTargetGroup",
			"elasticloadbalancing:ModifyTargetGroupAttributes", "elasticloadbalancing:DeleteTargetGroup",
			"elasticloadbalancing:ModifyListenerAttributes", "elasticloadbalancing:ModifyCapacityReservation",
			"elasticloadbalancing:ModifyIpPools",
		}, Resource: lbAndTG, Condition: map[string]map[string]any{"StringEquals": owned}},
		policy.Statement{Sid: "TagOnCreate", Effect: "Allow", Action: []string{"elasticloadbalancing:AddTags"}, Resource: lbAndTG,
			Condition: map[string]map[string]any{
				"StringEquals": {"elasticloadbalancing:CreateAction": []string{"CreateTargetGroup", "CreateLoadBalancer"}, "aws:RequestTag/" + clusterTag: cluster},
			}},
		policy.Statement{Sid: "RegisterTargets", Effect: "Allow", Action: []string{"elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets"},
			Resource: []string{elb("targetgroup/*/*")}, Condition: map[string]map[string]any{"StringEquals": owned}},
		policy.Allow("ConfigureListeners", []string{
			"elasticloadbalancing:SetWebAcl", "elasticloadbalancing:ModifyListener",
			"elasticloadbalancing:AddListenerCertificates", "elasticloadbalancing:RemoveListenerCertificates",
			"elasticloadbalancing:ModifyRule", "elasticloadbalancing:SetRulePriorities",
		}, append(append([]string(nil), ownLBs...), ownListeners...)),
	)
}

// LoadBalancerControllerReach is what the controllers of every cluster whose
// name matches clusters (a pattern such as "supabase-*") may reach, in a
// handful of statements: a permissions boundary holds it, and a boundary is
// one managed policy under IAM's size limit. By name, the load balancers,
// listeners and rules; by the ownership tag, target groups (and their
// creation); the web ACL attachments of those load balancers. The
// controller's EC2, read and certificate calls fall under the boundary's
// plumbing statement.
func LoadBalancerControllerReach(account, clusters string) []policy.Statement {
	elb := func(res string) string { return fmt.Sprintf("arn:aws:elasticloadbalancing:*:%s:%s", account, res) }
	named := []string{
		elb("loadbalancer/app/" + clusters + "/*"), elb("loadbalancer/net/" + clusters + "/*"),
		elb("listener/app/" + clusters + "/*/*"), elb("listener/net/" + clusters + "/*/*"),
		elb("listener-rule/app/" + clusters + "/*/*/*"), elb("listener-rule/net/" + clusters + "/*/*/*"),
	}
	const clusterTag = "elbv2.k8s.aws/cluster"
	return []policy.Statement{
		policy.Allow("ProjectLoadBalancersByName", []string{"elasticloadbalancing:*"}, named),
		{Sid: "ProjectTargetGroupsByTag", Effect: "Allow", Action: []string{"elasticloadbalancing:*"}, Resource: []string{elb("targetgroup/*/*")},
			Condition: map[string]map[string]any{"StringLike": {"aws:ResourceTag/" + clusterTag: clusters}}},
		{Sid: "CreateProjectTargetGroups", Effect: "Allow", Action: []string{"elasticloadbalancing:CreateTargetGroup", "elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:AddTags"}, Resource: []string{elb("targetgroup/*/*")},
			Condition: map[string]map[string]any{"StringLike": {"aws:RequestTag/" + clusterTag: clusters}}},
		policy.Allow("FirewallProjectLoadBalancers", []string{"wafv2:AssociateWebACL", "wafv2:DisassociateWebACL", "waf-regional:AssociateWebACL", "waf-regional:DisassociateWebACL"},
			append([]string{fmt.Sprintf("arn:aws:wafv2:*:%s:regional/webacl/*/*", account), fmt.Sprintf("arn:aws:waf-regional:*:%s:webacl/*", account)}, named...)),
	}
}
