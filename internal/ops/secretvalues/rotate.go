package secretvalues

import (
	"context"
	"fmt"
	"io"
	"slices"
	"sort"
	"time"

	"github.com/supabase-eks/supabase-eks/internal/artifacts"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/internal/ops/kube"
)

// Dependency says what must happen in the cluster after a secret changes.
type Dependency struct {
	// Workloads are the Deployments/StatefulSets (by component name, in
	// the manifests' order) that read the secret and must restart to see
	// the new value.
	Workloads []string
	// Bootstrap: the database bootstrap Job reads the secret, so it must run
	// again to set the new role passwords in PostgreSQL before the workloads
	// restart.
	Bootstrap bool
	// Jobs are the other Jobs that read the secret (the pooler's tenant
	// Job hands role passwords and its API key to Supavisor): re-run after
	// the workloads restart, so that a restarted pooler already holds a
	// rotated API key when the Job signs with it.
	Jobs []string
}

// Dependents works out from the rendered manifests (dist/<env>) what a new
// value of the Secrets Manager secret named secret requires: the workloads
// of namespace whose pods read a Kubernetes Secret that an ExternalSecret
// builds from it, and whether the bootstrap Job is one of them. Computed
// rather than listed, so a component that starts or stops reading a secret
// is rolled, or left alone, without anyone keeping a table in step.
func Dependents(objs []artifacts.Object, namespace, secret string) (Dependency, error) {
	ess, err := artifacts.ExternalSecrets(objs)
	if err != nil {
		return Dependency{}, err
	}
	built := map[string]bool{}
	for _, es := range ess {
		if inNamespace(es.Namespace, namespace) && es.Reads(secret) {
			built[es.Target()] = true
		}
	}
	ws, err := artifacts.Workloads(objs)
	if err != nil {
		return Dependency{}, err
	}
	job, jobErr := kube.BootstrapJob(objs, namespace)
	var dep Dependency
	for _, w := range ws {
		if !inNamespace(w.Namespace, namespace) || !slices.ContainsFunc(w.SecretReads(), func(r artifacts.SecretRef) bool { return built[r.Secret] }) {
			continue
		}
		switch {
		case w.Kind == "Deployment" || w.Kind == "StatefulSet":
			dep.Workloads = append(dep.Workloads, w.Name)
		case w.Kind == "Job" && jobErr == nil && w.Name == job.Name:
			dep.Bootstrap = true
		case w.Kind == "Job":
			dep.Jobs = append(dep.Jobs, w.Name)
		}
	}
	if len(dep.Workloads) == 0 && !dep.Bootstrap && len(dep.Jobs) == 0 {
		// Every secret has readers: none means the manifests were rendered
		// from other outputs, and a roll would silently skip every pod.
		return dep, fmt.Errorf("no workload in namespace %s of the rendered manifests reads %s (are they rendered from this environment's outputs?)", namespace, secret)
	}
	return dep, nil
}

// inNamespace: an object without a namespace lands in the one applied to.
func inNamespace(ns, namespace string) bool { return ns == namespace || ns == "" }

// RotateOptions tunes Rotate.
type RotateOptions struct {
	// RealtimeDBEncKey also replaces Realtime's DB_ENC_KEY. Off by default:
	// Realtime stores tenant settings encrypted with it, and a new key makes
	// them unreadable until the tenant is re-seeded.
	RealtimeDBEncKey bool
}

// Rotate writes a new version of one logical secret and returns its version
// id. The previous version keeps the AWSPREVIOUS label, so a rotation can be
// undone with `aws secretsmanager update-secret-version-stage`.
func Rotate(ctx context.Context, store Store, o *outputs.Outputs, logical string, g Generator, opt RotateOptions, log io.Writer) (string, error) {
	if _, ok := outputs.SecretKeys[logical]; !ok {
		return "", fmt.Errorf("unknown secret %q (known: %v)", logical, outputs.SecretOrder)
	}
	switch logical {
	case outputs.SecretSigningKeys:
		return "", fmt.Errorf("signing keys rotate in steps that keep tokens valid: use `supabase-eks secrets rotate signing-key` (or `secrets revoke signing-key` in an emergency)")
	case outputs.SecretAPIKeys:
		return "", fmt.Errorf("API keys are added and revoked one at a time: use `supabase-eks secrets api-key add|revoke`")
	}
	if logical == outputs.SecretSMTP && g.SMTP == nil {
		return "", fmt.Errorf("smtp is never generated: set SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASSWORD, SMTP_ADMIN_EMAIL and SMTP_SENDER_NAME and pass --smtp-from-env")
	}
	if err := checkContainers(ctx, store, o, []string{logical}); err != nil {
		return "", err
	}
	name := o.SecretNames[logical]
	current, had, err := store.Current(ctx, name)
	if err != nil {
		return "", err
	}
	old := map[string]string{}
	if had && current != "" {
		if old, err = Decode(current); err != nil {
			old = map[string]string{}
		}
	}
	g.bind(ctx, store, o)
	values, err := g.Generate(logical)
	if err != nil {
		return "", err
	}
	switch logical {
	case outputs.SecretPooler:
		// Supavisor stores the tenant's passwords encrypted with the vault
		// key, and clients trust the pooler's CA: both stay. The passwords
		// and API keys are new; rotate pooler_connection next, then re-run
		// the bootstrap and tenant Jobs.
		for _, k := range []string{"vault_enc_key", "tls_ca", "tls_cert", "tls_key"} {
			if old[k] != "" {
				values[k] = old[k]
			}
		}
		fmt.Fprintf(log, "  keeping the pooler's vault_enc_key and TLS certificate; next: secrets rotate %s\n", outputs.SecretPoolerConnection)
	case outputs.SecretDashboard:
		if g.DashboardUser == "" && old["username"] != "" {
			values["username"] = old["username"]
		}
	case outputs.SecretRealtime:
		if !opt.RealtimeDBEncKey && old["db_enc_key"] != "" {
			values["db_enc_key"] = old["db_enc_key"]
			fmt.Fprintln(log, "  keeping realtime db_enc_key (pass --rotate-db-enc-key to replace it; Realtime's stored tenant settings are encrypted with it)")
		}
	}
	body, err := Encode(values)
	if err != nil {
		return "", err
	}
	vid, err := store.Put(ctx, name, body, "")
	if err != nil {
		return "", err
	}
	// Read back: a concurrent writer would otherwise go unnoticed.
	got, ok, err := store.Current(ctx, name)
	if err != nil {
		return "", err
	}
	if !ok || got != body {
		return "", fmt.Errorf("%s: AWSCURRENT is not the version just written (%s): another writer changed it; check `aws secretsmanager describe-secret --secret-id %s`", name, vid, name)
	}
	fmt.Fprintf(log, "  %-12s %-32s new version %s\n", logical, name, vid)
	return vid, nil
}

// RollOptions tunes Roll.
type RollOptions struct {
	// Manifests are the rendered objects of the environment (dist/<env>):
	// what reads the secret, and the bootstrap Job.
	Manifests []artifacts.Object
	// SyncTimeout bounds the wait for External Secrets; zero means 3m.
	SyncTimeout time.Duration
	// JobTimeout bounds the bootstrap Job; zero means 10m.
	JobTimeout time.Duration
	// RolloutTimeout bounds each rollout; zero means 10m.
	RolloutTimeout time.Duration
}

func orDefault(d, def time.Duration) time.Duration {
	if d == 0 {
		return def
	}
	return d
}

// Roll makes the cluster use a secret's new value: it forces the External
// Secrets sync and waits for it, re-runs the database bootstrap Job when the
// secret holds role passwords (new passwords must be in PostgreSQL before a
// restarted pod logs in with them), then restarts the dependent workloads
// that exist and waits for their rollouts.
func Roll(ctx context.Context, kc *kube.Client, o *outputs.Outputs, logical string, opt RollOptions) error {
	if _, ok := outputs.SecretKeys[logical]; !ok {
		return fmt.Errorf("unknown secret %q", logical)
	}
	dep, err := Dependents(opt.Manifests, kc.Namespace, o.SecretNames[logical])
	if err != nil {
		return err
	}
	since, err := kc.ForceSyncExternalSecrets(ctx)
	if err != nil {
		return err
	}
	if err := kc.WaitExternalSecretsSynced(ctx, since, orDefault(opt.SyncTimeout, 3*time.Minute)); err != nil {
		return err
	}
	if dep.Bootstrap {
		job, err := kube.BootstrapJob(opt.Manifests, kc.Namespace)
		if err != nil {
			return err
		}
		if err := kc.RerunJob(ctx, job.Name, job.YAML); err != nil {
			return err
		}
		if err := kc.WaitJob(ctx, job.Name, orDefault(opt.JobTimeout, 10*time.Minute)); err != nil {
			return err
		}
	}
	workloads, err := existingWorkloads(ctx, kc, dep.Workloads)
	if err != nil {
		return err
	}
	if err := kc.RestartAndWait(ctx, workloads, orDefault(opt.RolloutTimeout, 10*time.Minute)); err != nil {
		return err
	}
	for _, name := range dep.Jobs {
		i := slices.IndexFunc(opt.Manifests, func(o artifacts.Object) bool { return o.Kind == "Job" && o.Name == name })
		if i < 0 {
			return fmt.Errorf("job %s reads the secret but is not in the rendered manifests", name)
		}
		if err := kc.RerunJob(ctx, name, opt.Manifests[i].YAML); err != nil {
			return err
		}
		if err := kc.WaitJob(ctx, name, orDefault(opt.JobTimeout, 10*time.Minute)); err != nil {
			return err
		}
	}
	return nil
}

// existingWorkloads maps component names to the Deployments or StatefulSets
// present in the cluster, in the given order.
func existingWorkloads(ctx context.Context, kc *kube.Client, names []string) ([]kube.Workload, error) {
	deploys, err := kc.Existing(ctx, "deployment")
	if err != nil {
		return nil, err
	}
	sets, err := kc.Existing(ctx, "statefulset")
	if err != nil {
		return nil, err
	}
	var out []kube.Workload
	for _, n := range names {
		switch {
		case deploys[n]:
			out = append(out, kube.Workload("deployment/"+n))
		case sets[n]:
			out = append(out, kube.Workload("statefulset/"+n))
		}
	}
	return out, nil
}

// Logicals returns the secrets `secrets rotate NAME` replaces whole,
// sorted, for help texts. The signing and API keys have their own commands.
func Logicals() []string {
	var out []string
	for _, l := range outputs.SecretOrder {
		if l != outputs.SecretSigningKeys && l != outputs.SecretAPIKeys {
			out = append(out, l)
		}
	}
	sort.Strings(out)
	return out
}
