package secretsflow

import (
	"fmt"
	"path/filepath"

	"github.com/supabase-eks/supabase-eks/internal/artifacts"
)

// ServiceAccount is a service account the deployment creates, with the IAM
// role it is annotated to assume.
type ServiceAccount struct {
	Namespace, Name, RoleARN string
	// Source says where it is declared (a manifest or an add-on's values).
	Source string
}

const roleARNAnnotation = "eks.amazonaws.com/role-arn"

// ServiceAccounts lists the annotated service accounts of the manifests.
func ServiceAccounts(objs []artifacts.Object) []ServiceAccount {
	var out []ServiceAccount
	for _, o := range objs {
		if o.Kind != "ServiceAccount" {
			continue
		}
		if arn := o.Annotations()[roleARNAnnotation]; arn != "" {
			out = append(out, ServiceAccount{Namespace: o.Namespace, Name: o.Name, RoleARN: arn, Source: o.File})
		}
	}
	return out
}

// AddonServiceAccounts reads the add-on releases of dist/<env>/addons and
// each release's values, and returns the service accounts the charts are
// told to create with a role annotation (any `serviceAccount` map with a
// name and that annotation, at any depth: charts nest it differently).
func AddonServiceAccounts(addonsDir string) ([]ServiceAccount, error) {
	releases, err := artifacts.LoadReleases(addonsDir)
	if err != nil {
		return nil, err
	}
	var out []ServiceAccount
	for _, r := range releases {
		file := filepath.Join(addonsDir, r.Values)
		values, err := artifacts.ReadValues(file)
		if err != nil {
			return nil, fmt.Errorf("release %s: %w", r.Name, err)
		}
		var walk func(node any)
		walk = func(node any) {
			m, ok := node.(map[string]any)
			if !ok {
				return
			}
			for k, v := range m {
				if sa, ok := v.(map[string]any); ok && k == "serviceAccount" {
					name, _ := sa["name"].(string)
					an, _ := sa["annotations"].(map[string]any)
					if arn, _ := an[roleARNAnnotation].(string); arn != "" && name != "" {
						out = append(out, ServiceAccount{Namespace: r.Namespace, Name: name, RoleARN: arn, Source: file})
					}
				}
				walk(v)
			}
		}
		walk(values)
	}
	return out, nil
}
