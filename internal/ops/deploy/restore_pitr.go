package deploy

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/supabase-eks/supabase-eks/internal/artifacts"
	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/names"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/internal/ops/runner"
	"github.com/supabase-eks/supabase-eks/internal/ops/secretvalues"
)

// PITR is one point-in-time restore of the environment's database, run
// through the deploy's own steps: the restore is configuration
// (database.pointInTimeRestore, written to config.RestoreFile), Terraform
// creates the restored instance and forgets the old one, and the
// Kubernetes side follows the new outputs.
type PITR struct {
	D       *Deployer
	Restore config.PointInTimeRestore
}

// Steps is the restore workflow in order. preflight and confirm run on
// every resume: a restore resumed at infra-apply still checks the account
// and asks.
func (p *PITR) Steps() []Step {
	d := p.D
	return []Step{
		{Name: "preflight", Desc: "check tools, versions and AWS identity", Run: d.Preflight, Guard: true},
		{Name: "check-window", Desc: "the time must lie in the source's restorable window (aws rds describe-db-instance-automated-backups)", Run: p.CheckWindow},
		{Name: "confirm", Desc: "show what the restore does and ask for confirmation", Run: p.Confirm, Guard: true},
		{Name: "configure", Desc: "write database.pointInTimeRestore to " + config.RestoreFile(d.Env.Name), Run: p.Configure},
		{Name: "infra-synth", Desc: "synthesize the Terraform JSON with the restored instance", Run: d.SynthInfra},
		{Name: "infra-init", Desc: "terraform init in " + d.StackDir(), Run: d.InfraInit},
		{Name: "infra-apply", Desc: "terraform plan (restored instance created, old one forgotten, not destroyed), then apply", Run: d.InfraApply},
		{Name: "outputs", Desc: "terraform output -json into " + d.OutputsPath() + " (new host, new master secret ARN)", Run: d.WriteOutputs},
		{Name: "k8s-synth", Desc: "render dist/" + d.Env.Name + " from the new outputs", Run: d.SynthK8s},
		{Name: "apply", Desc: "install the re-rendered manifests (External Secrets read the new master secret)", Run: d.Apply},
		{Name: "roll", Desc: "force the secrets sync, re-run the bootstrap Job on the restored database, restart the database's readers", Run: p.Roll},
		{Name: "smoke", Desc: "check REST, Auth and Storage through the load balancer", Run: d.SmokeStep},
		{Name: "finish", Desc: "list what the restore left behind and how to delete it", Run: p.Finish},
	}
}

// Target is the restored instance's identifier.
func (p *PITR) Target() string {
	return names.RestoredDBInstance(p.D.Env.ResourcePrefix(), p.Restore.Stamp())
}

// source describes the restore's source for messages and AWS calls.
func (p *PITR) sourceArgs() []string {
	if p.Restore.SourceDbiResourceID != "" {
		return []string{"--dbi-resource-id", p.Restore.SourceDbiResourceID}
	}
	return []string{"--db-instance-identifier", p.Restore.SourceIdentifier}
}

func (p *PITR) source() string {
	if p.Restore.SourceDbiResourceID != "" {
		return "the retained backups of " + p.Restore.SourceDbiResourceID
	}
	return p.Restore.SourceIdentifier
}

// CheckWindow refuses a time RDS cannot restore to, before anything is
// written: the apply would otherwise fail after the plan was approved.
func (p *PITR) CheckWindow(ctx context.Context) error {
	d := p.D
	at, err := p.Restore.At()
	if err != nil {
		return fmt.Errorf("--time %q: %w", p.Restore.Time, err)
	}
	args := append([]string{"rds", "describe-db-instance-automated-backups"}, p.sourceArgs()...)
	res, err := d.run(ctx, runner.Cmd{Name: "aws", Args: append(args, "--region", d.Env.Region, "--output", "json")})
	if err != nil {
		return err
	}
	var out struct {
		Backups []struct {
			Status        string `json:"Status"`
			RestoreWindow struct {
				EarliestTime time.Time `json:"EarliestTime"`
				LatestTime   time.Time `json:"LatestTime"`
			} `json:"RestoreWindow"`
		} `json:"DBInstanceAutomatedBackups"`
	}
	if err := json.Unmarshal(res.Stdout, &out); err != nil {
		return fmt.Errorf("parsing aws rds describe-db-instance-automated-backups: %w", err)
	}
	if len(out.Backups) == 0 {
		return fmt.Errorf("%s has no automated backups to restore from", p.source())
	}
	w := out.Backups[0].RestoreWindow
	if at.Before(w.EarliestTime) || at.After(w.LatestTime) {
		return fmt.Errorf("--time %s is outside the restorable window of %s: %s .. %s (UTC)", p.Restore.Time, p.source(),
			w.EarliestTime.UTC().Format(time.RFC3339), w.LatestTime.UTC().Format(time.RFC3339))
	}
	d.logf("    %s can be restored from %s to %s; %s lies inside", p.source(),
		w.EarliestTime.UTC().Format(time.RFC3339), w.LatestTime.UTC().Format(time.RFC3339), p.Restore.Time)
	return nil
}

// Confirm says what happens and asks for the environment's name.
func (p *PITR) Confirm(ctx context.Context) error {
	d := p.D
	d.logf("")
	d.logf("    RESTORING the database of %s (account %s, region %s) to %s", d.Env.Name, d.Env.AccountID, d.Env.Region, p.Restore.Time)
	d.logf("    - Terraform creates %s from %s (same subnet group, parameter group, security group, key, Multi-AZ %v)", p.Target(), p.source(), d.Env.Database.MultiAZ)
	d.logf("    - the current instance is taken out of the Terraform state, NOT deleted: it keeps running (and costing) until you delete it")
	d.logf("    - Supabase is switched to the restored instance: writes made after %s exist only in the old instance", p.Restore.Time)
	d.logf("    - Storage objects are not restored by this: run `supabase-eks storage restore --env %s --time %s` for the same moment", d.Env.Name, p.Restore.Time)
	d.logf("")
	return d.approve(fmt.Sprintf("Type the environment name (%s) to restore its database", d.Env.Name), d.Env.Name,
		"re-run with --yes (make restore ENV="+d.Env.Name+" MODE=pitr AUTO_APPROVE=1) once you accept the above")
}

// Configure writes the restore into the environment's configuration. The
// file is committed with the change, like any other configuration.
func (p *PITR) Configure(ctx context.Context) error {
	d := p.D
	env := d.Env
	env.Database.PointInTimeRestore = &p.Restore
	if err := env.Validate(); err != nil {
		return err
	}
	path := d.abs(config.RestoreFile(d.Env.Name))
	data := config.EncodeRestore(p.Restore)
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		d.logf("    %s already holds this restore", config.RestoreFile(d.Env.Name))
		return nil
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if err := writeFileAtomic(path, data, 0o644); err != nil {
		return err
	}
	d.logf("    wrote %s: commit it with the restore (it stays while the restored instance is the database)", config.RestoreFile(d.Env.Name))
	return nil
}

// Roll makes the cluster use the restored instance: the External Secrets
// sync is forced (the master secret is the restored instance's own), the
// bootstrap Job runs on the restored database (it sets the role passwords
// the secrets hold now, which may have been rotated after the restore
// time), then every reader of the database restarts.
func (p *PITR) Roll(ctx context.Context) error {
	d := p.D
	o, err := d.loadOutputs()
	if err != nil {
		return err
	}
	if id := instanceOfHost(o.DBHost); id != "" && id != p.Target() {
		return fmt.Errorf("%s names the database host %s, not the restored instance %s: run the outputs step again", d.OutputsPath(), o.DBHost, p.Target())
	}
	objs, err := artifacts.ReadManifests(d.abs(d.DistDir()))
	if err != nil {
		return err
	}
	return secretvalues.Roll(ctx, d.Kube(), o, outputs.SecretDatabase, secretvalues.RollOptions{
		Manifests: objs, JobTimeout: d.timeout(), RolloutTimeout: d.timeout(),
	})
}

// Finish lists what the restore left behind.
func (p *PITR) Finish(ctx context.Context) error {
	d := p.D
	region := d.Env.Region
	d.logf("    %s now runs on %s, restored to %s.", d.Env.Name, p.Target(), p.Restore.Time)
	d.logf("    Commit %s. Once the restored data is verified, delete what Terraform no longer manages:", config.RestoreFile(d.Env.Name))
	if old := p.Restore.SourceIdentifier; old != "" {
		if d.Env.Database.DeletionProtection {
			d.logf("      aws rds modify-db-instance --db-instance-identifier %s --no-deletion-protection --apply-immediately --region %s", old, region)
		}
		d.logf("      aws rds delete-db-instance --db-instance-identifier %s --final-db-snapshot-identifier %s-before-%s --region %s", old, old, p.Restore.Stamp(), region)
		d.logf("      (its master secret goes with it; its automated backups are kept unless you add --delete-automated-backups)")
		if _, restored := config.RestoreStampOf(d.Env.ResourcePrefix(), old); restored {
			for _, kind := range names.RDSLogKinds {
				d.logf("      aws logs delete-log-group --log-group-name %s --region %s", names.RDSLogGroup(old, kind), region)
			}
		}
	}
	d.logf("    Until then the old instance costs what it did before (make cost shows the restored one only).")
	return nil
}

// instanceOfHost is the instance identifier in an RDS endpoint
// (<identifier>.<id>.<region>.rds.amazonaws.com); "" for another host.
func instanceOfHost(host string) string {
	if !strings.HasSuffix(host, ".rds.amazonaws.com") {
		return ""
	}
	id, _, _ := strings.Cut(host, ".")
	return id
}
