package synth

import (
	"fmt"
	"net/netip"
	"slices"
	"sort"
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
)

// External endpoints probed by the flow matrix, one representative address
// per kind of destination.
type endpoint struct {
	name string
	addr func(r *rendered) string
}

var externals = []endpoint{
	{"alb", func(r *rendered) string { return firstHost(r.out.PublicSubnetCIDRs[0]) }},
	{"database", func(r *rendered) string { return firstHost(r.out.DatabaseSubnetCIDRs[0]) }},
	{"internet", func(r *rendered) string { return "52.216.0.10" }},
	{"vpc-node", func(r *rendered) string { return firstHost(r.out.PrivateSubnetCIDRs[0]) }},
}

func firstHost(cidr string) string {
	p := netip.MustParsePrefix(cidr)
	return p.Addr().Next().String()
}

// probePorts are every port any component listens on or dials, plus ports
// nothing should reach.
var probePorts = []int{22, 53, 80, 443, 465, 587, 3000, 3001, 4000, 4369, 4370, 5000, 5001, 5369, 5432, 8000, 8080, 8100, 9000, 9999}

// intendedFlows is the flow matrix the issue asks for, written out by hand
// (not derived from the code under test). Format: "from -> to:port".
func intendedFlows(r *rendered) []string {
	flows := []string{
		"alb -> kong:8000", "alb -> kong:8100",
		"kong -> auth:9999", "kong -> rest:3000", "kong -> realtime:4000", "kong -> storage:5000",
		"kong -> meta:8080", "kong -> studio:3000",
		"storage -> rest:3000", "storage -> imgproxy:5001",
		"studio -> meta:8080", "studio -> kong:8000",
		"realtime -> realtime:4369", "realtime -> realtime:4370", "realtime -> realtime:5369",
		"storage -> internet:443", "imgproxy -> internet:443", "db-backup -> internet:443",
		"auth -> internet:465", "auth -> internet:587",
	}
	for _, c := range []string{"auth", "rest", "realtime", "storage", "meta", "db-bootstrap", "db-backup"} {
		flows = append(flows, c+" -> database:5432")
	}
	sort.Strings(flows)
	return flows
}

type policySet struct {
	policies []networkingv1.NetworkPolicy
}

// selects reports the policies selecting pods with labels l, per direction.
func (ps policySet) selecting(l map[string]string, dir networkingv1.PolicyType) []networkingv1.NetworkPolicy {
	var out []networkingv1.NetworkPolicy
	for _, p := range ps.policies {
		sel, err := metav1.LabelSelectorAsSelector(&p.Spec.PodSelector)
		if err != nil {
			panic(err)
		}
		if sel.Matches(labels.Set(l)) && slices.Contains(p.Spec.PolicyTypes, dir) {
			out = append(out, p)
		}
	}
	return out
}

func portMatches(ports []networkingv1.NetworkPolicyPort, port int) bool {
	if len(ports) == 0 {
		return true
	}
	for _, p := range ports {
		proto := corev1.ProtocolTCP
		if p.Protocol != nil {
			proto = *p.Protocol
		}
		if proto == corev1.ProtocolTCP && (p.Port == nil || p.Port.IntValue() == port) {
			return true
		}
	}
	return false
}

// peerMatches: a pod peer (labels in the same namespace) or an address.
func peerMatches(peers []networkingv1.NetworkPolicyPeer, podLabels map[string]string, addr string) bool {
	if len(peers) == 0 {
		return true
	}
	for _, p := range peers {
		if p.NamespaceSelector != nil {
			continue // only DNS uses namespace selectors; probed separately
		}
		if podLabels != nil && p.PodSelector != nil && p.IPBlock == nil {
			sel, _ := metav1.LabelSelectorAsSelector(p.PodSelector)
			if sel.Matches(labels.Set(podLabels)) {
				return true
			}
		}
		if addr != "" && p.IPBlock != nil {
			a := netip.MustParseAddr(addr)
			if netip.MustParsePrefix(p.IPBlock.CIDR).Contains(a) {
				excluded := false
				for _, e := range p.IPBlock.Except {
					excluded = excluded || netip.MustParsePrefix(e).Contains(a)
				}
				if !excluded {
					return true
				}
			}
		}
	}
	return false
}

func (ps policySet) egressAllowed(from map[string]string, toLabels map[string]string, addr string, port int) bool {
	pols := ps.selecting(from, networkingv1.PolicyTypeEgress)
	if len(pols) == 0 {
		return true // not isolated
	}
	for _, p := range pols {
		for _, rule := range p.Spec.Egress {
			if portMatches(rule.Ports, port) && peerMatches(rule.To, toLabels, addr) {
				return true
			}
		}
	}
	return false
}

func (ps policySet) ingressAllowed(to map[string]string, fromLabels map[string]string, addr string, port int) bool {
	pols := ps.selecting(to, networkingv1.PolicyTypeIngress)
	if len(pols) == 0 {
		return true
	}
	for _, p := range pols {
		for _, rule := range p.Spec.Ingress {
			if portMatches(rule.Ports, port) && peerMatches(rule.From, fromLabels, addr) {
				return true
			}
		}
	}
	return false
}

// TestNetworkFlowMatrix computes every allowed flow from the rendered
// NetworkPolicies (pods of every Deployment, Job and CronJob, plus external
// addresses) and compares it with the intended matrix.
func TestNetworkFlowMatrix(t *testing.T) {
	eachEnv(t, func(t *testing.T, r *rendered) {
		var ps policySet
		for _, o := range r.kind("NetworkPolicy") {
			var p networkingv1.NetworkPolicy
			o.into(t, &p)
			ps.policies = append(ps.policies, p)
		}
		pods := map[string]map[string]string{}
		for name, tpl := range podTemplates(t, r) {
			pods[tpl.Labels["app.kubernetes.io/name"]] = tpl.Labels
			if len(ps.selecting(tpl.Labels, networkingv1.PolicyTypeIngress)) < 2 || len(ps.selecting(tpl.Labels, networkingv1.PolicyTypeEgress)) < 2 {
				t.Errorf("%s is not selected by the default deny and a policy of its own", name)
			}
		}
		var got []string
		names := make([]string, 0, len(pods))
		for n := range pods {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, from := range names {
			for _, port := range probePorts {
				for _, to := range names {
					if ps.egressAllowed(pods[from], pods[to], "", port) && ps.ingressAllowed(pods[to], pods[from], "", port) {
						got = append(got, fmt.Sprintf("%s -> %s:%d", from, to, port))
					}
				}
				for _, ext := range externals {
					if ext.name == "alb" {
						continue
					}
					if ps.egressAllowed(pods[from], nil, ext.addr(r), port) {
						got = append(got, fmt.Sprintf("%s -> %s:%d", from, ext.name, port))
					}
				}
			}
		}
		for _, ext := range externals {
			for _, to := range names {
				for _, port := range probePorts {
					if ps.ingressAllowed(pods[to], nil, ext.addr(r), port) {
						got = append(got, fmt.Sprintf("%s -> %s:%d", ext.name, to, port))
					}
				}
			}
		}
		sort.Strings(got)
		want := intendedFlows(r)
		for _, f := range want {
			if !slices.Contains(got, f) {
				t.Errorf("intended flow not allowed: %s", f)
			}
		}
		for _, f := range got {
			if !slices.Contains(want, f) {
				t.Errorf("flow allowed but not intended: %s", f)
			}
		}
		if t.Failed() {
			t.Logf("allowed flows:\n  %s", strings.Join(got, "\n  "))
		}
		// DNS: every pod may reach kube-dns and nothing else through the
		// namespace-wide policy.
		dns := false
		for _, p := range ps.policies {
			if p.Name == "allow-dns" && len(p.Spec.PodSelector.MatchLabels) == 0 {
				e := p.Spec.Egress[0]
				dns = len(p.Spec.Egress) == 1 && e.To[0].NamespaceSelector.MatchLabels["kubernetes.io/metadata.name"] == "kube-system" &&
					e.To[0].PodSelector.MatchLabels["k8s-app"] == "kube-dns" && portMatches(e.Ports, 53) && !portMatches(e.Ports, 443)
			}
		}
		if !dns {
			t.Errorf("no namespace-wide DNS egress to kube-dns only")
		}
	})
}
