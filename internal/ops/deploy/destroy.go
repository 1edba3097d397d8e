package deploy

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/supabase-eks/supabase-eks/internal/artifacts"
	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/names"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/internal/ops/kube"
	"github.com/supabase-eks/supabase-eks/internal/ops/runner"
)

// DestroySteps is the teardown in order. The load balancer goes first: the
// AWS Load Balancer Controller created it (and its security groups) outside
// Terraform, and while it exists `terraform destroy` cannot delete the
// subnets and the VPC.
func (d *Deployer) DestroySteps() []Step {
	return []Step{
		{Name: "preflight", Desc: "check tools, versions and AWS identity", Run: d.Preflight, Guard: true},
		{Name: "outputs", Desc: "make sure " + d.OutputsPath() + " exists (terraform output -json)", Run: d.EnsureOutputs},
		{Name: "confirm", Desc: "show what will be lost and ask for confirmation", Run: d.ConfirmDestroy, Guard: true},
		{Name: "kubeconfig", Desc: "aws eks update-kubeconfig (context " + d.KubeContext() + ")", Run: d.KubeconfigTolerant},
		{Name: "delete-ingress", Desc: "delete the Ingress and LoadBalancer Services; wait for the ALB and its security groups to disappear", Run: d.DeleteIngress},
		{Name: "delete-workloads", Desc: "remove the Supabase objects and their volumes", Run: d.DeleteWorkloads},
		{Name: "uninstall-addons", Desc: "helm uninstall of the add-ons, in reverse order", Run: d.UninstallAddons},
		{Name: "infra-destroy", Desc: "terraform destroy of " + d.StackDir(), Run: d.InfraDestroy},
		{Name: "finish", Desc: "list what is left and how to remove it", Run: d.Finish},
	}
}

// Warnings are the consequences of destroying this environment that the
// operator must read first.
func (d *Deployer) Warnings(o *outputs.Outputs) []string {
	db := d.Env.Database
	var w []string
	if db.DeletionProtection {
		w = append(w, fmt.Sprintf("RDS deletion protection is ON for %s: terraform destroy will stop at the database. To really delete it: aws rds modify-db-instance --db-instance-identifier <id> --no-deletion-protection --apply-immediately --region %s, then re-run `make destroy ENV=%s`.", d.Env.Name, d.Env.Region, d.Env.Name))
	}
	if db.SkipFinalSnapshot {
		w = append(w, "NO final RDS snapshot will be taken (skipFinalSnapshot): the database's data is gone for good once destroyed (automated backups are deleted with the instance).")
	} else {
		w = append(w, "A final RDS snapshot is taken on delete and KEPT (it costs storage until you delete it: aws rds describe-db-snapshots --snapshot-type manual).")
	}
	if o != nil {
		buckets := o.StorageBucketName + " and " + o.BackupBucketName
		if db.RetainBackupsOnDestroy {
			buckets = o.StorageBucketName
		}
		w = append(w, fmt.Sprintf("S3 bucket(s) %s are versioned; Terraform refuses to delete a non-empty bucket. Nothing here empties them: copy what you need, then empty every object version (console 'Empty bucket', or `aws s3api delete-objects` over `list-object-versions`) and re-run.", buckets))
	} else {
		w = append(w, "S3 buckets (storage, backups) are versioned; Terraform refuses to delete a non-empty bucket: empty every object version first, then re-run.")
	}
	// A bucket that is not force_destroy (teardown.forceDestroyBuckets) keeps its logs.
	if o != nil && o.ALBLogBucket != "" && !d.Env.Teardown.ForceDestroyBuckets {
		w = append(w, fmt.Sprintf("The access log bucket %s is not emptied either; Terraform refuses to delete it while it holds logs (they expire after %d days). Copy what you need, then `aws s3 rm s3://%s --recursive` (it is unversioned) and re-run.", o.ALBLogBucket, d.Env.Observability.AccessLogDays, o.ALBLogBucket))
	}
	if db.RetainBackupsOnDestroy {
		w = append(w, fmt.Sprintf("The backups bucket %s is not part of this stack: the bootstrap stack owns it, so the logical backups outlive the teardown (and the deployer role cannot delete them).", names.BackupBucket(d.Env.ResourcePrefix(), d.Env.AccountID)))
	}
	if db.RetainKeyOnDestroy {
		w = append(w, "The KMS key is KEPT (taken out of the Terraform state, not deleted): the final snapshot and retained backups stay readable. The Secrets Manager secrets enter their recovery window; a redeploy under the same names within that window fails until they are restored or force-deleted.")
	} else {
		w = append(w, "The KMS key is scheduled for deletion (7-30 day window), and the Secrets Manager secrets enter their recovery window; a redeploy under the same names within that window fails until they are restored or force-deleted.")
	}
	w = append(w,
		"Everything in the Supabase namespace, including PersistentVolumes and their EBS volumes, is deleted.")
	return w
}

// EnsureOutputs recreates the outputs file from the Terraform state when it
// is missing (a teardown from another checkout).
func (d *Deployer) EnsureOutputs(ctx context.Context) error {
	if _, err := d.loadOutputs(); err == nil {
		return nil
	}
	if err := d.InfraInit(ctx); err != nil {
		return err
	}
	return d.WriteOutputs(ctx)
}

// ConfirmDestroy prints the warnings and asks for the environment's name.
func (d *Deployer) ConfirmDestroy(ctx context.Context) error {
	o, _ := d.loadOutputs()
	d.logf("")
	d.logf("    DESTROYING environment %s (account %s, region %s, stack %s)", d.Env.Name, d.Env.AccountID, d.Env.Region, d.Env.StackName())
	for _, w := range d.Warnings(o) {
		d.logf("    WARNING: %s", w)
	}
	d.logf("")
	return d.approve(fmt.Sprintf("Type the environment name (%s) to destroy it", d.Env.Name), d.Env.Name, "re-run with --yes (make destroy ENV="+d.Env.Name+" AUTO_APPROVE=1) once you accept the warnings above")
}

// KubeconfigTolerant writes the kubeconfig; a cluster that is already gone
// is not an error (the Kubernetes steps are then skipped).
func (d *Deployer) KubeconfigTolerant(ctx context.Context) error {
	o, err := d.loadOutputs()
	if err != nil {
		return err
	}
	if _, err := d.run(ctx, runner.Cmd{Name: "aws", Args: []string{"eks", "describe-cluster", "--name", o.ClusterName, "--region", o.Region, "--query", "cluster.status", "--output", "text"}}); err != nil {
		d.logf("    cluster %s not found or not reachable (%v): skipping the Kubernetes steps", o.ClusterName, err)
		d.clusterGone = true
		return nil
	}
	return d.Kubeconfig(ctx)
}

// DeleteIngress removes every load balancer the cluster created and waits
// until AWS confirms the ALBs and their security groups are gone.
func (d *Deployer) DeleteIngress(ctx context.Context) error {
	o, err := d.loadOutputs()
	if err != nil {
		return err
	}
	if !d.clusterGone {
		kc := d.Kube()
		// The controller's finalizer holds the Ingress until the ALB is deleted,
		// so --wait returns once the controller has done its part.
		if _, err := d.R.Run(ctx, kc.Cmd("delete", "ingress", "--all", "-n", outputs.Namespace, "--ignore-not-found", "--wait=true", "--timeout="+d.timeout().String())); err != nil {
			return fmt.Errorf("%w (is the aws-load-balancer-controller still running? `make logs COMPONENT=alb`)", err)
		}
		if err := d.deleteLoadBalancerServices(ctx, kc); err != nil {
			return err
		}
	}
	// Then trust AWS, not the cluster: poll until nothing in the VPC remains.
	deadline := d.now().Add(d.timeout())
	for {
		lbs, sgs, err := d.leftoverLoadBalancers(ctx, o)
		if err != nil {
			return err
		}
		if len(lbs) == 0 && len(sgs) == 0 {
			d.logf("    no load balancers or controller security groups left in %s", o.VpcID)
			return nil
		}
		if !d.now().Before(deadline) {
			return fmt.Errorf("after %s, still in VPC %s: load balancers %v, security groups %v; delete them in the EC2 console (or aws elbv2 delete-load-balancer / aws ec2 delete-security-group) and re-run with --from delete-ingress", d.timeout(), o.VpcID, lbs, sgs)
		}
		d.logf("    waiting: load balancers %v, security groups %v", lbs, sgs)
		if err := d.sleep(ctx, 15*time.Second); err != nil {
			return err
		}
	}
}

func (d *Deployer) deleteLoadBalancerServices(ctx context.Context, kc *kube.Client) error {
	res, err := d.R.Run(ctx, kc.Cmd("get", "services", "--all-namespaces", "-o", "json"))
	if err != nil {
		return err
	}
	var list struct {
		Items []struct {
			Metadata struct{ Name, Namespace string } `json:"metadata"`
			Spec     struct{ Type string }            `json:"spec"`
		} `json:"items"`
	}
	if err := json.Unmarshal(res.Stdout, &list); err != nil {
		return fmt.Errorf("parsing services: %w", err)
	}
	for _, s := range list.Items {
		if s.Spec.Type == "LoadBalancer" {
			d.logf("    deleting LoadBalancer service %s/%s", s.Metadata.Namespace, s.Metadata.Name)
			if _, err := d.R.Run(ctx, kc.Cmd("delete", "service", s.Metadata.Name, "-n", s.Metadata.Namespace, "--wait=true", "--timeout="+d.timeout().String())); err != nil {
				return err
			}
		}
	}
	return nil
}

// leftoverLoadBalancers lists the load balancers in the VPC and the
// security groups the controller tagged for this cluster.
func (d *Deployer) leftoverLoadBalancers(ctx context.Context, o *outputs.Outputs) ([]string, []string, error) {
	res, err := d.R.Run(ctx, runner.Cmd{Name: "aws", Args: []string{"elbv2", "describe-load-balancers", "--region", o.Region, "--output", "json"}})
	if err != nil {
		return nil, nil, err
	}
	var lbs struct {
		LoadBalancers []struct {
			LoadBalancerName string
			VpcId            string
		}
	}
	if err := json.Unmarshal(res.Stdout, &lbs); err != nil {
		return nil, nil, fmt.Errorf("parsing describe-load-balancers: %w", err)
	}
	var names []string
	for _, lb := range lbs.LoadBalancers {
		if lb.VpcId == o.VpcID {
			names = append(names, lb.LoadBalancerName)
		}
	}
	res, err = d.R.Run(ctx, runner.Cmd{Name: "aws", Args: []string{"ec2", "describe-security-groups", "--region", o.Region, "--output", "json",
		"--filters", "Name=vpc-id,Values=" + o.VpcID, "Name=tag:elbv2.k8s.aws/cluster,Values=" + o.ClusterName}})
	if err != nil {
		return nil, nil, err
	}
	var sgs struct {
		SecurityGroups []struct{ GroupId, GroupName string }
	}
	if err := json.Unmarshal(res.Stdout, &sgs); err != nil {
		return nil, nil, fmt.Errorf("parsing describe-security-groups: %w", err)
	}
	var groups []string
	for _, g := range sgs.SecurityGroups {
		groups = append(groups, g.GroupId)
	}
	return names, groups, nil
}

// DeleteWorkloads deletes the Supabase namespace's objects and waits for
// their volumes: dynamically provisioned EBS volumes are only deleted while
// the CSI driver still runs.
func (d *Deployer) DeleteWorkloads(ctx context.Context) error {
	if d.clusterGone {
		return nil
	}
	kc := d.Kube()
	if d.method() == "helm" {
		if _, err := d.R.Run(ctx, runner.Cmd{Name: "helm", Args: []string{"uninstall", "supabase", "--namespace", outputs.Namespace, "--kube-context", d.KubeContext(), "--ignore-not-found", "--wait", "--timeout", d.timeout().String()}}); err != nil {
			return err
		}
	}
	steps := [][]string{
		{"delete", "pvc", "--all", "-n", outputs.Namespace, "--ignore-not-found", "--wait=true", "--timeout=" + d.timeout().String()},
		{"delete", "namespace", outputs.Namespace, "--ignore-not-found", "--wait=true", "--timeout=" + d.timeout().String()},
	}
	for _, args := range steps {
		if _, err := d.R.Run(ctx, kc.Cmd(args...)); err != nil {
			return err
		}
	}
	return nil
}

// UninstallAddons removes the add-on releases in reverse install order.
func (d *Deployer) UninstallAddons(ctx context.Context) error {
	if d.clusterGone {
		return nil
	}
	releases, err := artifacts.LoadReleases(d.abs(d.DistDir() + "/addons"))
	if err != nil {
		return err
	}
	for i := len(releases) - 1; i >= 0; i-- {
		r := releases[i]
		if _, err := d.R.Run(ctx, runner.Cmd{Name: "helm", Args: []string{"uninstall", r.Name, "--namespace", r.Namespace, "--kube-context", d.KubeContext(), "--ignore-not-found", "--wait", "--timeout", d.timeout().String()}}); err != nil {
			return fmt.Errorf("add-on %s: %w", r.Name, err)
		}
	}
	return nil
}

// InfraDestroy runs terraform destroy; the operator approved in the confirm step.
func (d *Deployer) InfraDestroy(ctx context.Context) error {
	if err := d.requireStack(); err != nil {
		return err
	}
	if _, err := d.run(ctx, d.terraform("init", "-input=false")); err != nil {
		return err
	}
	kept, err := d.keepRetained(ctx)
	if err != nil {
		return err
	}
	_, err = d.run(ctx, d.terraform(append([]string{"destroy", "-input=false", "-auto-approve"}, d.varFileArgs()...)...))
	if err == nil {
		for _, addr := range slices.Sorted(maps.Keys(kept)) {
			d.logf("    KEPT %s", keptNote(addr, kept[addr], d.Env))
		}
		return nil
	}
	// The stack still exists: put what was kept back into the state, or a
	// later deploy would create a second key and re-encrypt everything.
	for addr, id := range kept {
		if _, ierr := d.run(ctx, d.terraform("import", "-input=false", addr, id)); ierr != nil {
			d.logf("    WARNING: could not put %s back into the state (%v): before deploying again run: terraform import %s %s (in %s)", addr, ierr, addr, id, d.StackDir())
		}
	}
	hints := []string{err.Error()}
	o, _ := d.loadOutputs()
	for _, w := range d.Warnings(o) {
		if strings.Contains(w, "deletion protection") || strings.Contains(w, "S3 bucket") || strings.Contains(w, "access log bucket") {
			hints = append(hints, w)
		}
	}
	return fmt.Errorf("terraform destroy did not finish:\n  %s\nthen resume with: supabase-eks destroy --env %s --from infra-destroy", strings.Join(hints, "\n  "), d.Env.Name)
}

// keptNote says why a resource outlived the teardown and how to remove it.
func keptNote(addr, id string, env config.Environment) string {
	switch {
	case strings.HasPrefix(addr, "aws_kms_key."):
		return fmt.Sprintf("%s (%s): it decrypts the final snapshot, the retained automated backups and the backups bucket. It stays in account %s, outside Terraform, until you schedule its deletion: aws kms schedule-key-deletion --key-id %s --pending-window-in-days 30 --region %s", addr, id, env.AccountID, id, env.Region)
	default:
		return fmt.Sprintf("%s (%s): marked prevent_destroy, left in account %s outside Terraform", addr, id, env.AccountID)
	}
}

// retainedResources are the addresses the stack marks prevent_destroy (the
// prod KMS key): Terraform refuses to plan a destroy that includes them.
func (d *Deployer) retainedResources() ([]string, error) {
	data, err := os.ReadFile(d.abs(filepath.Join(d.StackDir(), artifacts.StackFile)))
	if err != nil {
		return nil, err
	}
	st, err := artifacts.ParseStack(data)
	if err != nil {
		return nil, fmt.Errorf("%s/%s: %w", d.StackDir(), artifacts.StackFile, err)
	}
	return st.Retained(), nil
}

// keepRetained takes the retained resources out of the state, so the
// teardown leaves them in the account (not scheduled for deletion), and
// returns their addresses with their import ids (for a KMS key, its id).
func (d *Deployer) keepRetained(ctx context.Context) (map[string]string, error) {
	retained, err := d.retainedResources()
	if err != nil || len(retained) == 0 {
		return nil, err
	}
	list := d.terraform("state", "list")
	list.Stream = false
	res, err := d.run(ctx, list)
	if err != nil {
		return nil, err
	}
	inState := map[string]bool{}
	for _, l := range strings.Split(string(res.Stdout), "\n") {
		inState[strings.TrimSpace(l)] = true
	}
	kept := map[string]string{}
	for _, addr := range retained {
		if !inState[addr] {
			continue
		}
		show := d.terraform("state", "show", "-no-color", addr)
		show.Stream = false
		out, err := d.run(ctx, show)
		if err != nil {
			return kept, err
		}
		id := attribute(string(out.Stdout), "id")
		if id == "" {
			return kept, fmt.Errorf("terraform state show %s printed no id; not taking it out of the state", addr)
		}
		if _, err := d.run(ctx, d.terraform("state", "rm", addr)); err != nil {
			return kept, err
		}
		kept[addr] = id
	}
	return kept, nil
}

// attribute reads `name = "value"` from terraform state show output.
func attribute(show, name string) string {
	for _, l := range strings.Split(show, "\n") {
		k, v, ok := strings.Cut(strings.TrimSpace(l), "=")
		if ok && strings.TrimSpace(k) == name {
			return strings.Trim(strings.TrimSpace(v), `"`)
		}
	}
	return ""
}

// Finish lists what outlives the stack.
func (d *Deployer) Finish(ctx context.Context) error {
	o, _ := d.loadOutputs()
	cluster := d.Env.ResourcePrefix()
	if o != nil {
		cluster = o.ClusterName
	}
	d.logf("    Teardown of %s complete. Left behind on purpose, remove when no longer needed:", d.Env.Name)
	if !d.Env.Database.SkipFinalSnapshot {
		d.logf("      - the final RDS snapshot: aws rds describe-db-snapshots --snapshot-type manual --region %s", d.Env.Region)
	}
	d.logf("      - CloudWatch log groups created by AWS services (RDS enhanced monitoring, Container Insights): aws logs describe-log-groups --log-group-name-prefix %s --region %s; %s", names.EnhancedMonitoringLogGroup, d.Env.Region, names.ContainerInsightsLogGroups(cluster))
	if d.Env.Database.RetainBackupsOnDestroy {
		d.logf("      - the backups bucket %s, which the bootstrap stack owns (remove its prevent_destroy there once no dump is needed)", names.BackupBucket(d.Env.ResourcePrefix(), d.Env.AccountID))
	}
	if d.Env.Database.RetainKeyOnDestroy {
		d.logf("      - the KMS key, kept on purpose (see KEPT above), and the secrets in their recovery window")
	} else {
		d.logf("      - the KMS key pending deletion and the secrets in their recovery window (see the warnings above)")
	}
	d.logf("      - the Terraform state object %s in s3://%s, and the kubeconfig context %s (kubectl config delete-context %s)", d.Env.State.Key, d.Env.State.Bucket, d.KubeContext(), d.KubeContext())
	d.logf("      - %s (rm it; it describes resources that no longer exist)", d.OutputsPath())
	return nil
}

// DiffSteps shows what a deploy would change, without changing anything.
func (d *Deployer) DiffSteps() []Step {
	return []Step{
		{Name: "infra-plan", Desc: "terraform plan of " + d.StackDir(), Run: d.InfraPlan},
		{Name: "k8s-diff", Desc: "kubectl diff of dist/" + d.Env.Name + " against the cluster", Run: d.KubeDiff},
	}
}

// InfraPlan runs terraform plan without saving or applying it.
func (d *Deployer) InfraPlan(ctx context.Context) error {
	if err := d.requireStack(); err != nil {
		return err
	}
	if _, err := d.run(ctx, d.terraform("init", "-input=false")); err != nil {
		return err
	}
	_, err := d.run(ctx, d.terraform(append([]string{"plan", "-input=false", "-lock=false", "-detailed-exitcode"}, d.varFileArgs()...)...))
	switch runner.ExitCode(err) {
	case 0:
		d.logf("    AWS layer: no changes")
		return nil
	case 2:
		d.logf("    AWS layer: changes pending (above)")
		return nil
	}
	return err
}

// KubeDiff runs kubectl diff over each manifest file (exit 1 means differences).
func (d *Deployer) KubeDiff(ctx context.Context) error {
	files, err := d.manifestFiles()
	if err != nil {
		return err
	}
	kc := d.Kube()
	changed := 0
	for _, f := range files {
		c := kc.Cmd("diff", "-f", f)
		c.Stream = true
		_, err := d.R.Run(ctx, c)
		switch runner.ExitCode(err) {
		case 0:
		case 1:
			changed++
		default:
			return err
		}
	}
	d.logf("    Kubernetes: %d of %d manifest files differ from the cluster", changed, len(files))
	return nil
}
