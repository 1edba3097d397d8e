package stack

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/aws/jsii-runtime-go"
	"github.com/hashicorp/terraform-cdk-go/cdktf"

	"github.com/supabase-eks/supabase-eks/infra/cluster"
	"github.com/supabase-eks/supabase-eks/infra/deployer"
	"github.com/supabase-eks/supabase-eks/infra/identity"
	"github.com/supabase-eks/supabase-eks/infra/observability"
	"github.com/supabase-eks/supabase-eks/infra/policy"
	"github.com/supabase-eks/supabase-eks/internal/capacity"
	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/names"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/internal/nodewarn"
	"github.com/supabase-eks/supabase-eks/internal/rdsclass"
)

// synthesized holds each test environment's cdk.tf.json, decoded.
var (
	synthesized = map[string]map[string]any{}
	rawJSON     = map[string][]byte{}
	envs        = map[string]config.Environment{}
	stacks      = map[string]*Stack{}
	// synthDir holds cdktf.out of the test environments while the tests run.
	synthDir string
)

// variant is dev with every optional feature switched on, and with
// teardown settings unlike both dev's and prod's, so that tests see the
// settings, not the environment's name, decide them.
func variant() config.Environment {
	e := config.Dev()
	e.Name = "variant"
	e.Network.InterfaceEndpoints = true
	e.Cluster.PublicAccessCIDRs = []string{"203.0.113.0/24"}
	e.Observability.AlarmEmail = "oncall@example.com"
	e.Teardown = config.Teardown{ForceDestroyBuckets: false, SecretRecoveryWindowDays: 7}
	return e
}

// withZone is dev with a domain in a Route 53 zone and no certificate of its
// own: the stack issues one. Its access logs are off, for the tests of an
// environment without them.
func withZone() config.Environment {
	e := config.Dev()
	e.Name = "zoned"
	e.Domain.Name, e.Domain.HostedZoneID = "api.dev.example.com", "Z0123456789ABCDEFGHIJ"
	e.Observability.AccessLogs = false
	return e
}

// newRegion is dev in a region launched after August 2022.
func newRegion() config.Environment {
	e := config.Dev()
	e.Name = "newregion"
	e.Region, e.State.Region = "eu-central-2", "eu-central-2"
	e.AvailabilityZones = []string{"eu-central-2a", "eu-central-2b"}
	return e
}

// restored is dev after two point-in-time restores: its database is the
// second restored instance, made from the first.
func restored() config.Environment {
	e := config.Dev()
	e.Name = "restored"
	e.Database.PointInTimeRestore = &config.PointInTimeRestore{SourceIdentifier: "supabase-restored-pitr-20261101t0000z", Time: "2026-11-02T10:30:00Z"}
	return e
}

func TestMain(m *testing.M) {
	nodewarn.Silence()
	dir, err := os.MkdirTemp("", "infra-synth-")
	if err != nil {
		panic(err)
	}
	for _, e := range []config.Environment{config.Dev(), config.Prod(), variant(), withZone(), newRegion(), restored()} {
		if err := e.Validate(); err != nil && e.Name != "variant" {
			panic(err)
		}
		envs[e.Name] = e
	}
	synthDir = dir
	app := cdktf.NewApp(&cdktf.AppConfig{Outdir: jsii.String(dir)})
	for name, e := range envs {
		stacks[name] = New(app, e)
	}
	app.Synth()
	for name, e := range envs {
		data, err := os.ReadFile(filepath.Join(dir, "stacks", e.StackName(), "cdk.tf.json"))
		if err != nil {
			panic(err)
		}
		var doc map[string]any
		if err := json.Unmarshal(data, &doc); err != nil {
			panic(err)
		}
		synthesized[name], rawJSON[name] = doc, data
	}
	code := m.Run()
	jsii.Close()
	os.RemoveAll(dir)
	os.Exit(code)
}

// resources returns every resource of a type, keyed by logical name.
func resources(env, typ string) map[string]map[string]any {
	out := map[string]map[string]any{}
	all, _ := synthesized[env]["resource"].(map[string]any)
	for name, r := range all[typ].(map[string]any) {
		out[name] = r.(map[string]any)
	}
	return out
}

func hasType(env, typ string) bool {
	all, _ := synthesized[env]["resource"].(map[string]any)
	_, ok := all[typ]
	return ok
}

func only(t *testing.T, env, typ string) map[string]any {
	t.Helper()
	rs := resources(env, typ)
	if len(rs) != 1 {
		t.Fatalf("%s: want one %s, got %d", env, typ, len(rs))
	}
	for _, r := range rs {
		return r
	}
	return nil
}

func get(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				return nil
			}
			v = m[k]
		case int:
			l, ok := v.([]any)
			if !ok || k >= len(l) {
				return nil
			}
			v = l[k]
		}
	}
	return v
}

func str(v any) string { s, _ := v.(string); return s }

func strList(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

var stackEnvs = []string{"dev", "prod"}

func TestBackendIsS3WithNativeLockingAndEncryption(t *testing.T) {
	for _, env := range stackEnvs {
		s3 := get(synthesized[env], "terraform", "backend", "s3")
		if get(s3, "use_lockfile") != true || get(s3, "encrypt") != true || str(get(s3, "bucket")) == "" ||
			str(get(s3, "key")) != envs[env].State.Key {
			t.Errorf("%s: backend %v", env, s3)
		}
		if str(get(synthesized[env], "terraform", "required_providers", "aws", "version")) != ProviderConstraint {
			t.Errorf("%s: provider constraint not pinned", env)
		}
		if bytes.Contains(rawJSON[env], []byte(os.TempDir())) || bytes.Contains(rawJSON[env], []byte("/root/")) {
			t.Errorf("%s: machine path in cdk.tf.json", env)
		}
		prov := get(synthesized[env], "provider", "aws", 0)
		if fmt.Sprint(get(prov, "allowed_account_ids")) != "["+envs[env].AccountID+"]" || get(prov, "default_tags", 0, "tags", "Environment") != env {
			t.Errorf("%s: provider %v", env, prov)
		}
	}
}

func TestNetwork(t *testing.T) {
	for _, env := range stackEnvs {
		e := envs[env]
		plan := e.Subnets()
		if str(only(t, env, "aws_vpc")["cidr_block"]) != e.Network.VpcCIDR {
			t.Errorf("%s: VPC CIDR", env)
		}
		tiers := map[string][]string{}
		for name, s := range resources(env, "aws_subnet") {
			tier := str(get(s, "tags", "tier"))
			tiers[tier] = append(tiers[tier], str(s["cidr_block"]))
			switch tier {
			case "public":
				if get(s, "tags", "kubernetes.io/role/elb") != "1" {
					t.Errorf("%s: public subnet %s lacks kubernetes.io/role/elb", env, name)
				}
				if s["map_public_ip_on_launch"] != false {
					t.Errorf("%s: public subnet %s auto-assigns public IPs", env, name)
				}
			case "private":
				if get(s, "tags", "kubernetes.io/role/internal-elb") != "1" {
					t.Errorf("%s: private subnet %s lacks kubernetes.io/role/internal-elb", env, name)
				}
			}
		}
		for tier, want := range map[string][]string{"public": plan.Public, "private": plan.Private, "database": plan.Database} {
			got := tiers[tier]
			sort.Strings(got)
			w := append([]string{}, want...)
			sort.Strings(w)
			if strings.Join(got, ",") != strings.Join(w, ",") {
				t.Errorf("%s: %s subnets %v, want %v", env, tier, got, w)
			}
		}
		wantNAT := 1
		if e.Network.NAT == config.NATPerAZ {
			wantNAT = len(e.AvailabilityZones)
		}
		if n := len(resources(env, "aws_nat_gateway")); n != wantNAT {
			t.Errorf("%s: %d NAT gateways, want %d", env, n, wantNAT)
		}
		// The database tier's route table must have no route at all (only the
		// implicit local one); every explicit route belongs to another tier.
		var dbRT string
		for name, rt := range resources(env, "aws_route_table") {
			if strings.HasSuffix(str(get(rt, "tags", "Name")), "-database") {
				dbRT = name
			}
		}
		if dbRT == "" {
			t.Fatalf("%s: no database route table", env)
		}
		for name, r := range resources(env, "aws_route") {
			if strings.Contains(str(r["route_table_id"]), dbRT) {
				t.Errorf("%s: route %s in the database route table", env, name)
			}
		}
		natRoutes := 0
		for _, r := range resources(env, "aws_route") {
			if strings.Contains(str(r["nat_gateway_id"]), "aws_nat_gateway") {
				natRoutes++
			}
		}
		if natRoutes != len(e.AvailabilityZones) {
			t.Errorf("%s: %d private default routes via NAT, want one per zone", env, natRoutes)
		}
		fl := only(t, env, "aws_flow_log")
		if fl["traffic_type"] != "ALL" || fl["log_destination_type"] != "cloud-watch-logs" {
			t.Errorf("%s: flow log %v", env, fl)
		}
		for name, lg := range resources(env, "aws_cloudwatch_log_group") {
			if !strings.Contains(str(lg["kms_key_id"]), "aws_kms_key") || lg["retention_in_days"] == nil {
				t.Errorf("%s: log group %s not KMS-encrypted with retention", env, name)
			}
		}
		sg := only(t, env, "aws_default_security_group")
		if sg["ingress"] != nil || sg["egress"] != nil {
			t.Errorf("%s: default security group has rules", env)
		}
		endpoints := map[string]string{}
		for _, ep := range resources(env, "aws_vpc_endpoint") {
			endpoints[str(ep["service_name"])] = str(ep["vpc_endpoint_type"])
		}
		if endpoints["com.amazonaws."+e.Region+".s3"] != "Gateway" {
			t.Errorf("%s: no S3 gateway endpoint", env)
		}
		if len(endpoints) != 1 {
			t.Errorf("%s: interface endpoints present while disabled: %v", env, endpoints)
		}
	}
	var ifaces []string
	for _, ep := range resources("variant", "aws_vpc_endpoint") {
		if ep["vpc_endpoint_type"] == "Interface" {
			ifaces = append(ifaces, strings.TrimPrefix(str(ep["service_name"]), "com.amazonaws.us-east-1."))
		}
	}
	sort.Strings(ifaces)
	if strings.Join(ifaces, ",") != "ecr.api,ecr.dkr,logs,secretsmanager,sts" {
		t.Errorf("interface endpoints with the flag on: %v", ifaces)
	}
}

func TestNoSecurityGroupOpenToTheInternet(t *testing.T) {
	for _, env := range append(stackEnvs, "variant") {
		for _, typ := range []string{"aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"} {
			if !hasType(env, typ) {
				continue
			}
			for name, r := range resources(env, typ) {
				if c := str(r["cidr_ipv4"]); c == "0.0.0.0/0" || str(r["cidr_ipv6"]) == "::/0" {
					t.Errorf("%s: %s %s open to the internet", env, typ, name)
				}
			}
		}
	}
}

func TestEKS(t *testing.T) {
	for _, env := range append(stackEnvs, "variant") {
		e := envs[env]
		c := only(t, env, "aws_eks_cluster")
		if c["version"] != e.Cluster.KubernetesVersion {
			t.Errorf("%s: version %v", env, c["version"])
		}
		vpc := get(c, "vpc_config")
		if get(vpc, "endpoint_private_access") != true {
			t.Errorf("%s: private endpoint off", env)
		}
		public := len(e.Cluster.PublicAccessCIDRs) > 0
		if get(vpc, "endpoint_public_access") != public {
			t.Errorf("%s: public endpoint %v, want %v", env, get(vpc, "endpoint_public_access"), public)
		}
		if public && fmt.Sprint(get(vpc, "public_access_cidrs")) != fmt.Sprint([]any{"203.0.113.0/24"}) {
			t.Errorf("%s: public access CIDRs %v", env, get(vpc, "public_access_cidrs"))
		}
		if n := len(get(vpc, "subnet_ids").([]any)); n != len(e.AvailabilityZones) || !strings.Contains(fmt.Sprint(get(vpc, "subnet_ids")), "private") {
			t.Errorf("%s: control plane subnets %v", env, get(vpc, "subnet_ids"))
		}
		if fmt.Sprint(strList(c["enabled_cluster_log_types"])) != fmt.Sprint(cluster.ControlPlaneLogTypes) {
			t.Errorf("%s: log types %v", env, c["enabled_cluster_log_types"])
		}
		if fmt.Sprint(get(c, "encryption_config", "resources")) != "[secrets]" || !strings.Contains(str(get(c, "encryption_config", "provider", "key_arn")), "aws_kms_key") {
			t.Errorf("%s: secrets envelope encryption %v", env, c["encryption_config"])
		}
		if get(c, "access_config", "authentication_mode") != "API" || get(c, "access_config", "bootstrap_cluster_creator_admin_permissions") != false {
			t.Errorf("%s: access config %v", env, c["access_config"])
		}
		entries := resources(env, "aws_eks_access_entry")
		assoc := resources(env, "aws_eks_access_policy_association")
		// The configured admins plus the deployer role.
		if len(entries) != len(e.Cluster.AdminPrincipalARNs)+1 || len(assoc) != len(entries) {
			t.Errorf("%s: %d access entries / %d policies for %d admins and the deployer", env, len(entries), len(assoc), len(e.Cluster.AdminPrincipalARNs))
		}
		oidc := only(t, env, "aws_iam_openid_connect_provider")
		if fmt.Sprint(oidc["client_id_list"]) != "[sts.amazonaws.com]" || oidc["thumbprint_list"] != nil {
			t.Errorf("%s: OIDC provider %v", env, oidc)
		}
		for name, lt := range resources(env, "aws_launch_template") {
			md := get(lt, "metadata_options")
			if get(md, "http_tokens") != "required" || get(md, "http_put_response_hop_limit") != float64(1) {
				t.Errorf("%s: %s metadata options %v", env, name, md)
			}
			ebs := get(lt, "block_device_mappings", 0, "ebs")
			if get(ebs, "volume_type") != "gp3" || get(ebs, "encrypted") != "true" {
				t.Errorf("%s: %s root volume %v", env, name, ebs)
			}
		}
		groups := resources(env, "aws_eks_node_group")
		if len(groups) != len(e.Cluster.NodeGroups) {
			t.Fatalf("%s: %d node groups", env, len(groups))
		}
		for _, ng := range e.Cluster.NodeGroups {
			var g map[string]any
			for _, cand := range groups {
				if cand["node_group_name"] == ng.Name {
					g = cand
				}
			}
			if g == nil {
				t.Fatalf("%s: node group %s missing", env, ng.Name)
			}
			sc := get(g, "scaling_config")
			if get(sc, "min_size") != float64(ng.MinSize) || get(sc, "max_size") != float64(ng.MaxSize) || get(g, "capacity_type") != ng.CapacityType {
				t.Errorf("%s: node group %s scaling %v", env, ng.Name, sc)
			}
			if !strings.Contains(fmt.Sprint(g["subnet_ids"]), "private") || strings.Contains(fmt.Sprint(g["subnet_ids"]), "public") {
				t.Errorf("%s: node group %s not in private subnets", env, ng.Name)
			}
			if get(g, "launch_template", "id") == nil {
				t.Errorf("%s: node group %s without the hardened launch template", env, ng.Name)
			}
		}
		asgTags := map[string]string{}
		for _, tag := range resources(env, "aws_autoscaling_group_tag") {
			asgTags[str(get(tag, "tag", "key"))] = str(get(tag, "tag", "value"))
		}
		if asgTags["k8s.io/cluster-autoscaler/enabled"] != "true" || asgTags["k8s.io/cluster-autoscaler/"+e.ResourcePrefix()] != "owned" {
			t.Errorf("%s: ASG auto-discovery tags %v", env, asgTags)
		}
		addons := map[string]map[string]any{}
		for _, a := range resources(env, "aws_eks_addon") {
			addons[str(a["addon_name"])] = a
		}
		for _, name := range []string{"vpc-cni", "coredns", "kube-proxy", "aws-ebs-csi-driver"} {
			if addons[name] == nil {
				t.Errorf("%s: add-on %s missing", env, name)
			}
		}
		var cni map[string]any
		_ = json.Unmarshal([]byte(str(addons["vpc-cni"]["configuration_values"])), &cni)
		if cni["enableNetworkPolicy"] != "true" || !strings.Contains(str(addons["vpc-cni"]["service_account_role_arn"]), "aws_iam_role") {
			t.Errorf("%s: vpc-cni must enforce NetworkPolicies and use IRSA: %v", env, addons["vpc-cni"])
		}
		if !strings.Contains(str(addons["aws-ebs-csi-driver"]["service_account_role_arn"]), "aws_iam_role") {
			t.Errorf("%s: EBS CSI driver without its IRSA role", env)
		}
		if (addons["amazon-cloudwatch-observability"] != nil) != e.Observability.ContainerInsights {
			t.Errorf("%s: CloudWatch observability add-on presence != flag", env)
		}
	}
}

func TestRDS(t *testing.T) {
	for _, env := range stackEnvs {
		d := envs[env].Database
		db := only(t, env, "aws_db_instance")
		want := map[string]any{
			"engine": "postgres", "engine_version": d.EngineVersion, "instance_class": d.InstanceClass,
			"multi_az": d.MultiAZ, "storage_type": "gp3", "storage_encrypted": true,
			"backup_retention_period": float64(d.BackupRetentionDays), "backup_window": d.BackupWindow,
			"maintenance_window": d.MaintenanceWindow, "copy_tags_to_snapshot": true,
			"deletion_protection": d.DeletionProtection, "skip_final_snapshot": d.SkipFinalSnapshot,
			"performance_insights_enabled": true, "iam_database_authentication_enabled": true,
			"manage_master_user_password": true, "publicly_accessible": false,
			"monitoring_interval": float64(d.MonitoringIntervalSeconds),
		}
		for k, v := range want {
			if db[k] != v {
				t.Errorf("%s: aws_db_instance.%s = %v, want %v", env, k, db[k], v)
			}
		}
		for _, k := range []string{"kms_key_id", "master_user_secret_kms_key_id", "performance_insights_kms_key_id"} {
			if !strings.Contains(str(db[k]), "aws_kms_key") {
				t.Errorf("%s: %s not the project key", env, k)
			}
		}
		if db["password"] != nil || db["password_wo"] != nil {
			t.Errorf("%s: a password in Terraform", env)
		}
		if db["max_allocated_storage"].(float64) <= db["allocated_storage"].(float64) {
			t.Errorf("%s: storage autoscaling off", env)
		}
		if fmt.Sprint(db["enabled_cloudwatch_logs_exports"]) != "[postgresql upgrade]" {
			t.Errorf("%s: log exports %v", env, db["enabled_cloudwatch_logs_exports"])
		}
		groups := map[string]bool{}
		for _, lg := range resources(env, "aws_cloudwatch_log_group") {
			groups[str(lg["name"])] = true
		}
		for _, kind := range []string{"postgresql", "upgrade"} {
			if !groups["/aws/rds/instance/"+envs[env].ResourcePrefix()+"/"+kind] {
				t.Errorf("%s: RDS %s log group not managed (retention, KMS)", env, kind)
			}
		}
		if !strings.Contains(str(db["monitoring_role_arn"]), "aws_iam_role") {
			t.Errorf("%s: enhanced monitoring role", env)
		}
		if envs[env].IsProd() && (db["final_snapshot_identifier"] == nil || db["multi_az"] != true || d.BackupRetentionDays < 14) {
			t.Errorf("prod: final snapshot, Multi-AZ and 14 days of backups required")
		}
		if !envs[env].IsProd() && d.BackupRetentionDays < 7 {
			t.Errorf("dev: backups below a week")
		}
		if !strings.Contains(str(get(only(t, env, "aws_db_subnet_group"), "subnet_ids")), "") {
			t.Errorf("%s: subnet group", env)
		}
		if ids := fmt.Sprint(only(t, env, "aws_db_subnet_group")["subnet_ids"]); !strings.Contains(ids, "database") || strings.Contains(ids, "private") {
			t.Errorf("%s: DB subnet group not on the database subnets: %s", env, ids)
		}
		params := map[string]string{}
		for _, p := range only(t, env, "aws_db_parameter_group")["parameter"].([]any) {
			params[str(get(p, "name"))] = str(get(p, "value"))
		}
		for k, v := range map[string]string{"rds.logical_replication": "1", "rds.force_ssl": "1", "shared_preload_libraries": "pg_stat_statements"} {
			if params[k] != v {
				t.Errorf("%s: parameter %s = %q, want %q", env, k, params[k], v)
			}
		}
		if params["max_slot_wal_keep_size"] == "" {
			t.Errorf("%s: max_slot_wal_keep_size unset", env)
		}
		if !strings.HasPrefix(str(only(t, env, "aws_db_parameter_group")["family"]), "postgres1") {
			t.Errorf("%s: parameter group family", env)
		}
		// The instance admits the database clients' group only: not the
		// cluster group every node and pod carries. That group is what the
		// outputs hand to the SecurityGroupPolicy in dist/.
		rules := resources(env, "aws_vpc_security_group_ingress_rule")
		clientsGroup := ""
		for name, sg := range resources(env, "aws_security_group") {
			if str(sg["name"]) == names.DBClientSecurityGroup(envs[env].ResourcePrefix()) {
				clientsGroup = "${aws_security_group." + name + ".id}"
			}
		}
		if clientsGroup == "" {
			t.Fatalf("%s: no database clients security group", env)
		}
		var dbRules int
		for _, r := range rules {
			if strings.Contains(str(r["security_group_id"]), "database_sg") {
				dbRules++
				if r["from_port"] != float64(5432) || r["to_port"] != float64(5432) || str(r["referenced_security_group_id"]) != clientsGroup || r["cidr_ipv4"] != nil {
					t.Errorf("%s: DB ingress rule %v, want 5432 from %s only", env, r, clientsGroup)
				}
			}
			if str(r["security_group_id"]) == clientsGroup {
				t.Errorf("%s: the clients group admits traffic (%v); the pods keep the cluster group for that", env, r)
			}
		}
		if dbRules != 1 {
			t.Errorf("%s: %d ingress rules on the DB security group, want exactly 1", env, dbRules)
		}
		if got := str(get(synthesized[env], "output", "db_client_security_group_id", "value")); got != clientsGroup {
			t.Errorf("%s: output db_client_security_group_id = %s, want %s", env, got, clientsGroup)
		}
		if got := str(get(synthesized[env], "output", "cluster_security_group_id", "value")); !strings.Contains(got, "cluster_security_group_id") {
			t.Errorf("%s: output cluster_security_group_id = %s", env, got)
		}
		// Pod security groups: the VPC resource controller needs its
		// policy on the cluster role, the CNI must hand out branch
		// interfaces, and the kubelet's probes must reach them.
		found := false
		for _, a := range resources(env, "aws_iam_role_policy_attachment") {
			found = found || strings.HasSuffix(str(a["policy_arn"]), "/AmazonEKSVPCResourceController")
		}
		if !found {
			t.Errorf("%s: the cluster role lacks AmazonEKSVPCResourceController: no pod gets the clients group, none reaches the database", env)
		}
		for _, a := range resources(env, "aws_eks_addon") {
			if str(a["addon_name"]) != "vpc-cni" {
				continue
			}
			var cni struct {
				Env  map[string]string `json:"env"`
				Init struct {
					Env map[string]string `json:"env"`
				} `json:"init"`
				EnableNetworkPolicy string `json:"enableNetworkPolicy"`
			}
			if err := json.Unmarshal([]byte(str(a["configuration_values"])), &cni); err != nil {
				t.Fatalf("%s: vpc-cni configuration: %v", env, err)
			}
			if cni.Env["ENABLE_POD_ENI"] != "true" || cni.Env["POD_SECURITY_GROUP_ENFORCING_MODE"] != "standard" || cni.Init.Env["DISABLE_TCP_EARLY_DEMUX"] != "true" || cni.EnableNetworkPolicy != "true" {
				t.Errorf("%s: vpc-cni configuration %s: want pod ENIs in standard mode, TCP early demux off, network policy on", env, str(a["configuration_values"]))
			}
		}
	}
}

// bucketPart returns the one resource of a type configuring the bucket
// with the given logical name.
func bucketPart(t *testing.T, env, bucket, typ string) map[string]any {
	t.Helper()
	ref := "aws_s3_bucket." + bucket + ".id"
	for _, r := range resources(env, typ) {
		if strings.Contains(str(r["bucket"]), ref) {
			return r
		}
	}
	t.Errorf("%s: bucket %s has no %s", env, bucket, typ)
	return map[string]any{}
}

// accessLogBucket returns the logical name and body of the access log
// bucket, or "" when the environment has none.
func accessLogBucket(env string) (string, map[string]any) {
	e := envs[env]
	for name, b := range resources(env, "aws_s3_bucket") {
		if str(b["bucket"]) == names.AccessLogBucket(e.ResourcePrefix(), e.AccountID) {
			return name, b
		}
	}
	return "", nil
}

func TestS3Buckets(t *testing.T) {
	for _, env := range stackEnvs {
		buckets := resources(env, "aws_s3_bucket")
		if logs, _ := accessLogBucket(env); logs != "" {
			delete(buckets, logs) // TestAccessLogBucket
		}
		// The bootstrap stack owns a retained backups bucket.
		want := 2
		if envs[env].Database.RetainBackupsOnDestroy {
			want = 1
		}
		if len(buckets) != want {
			t.Fatalf("%s: %d buckets, want %d", env, len(buckets), want)
		}
		for name := range buckets {
			find := func(typ string) map[string]any { return bucketPart(t, env, name, typ) }
			pab := find("aws_s3_bucket_public_access_block")
			for _, k := range []string{"block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"} {
				if pab[k] != true {
					t.Errorf("%s: %s %s not set", env, name, k)
				}
			}
			if get(find("aws_s3_bucket_ownership_controls"), "rule", "object_ownership") != "BucketOwnerEnforced" {
				t.Errorf("%s: %s ownership not enforced", env, name)
			}
			if get(find("aws_s3_bucket_versioning"), "versioning_configuration", "status") != "Enabled" {
				t.Errorf("%s: %s not versioned", env, name)
			}
			rule := get(find("aws_s3_bucket_server_side_encryption_configuration"), "rule", 0)
			if get(rule, "apply_server_side_encryption_by_default", "sse_algorithm") != "aws:kms" || get(rule, "bucket_key_enabled") != true ||
				!strings.Contains(str(get(rule, "apply_server_side_encryption_by_default", "kms_master_key_id")), "aws_kms_key") {
				t.Errorf("%s: %s encryption %v", env, name, rule)
			}
			doc, err := policy.Parse(str(find("aws_s3_bucket_policy")["policy"]))
			if err != nil || len(doc.Statement) == 0 || doc.Statement[0].Effect != "Deny" || doc.Statement[0].Condition["Bool"]["aws:SecureTransport"] != "false" {
				t.Errorf("%s: %s is not TLS-only: %v %v", env, name, doc, err)
			}
			lc := fmt.Sprint(find("aws_s3_bucket_lifecycle_configuration")["rule"])
			if !strings.Contains(lc, "abort_incomplete_multipart_upload") || !strings.Contains(lc, "noncurrent_version_expiration") {
				t.Errorf("%s: %s lifecycle %s", env, name, lc)
			}
		}
	}
}

func TestKMSAndSecretsHoldNoValues(t *testing.T) {
	for _, env := range stackEnvs {
		key := projectKey(t, env)
		if key["enable_key_rotation"] != true || str(key["policy"]) == "" {
			t.Errorf("%s: KMS key %v", env, key)
		}
		secrets := resources(env, "aws_secretsmanager_secret")
		if len(secrets) != len(outputs.SecretOrder) {
			t.Errorf("%s: %d secrets, want %d", env, len(secrets), len(outputs.SecretOrder))
		}
		for name, s := range secrets {
			if !strings.Contains(str(s["kms_key_id"]), "aws_kms_key") {
				t.Errorf("%s: secret %s not on the project key", env, name)
			}
		}
		for _, forbidden := range []string{"aws_secretsmanager_secret_version", "random_password", "secret_string", "secret_string_wo", "\"password\""} {
			if bytes.Contains(rawJSON[env], []byte(forbidden)) {
				t.Errorf("%s: %s appears in the Terraform JSON", env, forbidden)
			}
		}
		for name, o := range synthesized[env]["output"].(map[string]any) {
			if get(o, "sensitive") == true {
				t.Errorf("%s: output %s is sensitive: the contract carries no secrets", env, name)
			}
		}
	}
}

var irsaSubRe = regexp.MustCompile(`^system:serviceaccount:([a-z0-9-]+):([a-z0-9-]+)$`)

func TestIRSARolesTrustExactlyOneServiceAccount(t *testing.T) {
	for _, env := range stackEnvs {
		e := envs[env]
		seen := map[string]bool{}
		for name, r := range resources(env, "aws_iam_role") {
			doc, err := policy.Parse(str(r["assume_role_policy"]))
			if err != nil {
				t.Fatalf("%s: %s trust: %v", env, name, err)
			}
			st := doc.Statement[0]
			if _, ok := st.Principal["Federated"]; !ok {
				continue
			}
			if len(doc.Statement) != 1 || fmt.Sprint(st.Action) != "[sts:AssumeRoleWithWebIdentity]" {
				t.Errorf("%s: %s trust %v", env, name, doc)
			}
			eq := st.Condition["StringEquals"]
			var sub, aud string
			for k, v := range eq {
				if strings.HasSuffix(k, ":sub") {
					sub = v.(string)
				}
				if strings.HasSuffix(k, ":aud") {
					aud = v.(string)
				}
			}
			m := irsaSubRe.FindStringSubmatch(sub)
			if m == nil || aud != "sts.amazonaws.com" || len(st.Condition) != 1 {
				t.Errorf("%s: %s trust not pinned to one service account: %v", env, name, st.Condition)
				continue
			}
			seen[m[1]+"/"+m[2]] = true
		}
		for _, role := range outputs.RequiredRoles {
			sa := outputs.ServiceAccounts[role]
			if !seen[sa.Namespace+"/"+sa.Name] {
				t.Errorf("%s: no IRSA role trusts %s/%s (%s)", env, sa.Namespace, sa.Name, role)
			}
		}
		if !seen["kube-system/aws-node"] {
			t.Errorf("%s: VPC CNI has no IRSA role", env)
		}
		if seen["amazon-cloudwatch/cloudwatch-agent"] != e.Observability.ContainerInsights {
			t.Errorf("%s: CloudWatch role presence != flag", env)
		}
	}
}

// wildcardAllowed lists statements that must use "*" (APIs without
// resource-level permissions, or the key policy's "this key").
var wildcardAllowed = map[string]bool{
	"AccountAdministersKeyThroughIAM": true, "CloudWatchLogsEncryptsThisAccountsGroups": true, "SNSAndCloudWatchAlarmsUseKeyForTopic": true,
	"DescribeScalingState": true, "CreateELBServiceLinkedRole": true, "DescribeNetworkAndLoadBalancers": true, "LookUpCertificatesAndFirewalls": true,
	"ReportBackupSuccess": true,
}

func TestPoliciesNameTheirResources(t *testing.T) {
	for _, env := range stackEnvs {
		docs := map[string]string{"aws_kms_key": str(projectKey(t, env)["policy"])}
		for name, p := range resources(env, "aws_iam_role_policy") {
			docs[name] = str(p["policy"])
		}
		for name, raw := range docs {
			doc, err := policy.Parse(raw)
			if err != nil {
				t.Fatalf("%s: %s: %v", env, name, err)
			}
			for _, st := range doc.Statement {
				for _, r := range st.Resource {
					if r == "*" && !wildcardAllowed[st.Sid] {
						t.Errorf("%s: %s statement %q uses Resource \"*\"", env, name, st.Sid)
					}
				}
				for _, a := range st.Action {
					if (a == "*" || strings.HasSuffix(a, ":*")) && st.Sid != "AccountAdministersKeyThroughIAM" && st.Effect == "Allow" {
						t.Errorf("%s: %s statement %q allows %s", env, name, st.Sid, a)
					}
				}
			}
		}
		byName := func(sub string) policy.Document {
			for name, p := range resources(env, "aws_iam_role_policy") {
				if strings.Contains(name, sub) {
					d, _ := policy.Parse(str(p["policy"]))
					return d
				}
			}
			t.Fatalf("%s: no policy %s", env, sub)
			return policy.Document{}
		}
		eso := byName("identity_external_secrets-policy")
		res := fmt.Sprint(eso.Statement[0].Resource)
		if strings.Count(res, "aws_secretsmanager_secret.") != len(outputs.SecretOrder) || !strings.Contains(res, "master_user_secret") {
			t.Errorf("%s: ESO reads %s", env, res)
		}
		st := byName("identity_storage-policy")
		for _, s := range st.Statement {
			for _, r := range s.Resource {
				if !strings.Contains(r, "aws_s3_bucket.storage_6") && !strings.Contains(r, "aws_kms_key") {
					t.Errorf("%s: storage role reaches %s", env, r)
				}
			}
		}
		bk := byName("identity_db_backup-policy")
		if !strings.HasSuffix(bk.Statement[0].Resource[0], "/pg_dump/*") || strings.Contains(fmt.Sprint(bk.Statement[0].Action), "Delete") {
			t.Errorf("%s: backup role %v", env, bk.Statement[0])
		}
		ca := byName("identity_cluster_autoscaler-policy")
		if ca.Statement[1].Condition["StringEquals"]["aws:ResourceTag/k8s.io/cluster-autoscaler/"+envs[env].ResourcePrefix()] != "owned" {
			t.Errorf("%s: cluster autoscaler may scale groups it does not own: %v", env, ca.Statement[1])
		}
	}
}

// TestLoadBalancerControllerPolicyCoversUpstream compares with the
// controller's documented policy when the reference copy is available.
func TestLoadBalancerControllerPolicyCoversUpstream(t *testing.T) {
	path := os.Getenv("LBC_IAM_POLICY")
	if path == "" {
		path = "../../../shared/vendor/aws-load-balancer-controller-v3.5.0/iam_policy.main-2026.json"
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("upstream policy not available (%v); set LBC_IAM_POLICY", err)
	}
	upstream, err := policy.Parse(string(data))
	if err != nil {
		t.Fatal(err)
	}
	ours := map[string]bool{}
	for _, st := range identity.LoadBalancerControllerPolicy("us-east-1", "111122223333", "supabase-dev").Statement {
		for _, a := range st.Action {
			ours[a] = true
		}
	}
	for _, st := range upstream.Statement {
		for _, a := range st.Action {
			if !ours[a] {
				t.Errorf("controller action %s missing", a)
			}
		}
	}
}

func TestOutputsContract(t *testing.T) {
	for _, env := range stackEnvs {
		got := synthesized[env]["output"].(map[string]any)
		var want []string
		for _, f := range outputs.Fields() {
			want = append(want, f.Name)
			if got[f.Name] == nil {
				t.Errorf("%s: output %s missing", env, f.Name)
			} else if get(got[f.Name], "description") == "" {
				t.Errorf("%s: output %s undocumented", env, f.Name)
			}
		}
		if len(got) != len(want) {
			t.Errorf("%s: %d outputs, contract has %d", env, len(got), len(want))
		}
	}
	if str(get(synthesized["prod"]["output"], "domain", "value")) != envs["prod"].Domain.Name {
		t.Error("prod: domain output")
	}
}

// TestTeardownSettings: the buckets' force_destroy and the secrets'
// recovery window are teardown.forceDestroyBuckets and
// teardown.secretRecoveryWindowDays; a retained bucket is never
// force-destroyed.
func TestTeardownSettings(t *testing.T) {
	for _, env := range append(stackEnvs, "variant") {
		e := envs[env]
		for name, b := range resources(env, "aws_s3_bucket") {
			retained := get(b, "lifecycle", "prevent_destroy") == true
			if want := e.Teardown.ForceDestroyBuckets && !retained; b["force_destroy"] != want {
				t.Errorf("%s: %s force_destroy %v, want %v (teardown.forceDestroyBuckets %v, retained %v)", env, name, b["force_destroy"], want, e.Teardown.ForceDestroyBuckets, retained)
			}
		}
		secrets := resources(env, "aws_secretsmanager_secret")
		if len(secrets) == 0 {
			t.Fatalf("%s: no secrets", env)
		}
		for name, s := range secrets {
			if got := s["recovery_window_in_days"]; got != float64(e.Teardown.SecretRecoveryWindowDays) {
				t.Errorf("%s: %s recovery_window_in_days %v, want teardown.secretRecoveryWindowDays %d", env, name, got, e.Teardown.SecretRecoveryWindowDays)
			}
		}
	}
}

// TestOutputsCarryWhatKubernetesFollows: the Kubernetes side reads the
// interface endpoints and the engine and Kubernetes versions from the
// outputs, so the outputs must say what the stack built.
func TestOutputsCarryWhatKubernetesFollows(t *testing.T) {
	for _, env := range append(stackEnvs, "variant") {
		e := envs[env]
		out := synthesized[env]["output"]
		if got := get(out, "interface_endpoints", "value"); got != e.Network.InterfaceEndpoints {
			t.Errorf("%s: output interface_endpoints %v, want network.interfaceEndpoints %v", env, got, e.Network.InterfaceEndpoints)
		}
		if got := get(out, "db_engine_version", "value"); got != only(t, env, "aws_db_instance")["engine_version"] {
			t.Errorf("%s: output db_engine_version %v, want the instance's %v", env, got, only(t, env, "aws_db_instance")["engine_version"])
		}
		if got := get(out, "kubernetes_version", "value"); got != only(t, env, "aws_eks_cluster")["version"] {
			t.Errorf("%s: output kubernetes_version %v, want the cluster's %v", env, got, only(t, env, "aws_eks_cluster")["version"])
		}
	}
}

func TestAlarms(t *testing.T) {
	for _, env := range stackEnvs {
		metrics := map[string]bool{}
		for _, a := range resources(env, "aws_cloudwatch_metric_alarm") {
			metrics[str(a["metric_name"])] = true
			if !strings.Contains(fmt.Sprint(a["alarm_actions"]), "aws_sns_topic") {
				t.Errorf("%s: alarm %v has no action", env, a["alarm_name"])
			}
		}
		for _, m := range []string{"CPUUtilization", "FreeStorageSpace", "DatabaseConnections", "OldestReplicationSlotLag", "HTTPCode_Target_5XX_Count", "TargetResponseTime"} {
			if !metrics[m] {
				t.Errorf("%s: no alarm on %s", env, m)
			}
		}
		if !strings.Contains(str(only(t, env, "aws_sns_topic")["kms_master_key_id"]), "aws_kms_key") {
			t.Errorf("%s: alarm topic unencrypted", env)
		}
	}
}

// A day without a successful logical backup alarms (missing data is a
// missed backup), and the backup role may report into that namespace only.
func TestMissedBackupAlarms(t *testing.T) {
	for _, env := range stackEnvs {
		found := false
		for _, a := range resources(env, "aws_cloudwatch_metric_alarm") {
			q := fmt.Sprint(a["metric_query"])
			if !strings.Contains(q, outputs.BackupMetricName) {
				continue
			}
			found = true
			// Hourly sums, empty hours as 0, alarm after 25 such hours in a row.
			if !strings.Contains(q, "FILL(successes, 0)") || !strings.Contains(q, outputs.BackupMetricNamespace) || !strings.Contains(q, "period:3600") ||
				a["evaluation_periods"] != float64(observability.BackupAlarmHours) || a["datapoints_to_alarm"] != float64(observability.BackupAlarmHours) ||
				str(a["comparison_operator"]) != "LessThanThreshold" || !strings.Contains(q, "Environment:"+env) {
				t.Errorf("%s: backup alarm %v", env, a)
			}
		}
		if !found {
			t.Errorf("%s: no alarm on a missed backup", env)
		}
		for _, rp := range resources(env, "aws_iam_role_policy") {
			doc := str(rp["policy"])
			if !strings.Contains(doc, "cloudwatch:PutMetricData") {
				continue
			}
			if !strings.Contains(str(rp["name"]), "db-backup") || !strings.Contains(doc, `"cloudwatch:namespace":"`+outputs.BackupMetricNamespace+`"`) {
				t.Errorf("%s: PutMetricData in %s without the backup namespace condition: %s", env, rp["name"], doc)
			}
		}
	}
}

// Alarms reach someone in prod, and RDS's own events (failover, failure,
// low storage) go to the same topic, which RDS may encrypt for.
func TestRDSEventsAndAlarmSubscribers(t *testing.T) {
	for _, env := range stackEnvs {
		sub := only(t, env, "aws_db_event_subscription")
		if !strings.Contains(str(sub["sns_topic"]), "aws_sns_topic") || str(sub["source_type"]) != "db-instance" {
			t.Errorf("%s: RDS event subscription %v", env, sub)
		}
		cats := strList(sub["event_categories"])
		for _, want := range []string{"failover", "failure", "low storage"} {
			if !slices.Contains(cats, want) {
				t.Errorf("%s: RDS events lack %q: %v", env, want, cats)
			}
		}
		key := str(projectKey(t, env)["policy"])
		if !strings.Contains(key, "events.rds.amazonaws.com") {
			t.Errorf("%s: the key of the alarm topic does not let RDS events publish to it", env)
		}
	}
	if subs := resources("prod", "aws_sns_topic_subscription"); len(subs) == 0 {
		t.Error("prod: nobody is subscribed to the alarm topic")
	}
}

// RDS would create its log groups itself (unencrypted, never expiring) if
// the instance came first.
func TestRDSLogGroupsBeforeTheInstance(t *testing.T) {
	for _, env := range stackEnvs {
		deps := fmt.Sprint(only(t, env, "aws_db_instance")["depends_on"])
		n := 0
		for name, lg := range resources(env, "aws_cloudwatch_log_group") {
			if strings.HasPrefix(str(lg["name"]), "/aws/rds/instance/") {
				n++
				if !strings.Contains(deps, "aws_cloudwatch_log_group."+name) {
					t.Errorf("%s: the DB instance does not depend on %s", env, lg["name"])
				}
			}
		}
		if n == 0 {
			t.Errorf("%s: no RDS log groups", env)
		}
	}
}

// Nodes join only after the VPC CNI add-on is configured (network policy
// enforcement on), so no pod runs under the default CNI first.
func TestVPCCNIBeforeNodes(t *testing.T) {
	for _, env := range stackEnvs {
		cni := ""
		for name, a := range resources(env, "aws_eks_addon") {
			if str(a["addon_name"]) == "vpc-cni" {
				cni = "aws_eks_addon." + name
				if strings.Contains(fmt.Sprint(a["depends_on"]), "aws_eks_node_group") {
					t.Errorf("%s: the vpc-cni add-on waits for the nodes", env)
				}
			}
		}
		if cni == "" {
			t.Fatalf("%s: no vpc-cni add-on", env)
		}
		for name, ng := range resources(env, "aws_eks_node_group") {
			if !slices.Contains(strList(ng["depends_on"]), cni) {
				t.Errorf("%s: node group %s does not depend on %s (plain address): %v", env, name, cni, ng["depends_on"])
			}
		}
	}
}

func TestSynthesisIsDeterministic(t *testing.T) {
	dir := t.TempDir()
	app := cdktf.NewApp(&cdktf.AppConfig{Outdir: jsii.String(dir)})
	New(app, envs["dev"])
	app.Synth()
	again, err := os.ReadFile(filepath.Join(dir, "stacks", "supabase-dev", "cdk.tf.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, rawJSON["dev"]) {
		t.Fatal("two syntheses of dev differ")
	}
}

// TestDeployerPolicyCoversEveryResourceType keeps the generated deployer
// policy (bootstrap stack, README) in step with what the stacks create.
func TestDeployerPolicyCoversEveryResourceType(t *testing.T) {
	used := map[string]bool{}
	for env := range synthesized {
		for typ := range synthesized[env]["resource"].(map[string]any) {
			used[typ] = true
		}
	}
	var types []string
	for typ := range used {
		types = append(types, typ)
	}
	sort.Strings(types)
	if _, err := deployer.Services(types); err != nil {
		t.Fatal(err)
	}
	for _, typ := range deployer.ResourceTypes() {
		if !used[typ] {
			t.Errorf("deployer maps %s, which no stack creates: remove it", typ)
		}
	}
	doc := deployer.Policy(deployer.AllServices(), deployer.Scope{Region: "us-east-1", AccountID: "111122223333", Prefix: "supabase", StateBucket: "state"})
	for _, st := range doc.Statement {
		if st.Effect == "Allow" && st.Resource[0] == "*" && st.Condition == nil {
			t.Errorf("deployer statement %s: unconditioned \"*\"", st.Sid)
		}
	}
}

// allows reports whether some Allow statement of doc grants action on arn
// (conditions are taken as met: this checks names, not context).
func allows(doc policy.Document, action, arn string) bool {
	for _, st := range doc.Statement {
		if st.Effect != "Allow" {
			continue
		}
		if st.Names(action, arn) {
			return true
		}
	}
	return false
}

// TestDeployerMayManageWhatTheStacksName checks the deployer policy against
// the ARNs the stacks really create, not only the resource types: every log
// group, role, bucket, secret, topic and alarm, and the calls `make deploy`
// makes besides Terraform (secret values, the load balancer lookup).
func TestDeployerMayManageWhatTheStacksName(t *testing.T) {
	b := config.Bootstrap()
	doc := deployer.Policy(deployer.AllServices(), deployer.Scope{Region: b.Region, AccountID: b.AccountID, Prefix: b.Prefix, StateBucket: b.StateBucket})
	for _, env := range stackEnvs {
		e := envs[env]
		acct, region := e.AccountID, e.Region
		type want struct{ action, arn string }
		var wants []want
		for _, lg := range resources(env, "aws_cloudwatch_log_group") {
			wants = append(wants, want{"logs:CreateLogGroup", fmt.Sprintf("arn:aws:logs:%s:%s:log-group:%s", region, acct, str(lg["name"]))},
				want{"logs:PutRetentionPolicy", fmt.Sprintf("arn:aws:logs:%s:%s:log-group:%s", region, acct, str(lg["name"]))})
		}
		for _, r := range resources(env, "aws_iam_role") {
			wants = append(wants, want{"iam:CreateRole", fmt.Sprintf("arn:aws:iam::%s:role/%s", acct, str(r["name"]))})
		}
		for _, bk := range resources(env, "aws_s3_bucket") {
			wants = append(wants, want{"s3:CreateBucket", "arn:aws:s3:::" + str(bk["bucket"])})
		}
		for _, s := range resources(env, "aws_secretsmanager_secret") {
			arn := fmt.Sprintf("arn:aws:secretsmanager:%s:%s:secret:%s-AbCdEf", region, acct, str(s["name"]))
			wants = append(wants, want{"secretsmanager:CreateSecret", arn}, want{"secretsmanager:PutSecretValue", arn}, want{"secretsmanager:GetSecretValue", arn})
		}
		for _, tp := range resources(env, "aws_sns_topic") {
			wants = append(wants, want{"sns:CreateTopic", fmt.Sprintf("arn:aws:sns:%s:%s:%s", region, acct, str(tp["name"]))})
		}
		for _, a := range resources(env, "aws_cloudwatch_metric_alarm") {
			wants = append(wants, want{"cloudwatch:PutMetricAlarm", fmt.Sprintf("arn:aws:cloudwatch:%s:%s:alarm:%s", region, acct, str(a["alarm_name"]))})
		}
		wants = append(wants, want{"elasticloadbalancing:DescribeLoadBalancers", "*"}, want{"rds:DescribeCertificates", "*"})
		if len(wants) < 20 {
			t.Fatalf("%s: only %d named resources found; the test reads the wrong thing", env, len(wants))
		}
		for _, w := range wants {
			if !allows(doc, w.action, w.arn) {
				t.Errorf("%s: the deployer may not %s on %s", env, w.action, w.arn)
			}
		}
		// The deployer is cluster-admin of each environment's cluster.
		found := false
		for _, ae := range resources(env, "aws_eks_access_entry") {
			found = found || str(ae["principal_arn"]) == deployer.RoleARN(acct, e.Project)
		}
		if !found {
			t.Errorf("%s: no EKS access entry for the deployer role: its addons and apply steps would be refused", env)
		}
	}
	// The matcher itself can say no.
	if allows(doc, "logs:CreateLogGroup", "arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/other") {
		t.Fatal("the deployer may create any log group; the matcher or the policy is wrong")
	}
}

// TestLoadBalancerControllerIsClusterScoped: dev's controller cannot touch
// prod's load balancer, listeners, rules, target groups or security groups.
func TestLoadBalancerControllerIsClusterScoped(t *testing.T) {
	doc := identity.LoadBalancerControllerPolicy("us-east-1", "111122223333", "supabase-dev")
	elb := func(res string) string { return "arn:aws:elasticloadbalancing:us-east-1:111122223333:" + res }
	prod := map[string][]string{
		elb("loadbalancer/app/supabase-prod/50dc6c495c0c9188"): {
			"elasticloadbalancing:ModifyLoadBalancerAttributes", "elasticloadbalancing:DeleteLoadBalancer",
			"elasticloadbalancing:CreateListener", "elasticloadbalancing:SetWebAcl", "wafv2:DisassociateWebACL", "wafv2:AssociateWebACL",
		},
		elb("listener/app/supabase-prod/50dc6c495c0c9188/f2f7dc8efc522ab2"): {
			"elasticloadbalancing:ModifyListener", "elasticloadbalancing:DeleteListener", "elasticloadbalancing:CreateRule", "elasticloadbalancing:AddTags",
		},
		elb("listener-rule/app/supabase-prod/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee"): {
			"elasticloadbalancing:ModifyRule", "elasticloadbalancing:DeleteRule", "elasticloadbalancing:SetRulePriorities",
		},
		// prod's connection pooler NLB.
		elb("loadbalancer/net/" + names.PoolerLoadBalancer("supabase-prod") + "/60dc6c495c0c9188"): {
			"elasticloadbalancing:CreateListener", "elasticloadbalancing:DeleteLoadBalancer",
		},
		elb("listener/net/" + names.PoolerLoadBalancer("supabase-prod") + "/60dc6c495c0c9188/f2f7dc8efc522ab2"): {
			"elasticloadbalancing:ModifyListener", "elasticloadbalancing:DeleteListener",
		},
	}
	// dev's own pooler NLB, named as k8s/components renders it.
	own := elb("loadbalancer/net/" + names.PoolerLoadBalancer("supabase-dev") + "/60dc6c495c0c9188")
	for _, a := range []string{"elasticloadbalancing:CreateListener", "elasticloadbalancing:ModifyListener"} {
		if !allows(doc, a, own) {
			t.Errorf("dev's controller may not %s on its own pooler NLB %s", a, own)
		}
	}
	for arn, actions := range prod {
		for _, a := range actions {
			if allows(doc, a, arn) {
				t.Errorf("dev's controller may %s on prod's %s", a, arn)
			}
		}
	}
	// Resources with generated names are scoped by the ownership tag's
	// value: every condition on it names this cluster (or, for Null,
	// only says the request does not set it).
	mutating := 0
	for _, st := range doc.Statement {
		for op, keys := range st.Condition {
			for key, v := range keys {
				if !strings.Contains(key, "elbv2.k8s.aws/cluster") && key != "aws:ResourceTag/aws:eks:cluster-name" {
					continue
				}
				if op == "Null" && v != "true" {
					t.Errorf("%s: %s %s = %v accepts any cluster's tag", st.Sid, op, key, v)
				}
				if op == "StringEquals" && v != "supabase-dev" {
					t.Errorf("%s: %s %s = %v, want the cluster's name", st.Sid, op, key, v)
				}
			}
		}
		// The load balancers, listeners and rules acted on must be named
		// (a web ACL being attached is not the thing protected here).
		named := true
		for _, r := range st.Resource {
			if strings.Contains(r, ":elasticloadbalancing:") || strings.Contains(r, ":ec2:") {
				named = named && (strings.Contains(r, "/supabase-dev/") || strings.Contains(r, "/"+names.PoolerLoadBalancer("supabase-dev")+"/"))
			}
		}
		cond := fmt.Sprint(st.Condition)
		for _, a := range st.Action {
			if strings.Contains(a, ":Describe") || strings.Contains(a, ":Get") || strings.Contains(a, ":List") || strings.HasPrefix(a, "shield:") ||
				strings.HasPrefix(a, "iam:") || strings.HasPrefix(a, "acm:") || strings.HasPrefix(a, "cognito-idp:") || a == "ec2:CreateSecurityGroup" {
				continue
			}
			mutating++
			if !named && !strings.Contains(cond, "supabase-dev") {
				t.Errorf("%s: %s is scoped neither by this cluster's name nor by its tag", st.Sid, a)
			}
		}
	}
	if mutating < 20 {
		t.Fatalf("only %d mutating actions found; the test reads the wrong thing", mutating)
	}
}

// decide evaluates a request against a policy the way IAM does for one
// identity policy: an explicit Deny wins, then any Allow whose action,
// resource and conditions match. Conditions: StringEquals, StringLike,
// ArnEquals, ArnLike, Bool, ForAnyValue:StringEquals (values string or
// list; a context value is one string) and Null; a key missing from the
// request context fails every operator but Null.
func decide(doc policy.Document, action, resource string, ctx map[string]string) bool {
	matches := func(st policy.Statement) bool {
		if !st.Names(action, resource) {
			return false
		}
		for op, keys := range st.Condition {
			for key, want := range keys {
				var values []string
				switch v := want.(type) {
				case string:
					values = []string{v}
				case []string:
					values = v
				case bool:
					values = []string{fmt.Sprint(v)}
				default:
					return false
				}
				got, present := ctx[key]
				ok := false
				switch op {
				case "Null":
					ok = (values[0] == "true") == !present
				case "StringEquals", "ArnEquals", "ForAnyValue:StringEquals", "Bool":
					ok = present && slices.Contains(values, got)
				case "StringLike", "ArnLike":
					for _, v := range values {
						ok = ok || (present && policy.Match(v, got))
					}
				default:
					return false
				}
				if !ok {
					return false
				}
			}
		}
		return true
	}
	for _, st := range doc.Statement {
		if st.Effect == "Deny" && matches(st) {
			return false
		}
	}
	for _, st := range doc.Statement {
		if st.Effect == "Allow" && matches(st) {
			return true
		}
	}
	return false
}

// TestDeployerCannotEscalate: the deployer role may build the project's
// roles the way the stacks do and nothing more: not edit itself, not attach
// another managed policy, not hand a role to another service, not delete
// state.
func TestDeployerCannotEscalate(t *testing.T) {
	b := config.Bootstrap()
	doc := deployer.Policy(deployer.AllServices(), deployer.Scope{Region: b.Region, AccountID: b.AccountID, Prefix: b.Prefix, StateBucket: b.StateBucket})
	role := func(name string) string { return "arn:aws:iam::" + b.AccountID + ":role/" + name }
	self := deployer.RoleARN(b.AccountID, b.Prefix)
	state := "arn:aws:s3:::" + b.StateBucket + "/" + envs["prod"].State.Key
	boundary := deployer.BoundaryARN(b.AccountID, b.Prefix)
	bounded := func(kv ...string) map[string]string {
		m := map[string]string{"iam:PermissionsBoundary": boundary}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return m
	}
	type req struct {
		action, resource string
		ctx              map[string]string
	}
	denied := map[string]req{
		"inline *:* on itself":                  {"iam:PutRolePolicy", self, nil},
		"AdministratorAccess on itself":         {"iam:AttachRolePolicy", self, map[string]string{"iam:PolicyARN": "arn:aws:iam::aws:policy/AdministratorAccess"}},
		"an allowed managed policy on itself":   {"iam:AttachRolePolicy", self, map[string]string{"iam:PolicyARN": deployer.ManagedPolicies[0]}},
		"trust anyone on itself":                {"iam:UpdateAssumeRolePolicy", self, nil},
		"AdministratorAccess on a project role": {"iam:AttachRolePolicy", role("supabase-dev-anything"), bounded("iam:PolicyARN", "arn:aws:iam::aws:policy/AdministratorAccess")},
		"a customer policy on a project role":   {"iam:AttachRolePolicy", role("supabase-dev-anything"), map[string]string{"iam:PolicyARN": "arn:aws:iam::" + b.AccountID + ":policy/admin"}},
		"a project role passed to EC2":          {"iam:PassRole", role("supabase-dev-node"), map[string]string{"iam:PassedToService": "ec2.amazonaws.com"}},
		"a project role passed to Lambda":       {"iam:PassRole", role("supabase-dev-node"), map[string]string{"iam:PassedToService": "lambda.amazonaws.com"}},
		"a role outside the project":            {"iam:CreateRole", role("other-admin"), nil},
		"a user":                                {"iam:CreateUser", "arn:aws:iam::" + b.AccountID + ":user/backdoor", nil},
		"deleting the prod state":               {"s3:DeleteObject", state, nil},
		"a role without the boundary":           {"iam:CreateRole", role("supabase-dev-free"), nil},
		"a role with another boundary":          {"iam:CreateRole", role("supabase-dev-free"), map[string]string{"iam:PermissionsBoundary": "arn:aws:iam::aws:policy/AdministratorAccess"}},
		"an inline policy on an unbounded role": {"iam:PutRolePolicy", role("supabase-dev-free"), nil},
		"removing a role's boundary":            {"iam:DeleteRolePermissionsBoundary", role("supabase-dev-node"), bounded()},
		"widening the boundary":                 {"iam:CreatePolicyVersion", boundary, nil},
		"widening its own policy":               {"iam:SetDefaultPolicyVersion", "arn:aws:iam::" + b.AccountID + ":policy/" + deployer.PolicyName(b.Prefix, 1), nil},
	}
	for name, r := range denied {
		if decide(doc, r.action, r.resource, r.ctx) {
			t.Errorf("escalation allowed: %s (%s on %s)", name, r.action, r.resource)
		}
	}
	allowed := map[string]req{
		"create a project role":      {"iam:CreateRole", role("supabase-prod-eks-cluster"), bounded()},
		"an inline policy on it":     {"iam:PutRolePolicy", role("supabase-prod-storage"), bounded()},
		"the EKS cluster policy":     {"iam:AttachRolePolicy", role("supabase-prod-eks-cluster"), bounded("iam:PolicyARN", "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy")},
		"the node role to EKS":       {"iam:PassRole", role("supabase-prod-node"), map[string]string{"iam:PassedToService": "eks.amazonaws.com"}},
		"the flow-log role":          {"iam:PassRole", role("supabase-prod-flow-logs"), map[string]string{"iam:PassedToService": "vpc-flow-logs.amazonaws.com"}},
		"write the state":            {"s3:PutObject", state, nil},
		"unlock the state":           {"s3:DeleteObject", state + ".tflock", nil},
		"the deploy's secret values": {"secretsmanager:PutSecretValue", "arn:aws:secretsmanager:" + b.Region + ":" + b.AccountID + ":secret:supabase-prod/jwt-AbCdEf", nil},
		"find the load balancer":     {"elasticloadbalancing:DescribeLoadBalancers", "*", map[string]string{"aws:RequestedRegion": b.Region}},
		"the RDS CA thumbprints":     {"rds:DescribeCertificates", "*", map[string]string{"aws:RequestedRegion": b.Region}},
		"an RDS log group":           {"logs:CreateLogGroup", "arn:aws:logs:" + b.Region + ":" + b.AccountID + ":log-group:" + "/aws/rds/instance/supabase-prod/postgresql", nil},
	}
	for name, r := range allowed {
		if !decide(doc, r.action, r.resource, r.ctx) {
			t.Errorf("needed by make deploy but denied: %s (%s on %s)", name, r.action, r.resource)
		}
	}
	// The managed-policy list is what the stacks attach, exactly.
	attached := map[string]bool{}
	for _, env := range stackEnvs {
		for _, a := range resources(env, "aws_iam_role_policy_attachment") {
			attached[str(a["policy_arn"])] = true
		}
	}
	if got, want := slices.Sorted(maps.Keys(attached)), slices.Sorted(slices.Values(deployer.ManagedPolicies)); !slices.Equal(got, want) {
		t.Errorf("the stacks attach %v, deployer.ManagedPolicies lists %v", got, want)
	}
}

// TestProdWebACL: prod's ALB gets a web ACL the stack creates: a rate limit
// per client address and the AWS managed groups, with the rules that would
// block Supabase's own traffic (request bodies, query-string size) only
// counting; the outputs contract hands its ARN to the Ingress. dev has none.
func TestProdWebACL(t *testing.T) {
	if hasType("dev", "aws_wafv2_web_acl") {
		t.Error("dev creates a web ACL; it is prod's (domain.createWaf)")
	}
	acl := only(t, "prod", "aws_wafv2_web_acl")
	if str(acl["scope"]) != "REGIONAL" || get(acl, "default_action", "allow") == nil {
		t.Errorf("web ACL scope/default: %v %v", acl["scope"], acl["default_action"])
	}
	var rules []map[string]any
	if err := json.Unmarshal([]byte(str(acl["rule_json"])), &rules); err != nil {
		t.Fatalf("rule_json: %v", err)
	}
	groups := map[string]map[string]any{}
	rate := 0.0
	for _, r := range rules {
		if g, ok := get(r, "Statement", "ManagedRuleGroupStatement").(map[string]any); ok {
			groups[str(g["Name"])] = g
		}
		if l, ok := get(r, "Statement", "RateBasedStatement", "Limit").(float64); ok && get(r, "Action", "Block") != nil {
			rate = l
		}
	}
	if rate != float64(envs["prod"].Domain.WAFRateLimit) {
		t.Errorf("rate limit %v, want domain.wafRateLimit %d", rate, envs["prod"].Domain.WAFRateLimit)
	}
	for _, g := range []string{"AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesCommonRuleSet", "AWSManagedRulesSQLiRuleSet"} {
		if groups[g] == nil {
			t.Errorf("no %s", g)
		}
	}
	counted := map[string]bool{}
	for _, g := range groups {
		if list, ok := g["RuleActionOverrides"].([]any); ok {
			for _, o := range list {
				if get(o, "ActionToUse", "Count") != nil {
					counted[str(get(o, "Name"))] = true
				}
			}
		}
	}
	for _, r := range []string{"SizeRestrictions_BODY", "SQLi_BODY", "CrossSiteScripting_BODY"} {
		if !counted[r] {
			t.Errorf("%s blocks: Storage uploads, Studio's SQL editor or stored HTML text would be refused", r)
		}
	}
	out := fmt.Sprint(get(synthesized["prod"], "output", "waf_acl_arn", "value"))
	if !strings.Contains(out, "aws_wafv2_web_acl.") {
		t.Errorf("output waf_acl_arn = %s, want the created web ACL's ARN", out)
	}
}

// Every role the environment stacks create carries the permissions boundary
// the deployer requires.
func TestRolesCarryTheBoundary(t *testing.T) {
	for _, env := range stackEnvs {
		want := deployer.BoundaryARN(envs[env].AccountID, envs[env].Project)
		roles := resources(env, "aws_iam_role")
		if len(roles) < 5 {
			t.Fatalf("%s: only %d roles", env, len(roles))
		}
		for name, r := range roles {
			if str(r["permissions_boundary"]) != want {
				t.Errorf("%s: role %s has boundary %q, want %s", env, name, r["permissions_boundary"], want)
			}
		}
	}
	// What the boundary allows is checked in boundary_test.go.
}

// The RDS connections alarm fires above the threshold variable the deploy
// sets from the connection budget; its default and upper bound are
// capacity.Threshold of the class's max_connections, so a budget the
// capacity test would refuse cannot silence the alarm either.
func TestConnectionsAlarmFollowsTheBudgetVariable(t *testing.T) {
	for _, env := range stackEnvs {
		maxConns, err := rdsclass.MaxConnections(envs[env].Database.InstanceClass)
		if err != nil {
			t.Fatal(err)
		}
		limit := math.Floor(capacity.Threshold * float64(maxConns))
		found := false
		for _, a := range resources(env, "aws_cloudwatch_metric_alarm") {
			if str(a["metric_name"]) != "DatabaseConnections" {
				continue
			}
			found = true
			if fmt.Sprint(a["threshold"]) != "${var."+capacity.AlarmThresholdVariable+"}" {
				t.Errorf("%s: connections alarm threshold %v, want the variable", env, a["threshold"])
			}
		}
		if !found {
			t.Fatalf("%s: no connections alarm", env)
		}
		vars, _ := synthesized[env]["variable"].(map[string]any)
		v, _ := vars[capacity.AlarmThresholdVariable].(map[string]any)
		if v == nil || v["default"] != limit || !strings.Contains(fmt.Sprint(v["validation"]), fmt.Sprintf("<= %.0f", limit)) {
			t.Errorf("%s: variable %s = %v, want default and upper bound %.0f", env, capacity.AlarmThresholdVariable, v, limit)
		}
	}
}

// Supavisor's saturation refusals are counted from its log lines where
// Container Insights ships them (prod), behind the variable the deploy sets
// once the add-on has created the group; without the pooler or the add-on
// (dev) there is nothing to filter.
func TestPoolerSaturationAlarms(t *testing.T) {
	for _, env := range stackEnvs {
		var filters map[string]map[string]any
		if hasType(env, "aws_cloudwatch_log_metric_filter") {
			filters = resources(env, "aws_cloudwatch_log_metric_filter")
		}
		cfg, err := config.Load(env)
		if err != nil {
			t.Fatal(err)
		}
		if !cfg.Workloads.Pooler.Enabled || !cfg.Observability.ContainerInsights {
			if len(filters) != 0 {
				t.Errorf("%s: %d log metric filters without a shipped pooler log", env, len(filters))
			}
			continue
		}
		if len(filters) != len(observability.PoolerSaturations) {
			t.Fatalf("%s: %d log metric filters, want one per saturation (%d)", env, len(filters), len(observability.PoolerSaturations))
		}
		group := names.ContainerInsightsApplicationLogGroup("supabase-" + env)
		for _, f := range filters {
			mt := fmt.Sprint(f["metric_transformation"])
			if str(f["log_group_name"]) != group || !strings.Contains(mt, observability.PoolerMetricNamespace) ||
				fmt.Sprint(f["count"]) != "${var."+observability.PoolerLogAlarmsVariable+" ? 1 : 0}" {
				t.Errorf("%s: filter %v", env, f)
			}
		}
		alarms := 0
		for _, a := range resources(env, "aws_cloudwatch_metric_alarm") {
			if str(a["namespace"]) != observability.PoolerMetricNamespace {
				continue
			}
			alarms++
			if a["threshold"] != float64(1) || str(a["comparison_operator"]) != "GreaterThanOrEqualToThreshold" || !strings.Contains(fmt.Sprint(a["alarm_actions"]), "aws_sns_topic") {
				t.Errorf("%s: pooler alarm %v", env, a)
			}
		}
		if alarms != len(observability.PoolerSaturations) {
			t.Errorf("%s: %d pooler alarms", env, alarms)
		}
	}
}

// The filter patterns match the lines Supavisor v2.7.4 logs
// (lib/supavisor/client_handler.ex: Logger.error("ClientHandler: " <> msg)),
// as Container Insights ships them (the line inside a JSON record's "log").
// CloudWatch's quoted terms match exact substrings; "?" terms are
// alternatives.
func TestPoolerPatternsMatchSupavisorsMessages(t *testing.T) {
	lines := map[string][]string{
		"pooler-clients-saturated": {`{"log":"12:00:01.001 [error] ClientHandler: Max client connections reached","kubernetes":{"container_name":"supavisor"}}`},
		"pooler-server-saturated": {
			`{"log":"12:00:02.002 [error] ClientHandler: Unable to check out process from the pool due to timeout"}`,
			`{"log":"12:00:03.003 [error] ClientHandler: MaxClientsInSessionMode: max clients reached - in Session mode max clients are limited to pool_size"}`,
		},
	}
	quoted := regexp.MustCompile(`(\?)?"([^"]+)"`)
	for _, s := range observability.PoolerSaturations {
		terms := quoted.FindAllStringSubmatch(s.Pattern, -1)
		if len(terms) == 0 {
			t.Fatalf("%s: pattern %q has no quoted term", s.Alarm, s.Pattern)
		}
		for _, line := range lines[s.Alarm] {
			matched := false
			for _, term := range terms {
				matched = matched || strings.Contains(line, term[2])
			}
			if !matched {
				t.Errorf("%s: pattern %s misses %s", s.Alarm, s.Pattern, line)
			}
		}
		if strings.Contains(`{"log":"ClientHandler: Terminate an idle connection by 300 timeout"}`, terms[0][2]) {
			t.Errorf("%s: pattern %s counts an idle timeout", s.Alarm, s.Pattern)
		}
	}
}
