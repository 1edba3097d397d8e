// Package helmchart builds a Helm chart from one environment's dist/<env>/
// so the same objects install as a Helm release. The values surface is
// deliberately small: the public host and each Deployment's replicas.
package helmchart

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"

	"github.com/supabase-eks/supabase-eks/internal/artifacts"
)

// Options configure Build.
type Options struct {
	// Dist is dist/<env>.
	Dist string
	// Out receives the chart; it is replaced.
	Out string
	// Env names the environment (chart description).
	Env string
	// Host is the public host the manifests were rendered with; every
	// occurrence becomes {{ .Values.host }}.
	Host string
}

// Chart identity.
const (
	ChartName    = "supabase"
	ChartVersion = "1.0.0"
)

type document struct {
	obj  artifacts.Object
	text string
	// scales is the Deployment an HPA scales.
	scales string
}

var (
	// helmEscaper keeps External Secrets' own {{ }} templates literal.
	// strings.Replacer never rescans its output, so the inserted braces are
	// not escaped twice.
	helmEscaper = strings.NewReplacer("{{", `{{ "{{" }}`, "}}", `{{ "}}" }}`)
	replicasRe  = regexp.MustCompile(`(?m)^  replicas: (\d+)$`)
	minRe       = regexp.MustCompile(`(?m)^  minReplicas: (\d+)$`)
	maxRe       = regexp.MustCompile(`(?m)^  maxReplicas: (\d+)$`)
	valueKeyRe  = regexp.MustCompile(`^[a-z][a-z0-9]*$`)
)

// Build writes the chart. The Namespace is left out: Helm stores the release
// in it, so it must exist first (kubectl apply -f dist/<env>/00-namespace.yaml,
// which also sets its Pod Security labels).
func Build(o Options) error {
	paths, err := artifacts.ManifestFiles(o.Dist)
	if err != nil {
		return err
	}
	if o.Host == "" {
		return fmt.Errorf("helmchart: host is empty")
	}
	tmp := o.Out + ".tmp"
	_ = os.RemoveAll(tmp)
	if err := os.MkdirAll(filepath.Join(tmp, "templates"), 0o755); err != nil {
		return err
	}
	defer os.RemoveAll(tmp) // gone after the final rename; cleans up after an error
	// Read everything first: whether a Deployment's replicas are a value of
	// its own or the floor of its autoscaler depends on the HPAs, which may
	// come later.
	type file struct {
		name string
		docs []document
	}
	var files []file
	hpaMin := map[string]int{}
	deployments := map[string]*int32{}
	for _, path := range paths {
		objs, err := artifacts.ReadManifests(path)
		if err != nil {
			return err
		}
		f := file{name: filepath.Base(path)}
		for _, obj := range objs {
			scales := ""
			switch obj.Kind {
			case "Deployment":
				var d appsv1.Deployment
				if err := obj.Decode(&d); err != nil {
					return err
				}
				deployments[obj.Name] = d.Spec.Replicas
			case "HorizontalPodAutoscaler":
				var h autoscalingv2.HorizontalPodAutoscaler
				if err := obj.Decode(&h); err != nil {
					return err
				}
				ref := h.Spec.ScaleTargetRef
				if ref.Kind != "Deployment" || h.Spec.MinReplicas == nil {
					return fmt.Errorf("%s: HorizontalPodAutoscaler %s must scale a Deployment and set minReplicas", f.name, obj.Name)
				}
				hpaMin[ref.Name] = int(*h.Spec.MinReplicas)
				scales = ref.Name
			}
			f.docs = append(f.docs, document{obj: obj, text: string(obj.YAML), scales: scales})
		}
		files = append(files, f)
	}
	for target := range hpaMin {
		if _, ok := deployments[target]; !ok {
			return fmt.Errorf("helmchart: a HorizontalPodAutoscaler scales Deployment %s, which is not in %s", target, o.Dist)
		}
	}

	replicas := map[string]int{}
	hostSeen := false
	for _, f := range files {
		var docs []string
		for _, d := range f.docs {
			obj, doc := d.obj, d.text
			if obj.Kind == "Namespace" {
				continue
			}
			doc = helmEscaper.Replace(doc)
			if strings.Contains(doc, o.Host) {
				hostSeen = true
				doc = strings.ReplaceAll(doc, o.Host, "{{ .Values.host }}")
			}
			switch obj.Kind {
			case "Deployment":
				key := valueKey(obj.Name)
				_, scaled := hpaMin[obj.Name]
				if scaled && deployments[obj.Name] != nil {
					return fmt.Errorf("%s: Deployment %s sets spec.replicas although a HorizontalPodAutoscaler scales it", f.name, obj.Name)
				}
				if scaled {
					// The HPA owns the count and its template carries the
					// value; a rendered count would reset it on every
					// upgrade.
					break
				}
				match := replicasRe.FindStringSubmatch(doc)
				if deployments[obj.Name] == nil || match == nil {
					return fmt.Errorf("%s: Deployment %s has neither spec.replicas nor a HorizontalPodAutoscaler", f.name, obj.Name)
				}
				replicas[key] = int(*deployments[obj.Name])
				doc = replicasRe.ReplaceAllString(doc, fmt.Sprintf("  replicas: {{ .Values.replicas.%s }}", key))
			case "HorizontalPodAutoscaler":
				// replicas.<deployment> is the autoscaler's floor; the
				// ceiling rises with it so that min <= max always holds.
				key := valueKey(d.scales)
				replicas[key] = hpaMin[d.scales]
				if !minRe.MatchString(doc) || !maxRe.MatchString(doc) {
					return fmt.Errorf("%s: HorizontalPodAutoscaler %s: spec.minReplicas/maxReplicas not found where expected", f.name, obj.Name)
				}
				doc = minRe.ReplaceAllString(doc, fmt.Sprintf("  minReplicas: {{ .Values.replicas.%s }}", key))
				doc = maxRe.ReplaceAllString(doc, fmt.Sprintf("  maxReplicas: {{ max (int .Values.replicas.%s) $1 }}", key))
			case "Job":
				// A Job's pod template is immutable: as a hook it is
				// recreated and re-run on every install and upgrade, which
				// also re-applies rotated database passwords.
				doc = addHookAnnotations(doc)
			}
			docs = append(docs, doc)
		}
		if len(docs) == 0 {
			continue
		}
		// Each document keeps its final newline; the blank line closing the
		// file is what the chart has always ended its templates with.
		out := strings.Join(docs, "---\n") + "\n"
		if err := os.WriteFile(filepath.Join(tmp, "templates", f.name), []byte(out), 0o644); err != nil {
			return err
		}
	}
	if !hostSeen {
		return fmt.Errorf("helmchart: host %q does not occur in %s (wrong --host?)", o.Host, o.Dist)
	}
	if err := os.WriteFile(filepath.Join(tmp, "Chart.yaml"), []byte(fmt.Sprintf(`apiVersion: v2
name: %s
description: Self-hosted Supabase on EKS (%s environment), built from dist/%s by make chart.
type: application
version: %s
appVersion: %q
`, ChartName, o.Env, o.Env, ChartVersion, o.Env)), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(tmp, "values.yaml"), []byte(values(o.Host, replicas)), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(tmp, "values.schema.json"), []byte(schema(replicas)), 0o644); err != nil {
		return err
	}
	_ = os.RemoveAll(o.Out)
	return os.Rename(tmp, o.Out)
}

func valueKey(name string) string {
	k := strings.ReplaceAll(name, "-", "")
	if !valueKeyRe.MatchString(k) {
		return "x" + k
	}
	return k
}

func addHookAnnotations(doc string) string {
	const meta = "metadata:\n"
	i := strings.Index(doc, meta)
	if i < 0 {
		return doc
	}
	ann := "  annotations:\n    helm.sh/hook: post-install,post-upgrade\n    helm.sh/hook-delete-policy: before-hook-creation\n"
	if strings.Contains(doc[i:], "\n  annotations:\n") {
		return strings.Replace(doc, "\n  annotations:\n", "\n"+ann, 1)
	}
	return doc[:i+len(meta)] + ann + doc[i+len(meta):]
}

func values(host string, replicas map[string]int) string {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Public host name of the API gateway (the ALB's DNS name when there is no domain).\nhost: %q\n\n# Replicas per Deployment; for autoscaled components this is the autoscaler's minimum.\nreplicas:\n", host)
	keys := make([]string, 0, len(replicas))
	for k := range replicas {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "  %s: %d\n", k, replicas[k])
	}
	return b.String()
}

func schema(replicas map[string]int) string {
	keys := make([]string, 0, len(replicas))
	for k := range replicas {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	props := make([]string, 0, len(keys))
	for _, k := range keys {
		props = append(props, fmt.Sprintf(`        %q: {"type": "integer", "minimum": 1}`, k))
	}
	return fmt.Sprintf(`{
  "$schema": "https://json-schema.org/draft-07/schema#",
  "type": "object",
  "additionalProperties": false,
  "required": ["host", "replicas"],
  "properties": {
    "host": {"type": "string", "minLength": 1, "pattern": "^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$"},
    "replicas": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
%s
      }
    }
  }
}
`, strings.Join(props, ",\n"))
}
