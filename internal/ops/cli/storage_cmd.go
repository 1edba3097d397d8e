package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"time"

	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/supabase-eks/supabase-eks/internal/artifacts"
	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/internal/ops/kube"
	"github.com/supabase-eks/supabase-eks/internal/ops/storagepitr"
)

func newS3(ctx context.Context, region string) (storagepitr.API, error) {
	cfg, err := awsconfig.LoadDefaultConfig(ctx, awsconfig.WithRegion(region))
	if err != nil {
		return nil, err
	}
	return s3.NewFromConfig(cfg), nil
}

// storageTime parses --time for a storage restore: UTC, past, and within
// the bucket's noncurrent-version retention (older versions are gone).
func storageTime(s string, now time.Time) (time.Time, error) {
	at, err := (config.PointInTimeRestore{Time: s}).At()
	switch {
	case s == "":
		return time.Time{}, usagef("--time is required (RFC 3339 in UTC, e.g. 2026-11-30T08:15:00Z)")
	case err != nil:
		return time.Time{}, usagef("--time %q: %v", s, err)
	case at.After(now):
		return time.Time{}, usagef("--time %s is in the future", s)
	case at.Before(now.AddDate(0, 0, -config.NoncurrentVersionDays)):
		return time.Time{}, usagef("--time %s is more than %d days ago: the storage bucket no longer keeps the versions of then", s, config.NoncurrentVersionDays)
	}
	return at, nil
}

// storageRestore brings the storage bucket's objects back to --time.
func (a *App) storageRestore(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("storage restore", flag.ContinueOnError)
	loadEnv := envFlag(fs)
	var at, outputsPath string
	var dryRun, yes bool
	fs.StringVar(&at, "time", "", "moment to restore the objects to, RFC 3339 in UTC")
	fs.StringVar(&outputsPath, "outputs", "", "outputs file (default outputs/<env>.json)")
	fs.BoolVar(&dryRun, "dry-run", false, "print what would change, change nothing")
	fs.BoolVar(&yes, "yes", false, "do not ask for confirmation")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	t, err := storageTime(at, a.now())
	if err != nil {
		return err
	}
	env, o, err := a.accountOutputs(ctx, loadEnv, outputsPath, "storage restore")
	if err != nil {
		return err
	}
	c, err := a.NewS3(ctx, o.Region)
	if err != nil {
		return err
	}
	entries, err := storagepitr.List(ctx, c, o.StorageBucketName, outputs.StorageTenant+"/")
	if err != nil {
		return err
	}
	plan := storagepitr.Plan(entries, t)
	n := map[storagepitr.Kind]int{}
	for _, act := range plan {
		n[act.Kind]++
		if dryRun || act.Kind == storagepitr.TooLarge {
			fmt.Fprintf(a.Stdout, "%-9s s3://%s/%s %s\n", act.Kind, o.StorageBucketName, act.Key, act.VersionID)
		}
	}
	fmt.Fprintf(a.Stderr, "s3://%s at %s: %d versions and delete markers; %d keys to bring back to an earlier version, %d to hide (created or re-created later), %d too large for one copy\n",
		o.StorageBucketName, at, len(entries), n[storagepitr.Revert], n[storagepitr.Hide], n[storagepitr.TooLarge])
	if dryRun || n[storagepitr.Revert]+n[storagepitr.Hide] == 0 {
		return nil
	}
	if !yes {
		if !a.Interactive {
			return errors.New("not confirmed (no terminal to ask on): re-run with --yes, or --dry-run to see the changes")
		}
		ok, err := a.confirm(fmt.Sprintf("Type the environment name (%s) to change these objects (no version is deleted)", env.Name), env.Name)
		if err != nil {
			return err
		}
		if !ok {
			return errors.New("aborted by the operator")
		}
	}
	done := 0
	err = storagepitr.Apply(ctx, c, o.StorageBucketName, plan, func(storagepitr.Action) { done++ })
	fmt.Fprintf(a.Stderr, "storage restore: %d of %d changes made\n", done, n[storagepitr.Revert]+n[storagepitr.Hide])
	if err != nil {
		return fmt.Errorf("%w (run the same command again to finish: what is done is skipped)", err)
	}
	if n[storagepitr.TooLarge] > 0 {
		return fmt.Errorf("%d objects over 5 GiB were left as they are (listed above): copy those versions back with `aws s3api` multipart copy", n[storagepitr.TooLarge])
	}
	fmt.Fprintf(a.Stderr, "then compare with the database: supabase-eks storage check --env %s\n", env.Name)
	return nil
}

// storageCheck compares storage.objects with the bucket's objects. The
// rows are read in a pod built from the backup CronJob (the CLI has no
// route to the database); the objects are listed with the operator's
// credentials.
func (a *App) storageCheck(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("storage check", flag.ContinueOnError)
	loadEnv := envFlag(fs)
	var outputsPath string
	var timeout time.Duration
	fs.StringVar(&outputsPath, "outputs", "", "outputs file (default outputs/<env>.json)")
	fs.DurationVar(&timeout, "timeout", 5*time.Minute, "bound for the pod to start")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	env, o, err := a.accountOutputs(ctx, loadEnv, outputsPath, "storage check")
	if err != nil {
		return err
	}
	objs, err := artifacts.ReadManifests(a.path(filepath.Join("dist", env.Name)))
	if err != nil {
		return err
	}
	pod, err := kube.NewRestorePod(objs, outputs.Namespace, "storage-check", int64(max(time.Hour, 2*timeout)/time.Second))
	if err != nil {
		return err
	}
	kc := &kube.Client{R: a.Runner, Context: env.KubeContext(), Namespace: outputs.Namespace, Sleep: a.Sleep, Log: a.Stderr}
	if err := kc.StartPod(ctx, pod, timeout); err != nil {
		return err
	}
	defer kc.DeletePod(context.WithoutCancel(ctx), pod.Name)
	rows, err := storagepitr.Rows(ctx, &kube.ExecRunner{Client: kc, Pod: pod.Name, Container: pod.Container}, "psql", []string{"PGDATABASE=" + pod.Database})
	if err != nil {
		return err
	}
	c, err := a.NewS3(ctx, o.Region)
	if err != nil {
		return err
	}
	entries, err := storagepitr.List(ctx, c, o.StorageBucketName, outputs.StorageTenant+"/")
	if err != nil {
		return err
	}
	rep := storagepitr.Check(rows, entries, outputs.StorageTenant)
	for _, r := range rep.MissingObjects {
		fmt.Fprintf(a.Stdout, "row without object: bucket %q name %q version %q (s3://%s/%s)\n", r.BucketID, r.Name, r.Version, o.StorageBucketName, r.Key(outputs.StorageTenant))
	}
	for _, k := range rep.OrphanObjects {
		fmt.Fprintf(a.Stdout, "object without row: s3://%s/%s\n", o.StorageBucketName, k)
	}
	fmt.Fprintf(a.Stderr, "storage check: %d rows, %d objects, %d rows without objects, %d objects without rows\n", rep.Rows, rep.Objects, len(rep.MissingObjects), len(rep.OrphanObjects))
	if !rep.OK() {
		return fmt.Errorf("storage.objects and s3://%s disagree (listed above)", o.StorageBucketName)
	}
	return nil
}
