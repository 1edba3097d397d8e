package secretsflow

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	corev1 "k8s.io/api/core/v1"
	"sigs.k8s.io/yaml"

	"github.com/supabase-eks/supabase-eks/internal/ops/kube"
)

// SecretRef is one place a workload reads a Kubernetes Secret.
type SecretRef struct {
	// Workload is kind/name (Workload.ID), Kind its kind, Namespace its namespace.
	Workload, Kind, Namespace string
	// Secret is the Secret's name; Key the key read, empty for envFrom
	// (which reads every key).
	Secret, Key string
	// Via says how: env, envFrom, volume.
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

// Workload is a pod-owning object of the rendered manifests.
type Workload struct {
	Kind, Name, Namespace string
	Annotations           map[string]string
	Pod                   corev1.PodSpec
}

// ID is kind/name.
func (w Workload) ID() string { return strings.ToLower(w.Kind) + "/" + w.Name }

// Workloads decodes every Deployment, StatefulSet, DaemonSet, Job and CronJob.
func Workloads(objs []kube.Object) ([]Workload, error) {
	var out []Workload
	for _, o := range objs {
		tmpl, ok := kube.PodTemplate(o)
		if !ok {
			continue
		}
		raw, err := json.Marshal(tmpl["spec"])
		if err != nil {
			return nil, err
		}
		w := Workload{Kind: o.Kind, Name: o.Name, Namespace: o.Namespace, Annotations: map[string]string{}}
		if err := json.Unmarshal(raw, &w.Pod); err != nil {
			return nil, fmt.Errorf("%s %s/%s: pod spec: %w", o.Kind, o.Namespace, o.Name, err)
		}
		if md, ok := o.Body["metadata"].(map[string]any); ok {
			if an, ok := md["annotations"].(map[string]any); ok {
				for k, v := range an {
					w.Annotations[k], _ = v.(string)
				}
			}
		}
		out = append(out, w)
	}
	return out, nil
}

// References lists every Secret read by the workloads: env secretKeyRef,
// envFrom secretRef, and secret or projected volumes.
func References(ws []Workload) []SecretRef {
	var refs []SecretRef
	for _, w := range ws {
		add := func(name, key, via string, optional *bool) {
			refs = append(refs, SecretRef{Workload: w.ID(), Kind: w.Kind, Namespace: w.Namespace, Secret: name, Key: key, Via: via,
				Optional: optional != nil && *optional})
		}
		containers := append(append([]corev1.Container{}, w.Pod.InitContainers...), w.Pod.Containers...)
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
		for _, v := range w.Pod.Volumes {
			if s := v.Secret; s != nil {
				if len(s.Items) == 0 {
					add(s.SecretName, "", "volume "+v.Name, s.Optional)
				}
				for _, it := range s.Items {
					add(s.SecretName, it.Key, "volume "+v.Name, s.Optional)
				}
			}
			if p := v.Projected; p != nil {
				for _, src := range p.Sources {
					if s := src.Secret; s != nil {
						if len(s.Items) == 0 {
							add(s.Name, "", "projected volume "+v.Name, s.Optional)
						}
						for _, it := range s.Items {
							add(s.Name, it.Key, "projected volume "+v.Name, s.Optional)
						}
					}
				}
			}
		}
	}
	return refs
}

// ServiceAccount is a service account the deployment creates, with the IAM
// role it is annotated to assume.
type ServiceAccount struct {
	Namespace, Name, RoleARN string
	// Source says where it is declared (a manifest or an add-on's values).
	Source string
}

const roleARNAnnotation = "eks.amazonaws.com/role-arn"

// ServiceAccounts lists the annotated service accounts of the manifests.
func ServiceAccounts(objs []kube.Object) []ServiceAccount {
	var out []ServiceAccount
	for _, o := range objs {
		if o.Kind != "ServiceAccount" {
			continue
		}
		md, _ := o.Body["metadata"].(map[string]any)
		an, _ := md["annotations"].(map[string]any)
		if arn, _ := an[roleARNAnnotation].(string); arn != "" {
			out = append(out, ServiceAccount{Namespace: o.Namespace, Name: o.Name, RoleARN: arn, Source: o.File})
		}
	}
	return out
}

// AddonServiceAccounts reads dist/<env>/addons/releases.yaml and each
// release's values, and returns the service accounts the charts are told to
// create with a role annotation (any `serviceAccount` map with a name and
// that annotation, at any depth: charts nest it differently).
func AddonServiceAccounts(addonsDir string) ([]ServiceAccount, error) {
	data, err := os.ReadFile(filepath.Join(addonsDir, "releases.yaml"))
	if err != nil {
		return nil, err
	}
	var rel struct {
		Releases []struct{ Name, Namespace, Values string }
	}
	if err := yaml.Unmarshal(data, &rel); err != nil {
		return nil, fmt.Errorf("%s/releases.yaml: %w", addonsDir, err)
	}
	var out []ServiceAccount
	for _, r := range rel.Releases {
		file := filepath.Join(addonsDir, r.Values)
		raw, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("release %s: %w", r.Name, err)
		}
		var values map[string]any
		if err := yaml.Unmarshal(raw, &values); err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		var walk func(node any)
		walk = func(node any) {
			m, ok := node.(map[string]any)
			if !ok {
				return
			}
			for k, v := range m {
				if sa, ok := v.(map[string]any); ok && k == "serviceAccount" {
					name, _ := sa["name"].(string)
					an, _ := sa["annotations"].(map[string]any)
					if arn, _ := an[roleARNAnnotation].(string); arn != "" && name != "" {
						out = append(out, ServiceAccount{Namespace: r.Namespace, Name: name, RoleARN: arn, Source: file})
					}
				}
				walk(v)
			}
		}
		walk(values)
	}
	return out, nil
}
