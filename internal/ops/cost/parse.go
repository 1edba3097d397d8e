package cost

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/supabase-eks/supabase-eks/infra/policy"
	"github.com/supabase-eks/supabase-eks/internal/artifacts"
	"github.com/supabase-eks/supabase-eks/internal/elblogs"
)

// Resources are the billable things found in a Terraform JSON document.
type Resources struct {
	Clusters           []Cluster
	NodeGroups         []NodeGroup
	NATGateways        int
	EIPs               int
	PublicSubnets      int
	PrivateSubnets     int
	Databases          []Database
	KMSKeys            int
	Secrets            int
	InterfaceEndpoints []Endpoint
	LogGroups          []LogGroup
	FlowLogs           int
	Alarms             int
	Buckets            int
	// AccessLogBuckets are the buckets among Buckets whose policy admits
	// ELB's access log writer.
	AccessLogBuckets int
	// WebACLs and WAFRules count the WAFv2 web ACLs and their rules.
	WebACLs, WAFRules int
	// Addons are the EKS managed add-on names.
	Addons []string
	// BackupSelections counts the AWS Backup selections; BackupRDS and
	// BackupS3 whether any selects a database instance or a bucket.
	BackupSelections    int
	BackupRDS, BackupS3 bool
}

// Cluster is an aws_eks_cluster.
type Cluster struct {
	Name    string
	Version string
}

// NodeGroup is an aws_eks_node_group joined with its launch template.
type NodeGroup struct {
	Name         string
	InstanceType string
	CapacityType string
	Desired      int
	DiskGiB      int
}

// Database is an aws_db_instance.
type Database struct {
	Name                string
	Class               string
	MultiAZ             bool
	StorageGiB          int
	StorageType         string
	IOPS                int
	ManagedMasterSecret bool
	LogExports          []string
}

// Endpoint is an interface VPC endpoint with one ENI per subnet.
type Endpoint struct {
	Service string
	ENIs    int
}

// LogGroup is an aws_cloudwatch_log_group classified by what writes to it.
type LogGroup struct {
	Name          string
	Kind          string
	RetentionDays int
}

var refRe = regexp.MustCompile(`\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.`)

// Parse reads the resources of a synthesized stack (cdk.tf.json or any
// Terraform JSON configuration).
func Parse(data []byte) (*Resources, error) {
	st, err := artifacts.ParseStack(data)
	if err != nil {
		return nil, fmt.Errorf("not Terraform JSON: %w", err)
	}
	if len(st.Resources) == 0 {
		return nil, fmt.Errorf("no \"resource\" block: is this a synthesized stack?")
	}
	r := &Resources{}
	each := func(typ string, fn func(name string, body map[string]any, count int)) {
		st.Each(typ, func(n string, body map[string]any) {
			c := 1
			if v, ok := body["count"]; ok {
				c = toInt(v, 1)
			}
			fn(n, body, c)
		})
	}
	flowDest := map[string]bool{}
	each("aws_flow_log", func(_ string, b map[string]any, c int) {
		r.FlowLogs += c
		if m := refRe.FindStringSubmatch(str(b["log_destination"])); m != nil && m[1] == "aws_cloudwatch_log_group" {
			flowDest[m[2]] = true
		}
	})
	each("aws_eks_cluster", func(n string, b map[string]any, c int) {
		for i := 0; i < c; i++ {
			r.Clusters = append(r.Clusters, Cluster{Name: orStr(str(b["name"]), n), Version: str(b["version"])})
		}
	})
	type lt struct {
		instanceType string
		disk         int
	}
	templates := map[string]lt{}
	each("aws_launch_template", func(n string, b map[string]any, _ int) {
		t := lt{instanceType: str(b["instance_type"])}
		for _, bdm := range blocks(b["block_device_mappings"]) {
			for _, ebs := range blocks(bdm["ebs"]) {
				t.disk += toInt(ebs["volume_size"], 0)
			}
		}
		templates[n] = t
	})
	each("aws_eks_node_group", func(n string, b map[string]any, c int) {
		ng := NodeGroup{Name: orStr(str(b["node_group_name"]), n), CapacityType: orStr(str(b["capacity_type"]), "ON_DEMAND"), DiskGiB: toInt(b["disk_size"], 0)}
		if types := list(b["instance_types"]); len(types) > 0 {
			ng.InstanceType = str(types[0])
		}
		for _, sc := range blocks(b["scaling_config"]) {
			ng.Desired = toInt(sc["desired_size"], 0)
		}
		for _, ltb := range blocks(b["launch_template"]) {
			ref := refRe.FindStringSubmatch(str(ltb["id"]) + str(ltb["name"]))
			if ref == nil || ref[1] != "aws_launch_template" {
				continue
			}
			t := templates[ref[2]]
			if ng.InstanceType == "" {
				ng.InstanceType = t.instanceType
			}
			if t.disk > 0 {
				ng.DiskGiB = t.disk
			}
		}
		if ng.DiskGiB == 0 {
			ng.DiskGiB = 20 // EKS default root volume without a launch template
		}
		for i := 0; i < c; i++ {
			r.NodeGroups = append(r.NodeGroups, ng)
		}
	})
	each("aws_nat_gateway", func(_ string, b map[string]any, c int) {
		if str(b["connectivity_type"]) != "private" {
			r.NATGateways += c
		}
	})
	each("aws_eip", func(_ string, _ map[string]any, c int) { r.EIPs += c })
	each("aws_subnet", func(_ string, b map[string]any, c int) {
		tags := object(b["tags"])
		switch {
		case toBool(b["map_public_ip_on_launch"]) || str(tags["kubernetes.io/role/elb"]) == "1":
			r.PublicSubnets += c
		case str(tags["kubernetes.io/role/internal-elb"]) == "1":
			r.PrivateSubnets += c
		}
	})
	each("aws_db_instance", func(n string, b map[string]any, c int) {
		db := Database{
			Name:                orStr(str(b["identifier"]), n),
			Class:               str(b["instance_class"]),
			MultiAZ:             toBool(b["multi_az"]),
			StorageGiB:          toInt(b["allocated_storage"], 0),
			StorageType:         orStr(str(b["storage_type"]), "gp2"),
			IOPS:                toInt(b["iops"], 0),
			ManagedMasterSecret: toBool(b["manage_master_user_password"]),
		}
		for _, e := range list(b["enabled_cloudwatch_logs_exports"]) {
			db.LogExports = append(db.LogExports, str(e))
		}
		for i := 0; i < c; i++ {
			r.Databases = append(r.Databases, db)
		}
	})
	each("aws_kms_key", func(_ string, _ map[string]any, c int) { r.KMSKeys += c })
	each("aws_backup_selection", func(_ string, b map[string]any, c int) {
		r.BackupSelections += c
		for _, res := range list(b["resources"]) {
			s := str(res)
			r.BackupRDS = r.BackupRDS || strings.Contains(s, "aws_db_instance.") || strings.Contains(s, ":rds:")
			r.BackupS3 = r.BackupS3 || strings.Contains(s, "aws_s3_bucket.") || strings.HasPrefix(s, "arn:aws:s3:::")
		}
	})
	each("aws_secretsmanager_secret", func(_ string, _ map[string]any, c int) { r.Secrets += c })
	each("aws_vpc_endpoint", func(n string, b map[string]any, c int) {
		if !strings.EqualFold(str(b["vpc_endpoint_type"]), "Interface") {
			return // gateway endpoints (S3, DynamoDB) are free
		}
		enis := len(list(b["subnet_ids"]))
		if enis == 0 {
			enis = r.PrivateSubnets // a list token: assume one ENI per private subnet
		}
		svc := str(b["service_name"])
		if i := strings.LastIndex(svc, "."); i >= 0 && strings.HasPrefix(svc, "com.amazonaws.") {
			svc = strings.TrimPrefix(svc, "com.amazonaws.")
			svc = svc[strings.Index(svc, ".")+1:]
		}
		for i := 0; i < c; i++ {
			r.InterfaceEndpoints = append(r.InterfaceEndpoints, Endpoint{Service: orStr(svc, n), ENIs: enis})
		}
	})
	each("aws_cloudwatch_log_group", func(n string, b map[string]any, c int) {
		name := str(b["name"])
		kind := "other"
		switch {
		case flowDest[n]:
			kind = "vpc_flow_logs"
		case strings.HasPrefix(name, "/aws/eks/"):
			kind = "eks_control_plane"
		case strings.HasPrefix(name, "/aws/rds/"):
			kind = "rds"
		case strings.HasPrefix(name, "/aws/containerinsights/"):
			kind = "container_insights"
		}
		for i := 0; i < c; i++ {
			r.LogGroups = append(r.LogGroups, LogGroup{Name: orStr(name, n), Kind: kind, RetentionDays: toInt(b["retention_in_days"], 0)})
		}
	})
	each("aws_cloudwatch_metric_alarm", func(_ string, _ map[string]any, c int) { r.Alarms += c })
	each("aws_s3_bucket", func(_ string, _ map[string]any, c int) { r.Buckets += c })
	each("aws_s3_bucket_policy", func(_ string, b map[string]any, c int) {
		if doc, err := policy.Parse(str(b["policy"])); err == nil && elblogs.Delivers(doc) {
			r.AccessLogBuckets += c
		}
	})
	each("aws_wafv2_web_acl", func(_ string, b map[string]any, c int) {
		var rules []any
		_ = json.Unmarshal([]byte(str(b["rule_json"])), &rules)
		r.WebACLs += c
		r.WAFRules += c * len(rules)
	})
	each("aws_eks_addon", func(_ string, b map[string]any, _ int) { r.Addons = append(r.Addons, str(b["addon_name"])) })
	sort.Strings(r.Addons)
	return r, nil
}

// HasAddon reports whether an EKS managed add-on is installed.
func (r *Resources) HasAddon(name string) bool {
	for _, a := range r.Addons {
		if a == name {
			return true
		}
	}
	return false
}

// blocks accepts a nested block rendered as an object or as a list of objects
// (CDKTF uses both, depending on the block's max items).
func blocks(v any) []map[string]any {
	switch t := v.(type) {
	case map[string]any:
		return []map[string]any{t}
	case []any:
		var out []map[string]any
		for _, e := range t {
			if m, ok := e.(map[string]any); ok {
				out = append(out, m)
			}
		}
		return out
	}
	return nil
}

func object(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func list(v any) []any {
	l, _ := v.([]any)
	return l
}

func str(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(t)
	}
	return ""
}

func orStr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func toInt(v any, def int) int {
	switch t := v.(type) {
	case float64:
		return int(t)
	case string:
		if n, err := strconv.Atoi(t); err == nil {
			return n
		}
	}
	return def
}

func toBool(v any) bool {
	switch t := v.(type) {
	case bool:
		return t
	case string:
		return t == "true"
	}
	return false
}
