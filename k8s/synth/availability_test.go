package synth

import (
	"strings"
	"testing"

	"sigs.k8s.io/yaml"

	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"

	"github.com/supabase-eks/supabase-eks/internal/testkit/kongsim"
	"github.com/supabase-eks/supabase-eks/k8s/components"
	"github.com/supabase-eks/supabase-eks/k8s/platform"
)

// node is one node of the simulated cluster.
type node struct {
	zone   string
	taints []corev1.Taint
}

// tolerates applies the scheduler's toleration matching (key, operator,
// effect; an empty effect tolerates every effect).
func tolerates(tols []corev1.Toleration, taint corev1.Taint) bool {
	for _, tol := range tols {
		if tol.Key != "" && tol.Key != taint.Key {
			continue
		}
		if tol.Operator != corev1.TolerationOpExists && tol.Value != taint.Value {
			continue
		}
		if tol.Effect == "" || tol.Effect == taint.Effect {
			return true
		}
	}
	return false
}

// zoneSkewAllows is the PodTopologySpread filter for one zone constraint:
// placing a pod in zone z is allowed when count(z)+1 - min over eligible
// zones <= maxSkew. A zone is eligible when it has a node the constraint
// counts: with nodeTaintsPolicy Honor only nodes whose taints the pod
// tolerates; with Ignore (the default) every node. minDomains: fewer
// eligible zones than that make the minimum 0.
func zoneSkewAllows(tsc corev1.TopologySpreadConstraint, tols []corev1.Toleration, nodes []node, pods map[string]int, z string) bool {
	honor := tsc.NodeTaintsPolicy != nil && *tsc.NodeTaintsPolicy == corev1.NodeInclusionPolicyHonor
	eligible := map[string]bool{}
	for _, n := range nodes {
		ok := true
		if honor {
			for _, taint := range n.taints {
				if !tolerates(tols, taint) {
					ok = false
				}
			}
		}
		if ok {
			eligible[n.zone] = true
		}
	}
	if !eligible[z] {
		return false
	}
	min := -1
	for zone := range eligible {
		if min < 0 || pods[zone] < min {
			min = pods[zone]
		}
	}
	if tsc.MinDomains != nil && int32(len(eligible)) < *tsc.MinDomains {
		min = 0
	}
	return int32(pods[z]+1-min) <= tsc.MaxSkew
}

// TestZoneLossKeepsScheduling: prod spreads every Deployment across zones
// with DoNotSchedule. When a zone is lost its nodes are NotReady and
// tainted unreachable; the replacement pods and any HPA scale-out must
// still schedule in the surviving zones. Pods carry the tolerations the
// DefaultTolerationSeconds admission adds (unreachable/not-ready NoExecute).
func TestZoneLossKeepsScheduling(t *testing.T) {
	r := envs["prod"]
	if r == nil {
		t.Fatal("prod not rendered")
	}
	lost := []corev1.Taint{
		{Key: "node.kubernetes.io/unreachable", Effect: corev1.TaintEffectNoSchedule},
		{Key: "node.kubernetes.io/unreachable", Effect: corev1.TaintEffectNoExecute},
	}
	nodes := []node{{zone: "a"}, {zone: "b"}, {zone: "c", taints: lost}}
	// Two replicas survived in a and b; c's was lost with the zone.
	pods := map[string]int{"a": 1, "b": 1}
	defaultTolerations := []corev1.Toleration{
		{Key: "node.kubernetes.io/not-ready", Operator: corev1.TolerationOpExists, Effect: corev1.TaintEffectNoExecute},
		{Key: "node.kubernetes.io/unreachable", Operator: corev1.TolerationOpExists, Effect: corev1.TaintEffectNoExecute},
	}
	for n, d := range deployments(t, r) {
		spec := d.Spec.Template.Spec
		tols := append(append([]corev1.Toleration(nil), spec.Tolerations...), defaultTolerations...)
		for _, tsc := range spec.TopologySpreadConstraints {
			if tsc.TopologyKey != "topology.kubernetes.io/zone" || tsc.WhenUnsatisfiable != corev1.DoNotSchedule {
				continue
			}
			if !zoneSkewAllows(tsc, tols, nodes, pods, "a") && !zoneSkewAllows(tsc, tols, nodes, pods, "b") {
				t.Errorf("%s: with zone c lost, a replacement replica fits in no surviving zone (nodeTaintsPolicy %v)", n, tsc.NodeTaintsPolicy)
			}
		}
	}
	// The simulation itself: without Honor the lost zone blocks placement.
	ignore := corev1.TopologySpreadConstraint{MaxSkew: 1, TopologyKey: "topology.kubernetes.io/zone", WhenUnsatisfiable: corev1.DoNotSchedule}
	if zoneSkewAllows(ignore, defaultTolerations, nodes, pods, "a") {
		t.Fatal("the simulation lets an Ignore constraint place a pod next to a lost zone; it does not model the scheduler")
	}
}

// TestKongDrainsBeforeItStops: a rollout or node drain must not drop
// requests at the ALB. New Kong pods are ready only once the ALB sees them
// (readiness gate injected in the namespace); a terminating pod keeps
// serving while the ALB deregisters it; the ALB's drain fits in the grace
// period.
func TestKongDrainsBeforeItStops(t *testing.T) {
	eachEnv(t, func(t *testing.T, r *rendered) {
		var ns corev1.Namespace
		r.find(t, "Namespace", "supabase").into(t, &ns)
		if ns.Labels[platform.ReadinessGateLabel] != "enabled" {
			t.Errorf("namespace lacks %s=enabled: the controller injects no readiness gate", platform.ReadinessGateLabel)
		}
		d := deployments(t, r)["kong"]
		spec := d.Spec.Template.Spec
		c := spec.Containers[0]
		if c.Lifecycle == nil || c.Lifecycle.PreStop == nil || c.Lifecycle.PreStop.Sleep == nil {
			t.Fatal("kong has no preStop sleep: it stops serving before the ALB stops sending")
		}
		sleep := c.Lifecycle.PreStop.Sleep.Seconds
		grace := int64(30)
		if spec.TerminationGracePeriodSeconds != nil {
			grace = *spec.TerminationGracePeriodSeconds
		}
		var ing networkingv1.Ingress
		r.find(t, "Ingress", platform.IngressName).into(t, &ing)
		attrs := ing.Annotations["alb.ingress.kubernetes.io/target-group-attributes"]
		want := "deregistration_delay.timeout_seconds="
		i := strings.Index(attrs, want)
		if i < 0 {
			t.Fatalf("no deregistration delay: the ALB default (300 s) outlasts every grace period")
		}
		var dereg int64
		for _, ch := range attrs[i+len(want):] {
			if ch < '0' || ch > '9' {
				break
			}
			dereg = dereg*10 + int64(ch-'0')
		}
		if sleep < 15 || dereg < sleep || grace <= dereg {
			t.Errorf("preStop %ds, deregistration delay %ds, grace period %ds: want 15 <= preStop <= deregistration < grace", sleep, dereg, grace)
		}
		if sleep != components.KongPreStopSeconds {
			t.Errorf("rendered preStop %ds, components.KongPreStopSeconds %d", sleep, components.KongPreStopSeconds)
		}
	})
}

// TestStudioRestrictedBySource: with workloads.studioAllowedCidrs, Kong
// admits the dashboard route only from those networks (and loads the
// plugin); the API routes stay open. Without it, nothing is restricted.
func TestStudioRestrictedBySource(t *testing.T) {
	env := envs["prod"].env
	env.Workloads.StudioAllowedCIDRs = []string{"203.0.113.0/24", "198.51.100.7/32"}
	r, err := renderVariant(t, env)
	if err != nil {
		t.Fatal(err)
	}
	var k struct {
		Services []struct {
			Name    string
			Plugins []struct {
				Name   string
				Config struct{ Allow []string }
			}
		}
	}
	clean := renderedKong(t, r)
	if err := yaml.Unmarshal([]byte(clean), &k); err != nil {
		t.Fatal(err)
	}
	restricted := map[string][]string{}
	for _, s := range k.Services {
		for _, p := range s.Plugins {
			if p.Name == "ip-restriction" {
				restricted[s.Name] = p.Config.Allow
			}
		}
	}
	if len(restricted) != 1 || strings.Join(restricted["dashboard"], ",") != "203.0.113.0/24,198.51.100.7/32" {
		t.Errorf("ip-restriction on %v, want the dashboard only, with the configured networks", restricted)
	}
	if kong := deployments(t, r)["kong"]; !strings.Contains(envValue(kong.Spec.Template.Spec.Containers[0].Env, "KONG_PLUGINS"), "ip-restriction") {
		t.Error("Kong does not load the ip-restriction plugin")
	}
	if strings.Contains(kongTemplate(t, envs["prod"]), "ip-restriction") {
		t.Error("the default rendering restricts Studio without a configured network")
	}
}

func envValue(env []corev1.EnvVar, name string) string {
	for _, e := range env {
		if e.Name == name {
			return e.Value
		}
	}
	return ""
}

// TestFunctionsRouteMapsNewKeys: supabase-js calls functions with a new API
// key as apikey only; Kong gives the main service the key role's JWT as a
// bearer, keeps a user's session, and forwards an unknown key as it came.
func TestFunctionsRouteMapsNewKeys(t *testing.T) {
	env := envs["dev"].env
	env.Workloads.FunctionsEnabled = true
	r, err := renderVariant(t, env)
	if err != nil {
		t.Fatal(err)
	}
	text, vars := renderedKongWith(t, r)
	kong, err := kongsim.Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name    string
		headers map[string]string
		want    string
	}{
		{"publishable key, no session", map[string]string{"apikey": vars["publishable_key_1"]}, "Bearer " + vars["anon_jwt"]},
		{"secret key", map[string]string{"apikey": vars["secret_key_1"]}, "Bearer " + vars["service_role_jwt"]},
		{"publishable key with a session", map[string]string{"apikey": vars["publishable_key_1"], "Authorization": "Bearer user.session.jwt"}, "Bearer user.session.jwt"},
		{"legacy anon key", map[string]string{"apikey": vars["anon_key"]}, "Bearer " + vars["anon_key"]},
		{"unknown key passes through for the main service to refuse", map[string]string{"apikey": "sb_secret_unknown"}, "Bearer sb_secret_unknown"},
	} {
		res, err := kong.Do(kongsim.Request{Path: "/functions/v1/hello", Headers: c.headers})
		if err != nil || res.Status != 0 || res.Service != "functions-v1" {
			t.Fatalf("%s: %d %s %s %v", c.name, res.Status, res.Message, res.Service, err)
		}
		if got := res.Headers["authorization"]; got != c.want {
			t.Errorf("%s: the main service gets Authorization %q, want %q", c.name, got, c.want)
		}
	}
}
