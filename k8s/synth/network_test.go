package synth

import (
	"fmt"
	"net/netip"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
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
var probePorts = []int{22, 53, 80, 443, 465, 587, 3000, 3001, 4000, 4369, 4370, 5000, 5001, 5369, 5412, 5432, 6543, 8000, 8080, 8100, 9000, 9999}

// podRef is a pod the matrix probes: one of the stack's pod groups or a pod
// of another namespace.
type podRef struct {
	ns     string
	labels map[string]string
}

// foreignPods live in other namespaces: the metrics scraper, cluster DNS,
// and a pod wearing Kong's labels in another namespace (a pod selector
// without a namespace selector must not match it).
var foreignPods = map[string]podRef{
	"amazon-cloudwatch/cloudwatch-agent": {"amazon-cloudwatch", map[string]string{"app.kubernetes.io/name": "cloudwatch-agent"}},
	"kube-system/kube-dns":               {"kube-system", map[string]string{"k8s-app": "kube-dns"}},
	"default/kong":                       {"default", map[string]string{"app.kubernetes.io/name": "kong", "app.kubernetes.io/instance": "supabase"}},
}

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
		// Metrics scrapes: Kong's status listener, PostgREST's admin server.
		"amazon-cloudwatch/cloudwatch-agent -> kong:8100", "amazon-cloudwatch/cloudwatch-agent -> rest:3001",
	}
	dbClients := []string{"auth", "rest", "realtime", "storage", "meta", "db-bootstrap", "db-backup"}
	dnsClients := []string{"kong", "auth", "rest", "realtime", "storage", "imgproxy", "meta", "studio", "db-bootstrap", "db-backup"}
	// The pooler: its own metadata on RDS, Storage's queries on the
	// transaction port, the tenant Job on the API; nothing else reaches it
	// (no client namespace, no NLB in the committed configuration).
	if r.env.Workloads.Pooler.Enabled {
		dbClients = append(dbClients, "supavisor")
		dnsClients = append(dnsClients, "supavisor", "supavisor-tenant")
		flows = append(flows, "storage -> supavisor:6543", "supavisor-tenant -> supavisor:4000")
	}
	for _, c := range dbClients {
		flows = append(flows, c+" -> database:5432")
	}
	// DNS (TCP here; UDP is checked below).
	for _, c := range dnsClients {
		flows = append(flows, c+" -> kube-system/kube-dns:53")
	}
	sort.Strings(flows)
	return flows
}

type policySet struct {
	policies []networkingv1.NetworkPolicy
}

// selecting reports the policies selecting pod, per direction: policies
// only apply to pods of their own namespace.
func (ps policySet) selecting(pod podRef, dir networkingv1.PolicyType) []networkingv1.NetworkPolicy {
	var out []networkingv1.NetworkPolicy
	for _, p := range ps.policies {
		sel, err := metav1.LabelSelectorAsSelector(&p.Spec.PodSelector)
		if err != nil {
			panic(err)
		}
		if p.Namespace == pod.ns && sel.Matches(labels.Set(pod.labels)) && slices.Contains(p.Spec.PolicyTypes, dir) {
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

func selectorMatches(s *metav1.LabelSelector, l map[string]string) bool {
	sel, err := metav1.LabelSelectorAsSelector(s)
	if err != nil {
		panic(err)
	}
	return sel.Matches(labels.Set(l))
}

// peerMatches: the peer (a pod, or nil for an address) matches one of the
// rule's peers. policyNS is the namespace of the policy holding the rule: a
// pod selector alone means pods of that namespace; a namespace selector
// matches the namespace's kubernetes.io/metadata.name label.
func peerMatches(peers []networkingv1.NetworkPolicyPeer, policyNS string, pod *podRef, addr string) bool {
	if len(peers) == 0 {
		return true
	}
	for _, p := range peers {
		switch {
		case p.IPBlock != nil:
			if addr == "" {
				continue
			}
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
		case pod == nil:
			continue
		case p.NamespaceSelector != nil:
			if selectorMatches(p.NamespaceSelector, map[string]string{"kubernetes.io/metadata.name": pod.ns}) &&
				(p.PodSelector == nil || selectorMatches(p.PodSelector, pod.labels)) {
				return true
			}
		case p.PodSelector != nil:
			if pod.ns == policyNS && selectorMatches(p.PodSelector, pod.labels) {
				return true
			}
		}
	}
	return false
}

// egressAllowed: from may open a connection to the pod to (or addr) on port
// as far as from's policies are concerned.
func (ps policySet) egressAllowed(from podRef, to *podRef, addr string, port int) bool {
	pols := ps.selecting(from, networkingv1.PolicyTypeEgress)
	if len(pols) == 0 {
		return true // not isolated
	}
	for _, p := range pols {
		for _, rule := range p.Spec.Egress {
			if portMatches(rule.Ports, port) && peerMatches(rule.To, p.Namespace, to, addr) {
				return true
			}
		}
	}
	return false
}

func (ps policySet) ingressAllowed(to podRef, from *podRef, addr string, port int) bool {
	pols := ps.selecting(to, networkingv1.PolicyTypeIngress)
	if len(pols) == 0 {
		return true
	}
	for _, p := range pols {
		for _, rule := range p.Spec.Ingress {
			if portMatches(rule.Ports, port) && peerMatches(rule.From, p.Namespace, from, addr) {
				return true
			}
		}
	}
	return false
}

// readPolicies decodes every rendered NetworkPolicy.
func readPolicies(t *testing.T, r *rendered) policySet {
	var ps policySet
	for _, o := range r.kind("NetworkPolicy") {
		var p networkingv1.NetworkPolicy
		o.into(t, &p)
		ps.policies = append(ps.policies, p)
	}
	return ps
}

// TestNetworkFlowMatrix computes every allowed flow from the rendered
// NetworkPolicies (pods of every Deployment, Job and CronJob, plus external
// addresses) and compares it with the intended matrix.
func TestNetworkFlowMatrix(t *testing.T) {
	eachEnv(t, func(t *testing.T, r *rendered) { checkFlowMatrix(t, r, intendedFlows(r)) })
}

// TestOptionalComponentsFlows: with the edge runtime and Logflare on, their
// flows (written out here, not taken from the descriptors) are allowed and
// nothing else is added.
func TestOptionalComponentsFlows(t *testing.T) {
	env := config.Dev()
	env.Workloads.FunctionsEnabled, env.Workloads.AnalyticsEnabled = true, true
	r, err := renderVariant(t, env)
	if err != nil {
		t.Fatal(err)
	}
	want := append(intendedFlows(r),
		"kong -> functions:9000", "functions -> kong:8000", "studio -> analytics:4000", "analytics -> database:5432",
		"functions -> kube-system/kube-dns:53", "analytics -> kube-system/kube-dns:53")
	sort.Strings(want)
	checkFlowMatrix(t, r, want)
}

// checkFlowMatrix probes every pod pair, port and outside address against
// the rendered NetworkPolicies and compares what is allowed with want.
func checkFlowMatrix(t *testing.T, r *rendered, want []string) {
	t.Helper()
	ps := readPolicies(t, r)
	pods := map[string]podRef{}
	for name, tpl := range podTemplates(t, r) {
		pod := podRef{ns: outputs.Namespace, labels: tpl.Labels}
		pods[tpl.Labels["app.kubernetes.io/name"]] = pod
		if len(ps.selecting(pod, networkingv1.PolicyTypeIngress)) < 2 || len(ps.selecting(pod, networkingv1.PolicyTypeEgress)) < 2 {
			t.Errorf("%s is not selected by the default deny and a policy of its own", name)
		}
	}
	for name, pod := range foreignPods {
		if pod.ns == outputs.Namespace {
			t.Fatalf("foreign pod %s is in the stack's namespace", name)
		}
		pods[name] = pod
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
				if _, ok := foreignPods[from]; ok {
					if _, ok := foreignPods[to]; ok {
						continue // neither end is the stack's
					}
				}
				src, dst := pods[from], pods[to]
				if ps.egressAllowed(src, &dst, "", port) && ps.ingressAllowed(dst, &src, "", port) {
					got = append(got, fmt.Sprintf("%s -> %s:%d", from, to, port))
				}
			}
			for _, ext := range externals {
				if ext.name == "alb" {
					continue
				}
				if _, ok := foreignPods[from]; !ok && ps.egressAllowed(pods[from], nil, ext.addr(r), port) {
					got = append(got, fmt.Sprintf("%s -> %s:%d", from, ext.name, port))
				}
			}
		}
	}
	for _, ext := range externals {
		for _, to := range names {
			if _, ok := foreignPods[to]; ok {
				continue
			}
			for _, port := range probePorts {
				if ps.ingressAllowed(pods[to], nil, ext.addr(r), port) {
					got = append(got, fmt.Sprintf("%s -> %s:%d", ext.name, to, port))
				}
			}
		}
	}
	sort.Strings(got)
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
}
