// Package diagram draws the architecture from what was synthesized: the AWS
// resources in cdk.tf.json and the allowed traffic in the rendered
// NetworkPolicies. The picture in the README is generated, so it cannot
// drift from the code.
package diagram

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/supabase-eks/supabase-eks/infra/policy"
	"github.com/supabase-eks/supabase-eks/internal/artifacts"
	"github.com/supabase-eks/supabase-eks/internal/elblogs"
)

var bucketRef = regexp.MustCompile(`aws_s3_bucket\.([A-Za-z0-9_-]+)\.`)

// accessLogBuckets are the buckets (by logical name) whose policy admits
// ELB's access log writer: the ALB writes to them, no workload does.
func accessLogBuckets(s *artifacts.Stack) map[string]bool {
	out := map[string]bool{}
	s.Each("aws_s3_bucket_policy", func(_ string, r map[string]any) {
		doc, err := policy.Parse(str(r["policy"]))
		bucket := strings.TrimSuffix(strings.TrimPrefix(str(r["bucket"]), "${aws_s3_bucket."), ".id}")
		if err == nil && elblogs.Delivers(doc) {
			out[bucket] = true
		}
	})
	return out
}

func str(v any) string { s, _ := v.(string); return s }

func tag(r map[string]any, k string) string {
	tags, _ := r["tags"].(map[string]any)
	return str(tags[k])
}

// Flow is one allowed connection between workloads (or to an external peer).
type Flow struct{ From, To, Port string }

// DOT renders the environment as a Graphviz digraph.
func DOT(s *artifacts.Stack, flows []Flow) string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	w("digraph %q {", s.Name)
	w(`  graph [rankdir=LR, fontname="Helvetica", fontsize=11, compound=true, nodesep=0.25, ranksep=0.6, label=%q, labelloc=t];`, s.Name+": generated from cdk.tf.json and dist/ NetworkPolicies")
	w(`  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica", fontsize=10];`)
	w(`  edge [fontname="Helvetica", fontsize=9];`)
	w(`  internet [label="Internet", shape=ellipse, fillcolor="#eeeeee"];`)

	// Subnets grouped by zone, each zone a cluster holding its three tiers.
	zones := map[string][]string{}
	s.Each("aws_subnet", func(name string, r map[string]any) {
		az := str(r["availability_zone"])
		zones[az] = append(zones[az], fmt.Sprintf(`    %q [label="%s subnet\n%s", fillcolor=%q];`, name, tag(r, "tier"), str(r["cidr_block"]), tierColor(tag(r, "tier"))))
	})
	var vpcCIDR string
	s.Each("aws_vpc", func(_ string, r map[string]any) { vpcCIDR = str(r["cidr_block"]) })
	w(`  subgraph cluster_vpc { label="VPC %s"; style=rounded; color="#888888";`, vpcCIDR)
	azNames := make([]string, 0, len(zones))
	for az := range zones {
		azNames = append(azNames, az)
	}
	sort.Strings(azNames)
	for i, az := range azNames {
		w(`   subgraph cluster_az%d { label=%q; style=dashed;`, i, az)
		for _, line := range zones[az] {
			w("%s", line)
		}
		w(`   }`)
	}
	nats := 0
	s.Each("aws_nat_gateway", func(name string, r map[string]any) {
		nats++
		w(`    %q [label="NAT gateway", fillcolor="#fde2b3"];`, name)
		w(`    %q -> %q [style=dotted, arrowhead=none];`, name, strings.TrimSuffix(strings.TrimPrefix(str(r["subnet_id"]), "${aws_subnet."), ".id}"))
	})
	w(`    alb [label="ALB (AWS Load Balancer Controller)\ninternet-facing, target type ip", fillcolor="#fde2b3"];`)
	s.Each("aws_eks_cluster", func(name string, r map[string]any) {
		w(`    eks [label="EKS %s\n%s, private endpoint", fillcolor="#d6e4ff"];`, str(r["name"]), "Kubernetes "+str(r["version"]))
	})
	s.Each("aws_eks_node_group", func(name string, r map[string]any) {
		sc, _ := r["scaling_config"].(map[string]any)
		w(`    %q [label="node group %s\n%v x %v (%v..%v)", fillcolor="#d6e4ff"];`, name, str(r["node_group_name"]),
			strings.Trim(fmt.Sprint(r["instance_types"]), "[]"), sc["desired_size"], sc["min_size"], sc["max_size"])
		w(`    eks -> %q [arrowhead=none];`, name)
	})
	s.Each("aws_db_instance", func(name string, r map[string]any) {
		mode := "single-AZ"
		if r["multi_az"] == true {
			mode = "Multi-AZ"
		}
		w(`    rds [label="RDS PostgreSQL %s\n%s, %s, gp3 encrypted", fillcolor="#d9f2d9"];`, str(r["engine_version"]), str(r["instance_class"]), mode)
	})
	w(`  }`)
	w(`  subgraph cluster_regional { label="Regional services"; style=rounded; color="#888888";`)
	s.Each("aws_s3_bucket", func(name string, r map[string]any) {
		w(`    %q [label="S3 %s", fillcolor="#d9f2d9"];`, name, str(r["bucket"]))
	})
	secrets := 0
	s.Each("aws_secretsmanager_secret", func(string, map[string]any) { secrets++ })
	w(`    secrets [label="Secrets Manager\n%d secrets + RDS master secret", fillcolor="#f5d6f5"];`, secrets)
	w(`    kms [label="KMS customer key\n(rotation on)", fillcolor="#f5d6f5"];`)
	roles := 0
	s.Each("aws_iam_role", func(_ string, r map[string]any) {
		if strings.Contains(str(r["assume_role_policy"]), "AssumeRoleWithWebIdentity") {
			roles++
		}
	})
	w(`    irsa [label="IAM: %d IRSA roles\n(one service account each)", fillcolor="#f5d6f5"];`, roles)
	w(`  }`)
	w(`  internet -> alb [label="443/80"];`)
	w(`  eks -> rds [label="5432 (TLS)"];`)
	w(`  eks -> secrets [label="ESO via IRSA", style=dashed];`)
	w(`  eks -> irsa [style=dashed, arrowhead=none];`)
	w(`  secrets -> kms [style=dotted, arrowhead=none];`)
	w(`  rds -> kms [style=dotted, arrowhead=none];`)
	logBuckets := accessLogBuckets(s)
	s.Each("aws_s3_bucket", func(name string, _ map[string]any) {
		if logBuckets[name] {
			w(`  alb -> %q [label="access logs", style=dashed];`, name)
		} else {
			w(`  eks -> %q [label="IRSA", style=dashed];`, name)
		}
	})
	s.Each("aws_s3_bucket_logging", func(_ string, r map[string]any) {
		from, to := bucketRef.FindStringSubmatch(str(r["bucket"])), bucketRef.FindStringSubmatch(str(r["target_bucket"]))
		if from != nil && to != nil {
			w(`  %q -> %q [label="server access logs", style=dotted];`, from[1], to[1])
		}
	})

	if len(flows) > 0 {
		w(`  aws [label="AWS APIs over 443\n(S3 buckets, STS)", shape=ellipse, fillcolor="#eeeeee"];`)
		w(`  smtp [label="SMTP relay", shape=ellipse, fillcolor="#eeeeee"];`)
		w(`  subgraph cluster_k8s { label="namespace supabase (allowed flows from NetworkPolicies)"; style=rounded; color="#3366cc";`)
		nodes := map[string]bool{}
		for _, f := range flows {
			nodes[f.From], nodes[f.To] = true, true
		}
		names := make([]string, 0, len(nodes))
		for n := range nodes {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			if external(n) {
				continue
			}
			w(`    "k8s_%s" [label=%q, fillcolor="#e8f0ff"];`, n, n)
		}
		w(`  }`)
		for _, f := range flows {
			w(`  %s -> %s [label=%q];`, flowNode(f.From), flowNode(f.To), f.Port)
		}
	}
	w("}")
	return b.String()
}

func external(n string) bool { return n == "alb" || n == "rds" || n == "aws" || n == "smtp" }

func flowNode(n string) string {
	if external(n) {
		return n
	}
	return fmt.Sprintf("%q", "k8s_"+n)
}

func tierColor(tier string) string {
	switch tier {
	case "public":
		return "#fff4cc"
	case "private":
		return "#e8f0ff"
	}
	return "#e6f7e6"
}
