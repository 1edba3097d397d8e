// Package manifest turns typed Kubernetes objects (k8s.io/api) into cdk8s
// ApiObjects, and holds what every Supabase component shares: the synthesis
// context, labels, security defaults and the workload builder.
//
// Objects are built as k8s.io/api structs so the compiler checks every field
// name, then handed to cdk8s in one JSON patch per top-level field: one jsii
// round trip per field keeps synthesis fast.
package manifest

import (
	"encoding/json"
	"fmt"

	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk8s-team/cdk8s-core-go/cdk8s/v2"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
)

// Object is any typed Kubernetes object with its TypeMeta filled in.
type Object interface {
	metav1.Object
	GetObjectKind() schema.ObjectKind
}

// emptyArtifacts are fields that encoding/json writes as {} for zero-value
// structs (k8s.io/api has no omitzero) although they carry no meaning.
// Meaningful empty objects such as emptyDir: {} or podSelector: {} are kept.
var emptyArtifacts = map[string]bool{"creationTimestamp": true, "resources": true, "strategy": true, "status": true, "metadata": true, "spec": true}

// ToMap converts a typed object into its plain JSON form with the artifacts
// of Go's zero values removed.
func ToMap(obj any) (map[string]any, error) {
	data, err := json.Marshal(obj)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, err
	}
	delete(m, "status")
	prune(m)
	return m, nil
}

func prune(v any) {
	switch t := v.(type) {
	case map[string]any:
		for k, child := range t {
			if child == nil {
				delete(t, k)
				continue
			}
			prune(child)
			if cm, ok := child.(map[string]any); ok && len(cm) == 0 && emptyArtifacts[k] {
				delete(t, k)
			}
		}
	case []any:
		for _, child := range t {
			prune(child)
		}
	}
}

// Add renders obj into chart. The construct id is kind/name, unique within
// a chart because names are unique per kind and namespace.
func Add(scope constructs.Construct, obj Object) {
	gvk := obj.GetObjectKind().GroupVersionKind()
	if gvk.Kind == "" || gvk.Version == "" {
		panic(fmt.Sprintf("manifest.Add: %T %q has no TypeMeta", obj, obj.GetName()))
	}
	m, err := ToMap(obj)
	if err != nil {
		panic(fmt.Sprintf("manifest.Add: %T %q: %v", obj, obj.GetName(), err))
	}
	AddMap(scope, m)
}

// AddMap renders an object already in JSON form (apiVersion, kind, metadata
// and further top-level fields).
func AddMap(scope constructs.Construct, m map[string]any) {
	apiVersion, _ := m["apiVersion"].(string)
	kind, _ := m["kind"].(string)
	meta, _ := m["metadata"].(map[string]any)
	name, _ := meta["name"].(string)
	md := &cdk8s.ApiObjectMetadata{Name: jsii.String(name)}
	if ns, ok := meta["namespace"].(string); ok && ns != "" {
		md.Namespace = jsii.String(ns)
	}
	if l := stringMap(meta["labels"]); l != nil {
		md.Labels = l
	}
	if a := stringMap(meta["annotations"]); a != nil {
		md.Annotations = a
	}
	id := kind + "-" + name
	if md.Namespace == nil {
		id = "cluster-" + id
	}
	o := cdk8s.NewApiObject(scope, jsii.String(id), &cdk8s.ApiObjectProps{
		ApiVersion: jsii.String(apiVersion),
		Kind:       jsii.String(kind),
		Metadata:   md,
	})
	for _, k := range sortedKeys(m) {
		switch k {
		case "apiVersion", "kind", "metadata":
			continue
		}
		o.AddJsonPatch(cdk8s.JsonPatch_Add(jsii.String("/"+k), m[k]))
	}
}

func stringMap(v any) *map[string]*string {
	in, ok := v.(map[string]any)
	if !ok || len(in) == 0 {
		return nil
	}
	out := make(map[string]*string, len(in))
	for k, val := range in {
		s, _ := val.(string)
		out[k] = jsii.String(s)
	}
	return &out
}
