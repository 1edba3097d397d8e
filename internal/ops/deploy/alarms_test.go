package deploy

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/supabase-eks/supabase-eks/internal/capacity"
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
