package outputs

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckOwner(t *testing.T) {
	load := func(t *testing.T) *Outputs {
		o, err := Load(filepath.Join("..", "..", "..", "examples", "outputs", "dev.json"))
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	if err := load(t).CheckOwner("111122223333", "us-east-1", "supabase-dev"); err != nil {
		t.Fatalf("the example dev outputs belong to dev: %v", err)
	}
	cases := []struct {
		name, want string
		mut        func(o *Outputs)
	}{
		{"another account everywhere", `output "account_id"`, func(o *Outputs) {
			o.AccountID = "999988887777"
			o.KMSKeyARN = strings.Replace(o.KMSKeyARN, "111122223333", "999988887777", 1)
		}},
		{"one foreign ARN", `output "irsa_role_arns.storage"`, func(o *Outputs) {
			o.RoleARNs["storage"] = strings.Replace(o.RoleARNs["storage"], "111122223333", "999988887777", 1)
		}},
		{"prod's secrets in dev's outputs", `output "secret_names.jwt"`, func(o *Outputs) { o.SecretNames["jwt"] = "supabase-prod/jwt" }},
		{"another cluster", `output "cluster_name"`, func(o *Outputs) { o.ClusterName = "supabase-prod" }},
		{"prod's access log bucket", `output "alb_log_bucket"`, func(o *Outputs) { o.ALBLogBucket = "supabase-prod-access-logs-111122223333" }},
		{"secret in another region", `output "secret_arns.database"`, func(o *Outputs) {
			o.SecretARNs["database"] = strings.Replace(o.SecretARNs["database"], "us-east-1", "eu-west-1", 1)
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			o := load(t)
			tc.mut(o)
			err := o.CheckOwner("111122223333", "us-east-1", "supabase-dev")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one naming %s", err, tc.want)
			}
		})
	}
}
