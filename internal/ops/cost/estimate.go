package cost

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/supabase-eks/supabase-eks/internal/rdsclass"
)

// Line is one row of the estimate.
type Line struct {
	Item   string
	Detail string
	Qty    float64
	Unit   string
	// UnitUSD is the price per Unit.
	UnitUSD float64
	Monthly float64
	// Assumed marks rows driven by the usage assumptions rather than by what
	// the configuration creates.
	Assumed bool
}

// Estimate is a priced bill of resources.
type Estimate struct {
	Env   string
	Lines []Line
	Table *Table
	Notes []string
}

// Total is the sum of every line.
func (e *Estimate) Total() float64 {
	var t float64
	for _, l := range e.Lines {
		t += l.Monthly
	}
	return t
}

// Options tunes the estimate.
type Options struct {
	// ALBs is the number of load balancers the Kubernetes side creates (one
	// Ingress in one group); zero means 1.
	ALBs int
	// Pooler is the connection pooler the configuration deploys.
	Pooler Pooler
}

// Pooler describes the connection pooling choice for the estimate.
type Pooler struct {
	// Enabled: Supavisor runs (on the cluster's nodes).
	Enabled bool
	// Replicas, CPURequest and MemoryRequest are its pods' requests.
	Replicas                  int
	CPURequest, MemoryRequest string
	// NLB: the internal Network Load Balancer in front of it.
	NLB bool
}

// Compute prices r for env with table t.
func Compute(r *Resources, t *Table, env string, opt Options) (*Estimate, error) {
	e := &Estimate{Env: env, Table: t}
	h := t.HoursPerMonth
	p := func(k string) float64 { return t.Prices[k].USD }
	add := func(l Line) {
		l.Monthly = l.Qty * l.UnitUSD
		if l.Qty > 0 {
			e.Lines = append(e.Lines, l)
		}
	}
	var errs []error

	for _, c := range r.Clusters {
		add(Line{Item: "EKS control plane", Detail: c.Name + " " + c.Version, Qty: h, Unit: "hours", UnitUSD: p("eks_cluster_hour")})
	}
	u := t.UsageFor(env)
	nodes := 0
	for _, ng := range r.NodeGroups {
		price, ok := t.EC2.USD[ng.InstanceType]
		if !ok {
			errs = append(errs, fmt.Errorf("node group %s: no price for instance type %q in the price table (add it under ec2_hour)", ng.Name, ng.InstanceType))
			continue
		}
		nodes += ng.Desired
		detail := fmt.Sprintf("%s: %d x %s", ng.Name, ng.Desired, ng.InstanceType)
		spot := ng.CapacityType == "SPOT"
		if spot {
			// Spot prices float; the usage table assumes a typical discount.
			detail += fmt.Sprintf(" spot (assumed %.0f%% of on-demand $%.4f)", 100*u.SpotPriceRatio, price)
			price *= u.SpotPriceRatio
		}
		add(Line{Item: "EC2 nodes", Detail: detail, Qty: float64(ng.Desired) * h, Unit: "instance-hours", UnitUSD: price, Assumed: spot})
		add(Line{Item: "EBS node volumes (gp3)", Detail: fmt.Sprintf("%s: %d x %d GiB", ng.Name, ng.Desired, ng.DiskGiB), Qty: float64(ng.Desired * ng.DiskGiB), Unit: "GB-month", UnitUSD: p("ebs_gp3_gb_month")})
	}
	add(Line{Item: "NAT gateways", Detail: fmt.Sprintf("%d gateway(s)", r.NATGateways), Qty: float64(r.NATGateways) * h, Unit: "gateway-hours", UnitUSD: p("nat_gateway_hour")})
	if r.NATGateways > 0 {
		add(Line{Item: "NAT data processing", Detail: fmt.Sprintf("assumed %.0f GB/month", u.NATGB), Qty: u.NATGB, Unit: "GB", UnitUSD: p("nat_gateway_gb"), Assumed: true})
	}

	albs := opt.ALBs
	if albs == 0 {
		albs = 1
	}
	albIPs := r.PublicSubnets
	if albIPs < 2 {
		albIPs = 2 // an ALB spans at least two zones
	}
	add(Line{Item: "Public IPv4 addresses", Detail: fmt.Sprintf("%d EIP(s) + %d ALB node(s)", r.EIPs, albs*albIPs), Qty: float64(r.EIPs+albs*albIPs) * h, Unit: "address-hours", UnitUSD: p("public_ipv4_hour")})
	add(Line{Item: "Application Load Balancer", Detail: fmt.Sprintf("%d ALB from the Kubernetes Ingress (not in Terraform)", albs), Qty: float64(albs) * h, Unit: "ALB-hours", UnitUSD: p("alb_hour")})
	add(Line{Item: "ALB capacity units", Detail: fmt.Sprintf("assumed %.1f LCU average", u.ALBLCU), Qty: float64(albs) * u.ALBLCU * h, Unit: "LCU-hours", UnitUSD: p("alb_lcu_hour"), Assumed: true})
	for _, db := range r.Databases {
		if err := e.pooler(opt.Pooler, db.Class, add, p, h); err != nil {
			errs = append(errs, err)
		}
	}

	managedSecrets := 0
	for _, db := range r.Databases {
		price, ok := t.RDS.USD[db.Class]
		if !ok {
			errs = append(errs, fmt.Errorf("database %s: no price for class %q in the price table (add it under rds_hour)", db.Name, db.Class))
			continue
		}
		copies, az := 1.0, "Single-AZ"
		if db.MultiAZ {
			copies, az = 2, "Multi-AZ"
		}
		add(Line{Item: "RDS PostgreSQL instance", Detail: fmt.Sprintf("%s %s", db.Class, az), Qty: copies * h, Unit: "instance-hours", UnitUSD: price})
		if db.StorageType != "gp3" {
			e.Notes = append(e.Notes, fmt.Sprintf("database %s uses %s storage; priced at the gp3 rate", db.Name, db.StorageType))
		}
		add(Line{Item: "RDS storage (gp3)", Detail: fmt.Sprintf("%d GiB %s (autoscaling may grow it)", db.StorageGiB, az), Qty: copies * float64(db.StorageGiB), Unit: "GB-month", UnitUSD: p("rds_gp3_gb_month")})
		if db.IOPS > 3000 {
			add(Line{Item: "RDS provisioned IOPS", Detail: fmt.Sprintf("%d IOPS", db.IOPS), Qty: copies * float64(db.IOPS-3000), Unit: "IOPS-month", UnitUSD: p("rds_gp3_iops_month")})
		}
		if db.ManagedMasterSecret {
			managedSecrets++
		}
	}

	add(Line{Item: "KMS customer-managed keys", Detail: fmt.Sprintf("%d key(s)", r.KMSKeys), Qty: float64(r.KMSKeys), Unit: "key-months", UnitUSD: p("kms_key_month")})
	add(Line{Item: "Secrets Manager secrets", Detail: fmt.Sprintf("%d container(s) + %d RDS-managed master secret(s)", r.Secrets, managedSecrets), Qty: float64(r.Secrets + managedSecrets), Unit: "secret-months", UnitUSD: p("secret_month")})
	enis := 0
	var svcs []string
	for _, ep := range r.InterfaceEndpoints {
		enis += ep.ENIs
		svcs = append(svcs, ep.Service)
	}
	add(Line{Item: "VPC interface endpoints", Detail: strings.Join(svcs, ", "), Qty: float64(enis) * h, Unit: "endpoint-AZ-hours", UnitUSD: p("interface_endpoint_hour")})

	// CloudWatch Logs: ingestion by what writes, storage for the retention kept.
	kinds := map[string]int{}
	retention := map[string]int{}
	for _, g := range r.LogGroups {
		kinds[g.Kind]++
		retention[g.Kind] = max(retention[g.Kind], g.RetentionDays)
	}
	for _, db := range r.Databases {
		if len(db.LogExports) > 0 && kinds["rds"] == 0 {
			kinds["rds"]++ // RDS creates its log groups itself
		}
	}
	if r.HasAddon("amazon-cloudwatch-observability") && kinds["container_insights"] == 0 {
		kinds["container_insights"]++ // created by the add-on
	}
	kindNames := make([]string, 0, len(kinds))
	for k := range kinds {
		kindNames = append(kindNames, k)
	}
	sort.Strings(kindNames)
	var ingest, stored float64
	var parts []string
	for _, k := range kindNames {
		gb := u.LogIngestGB[k]
		ingest += gb
		parts = append(parts, fmt.Sprintf("%s %.0f", shortKind[k], gb))
		days := retention[k]
		if days == 0 {
			days = 30
		}
		stored += gb * float64(days) / 30
	}
	add(Line{Item: "CloudWatch Logs ingestion", Detail: "assumed GB/mo: " + strings.Join(parts, ", "), Qty: ingest, Unit: "GB", UnitUSD: p("cw_logs_ingest_gb"), Assumed: true})
	add(Line{Item: "CloudWatch Logs storage", Detail: "ingestion x retention, uncompressed (upper bound)", Qty: stored, Unit: "GB-month", UnitUSD: p("cw_logs_storage_gb_month"), Assumed: true})
	add(Line{Item: "CloudWatch alarms", Detail: fmt.Sprintf("%d alarm(s)", r.Alarms), Qty: float64(r.Alarms), Unit: "alarm-months", UnitUSD: p("cw_alarm_month")})
	if r.WebACLs > 0 {
		add(Line{Item: "WAF web ACL", Detail: fmt.Sprintf("%d web ACL(s)", r.WebACLs), Qty: float64(r.WebACLs), Unit: "web-ACL-months", UnitUSD: p("waf_web_acl_month")})
		add(Line{Item: "WAF rules", Detail: fmt.Sprintf("%d rule(s) and managed rule groups (requests: $0.60 per million, not included)", r.WAFRules), Qty: float64(r.WAFRules), Unit: "rule-months", UnitUSD: p("waf_rule_month")})
	}
	if r.HasAddon("amazon-cloudwatch-observability") {
		add(Line{Item: "Container Insights metrics", Detail: fmt.Sprintf("%d node(s), estimate", nodes), Qty: float64(nodes), Unit: "node-months", UnitUSD: p("container_insights_node_month"), Assumed: true})
	}
	if data := r.Buckets - r.AccessLogBuckets; data > 0 {
		add(Line{Item: "S3 storage", Detail: fmt.Sprintf("%d bucket(s), assumed %.0f GB stored", data, u.S3GB), Qty: u.S3GB, Unit: "GB-month", UnitUSD: p("s3_standard_gb_month"), Assumed: true})
	}
	if r.AccessLogBuckets > 0 {
		// ELB and S3 deliver their logs free of charge; only storage is billed.
		add(Line{Item: "S3 access logs", Detail: fmt.Sprintf("ALB + S3 server logs, assumed %.0f GB stored", u.AccessLogGB), Qty: u.AccessLogGB, Unit: "GB-month", UnitUSD: p("s3_standard_gb_month"), Assumed: true})
	}
	if r.BackupRDS {
		// AWS Backup's RDS snapshots are incremental after the first: about
		// the database's size stays stored over the retention.
		var gib int
		for _, db := range r.Databases {
			gib += db.StorageGiB
		}
		add(Line{Item: "AWS Backup vault: RDS", Detail: fmt.Sprintf("daily snapshots, about the database's %d GiB stored", gib), Qty: float64(gib), Unit: "GB-month", UnitUSD: p("backup_rds_gb_month"), Assumed: true})
	}
	if r.BackupS3 {
		add(Line{Item: "AWS Backup vault: S3", Detail: fmt.Sprintf("storage bucket, assumed %.0f GB stored", u.S3GB), Qty: u.S3GB, Unit: "GB-month", UnitUSD: p("backup_s3_gb_month"), Assumed: true})
	}
	e.Notes = append(e.Notes,
		"Not included: data transfer out to the internet, S3 requests, KMS/Secrets Manager API calls, EBS snapshots, RDS backup storage beyond the database size, PVC volumes, tax.",
		"Rows marked * depend on traffic assumptions (usage section of the price table), not only on the configuration.")
	if len(r.Clusters) == 0 {
		errs = append(errs, errors.New("no aws_eks_cluster in the stack"))
	}
	return e, errors.Join(errs...)
}

// Print writes the estimate as an aligned table with the total and, when
// target > 0, whether the estimate is within it.
func (e *Estimate) Print(w io.Writer, target float64) {
	t := e.Table
	fmt.Fprintf(w, "Monthly cost estimate for %s (%s list prices as of %s, %s; not fetched live)\n\n", e.Env, t.Region, t.AsOf, t.Currency)
	fmt.Fprintf(w, "%-28s %-58s %12s %-18s %10s %10s\n", "ITEM", "DETAIL", "QTY", "UNIT", "UNIT USD", "USD/MONTH")
	for _, l := range e.Lines {
		item := l.Item
		if l.Assumed {
			item += " *"
		}
		fmt.Fprintf(w, "%-28s %-58s %12.1f %-18s %10.4f %10.2f\n", item, truncate(l.Detail, 58), l.Qty, l.Unit, l.UnitUSD, l.Monthly)
	}
	fmt.Fprintf(w, "%-28s %-58s %12s %-18s %10s %10.2f\n", "TOTAL", "", "", "", "", e.Total())
	if target > 0 {
		verdict := "within"
		if e.Total() > target {
			verdict = "OVER"
		}
		fmt.Fprintf(w, "\nTarget for %s: $%.0f/month -> %s (%.0f%% of target)\n", e.Env, target, verdict, 100*e.Total()/target)
	}
	fmt.Fprintln(w)
	for _, n := range e.Notes {
		fmt.Fprintln(w, "note: "+n)
	}
	fmt.Fprintf(w, "note: %s\n", t.Note)
	fmt.Fprintf(w, "sources: EC2 %s; RDS %s; others per row in internal/pricetable/prices_%s.json\n", t.EC2.Source, t.RDS.Source, t.Region)
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n-3] + "..."
}

var shortKind = map[string]string{"vpc_flow_logs": "flow", "eks_control_plane": "eks", "rds": "rds", "container_insights": "insights", "other": "other"}

// Targets are the monthly budgets the project holds itself to.
var Targets = map[string]float64{"dev": 200, "prod": 750}

// nlbNLCU is the assumed average of the pooler's NLB: a few hundred pooled
// application connections are far below one NLCU (100,000 active).
const nlbNLCU = 0.1

// pooler prices the pooling choice: Supavisor itself runs on the nodes
// (no line of its own, its requests are in the note), its optional NLB is
// a line, and RDS Proxy, the managed alternative, is quoted in a note.
func (e *Estimate) pooler(po Pooler, class string, add func(Line), p func(string) float64, h float64) error {
	vcpus, ok := rdsclass.VCPUs(class)
	if !ok {
		return fmt.Errorf("instance class %q: vCPUs unknown (internal/rdsclass)", class)
	}
	billed := max(vcpus, 2)
	proxy := float64(billed) * p("rds_proxy_vcpu_hour") * h
	if po.Enabled {
		if po.NLB {
			add(Line{Item: "Network Load Balancer", Detail: "internal NLB in front of the connection pooler", Qty: h, Unit: "NLB-hours", UnitUSD: p("nlb_hour")})
			add(Line{Item: "NLB capacity units", Detail: fmt.Sprintf("assumed %.1f NLCU average", nlbNLCU), Qty: nlbNLCU * h, Unit: "NLCU-hours", UnitUSD: p("nlb_nlcu_hour"), Assumed: true})
		}
		e.Notes = append(e.Notes, fmt.Sprintf("Connection pooler: Supavisor, %d replica(s) on the nodes above (requests %s CPU, %s memory each): no AWS charge of its own. The managed alternative, RDS Proxy, would add $%.2f/month (%d vCPUs of %s x $%.3f/vCPU-hour).",
			po.Replicas, po.CPURequest, po.MemoryRequest, proxy, billed, class, p("rds_proxy_vcpu_hour")))
	} else {
		e.Notes = append(e.Notes, fmt.Sprintf("Connection pooler: none (workloads.pooler.enabled false); Supavisor would run on the nodes above at no AWS charge of its own, RDS Proxy would add $%.2f/month (%d vCPUs of %s x $%.3f/vCPU-hour).",
			proxy, billed, class, p("rds_proxy_vcpu_hour")))
	}
	return nil
}
