package synth

import (
	"slices"
	"strings"
	"testing"

	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/k8s/components"
	"github.com/supabase-eks/supabase-eks/k8s/dbbootstrap"
	corev1 "k8s.io/api/core/v1"
)

// TestDescriptorsMatchWhatIsRendered: every enabled component's descriptor
// says what the rendered objects are (Deployment, image, Service port), and
// its database role is one the bootstrap creates and hands a password to.
func TestDescriptorsMatchWhatIsRendered(t *testing.T) {
	roles := map[string]bool{}
	for _, r := range dbbootstrap.RoleForEnv {
		roles[r] = true
	}
	eachEnv(t, func(t *testing.T, r *rendered) {
		deps := deployments(t, r)
		services := map[string]corev1.Service{}
		for _, o := range r.kind("Service") {
			var s corev1.Service
			o.into(t, &s)
			services[s.Spec.Selector["app.kubernetes.io/name"]+"/"+s.Name] = s
		}
		for _, d := range components.Enabled(r.env.Workloads) {
			dep, ok := deps[d.Name]
			if !ok {
				t.Errorf("%s: no Deployment", d.Name)
				continue
			}
			if got := dep.Spec.Template.Spec.Containers[0].Image; got != d.Image {
				t.Errorf("%s: image %s, descriptor says %s", d.Name, got, d.Image)
			}
			served := false
			for key, s := range services {
				if strings.HasPrefix(key, d.Name+"/") {
					served = served || slices.ContainsFunc(s.Spec.Ports, func(p corev1.ServicePort) bool { return int(p.Port) == d.Port })
				}
			}
			if !served {
				t.Errorf("%s: no Service of its pods serves port %d", d.Name, d.Port)
			}
			if d.DatabaseRole != "" && !roles[d.DatabaseRole] {
				t.Errorf("%s logs in as %s, which the bootstrap does not create with a password", d.Name, d.DatabaseRole)
			}
		}
	})
}

// TestComponentsTakingTrafficNeedAnAutoscaler: a descriptor marked
// Autoscaled refuses a fixed size, naming the field, and nothing is written.
func TestComponentsTakingTrafficNeedAnAutoscaler(t *testing.T) {
	env := config.Dev()
	env.Workloads.Auth.MinReplicas, env.Workloads.Auth.MaxReplicas, env.Workloads.Auth.Replicas = 0, 0, 2
	_, err := renderVariant(t, env)
	if err == nil || !strings.Contains(err.Error(), "workloads.auth.maxReplicas") {
		t.Fatalf("auth without an autoscaler: err %v, want one naming workloads.auth.maxReplicas", err)
	}
}
