package deploy

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/supabase-eks/supabase-eks/internal/ops/runner"
)

func TestDestroyOrderAndLoadBalancerWait(t *testing.T) {
	fx := newFixture(t, "prod")
	copyTree(t, filepath.Join(repo, "examples", "outputs"), filepath.Join(fx.root, "outputs"))
	// The ALB and its security group linger for two polls after the Ingress is gone.
	o, err := fx.d.loadOutputs()
	if err != nil {
		t.Fatal(err)
	}
	vpc := o.VpcID
	// Once-rules answer newest first: poll 1 sees the ALB, poll 2 only its
	// security group, poll 3 only another VPC's load balancer (ignored).
	fx.fake.Once("aws elbv2 describe-load-balancers", `{"LoadBalancers":[{"LoadBalancerName":"other-vpc","VpcId":"vpc-elsewhere"}]}`, 0)
	fx.fake.Once("aws elbv2 describe-load-balancers", `{"LoadBalancers":[]}`, 0)
	fx.fake.Once("aws elbv2 describe-load-balancers", `{"LoadBalancers":[{"LoadBalancerName":"supabase-prod","VpcId":"`+vpc+`"}]}`, 0)
	fx.fake.Once("aws ec2 describe-security-groups", `{"SecurityGroups":[]}`, 0)
	fx.fake.Once("aws ec2 describe-security-groups", `{"SecurityGroups":[{"GroupId":"sg-0alb"}]}`, 0)
	fx.fake.Once("aws ec2 describe-security-groups", `{"SecurityGroups":[{"GroupId":"sg-0alb"}]}`, 0)
	fx.fake.On("kubectl --context supabase-prod get services --all-namespaces", `{"items":[{"metadata":{"name":"nlb","namespace":"tools"},"spec":{"type":"LoadBalancer"}},{"metadata":{"name":"kong","namespace":"supabase"},"spec":{"type":"ClusterIP"}}]}`, 0)
	if err := fx.d.RunSteps(context.Background(), "destroy", fx.d.DestroySteps(), "", ""); err != nil {
		t.Fatalf("%v\n%s", err, fx.log)
	}
	calls := fx.milestones()
	assertOrder(t, calls,
		"aws sts get-caller-identity",
		"aws eks describe-cluster --name supabase-prod",
		"aws eks update-kubeconfig --name supabase-prod",
		"kubectl --context supabase-prod delete ingress --all -n supabase --ignore-not-found --wait=true",
		"kubectl --context supabase-prod delete service nlb -n tools",
		"kubectl --context supabase-prod delete pvc --all -n supabase",
		"kubectl --context supabase-prod delete namespace supabase",
		"helm uninstall reloader",
		"helm uninstall metrics-server",
		"helm uninstall cluster-autoscaler",
		"helm uninstall aws-load-balancer-controller",
		"helm uninstall external-secrets",
		"terraform init -input=false",
		"terraform destroy -input=false -auto-approve",
	)
	if len(fx.fake.Called("kubectl --context supabase-prod delete service kong")) != 0 {
		t.Error("a ClusterIP service was deleted")
	}
	// The AWS side was polled until the load balancer in this VPC and the controller's group were gone.
	all := fx.fake.Calls
	polls := len(fx.fake.Called("aws elbv2 describe-load-balancers"))
	if polls != 3 {
		t.Errorf("polled describe-load-balancers %d times, want 3 (ALB, its security group, clear but for another VPC)", polls)
	}
	lastPoll := -1
	for i, c := range all {
		if strings.HasPrefix(c, "aws ec2 describe-security-groups") {
			lastPoll = i
			if !strings.Contains(c, "Name=vpc-id,Values="+vpc) || !strings.Contains(c, "Name=tag:elbv2.k8s.aws/cluster,Values=supabase-prod") {
				t.Errorf("security groups not filtered by VPC and cluster tag: %s", c)
			}
		}
	}
	if first := indexOf(all, "helm uninstall"); first < lastPoll {
		t.Error("add-ons uninstalled before the ALB and its security groups were gone")
	}
	log := fx.log.String()
	for _, want := range []string{
		"DESTROYING environment prod",
		"RDS deletion protection is ON for prod",
		"--no-deletion-protection",
		"final RDS snapshot is taken on delete and KEPT",
		"supabase-prod-storage-111122223333",
		"waiting: load balancers [supabase-prod], security groups [sg-0alb]",
		"waiting: load balancers [], security groups [sg-0alb]",
		"Teardown of prod complete",
		"aws rds describe-db-snapshots",
	} {
		if !strings.Contains(log, want) {
			t.Errorf("destroy output lacks %q", want)
		}
	}
}

func TestDestroyNeedsConfirmation(t *testing.T) {
	fx := newFixture(t, "dev")
	copyTree(t, filepath.Join(repo, "examples", "outputs"), filepath.Join(fx.root, "outputs"))
	fx.d.Yes = false
	err := fx.d.RunSteps(context.Background(), "destroy", fx.d.DestroySteps(), "", "")
	if err == nil || !strings.Contains(err.Error(), "AUTO_APPROVE=1") {
		t.Fatalf("err = %v", err)
	}
	if !strings.Contains(fx.log.String(), "NO final RDS snapshot") {
		t.Error("dev warning about the missing final snapshot not shown before asking")
	}
	fx.d.Confirm = func(prompt, answer string) (bool, error) { return answer == "dev" && false, nil }
	if err := fx.d.RunSteps(context.Background(), "destroy", fx.d.DestroySteps(), "", ""); err == nil {
		t.Fatal("declined teardown went ahead")
	}
	if len(fx.fake.Called("kubectl --context supabase-dev delete")) > 0 || len(fx.fake.Called("helm uninstall")) > 0 {
		t.Error("deleted something without confirmation")
	}
	var wanted string
	fx.d.Confirm = func(prompt, answer string) (bool, error) { wanted = answer; return true, nil }
	if err := fx.d.RunSteps(context.Background(), "destroy", fx.d.DestroySteps(), "", ""); err != nil {
		t.Fatal(err)
	}
	if wanted != "dev" {
		t.Errorf("confirmation answer %q, want the environment name", wanted)
	}
}

// A resumed or single-step teardown still checks the account and asks:
// --from infra-destroy or --only delete-ingress without approval deletes
// nothing, and with approval runs preflight first.
func TestResumedDestroyStillConfirms(t *testing.T) {
	for _, tc := range []struct{ only, from, deleting string }{
		{from: "infra-destroy", deleting: "terraform destroy"},
		{from: "delete-ingress", deleting: "kubectl --context supabase-prod delete"},
		{only: "delete-workloads", deleting: "kubectl --context supabase-prod delete"},
	} {
		t.Run(tc.only+tc.from, func(t *testing.T) {
			fx := newFixture(t, "prod")
			copyTree(t, filepath.Join(repo, "examples", "outputs"), filepath.Join(fx.root, "outputs"))
			fx.d.Yes = false
			err := fx.d.RunSteps(context.Background(), "destroy", fx.d.DestroySteps(), tc.only, tc.from)
			if err == nil || !strings.Contains(err.Error(), "AUTO_APPROVE=1") {
				t.Fatalf("resumed teardown without approval: %v", err)
			}
			if got := fx.fake.Called(tc.deleting); len(got) > 0 {
				t.Fatalf("deleted without confirmation: %v", got)
			}
			if !strings.Contains(fx.log.String(), "DESTROYING environment prod (account 111122223333") {
				t.Errorf("the warnings naming account and environment were not shown:\n%s", fx.log.String())
			}

			// Credentials for another account stop it before the question.
			fx.fake.On("aws sts get-caller-identity", `{"Account":"999988887777","Arn":"arn:aws:iam::999988887777:user/me"}`, 0)
			fx.d.Yes = true
			if err := fx.d.RunSteps(context.Background(), "destroy", fx.d.DestroySteps(), tc.only, tc.from); err == nil || !strings.Contains(err.Error(), "999988887777") {
				t.Fatalf("resumed teardown with another account's credentials: %v", err)
			}
			if got := fx.fake.Called(tc.deleting); len(got) > 0 {
				t.Fatalf("deleted with another account's credentials: %v", got)
			}
		})
	}
}

func TestDestroyWithClusterAlreadyGone(t *testing.T) {
	fx := newFixture(t, "dev")
	copyTree(t, filepath.Join(repo, "examples", "outputs"), filepath.Join(fx.root, "outputs"))
	fx.fake.On("aws eks describe-cluster", "", 254)
	if err := fx.d.RunSteps(context.Background(), "destroy", fx.d.DestroySteps(), "", ""); err != nil {
		t.Fatal(err)
	}
	if len(fx.fake.Called("kubectl --context")) > 0 || len(fx.fake.Called("helm uninstall")) > 0 {
		t.Errorf("Kubernetes steps ran against a missing cluster: %v", fx.fake.Calls)
	}
	if len(fx.fake.Called("aws elbv2")) == 0 || indexOf(fx.milestones(), "terraform destroy") < 0 {
		t.Error("AWS leftovers not checked or terraform destroy not run")
	}
}

func TestDestroyFailureExplainsHowToFinish(t *testing.T) {
	fx := newFixture(t, "prod")
	copyTree(t, filepath.Join(repo, "examples", "outputs"), filepath.Join(fx.root, "outputs"))
	fx.fake.OnFunc("["+filepath.Join(fx.root, "cdktf.out/stacks/supabase-prod")+"] terraform destroy", func(c runner.Cmd) (runner.Result, error) {
		return runner.Result{ExitCode: 1}, &runner.ExitError{Cmd: c, Code: 1, Stderr: "Error: deleting RDS DB Instance: InvalidParameterCombination: Cannot delete protected DB Instance"}
	})
	err := fx.d.RunSteps(context.Background(), "destroy", fx.d.DestroySteps(), "", "infra-destroy")
	if err == nil {
		t.Fatal("failed destroy reported success")
	}
	for _, want := range []string{"Cannot delete protected DB Instance", "--no-deletion-protection", "Terraform refuses to delete a non-empty bucket",
		"aws s3 rm s3://supabase-prod-access-logs-111122223333 --recursive", "--from infra-destroy"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}

func TestDestroyRecreatesMissingOutputs(t *testing.T) {
	fx := newFixture(t, "dev")
	if err := fx.d.RunSteps(context.Background(), "destroy", fx.d.DestroySteps(), "outputs", ""); err != nil {
		t.Fatal(err)
	}
	calls := fx.milestones()
	assertOrder(t, calls, "terraform init -input=false", "terraform output -json")
}

func TestDiff(t *testing.T) {
	fx := newFixture(t, "dev")
	fx.fake.On("kubectl --context supabase-dev diff -f "+fx.root+"/dist/dev/40-workloads.yaml", "", 1)
	if err := fx.d.RunSteps(context.Background(), "diff", fx.d.DiffSteps(), "", ""); err != nil {
		t.Fatal(err)
	}
	if len(fx.fake.Called("["+filepath.Join(fx.root, "cdktf.out/stacks/supabase-dev")+"] terraform plan -input=false -lock=false -detailed-exitcode")) != 1 {
		t.Error("no terraform plan")
	}
	if !strings.Contains(fx.log.String(), "AWS layer: changes pending") || !strings.Contains(fx.log.String(), "1 of 7 manifest files differ") {
		t.Errorf("log:\n%s", fx.log)
	}
	fx.fake.On("kubectl --context supabase-dev diff -f "+fx.root+"/dist/dev/50-ingress.yaml", "", 2)
	if err := fx.d.RunSteps(context.Background(), "diff", fx.d.DiffSteps(), "k8s-diff", ""); err == nil {
		t.Error("kubectl diff error (exit 2) ignored")
	}
}

// A teardown that fails after the retained key left the state puts the key
// back, so a later deploy does not create a second one.
func TestFailedDestroyReimportsTheKeptKey(t *testing.T) {
	fx := newFixture(t, "prod")
	copyTree(t, filepath.Join(repo, "examples", "outputs"), filepath.Join(fx.root, "outputs"))
	stack := filepath.Join(fx.root, "cdktf.out", "stacks", "supabase-prod")
	doc := `{"resource":{"aws_kms_key":{"secrets_key":{"lifecycle":{"prevent_destroy":true}}}}}`
	if err := os.WriteFile(filepath.Join(stack, "cdk.tf.json"), []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	tf := "[" + stack + "] terraform "
	fx.fake.On(tf+"state list", "aws_kms_key.secrets_key\naws_s3_bucket.x\n", 0)
	fx.fake.On(tf+"state show -no-color aws_kms_key.secrets_key", "# aws_kms_key.secrets_key:\nresource \"aws_kms_key\" \"secrets_key\" {\n    arn = \"arn:aws:kms:us-east-1:111122223333:key/k-1\"\n    id  = \"k-1\"\n}\n", 0)
	fx.fake.On(tf+"destroy", "", 1)
	if err := fx.d.InfraDestroy(context.Background()); err == nil {
		t.Fatal("a failed terraform destroy passed")
	}
	calls := strings.Join(fx.fake.Calls, "\n")
	rm, imp := strings.Index(calls, "state rm aws_kms_key.secrets_key"), strings.Index(calls, "import -input=false aws_kms_key.secrets_key k-1")
	if rm < 0 || imp < rm {
		t.Errorf("the key was not taken out and put back:\n%s", calls)
	}
}

// TestOnlyProdWarnsAboutTheAccessLogBucket: dev's access log bucket is
// force_destroy and goes with its logs; prod's stops terraform destroy.
func TestOnlyProdWarnsAboutTheAccessLogBucket(t *testing.T) {
	for env, want := range map[string]bool{"dev": false, "prod": true} {
		fx := newFixture(t, env)
		copyTree(t, filepath.Join(repo, "examples", "outputs"), filepath.Join(fx.root, "outputs"))
		o, err := fx.d.loadOutputs()
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Contains(strings.Join(fx.d.Warnings(o), "\n"), o.ALBLogBucket)
		if o.ALBLogBucket == "" || got != want {
			t.Errorf("%s: warns about access log bucket %q: %v, want %v", env, o.ALBLogBucket, got, want)
		}
	}
}
