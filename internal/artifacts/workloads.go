package artifacts

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	corev1 "k8s.io/api/core/v1"
)

// Workload is a pod-owning object of the rendered manifests.
type Workload struct {
	Kind, Name, Namespace string
	Annotations           map[string]string
	Pod                   corev1.PodSpec
}

// ID is kind/name.
func (w Workload) ID() string { return strings.ToLower(w.Kind) + "/" + w.Name }

// Workloads decodes every Deployment, StatefulSet, DaemonSet, Job and CronJob.
func Workloads(objs []Object) ([]Workload, error) {
	var out []Workload
	for _, o := range objs {
		tmpl, ok := PodTemplate(o)
		if !ok {
			continue
		}
		raw, err := json.Marshal(tmpl["spec"])
		if err != nil {
			return nil, err
		}
		w := Workload{Kind: o.Kind, Name: o.Name, Namespace: o.Namespace, Annotations: o.Annotations()}
		if err := json.Unmarshal(raw, &w.Pod); err != nil {
			return nil, fmt.Errorf("%s %s/%s: pod spec: %w", o.Kind, o.Namespace, o.Name, err)
		}
		out = append(out, w)
	}
	return out, nil
}

// SecretRef is one place a workload reads a Kubernetes Secret.
type SecretRef struct {
	// Workload is kind/name (Workload.ID), Kind its kind, Namespace its
	// namespace; all empty for a bare pod spec (PodSecretReads).
	Workload, Kind, Namespace string
	// Secret is the Secret's name; Key the key read, empty for envFrom and
	// whole-Secret volumes (which read every key).
	Secret, Key string
	// Via says how: env, envFrom, volume, projected volume.
	Via      string
	Optional bool
}

func (r SecretRef) String() string {
	k := r.Key
	if k == "" {
		k = "*"
	}
	return fmt.Sprintf("%s (%s) reads %s/%s[%s]", r.Workload, r.Via, r.Namespace, r.Secret, k)
}

// PodSecretReads lists every Secret a pod reads, and which keys: env
// secretKeyRef, envFrom secretRef, and secret or projected volumes, init
// containers first. It is the one answer to "which Secrets does this pod
// read": the generator's Reloader annotation, the rotation's dependents and
// the secrets e2e all ask it.
func PodSecretReads(pod corev1.PodSpec) []SecretRef {
	var refs []SecretRef
	add := func(name, key, via string, optional *bool) {
		refs = append(refs, SecretRef{Secret: name, Key: key, Via: via, Optional: optional != nil && *optional})
	}
	containers := append(append([]corev1.Container{}, pod.InitContainers...), pod.Containers...)
	for _, c := range containers {
		for _, e := range c.Env {
			if e.ValueFrom != nil && e.ValueFrom.SecretKeyRef != nil {
				s := e.ValueFrom.SecretKeyRef
				add(s.Name, s.Key, "env "+c.Name+"."+e.Name, s.Optional)
			}
		}
		for _, ef := range c.EnvFrom {
			if ef.SecretRef != nil {
				add(ef.SecretRef.Name, "", "envFrom "+c.Name, ef.SecretRef.Optional)
			}
		}
	}
	// A volume without items mounts every key.
	mount := func(name string, items []corev1.KeyToPath, via string, optional *bool) {
		if len(items) == 0 {
			add(name, "", via, optional)
		}
		for _, it := range items {
			add(name, it.Key, via, optional)
		}
	}
	for _, v := range pod.Volumes {
		if s := v.Secret; s != nil {
			mount(s.SecretName, s.Items, "volume "+v.Name, s.Optional)
		}
		if p := v.Projected; p != nil {
			for _, src := range p.Sources {
				if s := src.Secret; s != nil {
					mount(s.Name, s.Items, "projected volume "+v.Name, s.Optional)
				}
			}
		}
	}
	return refs
}

// SecretNames lists, sorted and once each, the Secrets a pod reads.
func SecretNames(pod corev1.PodSpec) []string {
	set := map[string]bool{}
	for _, r := range PodSecretReads(pod) {
		set[r.Secret] = true
	}
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// SecretReads lists every Secret the workload's pods read (PodSecretReads).
func (w Workload) SecretReads() []SecretRef {
	refs := PodSecretReads(w.Pod)
	for i := range refs {
		refs[i].Workload, refs[i].Kind, refs[i].Namespace = w.ID(), w.Kind, w.Namespace
	}
	return refs
}

// SecretReads lists every Secret read by the workloads, in their order.
func SecretReads(ws []Workload) []SecretRef {
	var refs []SecretRef
	for _, w := range ws {
		refs = append(refs, w.SecretReads()...)
	}
	return refs
}

// ErrEnvNotRendered is a variable none of a pod's app containers sets.
var ErrEnvNotRendered = errors.New("not rendered")

// PositiveIntEnv reads a literal positive integer variable from the pod's
// app containers, as rendered: a reference (secret, field) or any other
// value is an error, and a missing one is ErrEnvNotRendered.
func PositiveIntEnv(pod corev1.PodSpec, name string) (int, error) {
	for _, c := range pod.Containers {
		for _, e := range c.Env {
			if e.Name != name {
				continue
			}
			if e.ValueFrom != nil {
				return 0, fmt.Errorf("env %s: want a literal value, not a reference", name)
			}
			n, err := strconv.Atoi(e.Value)
			if err != nil || n < 1 {
				return 0, fmt.Errorf("env %s=%q: want a positive integer", name, e.Value)
			}
			return n, nil
		}
	}
	return 0, fmt.Errorf("env %s is %w", name, ErrEnvNotRendered)
}
