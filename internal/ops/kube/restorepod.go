package kube

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/supabase-eks/supabase-eks/internal/artifacts"
)

// RestorePod is a pod in which a dump is restored.
type RestorePod struct {
	// Manifest is the Pod as JSON, for kubectl create -f -.
	Manifest []byte
	Name     string
	// Container runs PostgreSQL's client tools with the master's libpq
	// environment.
	Container string
	// ScratchDir is the container's scratch volume (the dump and the SQL
	// go there).
	ScratchDir string
	// Database is the container's PGDATABASE.
	Database string
}

// NewRestorePod builds a pod from the rendered backup CronJob's pod
// template (the CronJob whose pod runs pg_dump): the same labels (so the
// NetworkPolicies and the security group for pods that admit the backup
// to RDS admit it too), service account, security context, image, libpq
// environment (the master's credentials from its Secret) and scratch
// volume; its one container sleeps for lifetime so the restore can run in
// it, and the pod ends by itself at that deadline if nobody deletes it.
func NewRestorePod(objs []artifacts.Object, namespace, name string, lifetimeSeconds int64) (RestorePod, error) {
	for _, o := range objs {
		if o.Kind != "CronJob" || (o.Namespace != namespace && o.Namespace != "") {
			continue
		}
		var cj batchv1.CronJob
		if err := o.Decode(&cj); err != nil {
			return RestorePod{}, fmt.Errorf("cronjob %s: %w", o.Name, err)
		}
		tmpl := cj.Spec.JobTemplate.Spec.Template
		all := append(append([]corev1.Container{}, tmpl.Spec.InitContainers...), tmpl.Spec.Containers...)
		i := slices.IndexFunc(all, func(c corev1.Container) bool { return len(c.Command) > 0 && c.Command[0] == "pg_dump" })
		if i < 0 {
			continue
		}
		c := *all[i].DeepCopy()
		if len(c.VolumeMounts) == 0 {
			return RestorePod{}, fmt.Errorf("cronjob %s: container %s has no scratch volume", o.Name, c.Name)
		}
		var db string
		for _, e := range c.Env {
			if e.Name == "PGDATABASE" {
				db = e.Value
			}
		}
		if db == "" {
			return RestorePod{}, fmt.Errorf("cronjob %s: container %s sets no PGDATABASE", o.Name, c.Name)
		}
		c.Name = "restore"
		c.Command = []string{"sleep", fmt.Sprint(lifetimeSeconds)}
		c.Args = nil
		spec := *tmpl.Spec.DeepCopy()
		spec.InitContainers = nil
		spec.Containers = []corev1.Container{c}
		spec.RestartPolicy = corev1.RestartPolicyNever
		spec.ActiveDeadlineSeconds = &lifetimeSeconds
		// Only the volumes the container mounts.
		var vols []corev1.Volume
		for _, v := range spec.Volumes {
			if slices.ContainsFunc(c.VolumeMounts, func(m corev1.VolumeMount) bool { return m.Name == v.Name }) {
				vols = append(vols, v)
			}
		}
		spec.Volumes = vols
		pod := corev1.Pod{
			TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "Pod"},
			ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: namespace, Labels: tmpl.Labels},
			Spec:       spec,
		}
		data, err := json.Marshal(pod)
		if err != nil {
			return RestorePod{}, err
		}
		return RestorePod{Manifest: data, Name: name, Container: c.Name, ScratchDir: c.VolumeMounts[0].MountPath, Database: db}, nil
	}
	return RestorePod{}, fmt.Errorf("no CronJob in namespace %s runs pg_dump: the restore pod is built from the backup's pod template", namespace)
}

// StartPod creates the pod (replacing a leftover of the same name) and
// waits until it is Ready.
func (c *Client) StartPod(ctx context.Context, p RestorePod, timeout time.Duration) error {
	if _, err := c.run(ctx, "delete", "pod", p.Name, "-n", c.ns(), "--ignore-not-found", "--wait=true"); err != nil {
		return err
	}
	create := c.Cmd("create", "-f", "-")
	create.Stdin = bytes.NewReader(p.Manifest)
	if _, err := c.R.Run(ctx, create); err != nil {
		return err
	}
	if _, err := c.run(ctx, "wait", "--for=condition=Ready", "pod/"+p.Name, "-n", c.ns(), "--timeout="+timeout.String()); err != nil {
		return fmt.Errorf("%w (kubectl describe pod %s -n %s)", err, p.Name, c.ns())
	}
	return nil
}

// DeletePod deletes the pod without waiting for it to go.
func (c *Client) DeletePod(ctx context.Context, name string) error {
	_, err := c.run(ctx, "delete", "pod", name, "-n", c.ns(), "--ignore-not-found", "--wait=false")
	return err
}
