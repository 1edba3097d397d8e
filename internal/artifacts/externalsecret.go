package artifacts

import (
	"encoding/json"
	"fmt"
)

// ExternalSecret is a rendered External Secrets ExternalSecret: which
// Kubernetes Secret it writes, from which remote secrets and how.
type ExternalSecret struct {
	Name, Namespace string
	Spec            ExternalSecretSpec
}

// RemoteRef names a remote secret (a Secrets Manager name or ARN) and,
// optionally, one property of its JSON value.
type RemoteRef struct {
	Key      string `json:"key"`
	Property string `json:"property"`
}

// ExternalSecretSpec is the part of an ExternalSecret's spec the readers use.
type ExternalSecretSpec struct {
	RefreshInterval string `json:"refreshInterval"`
	SecretStoreRef  struct {
		Kind string `json:"kind"`
		Name string `json:"name"`
	} `json:"secretStoreRef"`
	Data []struct {
		SecretKey string    `json:"secretKey"`
		RemoteRef RemoteRef `json:"remoteRef"`
	} `json:"data"`
	DataFrom []struct {
		Extract *RemoteRef `json:"extract"`
	} `json:"dataFrom"`
	Target struct {
		Name     string `json:"name"`
		Template *struct {
			EngineVersion string            `json:"engineVersion"`
			Data          map[string]string `json:"data"`
			TemplateFrom  []any             `json:"templateFrom"`
		} `json:"template"`
	} `json:"target"`
}

// Target is the Kubernetes Secret the ExternalSecret writes: spec.target.name,
// which defaults to the ExternalSecret's own name.
func (e ExternalSecret) Target() string {
	if e.Spec.Target.Name != "" {
		return e.Spec.Target.Name
	}
	return e.Name
}

// TemplateData is the target template's data: the Secret's keys and their
// templates, nil without a template.
func (e ExternalSecret) TemplateData() map[string]string {
	if e.Spec.Target.Template == nil {
		return nil
	}
	return e.Spec.Target.Template.Data
}

// Reads reports whether the ExternalSecret pulls from the remote secret key.
func (e ExternalSecret) Reads(key string) bool {
	for _, d := range e.Spec.Data {
		if d.RemoteRef.Key == key {
			return true
		}
	}
	for _, d := range e.Spec.DataFrom {
		if d.Extract != nil && d.Extract.Key == key {
			return true
		}
	}
	return false
}

// ExternalSecrets decodes every ExternalSecret among objs, in order.
func ExternalSecrets(objs []Object) ([]ExternalSecret, error) {
	var out []ExternalSecret
	for _, o := range objs {
		if o.Kind != "ExternalSecret" {
			continue
		}
		es, err := DecodeExternalSecret(o)
		if err != nil {
			return nil, fmt.Errorf("%s: ExternalSecret %s: %w", o.File, o.Name, err)
		}
		out = append(out, es)
	}
	return out, nil
}

// DecodeExternalSecret decodes one ExternalSecret object.
func DecodeExternalSecret(o Object) (ExternalSecret, error) {
	es := ExternalSecret{Name: o.Name, Namespace: o.Namespace}
	raw, err := json.Marshal(o.Body["spec"])
	if err != nil {
		return es, err
	}
	err = json.Unmarshal(raw, &es.Spec)
	return es, err
}
