// Package artifacts reads what the two synthesizers generate: a stack's
// Terraform JSON (cdktf.out/stacks/<stack>/cdk.tf.json) and a rendered
// environment (dist/<env>/: manifests, the add-on releases and values). The
// diagram, the cost estimate, the secrets e2e, the runtime harness, the
// operations CLI and the rotation read through it, so each artifact's shape
// is known in one place; the k8s synth writes the add-on releases with it.
package artifacts

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// StackFile is the Terraform JSON a synthesized stack's directory holds.
const StackFile = "cdk.tf.json"

// Stack is one synthesized stack.
type Stack struct {
	// Name is the stack's directory name (supabase-dev) when loaded from a file.
	Name string
	// Resources holds each resource's arguments as Terraform JSON spells
	// them, by type and then logical name.
	Resources map[string]map[string]map[string]any
}

// LoadStack reads a stack's cdk.tf.json.
func LoadStack(path string) (*Stack, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	s, err := ParseStack(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	s.Name = filepath.Base(filepath.Dir(path))
	return s, nil
}

// ParseStack decodes Terraform JSON.
func ParseStack(data []byte) (*Stack, error) {
	var doc struct {
		Resource map[string]map[string]map[string]any `json:"resource"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	return &Stack{Resources: doc.Resource}, nil
}

// Each calls fn for every resource of type typ, in logical-name order.
func (s *Stack) Each(typ string, fn func(name string, r map[string]any)) {
	names := make([]string, 0, len(s.Resources[typ]))
	for n := range s.Resources[typ] {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fn(n, s.Resources[typ][n])
	}
}

// Retained lists, sorted, the addresses (type.name) of the resources marked
// lifecycle.prevent_destroy: Terraform refuses to plan a destroy that
// includes them.
func (s *Stack) Retained() []string {
	var out []string
	for typ, rs := range s.Resources {
		for name, r := range rs {
			if lc, _ := r["lifecycle"].(map[string]any); lc["prevent_destroy"] == true {
				out = append(out, typ+"."+name)
			}
		}
	}
	sort.Strings(out)
	return out
}
