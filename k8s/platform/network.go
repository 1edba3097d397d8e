package platform

import (
	"fmt"
	"sort"

	"github.com/aws/jsii-runtime-go"
	"github.com/cdk8s-team/cdk8s-core-go/cdk8s/v2"
	vpcrc "github.com/supabase-eks/supabase-eks/imports/vpcresourcesk8saws"

	"github.com/supabase-eks/supabase-eks/internal/contract/pooler"
	"github.com/supabase-eks/supabase-eks/k8s/components"
	"github.com/supabase-eks/supabase-eks/k8s/manifest"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// Peer is one end of an allowed flow: a pod group of the namespace, every
// pod of another namespace, or an IP range outside the cluster.
type Peer struct {
	// Pod is the app.kubernetes.io/name of the pods; empty for IP ranges.
	Pod string
	// Name labels an IP range ("alb", "database", "internet") or another
	// namespace's pods ("cloudwatch").
	Name string
	// Namespace, when set, is another namespace all of whose pods are the
	// peer (matched by its kubernetes.io/metadata.name label).
	Namespace string
	CIDRs     []string
	Except    []string
}

// ScraperNamespace is where the CloudWatch agent (Container Insights with
// Prometheus, the amazon-cloudwatch-observability add-on) runs; a
// Prometheus installed there scrapes the same endpoints.
const ScraperNamespace = "amazon-cloudwatch"

// Edge allows From to open TCP connections to To on Ports.
type Edge struct {
	From, To Peer
	Ports    []int
}

// Pod groups that are not Deployments.
const (
	BootstrapName = "db-bootstrap"
	BackupName    = "db-backup"
)

// Edges is the intended flow matrix of the namespace; NetworkPolicies allow
// exactly these flows (plus DNS) and deny everything else. It is derived
// from the component descriptors (components.Registry) plus the two pod
// groups that are not components, the bootstrap Job and the backup CronJob;
// the hand-written matrix in k8s/synth's network test checks it.
func Edges(c *manifest.Context) []Edge {
	pod := func(n string) Peer { return Peer{Pod: n} }
	alb := Peer{Name: "alb", CIDRs: c.Out.PublicSubnetCIDRs}
	db := Peer{Name: "database", CIDRs: c.Out.DatabaseSubnetCIDRs}
	// Internet egress (S3, STS, SMTP relays) excludes the VPC so the rule
	// cannot reach other pods or nodes. With VPC interface endpoints, STS is
	// inside the VPC and the exclusion would block it.
	internet := Peer{Name: "internet", CIDRs: []string{"0.0.0.0/0"}, Except: []string{c.Out.VpcCIDR}}
	if c.Out.InterfaceEndpoints {
		internet.Except = nil
	}
	scraper := Peer{Name: "cloudwatch", Namespace: ScraperNamespace}
	on := components.Enabled(c.W)
	running := map[string]bool{}
	for _, d := range on {
		running[d.Name] = true
	}
	var edges []Edge
	for _, d := range on {
		if len(d.Public) > 0 {
			edges = append(edges, Edge{alb, pod(d.Name), d.Public})
		}
	}
	// Metrics scrapes reach the metrics listeners and nothing else.
	for _, d := range on {
		if d.MetricsPort != 0 {
			edges = append(edges, Edge{scraper, pod(d.Name), []int{d.MetricsPort}})
		}
	}
	// Kong reaches what it routes to.
	for _, d := range on {
		if d.Routes != nil {
			edges = append(edges, Edge{pod("kong"), pod(d.Name), []int{d.Port}})
		}
	}
	for _, d := range on {
		for _, call := range d.Calls {
			if running[call.To] {
				edges = append(edges, Edge{pod(d.Name), pod(call.To), call.Ports})
			}
		}
	}
	for _, d := range on {
		if d.Internet != nil {
			edges = append(edges, Edge{pod(d.Name), internet, d.Internet(c.W)})
		}
	}
	edges = append(edges, Edge{pod(BackupName), internet, []int{443}})
	if running[pooler.Service] {
		edges = append(edges, poolerEdges(c)...)
	}
	for _, n := range DatabaseClients(c) {
		edges = append(edges, Edge{pod(n), db, []int{c.Out.DBPort}})
	}
	return edges
}

// poolerEdges: the tenant Job calls the pooler's API; applications reach
// its two client ports from the namespaces the configuration names and,
// when it exists, through the internal NLB (whose addresses are in the
// private subnets; it does not preserve client addresses).
func poolerEdges(c *manifest.Context) []Edge {
	to := Peer{Pod: pooler.Service}
	clientPorts := []int{pooler.TransactionPort, pooler.SessionPort}
	edges := []Edge{{Peer{Pod: components.SupavisorTenantJob}, to, []int{pooler.APIPort}}}
	for _, ns := range c.W.Pooler.ClientNamespaces {
		edges = append(edges, Edge{Peer{Name: ns, Namespace: ns}, to, clientPorts})
	}
	if c.W.Pooler.LoadBalancer.Enabled {
		// The NLB's health checks hit the API port's /api/health.
		edges = append(edges, Edge{Peer{Name: "nlb", CIDRs: c.Out.PrivateSubnetCIDRs}, to, append(clientPorts, pooler.APIPort)})
	}
	return edges
}

// PodGroups lists every pod group that runs in the namespace.
func PodGroups(c *manifest.Context) []string {
	groups := []string{BootstrapName, BackupName}
	if c.W.Pooler.Enabled {
		groups = append(groups, components.SupavisorTenantJob)
	}
	for _, d := range components.Enabled(c.W) {
		groups = append(groups, d.Name)
	}
	sort.Strings(groups)
	return groups
}

// DatabaseClients are the pod groups that open connections to PostgreSQL:
// their NetworkPolicies allow the database subnets, and their pods carry
// the security group RDS admits (DatabaseClientSecurityGroups).
func DatabaseClients(c *manifest.Context) []string {
	var clients []string
	for _, d := range components.Enabled(c.W) {
		if d.DatabaseRole != "" {
			clients = append(clients, d.Name)
		}
	}
	return append(clients, BootstrapName, BackupName)
}

// DatabaseClientSecurityGroups gives the database clients' pods the
// security group RDS admits, besides the cluster's (which keeps everything
// else they do as it is for every pod): the VPC resource controller attaches
// a branch network interface carrying both. No other pod of the cluster, and
// no node, reaches the database's port.
func DatabaseClientSecurityGroups(c *manifest.Context) {
	vpcrc.NewSecurityGroupPolicy(c.Chart(manifest.StageAccess), jsii.String("SecurityGroupPolicy-database-clients"), &vpcrc.SecurityGroupPolicyProps{
		Metadata: &cdk8s.ApiObjectMetadata{Name: jsii.String("database-clients"), Namespace: jsii.String(c.Namespace), Labels: stringMap(manifest.Labels("database-clients"))},
		Spec: &vpcrc.SecurityGroupPolicySpec{
			PodSelector: &vpcrc.SecurityGroupPolicySpecPodSelector{
				MatchExpressions: &[]*vpcrc.SecurityGroupPolicySpecPodSelectorMatchExpressions{{
					Key: jsii.String(manifest.LabelName), Operator: jsii.String("In"), Values: jsii.Strings(DatabaseClients(c)...),
				}},
			},
			SecurityGroups: &vpcrc.SecurityGroupPolicySpecSecurityGroups{
				GroupIds: jsii.Strings(c.Out.ClusterSecurityGroupID, c.Out.DBClientSecurityGroupID),
			},
		},
	})
}

// NetworkPolicies denies all traffic in the namespace, allows DNS to
// kube-dns for every pod, and gives each pod group one policy holding
// exactly its edges.
func NetworkPolicies(c *manifest.Context) {
	both := []networkingv1.PolicyType{networkingv1.PolicyTypeIngress, networkingv1.PolicyTypeEgress}
	c.Add(manifest.StageAccess, &networkingv1.NetworkPolicy{
		TypeMeta:   manifest.Type("networking.k8s.io/v1", "NetworkPolicy"),
		ObjectMeta: c.ObjectMeta("default-deny", "supabase"),
		Spec:       networkingv1.NetworkPolicySpec{PodSelector: metav1.LabelSelector{}, PolicyTypes: both},
	})
	dns := []networkingv1.NetworkPolicyPort{
		{Protocol: manifest.Ptr(corev1.ProtocolUDP), Port: manifest.Ptr(intstr.FromInt32(53))},
		{Protocol: manifest.Ptr(corev1.ProtocolTCP), Port: manifest.Ptr(intstr.FromInt32(53))},
	}
	c.Add(manifest.StageAccess, &networkingv1.NetworkPolicy{
		TypeMeta:   manifest.Type("networking.k8s.io/v1", "NetworkPolicy"),
		ObjectMeta: c.ObjectMeta("allow-dns", "supabase"),
		Spec: networkingv1.NetworkPolicySpec{
			PodSelector: metav1.LabelSelector{},
			PolicyTypes: []networkingv1.PolicyType{networkingv1.PolicyTypeEgress},
			Egress: []networkingv1.NetworkPolicyEgressRule{{
				To: []networkingv1.NetworkPolicyPeer{{
					NamespaceSelector: &metav1.LabelSelector{MatchLabels: map[string]string{"kubernetes.io/metadata.name": "kube-system"}},
					PodSelector:       &metav1.LabelSelector{MatchLabels: map[string]string{"k8s-app": "kube-dns"}},
				}},
				Ports: dns,
			}},
		},
	})
	edges := Edges(c)
	for _, g := range PodGroups(c) {
		np := networkingv1.NetworkPolicy{
			TypeMeta:   manifest.Type("networking.k8s.io/v1", "NetworkPolicy"),
			ObjectMeta: c.ObjectMeta(g, g),
			Spec: networkingv1.NetworkPolicySpec{
				PodSelector: metav1.LabelSelector{MatchLabels: manifest.Selector(g)},
				PolicyTypes: both,
			},
		}
		for _, e := range edges {
			if e.To.Pod == g {
				np.Spec.Ingress = append(np.Spec.Ingress, networkingv1.NetworkPolicyIngressRule{From: peers(e.From), Ports: tcpPorts(e.Ports)})
			}
			if e.From.Pod == g {
				np.Spec.Egress = append(np.Spec.Egress, networkingv1.NetworkPolicyEgressRule{To: peers(e.To), Ports: tcpPorts(e.Ports)})
			}
		}
		c.Add(manifest.StageAccess, &np)
	}
}

func peers(p Peer) []networkingv1.NetworkPolicyPeer {
	if p.Namespace != "" {
		return []networkingv1.NetworkPolicyPeer{{NamespaceSelector: &metav1.LabelSelector{
			MatchLabels: map[string]string{"kubernetes.io/metadata.name": p.Namespace},
		}}}
	}
	if p.Pod != "" {
		return []networkingv1.NetworkPolicyPeer{{PodSelector: &metav1.LabelSelector{MatchLabels: manifest.Selector(p.Pod)}}}
	}
	out := make([]networkingv1.NetworkPolicyPeer, 0, len(p.CIDRs))
	for _, cidr := range p.CIDRs {
		out = append(out, networkingv1.NetworkPolicyPeer{IPBlock: &networkingv1.IPBlock{CIDR: cidr, Except: p.Except}})
	}
	return out
}

func tcpPorts(ports []int) []networkingv1.NetworkPolicyPort {
	out := make([]networkingv1.NetworkPolicyPort, 0, len(ports))
	for _, p := range ports {
		if p < 1 || p > 65535 {
			panic(fmt.Sprintf("network policy port %d", p))
		}
		out = append(out, networkingv1.NetworkPolicyPort{Protocol: manifest.Ptr(corev1.ProtocolTCP), Port: manifest.Ptr(intstr.FromInt32(int32(p)))})
	}
	return out
}
