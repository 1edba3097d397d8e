package helmchart

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

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
  replicas: 2
  template:
    spec:
      containers:
        - env:
            - name: URL
              value: https://api.example.com
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: kong
spec:
  maxReplicas: 6
  minReplicas: 2
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

func TestBuild(t *testing.T) {
	dist := t.TempDir()
	if err := os.WriteFile(filepath.Join(dist, "40-workloads.yaml"), []byte(fixture), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "chart")
	if err := Build(Options{Dist: dist, Out: out, Env: "prod", Host: "api.example.com"}); err != nil {
		t.Fatal(err)
	}
	tpl, err := os.ReadFile(filepath.Join(out, "templates", "40-workloads.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(tpl)
	for _, want := range []string{
		"  replicas: {{ .Values.replicas.kong }}",
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
	if strings.Contains(s, "kind: Namespace") {
		t.Errorf("the Namespace must stay out of the chart (Helm stores the release in it)")
	}
	values, _ := os.ReadFile(filepath.Join(out, "values.yaml"))
	if !strings.Contains(string(values), `host: "api.example.com"`) || !strings.Contains(string(values), "kong: 2") {
		t.Errorf("values.yaml:\n%s", values)
	}
	if err := Build(Options{Dist: dist, Out: out, Env: "prod", Host: "other.example.com"}); err == nil {
		t.Errorf("a host that does not occur in dist/ must be an error")
	}
}
