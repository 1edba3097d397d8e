package deploy

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/supabase-eks/supabase-eks/internal/artifacts"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/internal/ops/kube"
	"github.com/supabase-eks/supabase-eks/internal/ops/restore"
	"github.com/supabase-eks/supabase-eks/internal/ops/runner"
)

// RestorePodName is the pod a dump restore runs in.
const RestorePodName = "db-restore"

// DumpRestore restores one of the backup CronJob's dumps into the
// environment's database. The operator's machine has no route into the
// VPC, so the restore runs in a pod built from the backup CronJob's pod
// template (the one pod kind already admitted to RDS as the master): the
// dump is downloaded here with the operator's credentials, streamed into
// the pod, and internal/ops/restore runs its pg_restore and psql there
// through kubectl exec.
type DumpRestore struct {
	D *Deployer
	// Object is s3://<backups bucket>/<prefix><env>/<file>.dump.
	Object string
	// Force restores into a non-empty database (restore.Options.Force).
	Force bool
}

// Steps is the dump restore in order.
func (r *DumpRestore) Steps() []Step {
	d := r.D
	return []Step{
		{Name: "preflight", Desc: "check aws, kubectl and the AWS identity", Run: r.Preflight, Guard: true},
		{Name: "check-object", Desc: "the dump must be one of this environment's backups (aws s3api head-object)", Run: r.CheckObject},
		{Name: "confirm", Desc: "say what is restored where and ask for confirmation", Run: r.Confirm, Guard: true},
		{Name: "download", Desc: "aws s3 cp the dump into " + r.localPath(), Run: r.Download},
		{Name: "start-pod", Desc: "start pod " + RestorePodName + " from the backup CronJob's pod template in dist/" + d.Env.Name, Run: r.StartPod},
		{Name: "upload", Desc: "stream the dump into the pod's scratch volume and check its size", Run: r.Upload},
		{Name: "restore", Desc: "run the restore (internal/ops/restore) in the pod: refuse a non-empty database unless forced, one transaction", Run: r.Restore},
		{Name: "cleanup", Desc: "delete the pod and the local copy of the dump", Run: r.Cleanup},
	}
}

// Preflight checks the two tools the restore uses and the account.
func (r *DumpRestore) Preflight(ctx context.Context) error {
	d := r.D
	if _, err := CheckTools(ctx, d.R, []Tool{ToolAWS, ToolKubectl(d.Env.Cluster.KubernetesVersion)}); err != nil {
		return err
	}
	return d.checkIdentity(ctx)
}

// bucketKey splits Object and checks it names this environment's backups.
func (r *DumpRestore) bucketKey(o *outputs.Outputs) (string, string, error) {
	rest, ok := strings.CutPrefix(r.Object, "s3://")
	bucket, key, _ := strings.Cut(rest, "/")
	want := o.BackupPrefix + r.D.Env.Name + "/"
	switch {
	case !ok || bucket == "" || key == "":
		return "", "", fmt.Errorf("--object %q: want s3://%s/%s<file>.dump", r.Object, o.BackupBucketName, want)
	case bucket != o.BackupBucketName:
		return "", "", fmt.Errorf("--object %q: bucket %s is not %s's backups bucket %s", r.Object, bucket, r.D.Env.Name, o.BackupBucketName)
	case !strings.HasPrefix(key, want) || strings.HasSuffix(key, "/") || strings.Contains(key, ".."):
		return "", "", fmt.Errorf("--object %q: key must be a dump under %s (the backup CronJob's prefix for %s)", r.Object, want, r.D.Env.Name)
	}
	return bucket, key, nil
}

// CheckObject refuses a dump that is not this environment's, or absent.
func (r *DumpRestore) CheckObject(ctx context.Context) error {
	d := r.D
	o, err := d.loadOutputs()
	if err != nil {
		return err
	}
	bucket, key, err := r.bucketKey(o)
	if err != nil {
		return err
	}
	res, err := d.run(ctx, runner.Cmd{Name: "aws", Args: []string{"s3api", "head-object", "--bucket", bucket, "--key", key, "--region", o.Region, "--output", "json"}})
	if err != nil {
		return fmt.Errorf("%s: %w (list the dumps: aws s3 ls s3://%s/%s%s/ --recursive)", r.Object, err, bucket, o.BackupPrefix, d.Env.Name)
	}
	var head struct {
		ContentLength int64     `json:"ContentLength"`
		LastModified  time.Time `json:"LastModified"`
	}
	if err := json.Unmarshal(res.Stdout, &head); err != nil {
		return fmt.Errorf("parsing aws s3api head-object: %w", err)
	}
	if head.ContentLength == 0 {
		return fmt.Errorf("%s is empty: not a dump", r.Object)
	}
	d.logf("    %s: %d bytes, written %s", r.Object, head.ContentLength, head.LastModified.UTC().Format(time.RFC3339))
	return nil
}

// Confirm says what happens and asks for the environment's name.
func (r *DumpRestore) Confirm(ctx context.Context) error {
	d := r.D
	o, err := d.loadOutputs()
	if err != nil {
		return err
	}
	d.logf("")
	d.logf("    RESTORING %s into database %s on %s (environment %s, account %s)", r.Object, o.DBName, o.DBHost, d.Env.Name, d.Env.AccountID)
	if r.Force {
		d.logf("    --force: every object the dump holds is DROPPED and recreated from it; objects it does not hold stay")
	} else {
		d.logf("    a database holding any table, view or sequence is refused (pass --force to replace what the dump holds)")
	}
	d.logf("")
	return d.approve(fmt.Sprintf("Type the environment name (%s) to restore into its database", d.Env.Name), d.Env.Name,
		"re-run with --yes (make restore ENV="+d.Env.Name+" MODE=dump AUTO_APPROVE=1) once you accept the above")
}

// localPath is where the dump is downloaded (the repository's .cache, not
// committed).
func (r *DumpRestore) localPath() string {
	return filepath.Join(".cache", "restore", r.D.Env.Name, path.Base(r.Object))
}

// Download copies the dump here.
func (r *DumpRestore) Download(ctx context.Context) error {
	d := r.D
	o, err := d.loadOutputs()
	if err != nil {
		return err
	}
	if _, _, err := r.bucketKey(o); err != nil {
		return err
	}
	local := d.abs(r.localPath())
	if err := os.MkdirAll(filepath.Dir(local), 0o700); err != nil {
		return err
	}
	_, err = d.run(ctx, runner.Cmd{Name: "aws", Args: []string{"s3", "cp", r.Object, local, "--region", o.Region, "--only-show-errors"}, Stream: true})
	return err
}

func (r *DumpRestore) pod() (kube.RestorePod, error) {
	d := r.D
	objs, err := artifacts.ReadManifests(d.abs(d.DistDir()))
	if err != nil {
		return kube.RestorePod{}, err
	}
	// The pod ends by itself well after any wait of this run.
	lifetime := int64(max(time.Hour, 4*d.timeout()) / time.Second)
	return kube.NewRestorePod(objs, outputs.Namespace, RestorePodName, lifetime)
}

// StartPod creates the restore pod (replacing a leftover one) and waits
// until it runs.
func (r *DumpRestore) StartPod(ctx context.Context) error {
	d := r.D
	p, err := r.pod()
	if err != nil {
		return err
	}
	return d.Kube().StartPod(ctx, p, d.timeout())
}

func (r *DumpRestore) exec(p kube.RestorePod) *kube.ExecRunner {
	return &kube.ExecRunner{Client: r.D.Kube(), Pod: p.Name, Container: p.Container}
}

// Upload streams the local dump into the pod and compares sizes.
func (r *DumpRestore) Upload(ctx context.Context) error {
	d := r.D
	p, err := r.pod()
	if err != nil {
		return err
	}
	local := d.abs(r.localPath())
	f, err := os.Open(local)
	if err != nil {
		return fmt.Errorf("%s: %w (run the download step)", r.localPath(), err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	target := path.Join(p.ScratchDir, "postgres.dump")
	ex := r.exec(p)
	if _, err := ex.Run(ctx, runner.Cmd{Name: "sh", Args: []string{"-c", "cat > " + target}, Stdin: f}); err != nil {
		return err
	}
	res, err := ex.Run(ctx, runner.Cmd{Name: "stat", Args: []string{"-c", "%s", target}})
	if err != nil {
		return err
	}
	got, err := strconv.ParseInt(strings.TrimSpace(string(res.Stdout)), 10, 64)
	if err != nil || got != st.Size() {
		return fmt.Errorf("the pod holds %q bytes of %s, the download %d: the transfer was cut short", strings.TrimSpace(string(res.Stdout)), target, st.Size())
	}
	d.logf("    %d bytes in %s:%s", got, p.Name, target)
	return nil
}

// Restore runs internal/ops/restore inside the pod.
func (r *DumpRestore) Restore(ctx context.Context) error {
	d := r.D
	p, err := r.pod()
	if err != nil {
		return err
	}
	res, err := restore.Run(ctx, r.exec(p), restore.Options{
		Dump: path.Join(p.ScratchDir, "postgres.dump"), WorkDir: p.ScratchDir, Remote: true,
		// The pod's own environment holds the master's credentials; only
		// the database, which restore.Run requires, is named here.
		Env:   []string{"PGDATABASE=" + p.Database},
		Force: r.Force,
	})
	if err != nil {
		return err
	}
	d.logf("    restored %d archive entries; left %d to the bootstrap (its schemas, extensions, publication, event triggers)", res.Entries, len(res.Skipped))
	return nil
}

// Cleanup deletes the pod and the local copy: the dump holds the users'
// data and must not stay on an operator's disk.
func (r *DumpRestore) Cleanup(ctx context.Context) error {
	d := r.D
	if err := d.Kube().DeletePod(ctx, RestorePodName); err != nil {
		return err
	}
	if err := os.Remove(d.abs(r.localPath())); err != nil && !os.IsNotExist(err) {
		return err
	}
	d.logf("    deleted pod %s and %s", RestorePodName, r.localPath())
	return nil
}
