package secrets

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/supabase-eks/supabase-eks/internal/artifacts"
	"github.com/supabase-eks/supabase-eks/internal/config"
	"github.com/supabase-eks/supabase-eks/internal/outputs"
)

// referencedSecrets walks a pod template for every Secret it reads: env
// secretKeyRef, envFrom secretRef, secret and projected volumes.
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

// TestDependentsMatchRenderedManifests derives, from the committed dist/,
// which workloads read each Secrets Manager secret (through the
// ExternalSecrets that pull it) and requires the rotation table to list
// exactly those among the rendered workloads: a missing entry would leave a
// pod on an old value, an extra one restarts for nothing.
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
		o, err := outputs.Load(filepath.Join("..", "..", "..", "examples", "outputs", env+".json"))
		if err != nil {
			t.Fatal(err)
		}
		// Kubernetes Secret -> Secrets Manager names it is built from.
		k8sFrom := map[string]map[string]bool{}
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
			k8sFrom[name] = map[string]bool{}
			for _, field := range []string{"data", "dataFrom"} {
				list, _ := spec[field].([]any)
				for _, item := range list {
					m, _ := item.(map[string]any)
					for _, refKey := range []string{"remoteRef", "extract", "find"} {
						if ref, ok := m[refKey].(map[string]any); ok {
							if key, ok := ref["key"].(string); ok {
								k8sFrom[name][key] = true
							}
						}
					}
				}
			}
		}
		rendered := map[string]bool{}
		readers := map[string]map[string]bool{} // logical -> workloads
		for _, obj := range objs {
			if obj.Kind != "Deployment" && obj.Kind != "StatefulSet" {
				continue
			}
			rendered[obj.Name] = true
			refs := map[string]bool{}
			referencedSecrets(obj.Body["spec"], refs)
			for k8sName := range refs {
				for smName := range k8sFrom[k8sName] {
					for logical, n := range o.SecretNames {
						if n == smName {
							if readers[logical] == nil {
								readers[logical] = map[string]bool{}
							}
							readers[logical][obj.Name] = true
						}
					}
				}
			}
		}
		for _, logical := range outputs.SecretOrder {
			var table, derived []string
			for _, w := range Dependents[logical].Workloads {
				if rendered[w] {
					table = append(table, w)
				}
			}
			for w := range readers[logical] {
				derived = append(derived, w)
			}
			sort.Strings(table)
			sort.Strings(derived)
			if strings.Join(table, ",") != strings.Join(derived, ",") {
				t.Errorf("%s: Dependents[%q] lists %v among the rendered workloads; dist/%s shows %v read it", env, logical, table, env, derived)
			}
		}
		if len(readers) == 0 {
			t.Fatalf("%s: no workload reads any secret: the derivation is broken", env)
		}
		t.Logf("%s: %s", env, fmt.Sprint(readers))
	}
}
