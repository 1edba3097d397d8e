package deploy

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/supabase-eks/supabase-eks/internal/capacity"
	"github.com/supabase-eks/supabase-eks/internal/contract/names"
)

func TestALBAlarmsRecordsTheLoadBalancerAndReapplies(t *testing.T) {
	fx := newFixture(t, "dev")
	fx.fake.On("aws elbv2 describe-load-balancers", `{"LoadBalancers":[
	  {"DNSName":"other.us-east-1.elb.amazonaws.com","LoadBalancerArn":"arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/other/1"},
	  {"DNSName":"supabase-dev-1.us-east-1.elb.amazonaws.com","LoadBalancerArn":"arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/supabase-dev/50dc6c495c0c9188"}]}`, 0)
	if err := fx.d.RunSteps(context.Background(), "deploy", fx.d.DeploySteps(), "alb-alarms", ""); err != nil {
		t.Fatalf("%v\n%s", err, fx.log)
	}
	data, err := os.ReadFile(filepath.Join(fx.root, "outputs", "dev.alb.tfvars.json"))
	if err != nil {
		t.Fatal(err)
	}
	var vars map[string]string
	if err := json.Unmarshal(data, &vars); err != nil || vars["alb_arn_suffix"] != "app/supabase-dev/50dc6c495c0c9188" {
		t.Fatalf("tfvars %s (%v)", data, err)
	}
	plans := fx.fake.Called("[" + filepath.Join(fx.root, "cdktf.out/stacks/supabase-dev") + "] terraform plan")
	if len(plans) != 1 || !strings.Contains(plans[0], "-var-file="+filepath.Join(fx.root, "outputs", "dev.alb.tfvars.json")) {
		t.Fatalf("re-apply did not pass the learned variables: %v", plans)
	}
	// Later plans (deploy, diff, destroy) keep passing them.
	if args := fx.d.varFileArgs(); len(args) != 2 {
		t.Fatalf("varFileArgs %v", args)
	}
	// The connections alarm's threshold is the budget of dist/dev.
	data, err = os.ReadFile(filepath.Join(fx.root, "outputs", "dev.capacity.tfvars.json"))
	if err != nil {
		t.Fatal(err)
	}
	var capVars map[string]int
	if err := json.Unmarshal(data, &capVars); err != nil {
		t.Fatal(err)
	}
	b, err := capacity.Model("dev", filepath.Join(fx.root, "dist", "dev"), fx.d.Env.Database.InstanceClass)
	if err != nil {
		t.Fatal(err)
	}
	if got := capVars[capacity.AlarmThresholdVariable]; got != b.Total() || got > b.MaxConnections*8/10 {
		t.Errorf("threshold %d, want the budget's total %d (at most 80 %% of %d)", got, b.Total(), b.MaxConnections)
	}
	if !strings.Contains(plans[0], "-var-file="+filepath.Join(fx.root, "outputs", "dev.capacity.tfvars.json")) {
		t.Errorf("re-apply did not pass the threshold: %v", plans)
	}
}

func TestALBAlarmsWithoutALoadBalancerOnlyWarns(t *testing.T) {
	fx := newFixture(t, "dev")
	if err := fx.d.RunSteps(context.Background(), "deploy", fx.d.DeploySteps(), "alb-alarms", ""); err != nil {
		t.Fatalf("%v\n%s", err, fx.log)
	}
	if !strings.Contains(fx.log.String(), "ALB alarms not wired") {
		t.Fatalf("no warning:\n%s", fx.log)
	}
	if _, err := os.Stat(filepath.Join(fx.root, "outputs", "dev.alb.tfvars.json")); err == nil {
		t.Fatal("variables written without a load balancer")
	}
}

// The pooler's saturation filters are switched on once the Container
// Insights add-on has created their log group, and passed to every later
// plan; before that the deploy warns and leaves them off.
func TestPoolerLogAlarmsWaitForTheirLogGroup(t *testing.T) {
	fx := newFixture(t, "prod")
	if !fx.d.Env.Workloads.Pooler.Enabled || !fx.d.Env.Observability.ContainerInsights {
		t.Skip("prod renders no pooler with Container Insights")
	}
	fx.fake.On("aws elbv2 describe-load-balancers", `{"LoadBalancers":[]}`, 0)
	fx.fake.On("aws logs describe-log-groups", `{"logGroups":[]}`, 0)
	if err := fx.d.RunSteps(context.Background(), "deploy", fx.d.DeploySteps(), "alb-alarms", ""); err != nil {
		t.Fatalf("%v\n%s", err, fx.log)
	}
	vars := filepath.Join(fx.root, "outputs", "prod.logs.tfvars.json")
	if _, err := os.Stat(vars); err == nil || !strings.Contains(fx.log.String(), "pooler saturation alarms not wired") {
		t.Fatalf("without the log group: tfvars written or no warning\n%s", fx.log)
	}
	group := names.ContainerInsightsApplicationLogGroup("supabase-prod")
	fx.fake.On("aws logs describe-log-groups", `{"logGroups":[{"logGroupName":"`+group+`-other"},{"logGroupName":"`+group+`"}]}`, 0)
	if err := fx.d.RunSteps(context.Background(), "deploy", fx.d.DeploySteps(), "alb-alarms", ""); err != nil {
		t.Fatalf("%v\n%s", err, fx.log)
	}
	data, err := os.ReadFile(vars)
	var got map[string]bool
	if err != nil || json.Unmarshal(data, &got) != nil || !got[names.PoolerLogAlarmsVariable] {
		t.Fatalf("with the log group: %s %v", data, err)
	}
	if !strings.Contains(strings.Join(fx.d.varFileArgs(), " "), "-var-file="+vars) {
		t.Errorf("later plans do not pass %s: %v", vars, fx.d.varFileArgs())
	}
}
