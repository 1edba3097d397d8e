package bootstrap

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/jsii-runtime-go"
	"github.com/hashicorp/terraform-cdk-go/cdktf"

	"github.com/supabase-eks/supabase-eks/infra/deployer"
	"github.com/supabase-eks/supabase-eks/infra/policy"
	"github.com/supabase-eks/supabase-eks/infra/storage"
	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/names"
	"github.com/supabase-eks/supabase-eks/internal/nodewarn"
)

func TestBootstrapStack(t *testing.T) {
	nodewarn.Silence()
	defer jsii.Close()
	b := config.Bootstrap()
	if err := b.Validate(); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	app := cdktf.NewApp(&cdktf.AppConfig{Outdir: jsii.String(dir)})
	New(app, b, deployer.AllServices(), "~> 6.47")
	app.Synth()
	data, err := os.ReadFile(filepath.Join(dir, "stacks", StackName, "cdk.tf.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Terraform map[string]any                       `json:"terraform"`
		Resource  map[string]map[string]map[string]any `json:"resource"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	one := func(typ string) map[string]any {
		t.Helper()
		if len(doc.Resource[typ]) != 1 {
			t.Fatalf("want one %s, got %d", typ, len(doc.Resource[typ]))
		}
		for _, r := range doc.Resource[typ] {
			return r
		}
		return nil
	}
	if local, _ := doc.Terraform["backend"].(map[string]any)["local"].(map[string]any); local["path"] != "terraform.supabase-bootstrap.tfstate" {
		t.Errorf("bootstrap state must be local with a relative path: %v", doc.Terraform["backend"])
	}
	// Resources by logical id: the state bucket's parts, and each retained
	// backups bucket's (backups-<prefix>).
	byID := func(typ, id string) map[string]any {
		t.Helper()
		r, ok := doc.Resource[typ][id]
		if !ok {
			t.Fatalf("no %s.%s", typ, id)
		}
		return r
	}
	bucket := byID("aws_s3_bucket", "state")
	if bucket["bucket"] != b.StateBucket || !strings.Contains(string(mustJSON(bucket["lifecycle"])), "prevent_destroy") {
		t.Errorf("state bucket %v", bucket)
	}
	key := one("aws_kms_key")
	if key["enable_key_rotation"] != true {
		t.Error("state key without rotation")
	}
	sse := mustJSON(byID("aws_s3_bucket_server_side_encryption_configuration", "state-encryption"))
	if !strings.Contains(string(sse), `"kms_master_key_id":"${aws_kms_key.`) || !strings.Contains(string(sse), `"sse_algorithm":"aws:kms"`) {
		t.Errorf("state not encrypted with the customer key: %s", sse)
	}
	if !strings.Contains(string(mustJSON(byID("aws_s3_bucket_versioning", "state-versioning"))), `"Enabled"`) {
		t.Error("state bucket not versioned")
	}
	pab := byID("aws_s3_bucket_public_access_block", "state-public-access-block")
	for _, k := range []string{"block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"} {
		if pab[k] != true {
			t.Errorf("public access block %s", k)
		}
	}
	// Prod's backups bucket is created here, kept, versioned, encrypted and
	// private, with the backups' expiry; the environment stack only names it.
	prefixes := b.RetainedBackupPrefixes()
	if len(prefixes) != 1 || prefixes[0] != "supabase-prod" {
		t.Fatalf("retained backups of %v, want supabase-prod's", prefixes)
	}
	for _, p := range prefixes {
		id := "backups-" + p
		bk := byID("aws_s3_bucket", id)
		if bk["bucket"] != names.BackupBucket(p, b.AccountID) || !strings.Contains(string(mustJSON(bk["lifecycle"])), "prevent_destroy") || bk["force_destroy"] == true {
			t.Errorf("%s: %v, want %s kept (prevent_destroy, no force_destroy)", id, bk, names.BackupBucket(p, b.AccountID))
		}
		for typ, part := range map[string]string{"aws_s3_bucket_versioning": "-versioning", "aws_s3_bucket_public_access_block": "-public-access-block",
			"aws_s3_bucket_server_side_encryption_configuration": "-encryption", "aws_s3_bucket_lifecycle_configuration": "-lifecycle", "aws_s3_bucket_policy": "-policy"} {
			r := byID(typ, id+part)
			if !strings.Contains(string(mustJSON(r["lifecycle"])), "prevent_destroy") {
				t.Errorf("%s%s can be destroyed: the bucket would outlive its protection", id, part)
			}
		}
		if !strings.Contains(string(mustJSON(byID("aws_s3_bucket_lifecycle_configuration", id+"-lifecycle"))), fmt.Sprintf(`"days":%d`, storage.BackupExpirationDays)) {
			t.Errorf("%s: backups do not expire after %d days", id, storage.BackupExpirationDays)
		}
	}
	trust, err := policy.Parse(one("aws_iam_role")["assume_role_policy"].(string))
	if err != nil || len(trust.Statement) != 1 || strings.Contains(string(mustJSON(trust.Statement[0].Principal)), `"*"`) {
		t.Errorf("deployer trust %v %v", trust, err)
	}
	// The deployer's policy comes in parts, each a managed policy attached
	// to the role; the boundary is one policy (a role has one boundary).
	var boundary map[string]any
	parts := map[int]string{}
	for _, r := range doc.Resource["aws_iam_policy"] {
		name := r["name"].(string)
		if name == deployer.BoundaryName(b.Prefix) {
			boundary = r
			continue
		}
		for n := 1; n <= 10; n++ {
			if name == deployer.PolicyName(b.Prefix, n) {
				parts[n] = r["policy"].(string)
			}
		}
	}
	if boundary == nil || len(parts) == 0 || len(doc.Resource["aws_iam_policy"]) != len(parts)+1 {
		t.Fatalf("want the deployer policy's parts and the boundary, got %d policies", len(doc.Resource["aws_iam_policy"]))
	}
	if len(doc.Resource["aws_iam_role_policy_attachment"]) != len(parts) {
		t.Errorf("%d parts, %d attachments", len(parts), len(doc.Resource["aws_iam_role_policy_attachment"]))
	}
	// IAM refuses a managed policy over 6,144 characters (white space not
	// counted; the JSON has none outside strings), and the apply with it.
	for n, text := range parts {
		if len(text) > policy.ManagedPolicyLimit {
			t.Errorf("deployer policy part %d: %d characters, over IAM's %d", n, len(text), policy.ManagedPolicyLimit)
		}
	}
	if text := boundary["policy"].(string); len(text) > policy.ManagedPolicyLimit {
		t.Errorf("boundary: %d characters, over IAM's %d", len(text), policy.ManagedPolicyLimit)
	}
	// `make deployer-policy` prints these documents from the same code
	// (infra -print-policy): together the parts must be what it prints.
	var pol policy.Document
	for n := 1; n <= len(parts); n++ {
		d, err := policy.Parse(parts[n])
		if err != nil {
			t.Fatalf("part %d: %v", n, err)
		}
		pol.Statement = append(pol.Statement, d.Statement...)
	}
	pol.Version = "2012-10-17"
	if got, want := pol.JSON(), deployer.Policy(deployer.AllServices(), DeployerScope(b)).JSON(); got != want {
		t.Errorf("the stack's deployer policy parts are not the policy `make deployer-policy` prints")
	}
	if got, want := boundary["policy"], deployer.Boundary(BoundaryScope(b)).JSON(); got != want {
		t.Errorf("the stack's boundary is not the one `make deployer-policy POLICY=boundary` prints")
	}
	for _, st := range pol.Statement {
		if st.Effect != "Allow" {
			continue
		}
		for _, a := range st.Action {
			if a == "s3:*" || a == "iam:*" || a == "*" {
				t.Errorf("deployer statement %s grants %s", st.Sid, a)
			}
		}
	}
}

func mustJSON(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}
