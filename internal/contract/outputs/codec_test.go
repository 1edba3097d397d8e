package outputs

import (
	"encoding/json"
	"strings"
	"testing"
)

func example(t *testing.T) map[string]any {
	t.Helper()
	o, err := Load("../../../examples/outputs/prod.json")
	if err != nil {
		t.Fatal(err)
	}
	return o.Values()
}

func TestParseAcceptsAllThreeShapes(t *testing.T) {
	flat := example(t)
	flatJSON, _ := json.Marshal(flat)
	wrapped := map[string]any{}
	for k, v := range flat {
		wrapped[k] = map[string]any{"value": v, "type": "string", "sensitive": false}
	}
	wrappedJSON, _ := json.Marshal(wrapped)
	stackJSON, _ := json.Marshal(map[string]any{"supabase-prod": flat})
	for name, data := range map[string][]byte{"flat": flatJSON, "terraform": wrappedJSON, "cdktf": stackJSON} {
		o, err := Parse(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if o.Environment != "prod" || o.DBPort != 5432 || len(o.PublicSubnetCIDRs) != 3 || o.SecretNames[SecretJWT] == "" {
			t.Fatalf("%s: decoded %+v", name, o)
		}
	}
}

func TestParseNamesTheBadKey(t *testing.T) {
	cases := map[string]func(map[string]any){
		`missing output "cluster_name"`: func(m map[string]any) { delete(m, "cluster_name") },
		`output "db_port"`:              func(m map[string]any) { m["db_port"] = "5432" },
		`output "vpc_cidr"`:             func(m map[string]any) { m["vpc_cidr"] = "10.0.0.0" },
		`output "region"`:               func(m map[string]any) { m["region"] = "mars-1" },
		`output "secret_names": missing key "jwt"`: func(m map[string]any) {
			s := m["secret_names"].(map[string]string)
			delete(s, "jwt")
		},
		`output "irsa_role_arns": key "storage"`: func(m map[string]any) {
			r := m["irsa_role_arns"].(map[string]string)
			delete(r, "storage")
		},
		`output "certificate_arn"`:                                   func(m map[string]any) { m["certificate_arn"] = "" },
		`output "public_subnet_cidrs"`:                               func(m map[string]any) { m["public_subnet_cidrs"] = []string{"10.0.0.0/24"} },
		`output "backup_prefix"`:                                     func(m map[string]any) { m["backup_prefix"] = "/abs" },
		`output "kubernetes_version"`:                                func(m map[string]any) { m["kubernetes_version"] = "v1.35" },
		`output "db_engine_version"`:                                 func(m map[string]any) { m["db_engine_version"] = "17" },
		`output "interface_endpoints"`:                               func(m map[string]any) { m["interface_endpoints"] = "false" },
		`missing output "interface_endpoints"`:                       func(m map[string]any) { delete(m, "interface_endpoints") },
		`missing output "db_engine_version"`:                         func(m map[string]any) { delete(m, "db_engine_version") },
		`output "alb_log_prefix": alb_log_bucket and alb_log_prefix`: func(m map[string]any) { m["alb_log_prefix"] = "" },
		`output "alb_log_bucket"`:                                    func(m map[string]any) { m["alb_log_bucket"] = "Not_A_Bucket" },
		`output "alb_log_prefix": "alb,access_logs.s3.enabled=false"`: func(m map[string]any) {
			m["alb_log_prefix"] = "alb,access_logs.s3.enabled=false"
		},
		`output "alb_log_prefix": "x/AWSLogs"`: func(m map[string]any) { m["alb_log_prefix"] = "x/AWSLogs" },
		`output "alb_log_prefix": "alb/"`:      func(m map[string]any) { m["alb_log_prefix"] = "alb/" },
	}
	for want, mutate := range cases {
		m := example(t)
		mutate(m)
		data, _ := json.Marshal(m)
		_, err := Parse(data)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("want error containing %q, got %v", want, err)
		}
	}
	if _, err := Parse([]byte("[1,2]")); err == nil || !strings.Contains(err.Error(), "not a JSON object") {
		t.Errorf("array accepted: %v", err)
	}
}

// TestBoolOutputs: a bool output decodes in each shape, a Terraform
// output wrapping included.
func TestBoolOutputs(t *testing.T) {
	m := example(t)
	m["interface_endpoints"] = true
	flat, _ := json.Marshal(m)
	m["interface_endpoints"] = map[string]any{"value": true, "type": "bool", "sensitive": false}
	wrapped, _ := json.Marshal(m)
	for name, data := range map[string][]byte{"flat": flat, "terraform": wrapped} {
		o, err := Parse(data)
		if err != nil || !o.InterfaceEndpoints {
			t.Errorf("%s: interface_endpoints true decoded as %v (%v)", name, o != nil && o.InterfaceEndpoints, err)
		}
	}
}

func TestOptionalOutputsMayBeAbsent(t *testing.T) {
	m := example(t)
	for _, k := range []string{"domain", "certificate_arn", "waf_acl_arn", "alb_log_bucket", "alb_log_prefix"} {
		delete(m, k)
	}
	data, _ := json.Marshal(m)
	o, err := Parse(data)
	if err != nil || o.Domain != "" || o.ALBLogBucket != "" {
		t.Fatalf("optional outputs: %v %+v", err, o)
	}
}

func TestEveryRoleHasAServiceAccount(t *testing.T) {
	if len(RoleOrder) != len(ServiceAccounts) {
		t.Fatalf("RoleOrder has %d roles, ServiceAccounts %d", len(RoleOrder), len(ServiceAccounts))
	}
	for _, r := range RoleOrder {
		if sa := ServiceAccounts[r]; sa.Name == "" || sa.Namespace == "" {
			t.Errorf("role %s has no service account", r)
		}
	}
	for _, s := range SecretOrder {
		if len(SecretKeys[s]) == 0 {
			t.Errorf("secret %s has no keys", s)
		}
	}
}
