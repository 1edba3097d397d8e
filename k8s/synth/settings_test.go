package synth

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/supabase-eks/supabase-eks/internal/artifacts"
	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
)

// TestSettingsNotTheEnvironmentDecide: dev rendered with prod's settings
// (and outputs of a stack with interface endpoints, another Kubernetes and
// PostgreSQL version) renders what those settings say. Were any of them
// still derived from the environment's name or read from the configuration
// instead of the outputs, this render would look like dev's.
func TestSettingsNotTheEnvironmentDecide(t *testing.T) {
	env := envs["dev"].env
	env.Workloads.ZoneSpread = config.SpreadRequired
	env.Workloads.AddonReplicas = 3
	env.Workloads.ALBDeletionProtection = true
	r, err := renderVariantWith(t, env, func(o *outputs.Outputs) {
		o.InterfaceEndpoints = true
		o.KubernetesVersion = "1.36"
		o.DBEngineVersion = "16.9"
	})
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

	t.Run("interface_endpoints", func(t *testing.T) {
		// Without endpoints the internet egress excludes the VPC; with them
		// STS is inside it, so nothing may be excluded.
		got := internetExcepts(t, base)
		if len(got) == 0 {
			t.Errorf("dev's internet egress excludes nothing, want the VPC %s", base.out.VpcCIDR)
		}
		for _, c := range got {
			if c != base.out.VpcCIDR {
				t.Errorf("dev's internet egress excludes %s, want only the VPC %s", c, base.out.VpcCIDR)
			}
		}
		if got := internetExcepts(t, r); len(got) != 0 {
			t.Errorf("with interface endpoints the internet egress still excepts %v: STS would be unreachable", got)
		}
	})

	t.Run("kubernetes_version", func(t *testing.T) {
		var ns corev1.Namespace
		r.find(t, "Namespace", "supabase").into(t, &ns)
		if got := ns.Labels["pod-security.kubernetes.io/enforce-version"]; got != "v1.36" {
			t.Errorf("Pod Security version %q, want the output's v1.36", got)
		}
		if got := nested(addonValues(t, r, "cluster-autoscaler"), "image", "tag"); got != "v1.36.0" {
			t.Errorf("Cluster Autoscaler image %v, want the output's v1.36.0", got)
		}
	})

	t.Run("db_engine_version", func(t *testing.T) {
		n := 0
		for name, pod := range podTemplates(t, r) {
			for _, c := range append(append([]corev1.Container(nil), pod.Spec.InitContainers...), pod.Spec.Containers...) {
				if strings.HasPrefix(c.Image, "postgres:") {
					n++
					if c.Image != "postgres:16.9-alpine" {
						t.Errorf("%s/%s: image %s, want the output's engine version 16.9", name, c.Name, c.Image)
					}
				}
			}
		}
		if n == 0 {
			t.Fatal("no PostgreSQL client container rendered")
		}
	})
}

// addonValues decodes the rendered Helm values of one add-on release.
func addonValues(t *testing.T, r *rendered, release string) map[string]any {
	t.Helper()
	v, err := artifacts.ReadValues(filepath.Join(r.dir, "addons", release+".values.yaml"))
	if err != nil {
		t.Fatal(err)
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

// internetExcepts lists what every egress rule to 0.0.0.0/0 excludes.
func internetExcepts(t *testing.T, r *rendered) []string {
	t.Helper()
	var excepts []string
	rules := 0
	for _, o := range r.kind("NetworkPolicy") {
		var np networkingv1.NetworkPolicy
		o.into(t, &np)
		for _, e := range np.Spec.Egress {
			for _, p := range e.To {
				if p.IPBlock != nil && p.IPBlock.CIDR == "0.0.0.0/0" {
					rules++
					excepts = append(excepts, p.IPBlock.Except...)
				}
			}
		}
	}
	if rules == 0 {
		t.Fatal("no egress to the internet rendered")
	}
	return excepts
}
