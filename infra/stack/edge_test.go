package stack

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/supabase-eks/supabase-eks/infra/deployer"
	"github.com/supabase-eks/supabase-eks/infra/edge"
	"github.com/supabase-eks/supabase-eks/infra/identity"
	"github.com/supabase-eks/supabase-eks/infra/policy"
	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/elblogs"
	"github.com/supabase-eks/supabase-eks/internal/examples"
)

func output(env, name string) string {
	return fmt.Sprint(get(synthesized[env], "output", name, "value"))
}

// TestAccessLogBucket: where access logs are on, the stack creates a
// private, TLS-only, SSE-S3 bucket that only the region's ELB log writer
// (under this account's path) and S3's log delivery for the storage and
// backups buckets may write to, expiring after observability.accessLogDays;
// both data buckets log there, and the outputs contract names the bucket and
// the ALB's prefix. The ELB writer is written out here, not taken from
// internal/elblogs, so a wrong table entry fails too.
func TestAccessLogBucket(t *testing.T) {
	writers := map[string]map[string]any{
		"dev":       {"AWS": "arn:aws:iam::127311923021:root"},
		"prod":      {"AWS": "arn:aws:iam::127311923021:root"},
		"newregion": {"Service": "logdelivery.elasticloadbalancing.amazonaws.com"},
	}
	for env, writer := range writers {
		e := envs[env]
		name, b := accessLogBucket(env)
		if name == "" {
			t.Errorf("%s: no access log bucket", env)
			continue
		}
		arn := "arn:aws:s3:::" + str(b["bucket"])
		if b["force_destroy"] != !e.IsProd() {
			t.Errorf("%s: force_destroy %v; the storage buckets' rule is dev only", env, b["force_destroy"])
		}
		pab := bucketPart(t, env, name, "aws_s3_bucket_public_access_block")
		for _, k := range []string{"block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"} {
			if pab[k] != true {
				t.Errorf("%s: access log bucket %s not set", env, k)
			}
		}
		if get(bucketPart(t, env, name, "aws_s3_bucket_ownership_controls"), "rule", "object_ownership") != "BucketOwnerEnforced" {
			t.Errorf("%s: access log bucket ownership not enforced", env)
		}
		// ALB and S3 log delivery fail on any encryption but SSE-S3.
		sse := get(bucketPart(t, env, name, "aws_s3_bucket_server_side_encryption_configuration"), "rule", 0, "apply_server_side_encryption_by_default")
		if get(sse, "sse_algorithm") != "AES256" || get(sse, "kms_master_key_id") != nil {
			t.Errorf("%s: access log bucket encryption %v, want SSE-S3 (AES256) only", env, sse)
		}
		lc := bucketPart(t, env, name, "aws_s3_bucket_lifecycle_configuration")
		expires := false
		for _, r := range lc["rule"].([]any) {
			if d, ok := get(r, "expiration", 0, "days").(float64); ok && get(r, "status") == "Enabled" {
				expires = d == float64(e.Observability.AccessLogDays)
			}
		}
		if !expires {
			t.Errorf("%s: access logs do not expire after %d days: %v", env, e.Observability.AccessLogDays, lc["rule"])
		}
		for _, v := range resources(env, "aws_s3_bucket_versioning") {
			if strings.Contains(str(v["bucket"]), "aws_s3_bucket."+name+".") {
				t.Errorf("%s: the access log bucket is versioned; expiry would only hide the logs", env)
			}
		}

		doc, err := policy.Parse(str(bucketPart(t, env, name, "aws_s3_bucket_policy")["policy"]))
		if err != nil || len(doc.Statement) != 3 {
			t.Fatalf("%s: access log bucket policy %v %v", env, doc, err)
		}
		if tls := doc.Statement[0]; tls.Effect != "Deny" || tls.Condition["Bool"]["aws:SecureTransport"] != "false" || !slices.Equal(tls.Resource, []string{arn, arn + "/*"}) {
			t.Errorf("%s: access log bucket is not TLS-only: %v", env, tls)
		}
		elb := doc.Statement[1]
		wantRes := fmt.Sprintf("%s/%s/AWSLogs/%s/*", arn, edge.AccessLogPrefix, e.AccountID)
		if elb.Effect != "Allow" || fmt.Sprint(elb.Principal) != fmt.Sprint(writer) || !slices.Equal(elb.Action, []string{"s3:PutObject"}) ||
			!slices.Equal(elb.Resource, []string{wantRes}) || elb.Condition != nil {
			t.Errorf("%s: ELB delivery statement %+v, want %v may s3:PutObject on %s only", env, elb, writer, wantRes)
		}
		// A backups bucket the bootstrap stack owns is not reconfigured here.
		logged := []string{"arn:aws:s3:::" + stacks[env].Outputs.StorageBucketName}
		dataBuckets := []string{"storage"}
		if !e.Database.RetainBackupsOnDestroy {
			logged = append(logged, "arn:aws:s3:::"+stacks[env].Outputs.BackupBucketName)
			dataBuckets = append(dataBuckets, "backups")
		}
		s3 := doc.Statement[2]
		if s3.Effect != "Allow" || fmt.Sprint(s3.Principal) != "map[Service:[logging.s3.amazonaws.com]]" || !slices.Equal(s3.Action, []string{"s3:PutObject"}) ||
			!slices.Equal(s3.Resource, []string{arn + "/" + edge.ServerAccessLogPrefix + "/*"}) ||
			s3.Condition["StringEquals"]["aws:SourceAccount"] != e.AccountID || fmt.Sprint(s3.Condition["ArnLike"]["aws:SourceArn"]) != fmt.Sprint(logged) {
			t.Errorf("%s: S3 delivery statement %+v, want logging.s3.amazonaws.com for %v only", env, s3, logged)
		}
		if !elblogs.Delivers(doc) {
			t.Errorf("%s: the cost estimate and the diagram would not recognise the access log bucket", env)
		}

		// Both data buckets log into it, each under its own prefix.
		targets := map[string]string{}
		for _, l := range resources(env, "aws_s3_bucket_logging") {
			if str(l["target_bucket"]) != "${aws_s3_bucket."+name+".id}" {
				t.Errorf("%s: server access logs go to %v", env, l["target_bucket"])
			}
			targets[str(l["bucket"])] = str(l["target_prefix"])
		}
		for _, data := range dataBuckets {
			found := false
			for src, prefix := range targets {
				for bn, bb := range resources(env, "aws_s3_bucket") {
					if strings.Contains(src, "aws_s3_bucket."+bn+".arn") && strings.Contains(str(bb["bucket"]), "-"+data+"-") {
						found = prefix == edge.ServerAccessLogPrefix+"/"+str(bb["bucket"])+"/"
					}
				}
			}
			if !found {
				t.Errorf("%s: the %s bucket's server access logs do not reach the access log bucket: %v", env, data, targets)
			}
		}

		if output(env, "alb_log_bucket") != str(b["bucket"]) || output(env, "alb_log_prefix") != edge.AccessLogPrefix {
			t.Errorf("%s: outputs alb_log_bucket %q alb_log_prefix %q", env, output(env, "alb_log_bucket"), output(env, "alb_log_prefix"))
		}
		// The committed example outputs take the name from the same function.
		if ex := examples.Outputs(e); ex.ALBLogBucket != stacks[env].Outputs.ALBLogBucket || ex.ALBLogPrefix != stacks[env].Outputs.ALBLogPrefix {
			t.Errorf("%s: example outputs %q/%q, stack %q/%q", env, ex.ALBLogBucket, ex.ALBLogPrefix, stacks[env].Outputs.ALBLogBucket, stacks[env].Outputs.ALBLogPrefix)
		}
	}
	if name, _ := accessLogBucket("zoned"); name != "" || hasType("zoned", "aws_s3_bucket_logging") || output("zoned", "alb_log_bucket") != "" || output("zoned", "alb_log_prefix") != "" {
		t.Errorf("access logs off, yet bucket %q and outputs %q/%q", name, output("zoned", "alb_log_bucket"), output("zoned", "alb_log_prefix"))
	}
}

// TestIssuedCertificate: with domain.hostedZoneId and no certificate ARN the
// stack requests a DNS-validated certificate for domain.name, writes the
// validation record into the zone, waits for the issue, and hands the
// validated certificate to the Ingress through certificate_arn. Environments
// with their own certificate create none.
func TestIssuedCertificate(t *testing.T) {
	e := envs["zoned"]
	certName, cert := "", map[string]any{}
	for n, c := range resources("zoned", "aws_acm_certificate") {
		certName, cert = n, c
	}
	if len(resources("zoned", "aws_acm_certificate")) != 1 {
		t.Fatalf("want one certificate, got %d", len(resources("zoned", "aws_acm_certificate")))
	}
	if str(cert["domain_name"]) != e.Domain.Name || str(cert["validation_method"]) != "DNS" || get(cert, "lifecycle", "create_before_destroy") != true {
		t.Errorf("certificate %v", cert)
	}
	rec := only(t, "zoned", "aws_route53_record")
	opts := "aws_acm_certificate." + certName + ".domain_validation_options"
	if str(rec["zone_id"]) != e.Domain.HostedZoneID || !strings.Contains(str(rec["name"]), opts) || !strings.Contains(str(rec["type"]), opts) ||
		!strings.Contains(fmt.Sprint(rec["records"]), opts) || rec["allow_overwrite"] != true {
		t.Errorf("validation record %v does not carry the certificate's validation option into zone %s", rec, e.Domain.HostedZoneID)
	}
	val := only(t, "zoned", "aws_acm_certificate_validation")
	recName := ""
	for n := range resources("zoned", "aws_route53_record") {
		recName = n
	}
	if !strings.Contains(str(val["certificate_arn"]), "aws_acm_certificate."+certName+".arn") ||
		!strings.Contains(fmt.Sprint(val["validation_record_fqdns"]), "aws_route53_record."+recName+".fqdn") {
		t.Errorf("validation %v", val)
	}
	// The Ingress must not get the ARN before ACM has issued it.
	if out := output("zoned", "certificate_arn"); !strings.Contains(out, "aws_acm_certificate_validation.") || !strings.HasSuffix(out, ".certificate_arn}") {
		t.Errorf("output certificate_arn = %s, want the validated certificate's ARN", out)
	}
	if output("zoned", "domain") != e.Domain.Name {
		t.Errorf("output domain = %s", output("zoned", "domain"))
	}
	for _, env := range stackEnvs {
		if hasType(env, "aws_acm_certificate") || hasType(env, "aws_route53_record") {
			t.Errorf("%s issues a certificate it was not asked for", env)
		}
	}
	if output("prod", "certificate_arn") != envs["prod"].Domain.CertificateARN {
		t.Errorf("prod: certificate_arn %s, want domain.certificateArn", output("prod", "certificate_arn"))
	}
}

// TestControllerOnlySetsTheAccessLogAttributes: ELB delivers the logs with
// its own principal (the bucket policy); the load balancer controller needs
// ModifyLoadBalancerAttributes on this cluster's ALB and no S3 rights.
func TestControllerOnlySetsTheAccessLogAttributes(t *testing.T) {
	doc := identity.LoadBalancerControllerPolicy("us-east-1", "111122223333", "supabase-dev")
	alb := "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/supabase-dev/50dc6c495c0c9188"
	if !decide(doc, "elasticloadbalancing:ModifyLoadBalancerAttributes", alb, map[string]string{"aws:ResourceTag/elbv2.k8s.aws/cluster": "supabase-dev"}) {
		t.Error("the controller may not set the access log attributes on its own ALB")
	}
	for _, st := range doc.Statement {
		for _, a := range st.Action {
			if strings.HasPrefix(a, "s3:") {
				t.Errorf("%s grants %s: log delivery needs no S3 right on the controller", st.Sid, a)
			}
		}
	}
}

// TestDeployerMayIssueCertificates: the deployer policy covers the calls
// Terraform makes for the certificate and its validation record, and the
// record writes are limited to ACM's validation CNAMEs: the deployer policy
// knows no environment's zone, so the zone cannot be named.
func TestDeployerMayIssueCertificates(t *testing.T) {
	b := config.Bootstrap()
	doc := deployer.Policy(deployer.AllServices(), deployer.Scope{Region: b.Region, AccountID: b.AccountID, Prefix: b.Prefix, StateBucket: b.StateBucket})
	cert := fmt.Sprintf("arn:aws:acm:%s:%s:certificate/00000000-0000-4000-8000-000000000000", b.Region, b.AccountID)
	zone := "arn:aws:route53:::hostedzone/" + envs["zoned"].Domain.HostedZoneID
	for _, w := range []struct{ action, arn string }{
		{"acm:RequestCertificate", "*"}, {"acm:DescribeCertificate", cert}, {"acm:ListTagsForCertificate", cert},
		{"acm:AddTagsToCertificate", cert}, {"acm:DeleteCertificate", cert},
		{"route53:ChangeResourceRecordSets", zone}, {"route53:GetHostedZone", zone}, {"route53:ListResourceRecordSets", zone},
		{"route53:GetChange", "arn:aws:route53:::change/C0123456789ABC"},
	} {
		if !allows(doc, w.action, w.arn) {
			t.Errorf("the deployer may not %s on %s", w.action, w.arn)
		}
	}
	if allows(doc, "acm:DeleteCertificate", "arn:aws:acm:eu-west-1:"+b.AccountID+":certificate/x") {
		t.Error("the deployer may delete certificates in another region")
	}
	for _, st := range doc.Statement {
		if st.Effect != "Allow" {
			continue
		}
		if slices.Contains(st.Action, "route53:ChangeResourceRecordSets") {
			types := fmt.Sprint(st.Condition["ForAllValues:StringEquals"]["route53:ChangeResourceRecordSetsRecordTypes"])
			names := fmt.Sprint(st.Condition["ForAllValues:StringLike"]["route53:ChangeResourceRecordSetsNormalizedRecordNames"])
			if types != "[CNAME]" || names != "[_*]" {
				t.Errorf("%s: record writes limited to types %s and names %s, want ACM's validation CNAMEs only ([CNAME], [_*])", st.Sid, types, names)
			}
		}
		if slices.Contains(st.Action, "acm:RequestCertificate") && st.Condition["StringEquals"]["acm:ValidationMethod"] != "DNS" {
			t.Errorf("%s: certificates may be requested with e-mail validation: %v", st.Sid, st.Condition)
		}
	}
}

// TestEdgeVariantsPassTheRealProvider runs the validation gate's Terraform
// check (init, validate, plan with the real hashicorp/aws provider, offline)
// on the stack that issues its certificate and on the one whose log bucket
// admits the service principal: make validate checks only the shipped
// environments, and none of them has either. Like the gate's own
// tests it needs `make tools` and SUPABASE_EKS_GATE_TESTS=1.
func TestEdgeVariantsPassTheRealProvider(t *testing.T) {
	if os.Getenv("SUPABASE_EKS_GATE_TESTS") != "1" {
		t.Skip("real-provider check: SUPABASE_EKS_GATE_TESTS=1 (after make tools)")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	// newregion adds the access log bucket of a service-principal region.
	var args []string
	for _, env := range []string{"zoned", "newregion"} {
		args = append(args, "--label", env, filepath.Join(synthDir, "stacks", envs[env].StackName()))
	}
	cmd := exec.Command(filepath.Join(root, "scripts", "validate", "check-tf.sh"), args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "TMPDIR="+t.TempDir())
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err = cmd.Run()
	t.Logf("check-tf.sh:\n%s", out.String())
	if err != nil || !strings.Contains(out.String(), "ok   zoned") || !strings.Contains(out.String(), "ok   newregion") {
		t.Fatalf("the real provider refuses a stack: %v", err)
	}
}
