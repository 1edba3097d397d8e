package secretvalues

import (
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/supabase-eks/supabase-eks/internal/artifacts"
	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
)

// exampleOutputs are the outputs the committed dist/<env> is rendered from.
func exampleOutputs(t *testing.T, env string) *outputs.Outputs {
	t.Helper()
	o, err := outputs.Load(filepath.Join("..", "..", "..", "examples", "outputs", env+".json"))
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// referencedSecrets walks a pod template for every Secret it reads: env
// secretKeyRef, envFrom secretRef, secret and projected volumes. It is a
// second, untyped reading on purpose: Dependents reads through the typed
// artifacts reader, and a field that reader missed would show up here as a
// workload it does not roll.
func referencedSecrets(v any, into map[string]bool) {
	switch t := v.(type) {
	case map[string]any:
		for k, child := range t {
			switch k {
			case "secretKeyRef", "secretRef":
				if m, ok := child.(map[string]any); ok {
					if n, ok := m["name"].(string); ok {
						into[n] = true
					}
				}
			case "secret":
				if m, ok := child.(map[string]any); ok {
					if n, ok := m["secretName"].(string); ok {
						into[n] = true
					}
					if n, ok := m["name"].(string); ok { // projected volume source
						into[n] = true
					}
				}
			}
			referencedSecrets(child, into)
		}
	case []any:
		for _, child := range t {
			referencedSecrets(child, into)
		}
	}
}

// readersInDist derives, from the rendered objects alone, which workloads
// (kind/name) read the Secrets Manager secret smName through the
// ExternalSecrets that pull it.
func readersInDist(objs []artifacts.Object, smName string) []string {
	built := map[string]bool{}
	for _, obj := range objs {
		if obj.Kind != "ExternalSecret" {
			continue
		}
		spec, _ := obj.Body["spec"].(map[string]any)
		target, _ := spec["target"].(map[string]any)
		name, _ := target["name"].(string)
		if name == "" {
			name = obj.Name
		}
		for _, field := range []string{"data", "dataFrom"} {
			list, _ := spec[field].([]any)
			for _, item := range list {
				m, _ := item.(map[string]any)
				for _, refKey := range []string{"remoteRef", "extract"} {
					if ref, ok := m[refKey].(map[string]any); ok && ref["key"] == smName {
						built[name] = true
					}
				}
			}
		}
	}
	var out []string
	for _, obj := range objs {
		if obj.Kind != "Deployment" && obj.Kind != "StatefulSet" && obj.Kind != "Job" {
			continue
		}
		refs := map[string]bool{}
		referencedSecrets(obj.Body["spec"], refs)
		for k8sName := range refs {
			if built[k8sName] {
				out = append(out, obj.Kind+"/"+obj.Name)
				break
			}
		}
	}
	sort.Strings(out)
	return out
}

// TestDependentsMatchRenderedManifests: for every secret of every
// environment, what a rotation rolls is exactly what the rendered workloads
// read: a missing entry would leave a pod on an old value, an extra one
// restarts for nothing, and the bootstrap Job re-runs exactly when it reads
// role passwords.
func TestDependentsMatchRenderedManifests(t *testing.T) {
	for _, env := range config.Names() {
		dir := filepath.Join("..", "..", "..", "dist", env)
		if _, err := os.Stat(dir); err != nil {
			t.Skipf("%s not rendered", dir)
		}
		objs, err := artifacts.ReadManifests(dir)
		if err != nil {
			t.Fatal(err)
		}
		o := exampleOutputs(t, env)
		for _, logical := range outputs.SecretOrder {
			if logical == outputs.SecretPoolerConnection {
				// Applications outside the namespace read it.
				if _, err := Dependents(objs, outputs.Namespace, o.SecretNames[logical]); err == nil {
					t.Errorf("%s: something in the namespace reads %s", env, logical)
				}
				continue
			}
			dep, err := Dependents(objs, outputs.Namespace, o.SecretNames[logical])
			if err != nil {
				t.Errorf("%s: %s: %v", env, logical, err)
				continue
			}
			var computed []string
			for _, w := range dep.Workloads {
				for _, obj := range objs {
					if obj.Name == w && (obj.Kind == "Deployment" || obj.Kind == "StatefulSet") {
						computed = append(computed, obj.Kind+"/"+w)
					}
				}
			}
			if dep.Bootstrap {
				computed = append(computed, "Job/db-bootstrap")
			}
			for _, j := range dep.Jobs {
				computed = append(computed, "Job/"+j)
			}
			sort.Strings(computed)
			derived := readersInDist(objs, o.SecretNames[logical])
			if strings.Join(computed, ",") != strings.Join(derived, ",") {
				t.Errorf("%s: Dependents(%q) = %v; dist/%s shows %v read it", env, logical, computed, env, derived)
			}
			// The role passwords live in the database secret and, for the
			// pooler's two roles, in the pooler secret.
			if dep.Bootstrap != (logical == outputs.SecretDatabase || logical == outputs.SecretPooler) {
				t.Errorf("%s: %s: bootstrap re-run %v; only the role passwords (database, pooler) need one", env, logical, dep.Bootstrap)
			}
			t.Logf("%s: %s -> %v", env, logical, computed)
		}
	}
}

// TestDependentsReadEveryWayOfReading: envFrom, projected volumes, an
// ExternalSecret without target.name and dataFrom extract all count;
// another namespace and a CronJob do not (a CronJob's next run reads the
// new value by itself).
func TestDependentsReadEveryWayOfReading(t *testing.T) {
	doc := `apiVersion: external-secrets.io/v1
kind: ExternalSecret
metadata: {name: one, namespace: ns}
spec:
  data: [{secretKey: k, remoteRef: {key: env/one, property: p}}]
---
apiVersion: external-secrets.io/v1
kind: ExternalSecret
metadata: {name: two, namespace: ns}
spec:
  target: {name: two-secret}
  dataFrom: [{extract: {key: env/one}}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: a, namespace: ns}
spec:
  template:
    spec:
      containers: [{name: c, envFrom: [{secretRef: {name: one}}]}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: b, namespace: ns}
spec:
  template:
    spec:
      containers: [{name: c}]
      volumes: [{name: v, projected: {sources: [{secret: {name: two-secret}}]}}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: c, namespace: other}
spec:
  template:
    spec:
      containers: [{name: c, envFrom: [{secretRef: {name: one}}]}]
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: d, namespace: ns}
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers: [{name: c, env: [{name: X, valueFrom: {secretKeyRef: {name: one, key: k}}}]}]
`
	path := filepath.Join(t.TempDir(), "m.yaml")
	if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	objs, err := artifacts.ReadManifests(path)
	if err != nil {
		t.Fatal(err)
	}
	dep, err := Dependents(objs, "ns", "env/one")
	if err != nil || !slices.Equal(dep.Workloads, []string{"a", "b"}) || dep.Bootstrap {
		t.Errorf("Dependents = %+v, %v; want a and b, no bootstrap", dep, err)
	}
	if _, err := Dependents(objs, "ns", "env/none"); err == nil {
		t.Error("a secret nothing reads must be an error: the manifests and outputs disagree")
	}
}
