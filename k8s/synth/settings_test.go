package synth

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/supabase-eks/supabase-eks/internal/config"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	"sigs.k8s.io/yaml"
)

// TestSettingsNotTheEnvironmentDecide: dev rendered with prod's settings
// renders what those settings say. Were any of them still derived from the
// environment's name, this render would look like dev's.
func TestSettingsNotTheEnvironmentDecide(t *testing.T) {
	env := envs["dev"].env
	env.Workloads.ZoneSpread = config.SpreadRequired
	env.Workloads.AddonReplicas = 3
	env.Workloads.ALBDeletionProtection = true
	r, err := renderVariant(t, env)
	if err != nil {
		t.Fatal(err)
	}
	base := envs["dev"]

	t.Run("zoneSpread", func(t *testing.T) {
		for n, d := range deployments(t, r) {
			for _, tsc := range d.Spec.Template.Spec.TopologySpreadConstraints {
				if tsc.TopologyKey == "topology.kubernetes.io/zone" && tsc.WhenUnsatisfiable != corev1.DoNotSchedule {
					t.Errorf("%s: zone spread %s with workloads.zoneSpread %s", n, tsc.WhenUnsatisfiable, config.SpreadRequired)
				}
			}
		}
	})

	t.Run("addonReplicas", func(t *testing.T) {
		eso := addonValues(t, r, "external-secrets")
		if eso["replicaCount"] != 3.0 || nested(eso, "webhook", "replicaCount") != 3.0 {
			t.Errorf("external-secrets replicas %v, webhook %v, want workloads.addonReplicas 3", eso["replicaCount"], nested(eso, "webhook", "replicaCount"))
		}
		ms := addonValues(t, r, "metrics-server")
		if ms["replicas"] != 3.0 || nested(ms, "podDisruptionBudget", "enabled") != true {
			t.Errorf("metrics-server replicas %v, budget %v, want 3 with a budget", ms["replicas"], nested(ms, "podDisruptionBudget", "enabled"))
		}
		if got := nested(addonValues(t, base, "metrics-server"), "podDisruptionBudget", "enabled"); got != false {
			t.Errorf("dev's single metrics-server has a budget: %v", got)
		}
	})

	t.Run("albDeletionProtection", func(t *testing.T) {
		var ing networkingv1.Ingress
		r.find(t, "Ingress", "supabase").into(t, &ing)
		if !strings.Contains(ing.Annotations["alb.ingress.kubernetes.io/load-balancer-attributes"], "deletion_protection.enabled=true") {
			t.Errorf("ALB attributes %q lack deletion protection", ing.Annotations["alb.ingress.kubernetes.io/load-balancer-attributes"])
		}
	})

}

// addonValues decodes the rendered Helm values of one add-on release.
func addonValues(t *testing.T, r *rendered, release string) map[string]any {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(r.dir, "addons", release+".values.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatalf("%s: %v", release, err)
	}
	return v
}

func nested(m map[string]any, keys ...string) any {
	var v any = m
	for _, k := range keys {
		mm, _ := v.(map[string]any)
		v = mm[k]
	}
	return v
}
