package diagram

import (
	"fmt"
	"sort"
	"strings"

	networkingv1 "k8s.io/api/networking/v1"

	"github.com/supabase-eks/supabase-eks/internal/artifacts"
)

const nameLabel = "app.kubernetes.io/name"

// FlowsFromDist reads the NetworkPolicies in dir and returns the
// allowed connections between named workloads, plus ALB ingress (ipBlock
// sources) and egress to RDS (5432), S3/AWS APIs (443) and SMTP.
func FlowsFromDist(dir string) ([]Flow, error) {
	objs, err := artifacts.ReadManifests(dir)
	if err != nil {
		return nil, err
	}
	if len(objs) == 0 {
		return nil, fmt.Errorf("no manifests in %s", dir)
	}
	set := map[Flow]bool{}
	for _, o := range objs {
		if o.Kind != "NetworkPolicy" {
			continue
		}
		var np networkingv1.NetworkPolicy
		if err := o.Decode(&np); err != nil {
			return nil, err
		}
		self := np.Spec.PodSelector.MatchLabels[nameLabel]
		if self == "" {
			continue // namespace-wide policies (default deny, DNS)
		}
		for _, rule := range np.Spec.Ingress {
			for _, peer := range rule.From {
				from := ""
				switch {
				case peer.PodSelector != nil && peer.PodSelector.MatchLabels[nameLabel] != "":
					from = peer.PodSelector.MatchLabels[nameLabel]
				case peer.IPBlock != nil:
					from = "alb"
				}
				if from != "" {
					set[Flow{From: from, To: self, Port: ports(rule.Ports)}] = true
				}
			}
		}
		for _, rule := range np.Spec.Egress {
			p := ports(rule.Ports)
			for _, peer := range rule.To {
				if peer.IPBlock == nil {
					continue // pod-to-pod edges come from the receiver's ingress rules
				}
				to := ""
				switch {
				case strings.Contains(p, "5432"):
					to = "rds"
				case strings.Contains(p, "587") || strings.Contains(p, "465"):
					to = "smtp"
				case strings.Contains(p, "443"):
					to = "aws"
				}
				if to != "" {
					set[Flow{From: self, To: to, Port: p}] = true
				}
			}
		}
	}
	flows := make([]Flow, 0, len(set))
	for f := range set {
		flows = append(flows, f)
	}
	sort.Slice(flows, func(i, j int) bool {
		if flows[i].From != flows[j].From {
			return flows[i].From < flows[j].From
		}
		if flows[i].To != flows[j].To {
			return flows[i].To < flows[j].To
		}
		return flows[i].Port < flows[j].Port
	})
	return flows, nil
}

func ports(ps []networkingv1.NetworkPolicyPort) string {
	var out []string
	for _, p := range ps {
		if p.Port != nil {
			out = append(out, p.Port.String())
		}
	}
	sort.Strings(out)
	return strings.Join(out, ",")
}
