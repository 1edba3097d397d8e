package conformance

import (
	"fmt"
	"path"
	"sort"
	"strings"

	corev1 "k8s.io/api/core/v1"

	"github.com/supabase-eks/supabase-eks/internal/artifacts"
	"github.com/supabase-eks/supabase-eks/internal/esotemplate"
	"github.com/supabase-eks/supabase-eks/internal/ops/secretvalues"
)

// Rendered is one environment's rendered manifests (dist/<env>) as a
// cluster would turn them into processes: Secrets materialized from the
// ExternalSecrets' templates, containers with their environment resolved as
// the kubelet does, files resolved through their volume mounts. Everything
// the harness runs is read from here, never from the Go that rendered it.
type Rendered struct {
	Dir        string
	Workloads  map[string]artifacts.Workload // by ID, e.g. deployment/storage
	ConfigMaps map[string]map[string]string
	// ConfigMapAnnotations by ConfigMap name.
	ConfigMapAnnotations map[string]map[string]string
	// Secrets are the Kubernetes Secrets ESO would write: name -> key -> value.
	Secrets map[string]map[string]string
}

// Remote returns the current SecretString of a Secrets Manager secret by
// name or ARN.
type Remote func(id string) (string, bool)

// LoadRendered reads dir and materializes every ExternalSecret from remote.
func LoadRendered(dir string, remote Remote) (*Rendered, error) {
	objs, err := artifacts.ReadManifests(dir)
	if err != nil {
		return nil, err
	}
	ws, err := artifacts.Workloads(objs)
	if err != nil {
		return nil, err
	}
	r := &Rendered{Dir: dir, Workloads: map[string]artifacts.Workload{}, ConfigMaps: map[string]map[string]string{}, ConfigMapAnnotations: map[string]map[string]string{}, Secrets: map[string]map[string]string{}}
	for _, w := range ws {
		r.Workloads[w.ID()] = w
	}
	for _, o := range objs {
		switch o.Kind {
		case "ConfigMap":
			data := map[string]string{}
			if d, ok := o.Body["data"].(map[string]any); ok {
				for k, v := range d {
					data[k], _ = v.(string)
				}
			}
			r.ConfigMaps[o.Name] = data
			r.ConfigMapAnnotations[o.Name] = o.Annotations()
		case "ExternalSecret":
			es, err := artifacts.DecodeExternalSecret(o)
			if err != nil {
				return nil, fmt.Errorf("%s: ExternalSecret %s: %w", o.File, o.Name, err)
			}
			name, data, err := materialize(es, remote)
			if err != nil {
				return nil, fmt.Errorf("%s: ExternalSecret %s: %w", o.File, o.Name, err)
			}
			r.Secrets[name] = data
		}
	}
	return r, nil
}

// materialize does what ESO does for one ExternalSecret: read each
// remoteRef's property, then render the target template (engine v2) or,
// without one, store the values under their secretKeys.
func materialize(es artifacts.ExternalSecret, remote Remote) (string, map[string]string, error) {
	spec := es.Spec
	if len(spec.DataFrom) > 0 {
		return "", nil, fmt.Errorf("dataFrom is not supported by this harness")
	}
	vars := map[string]string{}
	for _, d := range spec.Data {
		value, ok := remote(d.RemoteRef.Key)
		if !ok {
			return "", nil, fmt.Errorf("remote secret %s does not exist", d.RemoteRef.Key)
		}
		if d.RemoteRef.Property == "" {
			vars[d.SecretKey] = value
			continue
		}
		fields, err := secretvalues.Decode(value)
		if err != nil {
			return "", nil, fmt.Errorf("remote secret %s: %w", d.RemoteRef.Key, err)
		}
		v, ok := fields[d.RemoteRef.Property]
		if !ok {
			return "", nil, fmt.Errorf("remote secret %s has no property %s", d.RemoteRef.Key, d.RemoteRef.Property)
		}
		vars[d.SecretKey] = v
	}
	target := es.Target()
	if spec.Target.Template == nil || len(spec.Target.Template.Data) == 0 {
		return target, vars, nil
	}
	if v := spec.Target.Template.EngineVersion; v != "" && v != "v2" {
		return "", nil, fmt.Errorf("template engine %s is not supported", v)
	}
	out := map[string]string{}
	for key, text := range spec.Target.Template.Data {
		v, err := esotemplate.Execute(key, text, vars)
		if err != nil {
			return "", nil, fmt.Errorf("template %s: %w", key, err)
		}
		out[key] = v
	}
	return target, out, nil
}

// Container is one rendered container with what the kubelet would give it.
type Container struct {
	Workload, Name string
	Command, Args  []string
	// Env is the resolved environment, in the container's order.
	Env []corev1.EnvVar
	// env is Env by name.
	env   map[string]string
	pod   corev1.PodSpec
	ctr   corev1.Container
	owner *Rendered
}

// Container resolves the container called name of workload id; an init
// container is found under its own name too.
func (r *Rendered) Container(id, name string) (*Container, error) {
	w, ok := r.Workloads[id]
	if !ok {
		return nil, fmt.Errorf("%s is not rendered in %s", id, r.Dir)
	}
	var ctr *corev1.Container
	for _, list := range [][]corev1.Container{w.Pod.Containers, w.Pod.InitContainers} {
		for i := range list {
			if list[i].Name == name {
				ctr = &list[i]
			}
		}
	}
	if ctr == nil {
		return nil, fmt.Errorf("%s has no container %s", id, name)
	}
	c := &Container{Workload: id, Name: name, pod: w.Pod, ctr: *ctr, owner: r, env: map[string]string{}}
	for _, from := range ctr.EnvFrom {
		var data map[string]string
		switch {
		case from.SecretRef != nil:
			data = r.Secrets[from.SecretRef.Name]
		case from.ConfigMapRef != nil:
			data = r.ConfigMaps[from.ConfigMapRef.Name]
		}
		keys := make([]string, 0, len(data))
		for k := range data {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			c.set(from.Prefix+k, data[k])
		}
	}
	for _, e := range ctr.Env {
		v, err := c.resolve(e)
		if err != nil {
			return nil, fmt.Errorf("%s container %s: env %s: %w", id, name, e.Name, err)
		}
		c.set(e.Name, v)
	}
	for _, a := range ctr.Command {
		c.Command = append(c.Command, expand(a, c.env))
	}
	for _, a := range ctr.Args {
		c.Args = append(c.Args, expand(a, c.env))
	}
	return c, nil
}

func (c *Container) set(name, value string) {
	if _, dup := c.env[name]; dup {
		for i := range c.Env {
			if c.Env[i].Name == name {
				c.Env[i].Value = value
			}
		}
	} else {
		c.Env = append(c.Env, corev1.EnvVar{Name: name, Value: value})
	}
	c.env[name] = value
}

func (c *Container) resolve(e corev1.EnvVar) (string, error) {
	if e.ValueFrom == nil {
		return expand(e.Value, c.env), nil
	}
	switch {
	case e.ValueFrom.SecretKeyRef != nil:
		ref := e.ValueFrom.SecretKeyRef
		v, ok := c.owner.Secrets[ref.Name][ref.Key]
		if !ok {
			return "", fmt.Errorf("Secret %s has no key %s", ref.Name, ref.Key)
		}
		return v, nil
	case e.ValueFrom.ConfigMapKeyRef != nil:
		ref := e.ValueFrom.ConfigMapKeyRef
		v, ok := c.owner.ConfigMaps[ref.Name][ref.Key]
		if !ok {
			return "", fmt.Errorf("ConfigMap %s has no key %s", ref.Name, ref.Key)
		}
		return v, nil
	case e.ValueFrom.FieldRef != nil:
		switch e.ValueFrom.FieldRef.FieldPath {
		case "status.podIP":
			return "127.0.0.1", nil
		case "metadata.namespace":
			return "supabase", nil
		default:
			return "conformance-" + e.ValueFrom.FieldRef.FieldPath, nil
		}
	}
	return "", fmt.Errorf("unsupported valueFrom")
}

// Get returns an environment variable and whether it is set.
func (c *Container) Get(name string) (string, bool) {
	v, ok := c.env[name]
	return v, ok
}

// EnvList is Env as NAME=value strings.
func (c *Container) EnvList() []string {
	out := make([]string, 0, len(c.Env))
	for _, e := range c.Env {
		out = append(out, e.Name+"="+e.Value)
	}
	return out
}

// Without returns a copy of c without the environment variables named.
func (c *Container) Without(names ...string) *Container {
	cp := *c
	cp.Env = nil
	cp.env = map[string]string{}
	drop := map[string]bool{}
	for _, n := range names {
		drop[n] = true
	}
	for _, e := range c.Env {
		if !drop[e.Name] {
			cp.set(e.Name, e.Value)
		}
	}
	return &cp
}

// With returns a copy of c with the environment variable name set to value.
func (c *Container) With(name, value string) *Container {
	cp := c.Without()
	cp.set(name, value)
	return cp
}

// WithoutMount returns a copy of c whose container no longer mounts the
// volume mounted at mountPath.
func (c *Container) WithoutMount(mountPath string) *Container {
	cp := *c
	cp.ctr.VolumeMounts = nil
	for _, m := range c.ctr.VolumeMounts {
		if m.MountPath != mountPath {
			cp.ctr.VolumeMounts = append(cp.ctr.VolumeMounts, m)
		}
	}
	return &cp
}

// File reads the file at p inside the container: through the volume mount
// that holds it, from the ConfigMap or Secret behind that volume. An error
// says which link of the chain is missing.
func (c *Container) File(p string) ([]byte, error) {
	var best *corev1.VolumeMount
	for i, m := range c.ctr.VolumeMounts {
		mp := strings.TrimSuffix(m.MountPath, "/")
		if (p == mp || strings.HasPrefix(p, mp+"/")) && (best == nil || len(mp) > len(best.MountPath)) {
			best = &c.ctr.VolumeMounts[i]
		}
	}
	if best == nil {
		return nil, fmt.Errorf("%s: no volume is mounted at %s in container %s of %s", p, path.Dir(p), c.Name, c.Workload)
	}
	rel := strings.TrimPrefix(strings.TrimPrefix(p, strings.TrimSuffix(best.MountPath, "/")), "/")
	if best.SubPath != "" {
		if rel != "" {
			return nil, fmt.Errorf("%s: mount %s is a single file (subPath %s)", p, best.MountPath, best.SubPath)
		}
		rel = best.SubPath
	}
	var vol *corev1.Volume
	for i := range c.pod.Volumes {
		if c.pod.Volumes[i].Name == best.Name {
			vol = &c.pod.Volumes[i]
		}
	}
	if vol == nil {
		return nil, fmt.Errorf("%s: volume %s is mounted but not defined", p, best.Name)
	}
	var data map[string]string
	var items []corev1.KeyToPath
	var source string
	switch {
	case vol.ConfigMap != nil:
		source = "ConfigMap " + vol.ConfigMap.Name
		d, ok := c.owner.ConfigMaps[vol.ConfigMap.Name]
		if !ok {
			return nil, fmt.Errorf("%s: %s is not rendered", p, source)
		}
		data, items = d, vol.ConfigMap.Items
	case vol.Secret != nil:
		source = "Secret " + vol.Secret.SecretName
		d, ok := c.owner.Secrets[vol.Secret.SecretName]
		if !ok {
			return nil, fmt.Errorf("%s: %s is not materialized by any ExternalSecret", p, source)
		}
		data, items = d, vol.Secret.Items
	default:
		return nil, fmt.Errorf("%s: volume %s is neither a ConfigMap nor a Secret", p, best.Name)
	}
	key := rel
	if len(items) > 0 {
		key = ""
		for _, it := range items {
			if it.Path == rel {
				key = it.Key
			}
		}
	}
	v, ok := data[key]
	if key == "" || !ok {
		return nil, fmt.Errorf("%s: %s has no key for %s", p, source, rel)
	}
	return []byte(v), nil
}

// expand does the kubelet's $(VAR) expansion: $(NAME) of a variable defined
// earlier becomes its value, $$ becomes $, anything else stays as written.
func expand(s string, env map[string]string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '$' || i+1 >= len(s) {
			b.WriteByte(s[i])
			continue
		}
		switch s[i+1] {
		case '$':
			b.WriteByte('$')
			i++
		case '(':
			end := strings.IndexByte(s[i+2:], ')')
			if end < 0 {
				b.WriteString(s[i:])
				return b.String()
			}
			name := s[i+2 : i+2+end]
			if v, ok := env[name]; ok {
				b.WriteString(v)
			} else {
				b.WriteString(s[i : i+3+end])
			}
			i += 2 + end
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}
