package artifacts

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"sigs.k8s.io/yaml"
)

// Object is one Kubernetes object read from rendered manifests.
type Object struct {
	APIVersion string
	Kind       string
	Name       string
	Namespace  string
	// File is the manifest file the object came from.
	File string
	// YAML is the object's own document.
	YAML []byte
	// Body is the decoded object.
	Body map[string]any
}

// Decode decodes the object into a typed value (a k8s.io/api type). It is
// strict: a field the type does not know is an error, so a misspelt field in
// the generator cannot pass for an absent one.
func (o Object) Decode(v any) error {
	if err := yaml.UnmarshalStrict(o.YAML, v); err != nil {
		return fmt.Errorf("%s %s/%s: %w", o.File, o.Kind, o.Name, err)
	}
	return nil
}

// Annotations returns the object's metadata.annotations.
func (o Object) Annotations() map[string]string {
	md, _ := o.Body["metadata"].(map[string]any)
	return stringMap(md["annotations"])
}

// ReadManifests reads every object in the .yaml/.yml files under path (a
// file or a directory), walking subdirectories in lexical order (the order
// kubectl apply -f -R uses). Helm chart sources and add-on values are
// skipped: they are not manifests.
func ReadManifests(path string) ([]Object, error) {
	var files []string
	err := filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != path && skipDir(d.Name()) {
				return filepath.SkipDir
			}
			return nil
		}
		if ext := filepath.Ext(p); ext == ".yaml" || ext == ".yml" {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var objs []Object
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		docs, err := splitDocuments(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		for i, doc := range docs {
			var body map[string]any
			if err := yaml.Unmarshal(doc, &body); err != nil {
				return nil, fmt.Errorf("%s document %d: %w", f, i+1, err)
			}
			if body == nil {
				continue
			}
			o := Object{File: f, YAML: doc, Body: body}
			o.APIVersion, _ = body["apiVersion"].(string)
			o.Kind, _ = body["kind"].(string)
			if md, ok := body["metadata"].(map[string]any); ok {
				o.Name, _ = md["name"].(string)
				o.Namespace, _ = md["namespace"].(string)
			}
			if o.Kind == "" {
				// A values file or other non-manifest YAML.
				continue
			}
			objs = append(objs, o)
		}
	}
	return objs, nil
}

// ManifestFiles lists the top-level manifest files of dir (dist/<env>) in
// apply order: kubectl apply -f DIR reads its own files, not its
// subdirectories (addons/ holds Helm values).
func ManifestFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, e := range entries {
		if !e.IsDir() && (strings.HasSuffix(e.Name(), ".yaml") || strings.HasSuffix(e.Name(), ".yml")) {
			files = append(files, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(files)
	return files, nil
}

// skipDir names directories under dist/<env> that hold no kubectl manifests.
func skipDir(name string) bool {
	switch name {
	case "addons", "chart", "charts", "templates", "helm":
		return true
	}
	return strings.HasPrefix(name, ".")
}

func splitDocuments(data []byte) ([][]byte, error) {
	var (
		docs [][]byte
		cur  bytes.Buffer
	)
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1024*1024), 16*1024*1024)
	flush := func() {
		if len(bytes.TrimSpace(cur.Bytes())) > 0 {
			docs = append(docs, append([]byte(nil), cur.Bytes()...))
		}
		cur.Reset()
	}
	for sc.Scan() {
		line := sc.Text()
		if line == "---" || strings.HasPrefix(line, "--- ") {
			flush()
			continue
		}
		cur.WriteString(line)
		cur.WriteByte('\n')
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	flush()
	return docs, nil
}

// PodTemplate returns the pod template (metadata and spec) of a
// Deployment, StatefulSet, DaemonSet, Job or CronJob, and false for any
// other kind: the one place that knows where each kind keeps it.
func PodTemplate(o Object) (map[string]any, bool) {
	var path []string
	switch o.Kind {
	case "Deployment", "StatefulSet", "DaemonSet", "Job":
		path = []string{"spec", "template"}
	case "CronJob":
		path = []string{"spec", "jobTemplate", "spec", "template"}
	default:
		return nil, false
	}
	var node any = o.Body
	for _, p := range path {
		m, _ := node.(map[string]any)
		node = m[p]
	}
	t, ok := node.(map[string]any)
	return t, ok
}

func stringMap(v any) map[string]string {
	out := map[string]string{}
	m, _ := v.(map[string]any)
	for k, v := range m {
		out[k], _ = v.(string)
	}
	return out
}
