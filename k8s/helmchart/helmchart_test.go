package helmchart

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fixture has an autoscaled Deployment (kong: no spec.replicas, an HPA) and
// a fixed one (studio), the HPA after the Deployment it scales as in dist/.
const fixture = `apiVersion: v1
kind: Namespace
metadata:
  name: supabase
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: kong
spec:
  template:
    spec:
      containers:
        - env:
            - name: URL
              value: https://api.example.com
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: studio
spec:
  replicas: 1
  template:
    spec:
      containers: []
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: kong
spec:
  maxReplicas: 6
  minReplicas: 2
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: kong
---
apiVersion: external-secrets.io/v1
kind: ExternalSecret
metadata:
  name: x
spec:
  target:
    template:
      data:
        url: postgres://u:{{ .pw | urlquery }}@h/db
---
apiVersion: batch/v1
kind: Job
metadata:
  name: db-bootstrap
spec: {}
`

func build(t *testing.T, manifests string) (dist, out string, err error) {
	t.Helper()
	dist = t.TempDir()
	if err := os.WriteFile(filepath.Join(dist, "40-workloads.yaml"), []byte(manifests), 0o644); err != nil {
		t.Fatal(err)
	}
	out = filepath.Join(t.TempDir(), "chart")
	return dist, out, Build(Options{Dist: dist, Out: out, Env: "prod", Host: "api.example.com"})
}

func TestBuild(t *testing.T) {
	dist, out, err := build(t, fixture)
	if err != nil {
		t.Fatal(err)
	}
	tpl, err := os.ReadFile(filepath.Join(out, "templates", "40-workloads.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(tpl)
	for _, want := range []string{
		"  replicas: {{ .Values.replicas.studio }}",
		"  minReplicas: {{ .Values.replicas.kong }}",
		"  maxReplicas: {{ max (int .Values.replicas.kong) 6 }}",
		"value: https://{{ .Values.host }}",
		`postgres://u:{{ "{{" }} .pw | urlquery {{ "}}" }}@h/db`,
		"helm.sh/hook: post-install,post-upgrade",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("template lacks %q:\n%s", want, s)
		}
	}
	if strings.Count(s, "  replicas:") != 1 {
		t.Errorf("only the fixed Deployment may carry spec.replicas; the autoscaled one belongs to its HPA:\n%s", s)
	}
	if strings.Contains(s, "kind: Namespace") {
		t.Errorf("the Namespace must stay out of the chart (Helm stores the release in it)")
	}
	values, _ := os.ReadFile(filepath.Join(out, "values.yaml"))
	for _, want := range []string{`host: "api.example.com"`, "  kong: 2\n", "  studio: 1\n"} {
		if !strings.Contains(string(values), want) {
			t.Errorf("values.yaml lacks %q:\n%s", want, values)
		}
	}
	schema, _ := os.ReadFile(filepath.Join(out, "values.schema.json"))
	for _, want := range []string{`"kong": {"type": "integer", "minimum": 1}`, `"studio": {"type": "integer", "minimum": 1}`} {
		if !strings.Contains(string(schema), want) {
			t.Errorf("values.schema.json lacks %q:\n%s", want, schema)
		}
	}
	if err := Build(Options{Dist: dist, Out: out, Env: "prod", Host: "other.example.com"}); err == nil {
		t.Errorf("a host that does not occur in dist/ must be an error")
	}
}

// TestBuildRejectsReplicaConflicts: an autoscaled Deployment with its own
// count (the apply would fight the HPA) and a Deployment with no count and
// no HPA are errors, as is an HPA scaling a Deployment that is not there.
func TestBuildRejectsReplicaConflicts(t *testing.T) {
	for name, tc := range map[string]struct{ old, new, msg string }{
		"autoscaled with replicas": {"  name: kong\nspec:\n  template:", "  name: kong\nspec:\n  replicas: 2\n  template:", "although a HorizontalPodAutoscaler"},
		"fixed without replicas":   {"  replicas: 1\n", "", "neither spec.replicas nor"},
		"HPA of a missing target":  {"    name: kong\n---", "    name: gone\n---", "Deployment gone, which is not"},
	} {
		t.Run(name, func(t *testing.T) {
			if !strings.Contains(fixture, tc.old) {
				t.Fatalf("fixture lacks %q", tc.old)
			}
			_, _, err := build(t, strings.Replace(fixture, tc.old, tc.new, 1))
			if err == nil || !strings.Contains(err.Error(), tc.msg) {
				t.Fatalf("error %v, want one containing %q", err, tc.msg)
			}
		})
	}
}
