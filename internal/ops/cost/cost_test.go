package cost

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
)

func load(t *testing.T, path string) *Resources {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func table(t *testing.T) *Table {
	t.Helper()
	tb, err := LoadTable("us-east-1")
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

func near(a, b float64) bool { return math.Abs(a-b) < 0.005 }

func line(e *Estimate, item string) (Line, bool) {
	for _, l := range e.Lines {
		if l.Item == item {
			return l, true
		}
	}
	return Line{}, false
}

func TestParseFixture(t *testing.T) {
	r := load(t, "testdata/dev-like.tf.json")
	if len(r.Clusters) != 1 || r.Clusters[0].Version != "1.35" {
		t.Errorf("clusters: %+v", r.Clusters)
	}
	if len(r.NodeGroups) != 1 {
		t.Fatalf("node groups: %+v", r.NodeGroups)
	}
	ng := r.NodeGroups[0]
	if ng.InstanceType != "t4g.medium" || ng.Desired != 2 || ng.DiskGiB != 40 {
		t.Errorf("node group: %+v (disk must come from the launch template)", ng)
	}
	if r.NATGateways != 1 || r.EIPs != 1 || r.PublicSubnets != 2 || r.PrivateSubnets != 2 {
		t.Errorf("network: nat %d eip %d public %d private %d", r.NATGateways, r.EIPs, r.PublicSubnets, r.PrivateSubnets)
	}
	if len(r.InterfaceEndpoints) != 0 {
		t.Errorf("the S3 gateway endpoint was counted as an interface endpoint: %+v", r.InterfaceEndpoints)
	}
	if len(r.Databases) != 1 || r.Databases[0].Class != "db.t4g.micro" || r.Databases[0].MultiAZ || !r.Databases[0].ManagedMasterSecret {
		t.Errorf("databases: %+v", r.Databases)
	}
	kinds := map[string]bool{}
	for _, g := range r.LogGroups {
		kinds[g.Kind] = true
	}
	if !kinds["vpc_flow_logs"] || !kinds["eks_control_plane"] {
		t.Errorf("log groups not classified: %+v", r.LogGroups)
	}
	if r.KMSKeys != 1 || r.Secrets != 6 || r.Alarms != 6 || r.FlowLogs != 1 || r.Buckets != 2 {
		t.Errorf("counts: kms %d secrets %d alarms %d flow %d buckets %d", r.KMSKeys, r.Secrets, r.Alarms, r.FlowLogs, r.Buckets)
	}
}

func TestEstimateFixture(t *testing.T) {
	e, err := Compute(load(t, "testdata/dev-like.tf.json"), table(t), "dev", Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Each fixed line recomputed by hand from the list prices (730 h/month).
	want := map[string]float64{
		"EKS control plane":         730 * 0.10,
		"EC2 nodes":                 2 * 730 * 0.0336,
		"EBS node volumes (gp3)":    2 * 40 * 0.08,
		"NAT gateways":              730 * 0.045,
		"NAT data processing":       20 * 0.045,
		"Public IPv4 addresses":     (1 + 2) * 730 * 0.005,
		"Application Load Balancer": 730 * 0.0225,
		"ALB capacity units":        0.5 * 730 * 0.008,
		"RDS PostgreSQL instance":   730 * 0.016,
		"RDS storage (gp3)":         20 * 0.115,
		"KMS customer-managed keys": 1,
		"Secrets Manager secrets":   7 * 0.40,
		"CloudWatch alarms":         0.6,
		"CloudWatch Logs ingestion": (5 + 8 + 1) * 0.50,
		"S3 storage":                10 * 0.023,
	}
	var sum float64
	for item, usd := range want {
		l, ok := line(e, item)
		if !ok {
			t.Errorf("missing line %q", item)
			continue
		}
		if !near(l.Monthly, usd) {
			t.Errorf("%s = %.4f, want %.4f", item, l.Monthly, usd)
		}
	}
	for _, l := range e.Lines {
		sum += l.Monthly
	}
	if !near(sum, e.Total()) {
		t.Errorf("total %.2f != sum of lines %.2f", e.Total(), sum)
	}
	if _, ok := line(e, "VPC interface endpoints"); ok {
		t.Error("interface endpoints priced though none exist")
	}
	if _, ok := line(e, "Container Insights metrics"); ok {
		t.Error("Container Insights priced without the add-on")
	}
	var out bytes.Buffer
	e.Print(&out, Targets["dev"])
	for _, s := range []string{"TOTAL", "us-east-1", "2026-11-01", "not fetched live", "Target for dev: $200/month", "EC2 nodes", "general: 2 x t4g.medium", "https://aws.amazon.com/ec2/pricing/on-demand/"} {
		if !strings.Contains(out.String(), s) {
			t.Errorf("printed table lacks %q:\n%s", s, out.String())
		}
	}
}

func TestProdShapedResources(t *testing.T) {
	// Multi-AZ, three NATs, interface endpoints with list subnets, counted
	// resources, spot capacity and blocks rendered as lists.
	doc := `{"resource":{
	  "aws_eks_cluster":{"c":{"name":"p","version":"1.35"}},
	  "aws_eks_node_group":{"ng":{"node_group_name":"general","capacity_type":"SPOT","instance_types":["m7g.large"],"scaling_config":[{"desired_size":3}],"disk_size":50}},
	  "aws_nat_gateway":{"n":{"count":3}},
	  "aws_eip":{"e":{"count":3}},
	  "aws_subnet":{"pub":{"count":3,"map_public_ip_on_launch":true}},
	  "aws_db_instance":{"db":{"instance_class":"db.m7g.large","multi_az":true,"allocated_storage":100,"storage_type":"gp3","iops":4000}},
	  "aws_vpc_endpoint":{"sts":{"vpc_endpoint_type":"Interface","service_name":"com.amazonaws.us-east-1.sts","subnet_ids":["a","b","c"]}},
	  "aws_eks_addon":{"cw":{"addon_name":"amazon-cloudwatch-observability"}},
	  "aws_backup_selection":{"s":{"resources":["${aws_db_instance.db.arn}","${aws_s3_bucket.storage.arn}"]}}
	}}`
	r, err := Parse([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	e, err := Compute(r, table(t), "prod", Options{})
	if err != nil {
		t.Fatal(err)
	}
	checks := map[string]float64{
		"NAT gateways":               3 * 730 * 0.045,
		"RDS PostgreSQL instance":    2 * 730 * 0.168,
		"RDS storage (gp3)":          2 * 100 * 0.115,
		"RDS provisioned IOPS":       2 * 1000 * 0.02,
		"VPC interface endpoints":    3 * 730 * 0.01,
		"EC2 nodes":                  3 * 730 * 0.0816 * 0.4,
		"EBS node volumes (gp3)":     3 * 50 * 0.08,
		"Public IPv4 addresses":      (3 + 3) * 730 * 0.005,
		"Container Insights metrics": 3 * 6,
		"ALB capacity units":         2 * 730 * 0.008,
		"AWS Backup vault: RDS":      100 * 0.095,
		"AWS Backup vault: S3":       100 * 0.05,
	}
	for item, usd := range checks {
		l, ok := line(e, item)
		if !ok || !near(l.Monthly, usd) {
			t.Errorf("%s = %+v, want %.2f", item, l, usd)
		}
	}
	if l, _ := line(e, "EC2 nodes"); !strings.Contains(l.Detail, "spot") || !l.Assumed {
		t.Errorf("spot not flagged as an assumption: %+v", l)
	}
}

// TestAccessLogBucket: a bucket whose policy admits ELB's log writer is
// priced as access logs, apart from the data buckets; a bucket granting
// another account is not.
func TestAccessLogBucket(t *testing.T) {
	doc := `{"resource":{
	  "aws_eks_cluster":{"c":{"name":"p","version":"1.35"}},
	  "aws_s3_bucket":{"data":{"bucket":"d"},"logs":{"bucket":"l"},"shared":{"bucket":"s"}},
	  "aws_s3_bucket_policy":{
	    "logs":{"bucket":"${aws_s3_bucket.logs.id}","policy":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::127311923021:root\"},\"Action\":[\"s3:PutObject\"],\"Resource\":[\"${aws_s3_bucket.logs.arn}/alb/AWSLogs/111122223333/*\"]}]}"},
	    "shared":{"bucket":"${aws_s3_bucket.shared.id}","policy":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::444455556666:root\"},\"Action\":[\"s3:PutObject\"],\"Resource\":[\"${aws_s3_bucket.shared.arn}/*\"]}]}"}}
	}}`
	r, err := Parse([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if r.Buckets != 3 || r.AccessLogBuckets != 1 {
		t.Fatalf("buckets %d, access log buckets %d; want 3 and 1", r.Buckets, r.AccessLogBuckets)
	}
	e, err := Compute(r, table(t), "prod", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if l, ok := line(e, "S3 access logs"); !ok || !near(l.Monthly, 10*0.023) || !l.Assumed {
		t.Errorf("access log line %+v, want 10 GB at $0.023, assumed", l)
	}
	if l, _ := line(e, "S3 storage"); !strings.HasPrefix(l.Detail, "2 bucket(s)") {
		t.Errorf("S3 storage counts the access log bucket: %+v", l)
	}
}

func TestUnknownPricesAreErrors(t *testing.T) {
	doc := `{"resource":{"aws_eks_cluster":{"c":{}},"aws_eks_node_group":{"ng":{"instance_types":["x9z.huge"],"scaling_config":{"desired_size":1}}},"aws_db_instance":{"d":{"instance_class":"db.x9.huge"}}}}`
	r, err := Parse([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Compute(r, table(t), "dev", Options{})
	if err == nil || !strings.Contains(err.Error(), "x9z.huge") || !strings.Contains(err.Error(), "db.x9.huge") {
		t.Errorf("err = %v; want both unpriced types named", err)
	}
	if _, err := Parse([]byte(`{"output":{}}`)); err == nil {
		t.Error("document without resources accepted")
	}
	if _, err := LoadTable("eu-west-1"); err == nil {
		t.Error("missing regional table accepted")
	}
}

func TestPriceTableIsComplete(t *testing.T) {
	tb := table(t)
	if tb.FetchedLive || tb.AsOf == "" || !strings.Contains(tb.Note, "NOT fetched live") {
		t.Error("the table must say its date and that it was not fetched live")
	}
	for k, p := range tb.Prices {
		if !strings.HasPrefix(p.Source, "https://aws.amazon.com/") {
			t.Errorf("%s: source %q is not an AWS pricing page", k, p.Source)
		}
	}
	bad := []byte(`{"region":"us-east-1","as_of":"x","hours_per_month":730,"prices":{"eks_cluster_hour":{"usd":0.1}}}`)
	if _, err := ParseTable(bad); err == nil || !strings.Contains(err.Error(), "ebs_gp3_gb_month") {
		t.Errorf("incomplete table: %v", err)
	}
}

// TestSynthesizedStacks prices the real synthesized stacks when `make synth`
// has produced them, and checks that what the parser found is what the
// environment's configuration asked for (so a change in how infra/ renders a
// resource cannot silently drop it from the estimate).
func TestSynthesizedStacks(t *testing.T) {
	for _, name := range config.Names() {
		path := filepath.Join("..", "..", "..", "cdktf.out", "stacks", "supabase-"+name, "cdk.tf.json")
		if _, err := os.Stat(path); err != nil {
			t.Logf("%s not synthesized; skipping", path)
			continue
		}
		env, err := config.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		r := load(t, path)
		wantNAT := 1
		if env.Network.NAT == config.NATPerAZ {
			wantNAT = len(env.AvailabilityZones)
		}
		if r.NATGateways != wantNAT || r.PublicSubnets != len(env.AvailabilityZones) {
			t.Errorf("%s: %d NAT gateways, %d public subnets; config wants %d and %d", name, r.NATGateways, r.PublicSubnets, wantNAT, len(env.AvailabilityZones))
		}
		if len(r.NodeGroups) != len(env.Cluster.NodeGroups) {
			t.Fatalf("%s: %d node groups parsed, config has %d", name, len(r.NodeGroups), len(env.Cluster.NodeGroups))
		}
		for i, ng := range env.Cluster.NodeGroups {
			got := r.NodeGroups[i]
			if got.InstanceType != ng.InstanceTypes[0] || got.Desired != ng.DesiredSize || got.DiskGiB != ng.DiskGiB || got.CapacityType != ng.CapacityType {
				t.Errorf("%s: node group parsed as %+v; config %+v", name, got, ng)
			}
		}
		if len(r.Databases) != 1 || r.Databases[0].Class != env.Database.InstanceClass || r.Databases[0].MultiAZ != env.Database.MultiAZ || r.Databases[0].StorageGiB != env.Database.AllocatedStorageGiB {
			t.Errorf("%s: databases %+v; config %+v", name, r.Databases, env.Database)
		}
		if r.Secrets < len(outputs.SecretOrder) || r.KMSKeys < 1 || len(r.Clusters) != 1 {
			t.Errorf("%s: secrets %d, kms %d, clusters %d", name, r.Secrets, r.KMSKeys, len(r.Clusters))
		}
		if got := r.HasAddon("amazon-cloudwatch-observability"); got != env.Observability.ContainerInsights {
			t.Errorf("%s: Container Insights add-on %v, config %v", name, got, env.Observability.ContainerInsights)
		}
		if (r.AccessLogBuckets == 1) != env.Observability.AccessLogs || r.AccessLogBuckets > 1 {
			t.Errorf("%s: %d access log bucket(s) parsed; config accessLogs %v", name, r.AccessLogBuckets, env.Observability.AccessLogs)
		}
		e, err := Compute(r, table(t), name, Options{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		verdict := "within"
		if e.Total() > Targets[name] {
			verdict = "OVER"
		}
		t.Logf("%s: $%.2f/month, %s the $%.0f target", name, e.Total(), verdict, Targets[name])
	}
}

// The pooling choice: Supavisor costs no line of its own, its NLB does,
// and RDS Proxy, the managed alternative, is quoted from the instance's
// vCPUs (at least two).
func TestPoolerChoice(t *testing.T) {
	r := &Resources{Clusters: []Cluster{{Name: "c", Version: "1.35"}}, Databases: []Database{{Name: "db", Class: "db.m7g.xlarge"}}}
	base, err := Compute(r, table(t), "prod", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(base.Notes, "\n"), "RDS Proxy would add $43.80/month (4 vCPUs of db.m7g.xlarge") {
		t.Errorf("no RDS Proxy quote for 4 vCPUs:\n%s", strings.Join(base.Notes, "\n"))
	}
	with, err := Compute(r, table(t), "prod", Options{Pooler: Pooler{Enabled: true, Replicas: 2, CPURequest: "250m", MemoryRequest: "512Mi", NLB: true}})
	if err != nil {
		t.Fatal(err)
	}
	// 730 h x $0.0225 + 0.1 NLCU x 730 h x $0.006.
	if got, want := with.Total()-base.Total(), 730*0.0225+0.1*730*0.006; math.Abs(got-want) > 0.001 {
		t.Errorf("the pooler's NLB adds $%.2f, want $%.2f", got, want)
	}
	if !strings.Contains(strings.Join(with.Notes, "\n"), "Supavisor, 2 replica(s)") {
		t.Errorf("notes do not name the deployed pooler:\n%s", strings.Join(with.Notes, "\n"))
	}
	r.Databases[0].Class = "db.x9.huge"
	if _, err := Compute(r, table(t), "prod", Options{}); err == nil {
		t.Error("a class without vCPUs must be an error")
	}
}
