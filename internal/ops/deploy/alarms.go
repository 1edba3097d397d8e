package deploy

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/supabase-eks/supabase-eks/internal/capacity"
	"github.com/supabase-eks/supabase-eks/internal/contract/names"
	"github.com/supabase-eks/supabase-eks/internal/ops/runner"
)

// ALBVarsPath holds the Terraform variables learned after the first deploy:
// the ARN suffix of the ALB that the AWS Load Balancer Controller created.
// Every plan and apply of the environment passes it, so the ALB alarms
// (infra/observability) stay in place.
func (d *Deployer) ALBVarsPath() string {
	return filepath.Join("outputs", d.Env.Name+".alb.tfvars.json")
}

// CapacityVarsPath holds the connections alarm's threshold computed from
// the connection budget of dist/<env> (internal/capacity).
func (d *Deployer) CapacityVarsPath() string {
	return filepath.Join("outputs", d.Env.Name+".capacity.tfvars.json")
}

// LogVarsPath records that the log group the pooler's saturation filters
// need exists (the Container Insights add-on creates it, not Terraform).
func (d *Deployer) LogVarsPath() string {
	return filepath.Join("outputs", d.Env.Name+".logs.tfvars.json")
}

// varFileArgs returns -var-file for the learned variables, when present.
func (d *Deployer) varFileArgs() []string {
	var args []string
	for _, rel := range []string{d.ALBVarsPath(), d.CapacityVarsPath(), d.LogVarsPath()} {
		if p := d.abs(rel); fileExists(p) {
			args = append(args, "-var-file="+p)
		}
	}
	return args
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// writeConnectionsThreshold records the connection budget of dist/<env>
// (what every component can open at full scale-out, the pooler's pools
// included) as the RDS connections alarm's threshold, capped at
// capacity.Threshold of max_connections like the stack's default.
func (d *Deployer) writeConnectionsThreshold() error {
	b, err := capacity.Model(d.Env.Name, d.abs(d.DistDir()), d.Env.Database.InstanceClass)
	if err != nil {
		return fmt.Errorf("connection budget of %s: %w", d.DistDir(), err)
	}
	threshold := min(b.Total(), int(math.Floor(capacity.Threshold*float64(b.MaxConnections))))
	data, _ := json.MarshalIndent(map[string]int{capacity.AlarmThresholdVariable: threshold}, "", "  ")
	path := d.abs(d.CapacityVarsPath())
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
		return err
	}
	d.logf("    RDS connections alarm at %d of max_connections %d (the budget at full scale-out; %s)", threshold, b.MaxConnections, d.CapacityVarsPath())
	return nil
}

// ALBAlarms finds the Ingress's load balancer, records its ARN suffix and
// the connection budget's total, and re-applies the AWS layer so the ALB
// 5xx and latency alarms exist and the RDS connections alarm fires above
// the budget. A missing load balancer is a warning, not a failure:
// Supabase already serves.
func (d *Deployer) ALBAlarms(ctx context.Context) error {
	if err := d.writeConnectionsThreshold(); err != nil {
		return err
	}
	if err := d.wirePoolerLogAlarms(ctx); err != nil {
		return err
	}
	hosts, err := d.Kube().IngressHostnames(ctx)
	if err != nil {
		return err
	}
	if len(hosts) == 0 {
		d.logf("    WARNING: the Ingress has no load balancer yet; ALB alarms not wired (re-run: make deploy ENV=%s FROM=alb-alarms)", d.Env.Name)
		return d.InfraApply(ctx)
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

// wirePoolerLogAlarms turns on the pooler's saturation filters once the
// Container Insights add-on has created the log group they sit on; before
// that a filter could not be created. Environments without the pooler or
// the add-on have no filters to wire.
func (d *Deployer) wirePoolerLogAlarms(ctx context.Context) error {
	if !d.Env.Workloads.Pooler.Enabled || !d.Env.Observability.ContainerInsights {
		return nil
	}
	group := names.ContainerInsightsApplicationLogGroup(d.Env.ResourcePrefix())
	res, err := d.run(ctx, runner.Cmd{Name: "aws", Args: []string{"logs", "describe-log-groups", "--log-group-name-prefix", group, "--region", d.Env.Region, "--output", "json"}})
	if err != nil {
		return err
	}
	var out struct {
		LogGroups []struct{ LogGroupName string }
	}
	if err := json.Unmarshal(res.Stdout, &out); err != nil {
		return fmt.Errorf("aws logs describe-log-groups: %w", err)
	}
	found := false
	for _, g := range out.LogGroups {
		found = found || g.LogGroupName == group
	}
	if !found {
		d.logf("    WARNING: %s does not exist yet (the Container Insights add-on creates it when it ships the first logs); pooler saturation alarms not wired (re-run: make deploy ENV=%s FROM=alb-alarms)", group, d.Env.Name)
		return nil
	}
	data, _ := json.MarshalIndent(map[string]bool{names.PoolerLogAlarmsVariable: true}, "", "  ")
	path := d.abs(d.LogVarsPath())
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
		return err
	}
	d.logf("    pooler saturation alarms on %s (%s)", group, d.LogVarsPath())
	return nil
}
