package deploy

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/supabase-eks/supabase-eks/internal/ops/runner"
)

// ALBVarsPath holds the Terraform variables learned after the first deploy:
// the ARN suffix of the ALB that the AWS Load Balancer Controller created.
// Every plan and apply of the environment passes it, so the ALB alarms
// (infra/observability) stay in place.
func (d *Deployer) ALBVarsPath() string {
	return filepath.Join("outputs", d.Env.Name+".alb.tfvars.json")
}

// varFileArgs returns -var-file for the learned variables, when present.
func (d *Deployer) varFileArgs() []string {
	p := d.abs(d.ALBVarsPath())
	if _, err := os.Stat(p); err != nil {
		return nil
	}
	return []string{"-var-file=" + p}
}

// ALBAlarms finds the Ingress's load balancer, records its ARN suffix and
// re-applies the AWS layer so the ALB 5xx and latency alarms exist. A
// missing load balancer is a warning, not a failure: Supabase already serves.
func (d *Deployer) ALBAlarms(ctx context.Context) error {
	hosts, err := d.Kube().IngressHostnames(ctx)
	if err != nil {
		return err
	}
	if len(hosts) == 0 {
		d.logf("    WARNING: the Ingress has no load balancer yet; ALB alarms not wired (re-run: make deploy ENV=%s FROM=alb-alarms)", d.Env.Name)
		return nil
	}
	res, err := d.run(ctx, runner.Cmd{Name: "aws", Args: []string{"elbv2", "describe-load-balancers", "--region", d.Env.Region, "--output", "json"}})
	if err != nil {
		return err
	}
	suffix, err := albARNSuffix(res.Stdout, hosts[0])
	if err != nil {
		d.logf("    WARNING: %v; ALB alarms not wired", err)
		return nil
	}
	data, _ := json.MarshalIndent(map[string]string{"alb_arn_suffix": suffix}, "", "  ")
	path := d.abs(d.ALBVarsPath())
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
		return err
	}
	d.logf("    ALB %s -> %s (%s)", hosts[0], suffix, d.ALBVarsPath())
	return d.InfraApply(ctx)
}

// albARNSuffix finds the load balancer with the DNS name and returns the
// part of its ARN CloudWatch uses as the LoadBalancer dimension (app/<name>/<id>).
func albARNSuffix(describe []byte, dnsName string) (string, error) {
	var out struct {
		LoadBalancers []struct {
			DNSName         string
			LoadBalancerArn string
		}
	}
	if err := json.Unmarshal(describe, &out); err != nil {
		return "", fmt.Errorf("aws elbv2 describe-load-balancers: %w", err)
	}
	for _, lb := range out.LoadBalancers {
		if strings.EqualFold(lb.DNSName, dnsName) {
			_, suffix, ok := strings.Cut(lb.LoadBalancerArn, ":loadbalancer/")
			if !ok {
				return "", fmt.Errorf("unexpected load balancer ARN %q", lb.LoadBalancerArn)
			}
			return suffix, nil
		}
	}
	return "", fmt.Errorf("no load balancer named %s in %s", dnsName, "the region")
}
