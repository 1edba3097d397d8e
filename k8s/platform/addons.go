package platform

import (
	"fmt"
	"strings"

	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/internal/versions"
	"github.com/supabase-eks/supabase-eks/k8s/manifest"
)

// Addon is a cluster add-on installed with Helm before the manifests.
type Addon struct {
	// Release is the Helm release name, also the values file's base name.
	Release   string
	Chart     string
	Repo      string
	Version   string
	Namespace string
	Values    map[string]any
	Purpose   string
}

// Add-on chart versions. External Secrets and the load balancer controller
// are the releases the gate validates with (internal/versions): their CRDs
// are what dist/ is checked against, and ESO's controller runs the secrets
// e2e. Their chart versions equal their release tags.
var (
	ExternalSecretsChartVersion   = versions.Chart(versions.ExternalSecrets)
	LoadBalancerControllerVersion = versions.Chart(versions.LoadBalancerController)
)

// The other add-ons, pinned here; nothing in the gate runs them.
const (
	ClusterAutoscalerChartVersion = "9.54.0" // cluster-autoscaler 1.35
	MetricsServerChartVersion     = "3.13.0" // metrics-server 0.8
	ReloaderChartVersion          = "2.2.12"
)

func irsa(out *outputs.Outputs, role string) map[string]any {
	return map[string]any{manifest.IRSAAnnotation: out.RoleARNs[role]}
}

// Addons lists the add-ons the manifests depend on, with Helm values carrying
// the IRSA role ARNs from the outputs and the service account names the
// roles trust (outputs.ServiceAccounts).
func Addons(c *manifest.Context) []Addon {
	out := c.Out
	replicas := c.W.AddonReplicas
	eso := outputs.ServiceAccounts[outputs.RoleExternalSecrets]
	lbc := outputs.ServiceAccounts[outputs.RoleLoadBalancerController]
	ca := outputs.ServiceAccounts[outputs.RoleClusterAutoscaler]
	return []Addon{
		{
			Release: "external-secrets", Chart: "external-secrets", Repo: "https://charts.external-secrets.io",
			Version: ExternalSecretsChartVersion, Namespace: eso.Namespace,
			Purpose: "materializes the Secrets from AWS Secrets Manager (CRDs for 10-secrets.yaml)",
			Values: map[string]any{
				"installCRDs":  true,
				"replicaCount": replicas,
				"serviceAccount": map[string]any{
					"create": true, "name": eso.Name, "annotations": irsa(out, outputs.RoleExternalSecrets),
				},
				"webhook":        map[string]any{"replicaCount": replicas},
				"certController": map[string]any{"replicaCount": 1},
			},
		},
		{
			Release: "aws-load-balancer-controller", Chart: "aws-load-balancer-controller", Repo: "https://aws.github.io/eks-charts",
			Version: LoadBalancerControllerVersion, Namespace: lbc.Namespace,
			Purpose: "creates the ALB for 50-ingress.yaml",
			Values: map[string]any{
				"clusterName":  out.ClusterName,
				"region":       out.Region,
				"vpcId":        out.VpcID,
				"replicaCount": 2,
				"serviceAccount": map[string]any{
					"create": true, "name": lbc.Name, "annotations": irsa(out, outputs.RoleLoadBalancerController),
				},
			},
		},
		{
			Release: "cluster-autoscaler", Chart: "cluster-autoscaler", Repo: "https://kubernetes.github.io/autoscaler",
			Version: ClusterAutoscalerChartVersion, Namespace: ca.Namespace,
			Purpose: "adds nodes when HPAs scale out (node groups found by the cluster-name tags)",
			Values: map[string]any{
				"cloudProvider": "aws",
				"awsRegion":     out.Region,
				"autoDiscovery": map[string]any{"clusterName": out.ClusterName},
				"image":         map[string]any{"tag": "v" + c.Out.KubernetesVersion + ".0"},
				"rbac": map[string]any{"serviceAccount": map[string]any{
					"create": true, "name": ca.Name, "annotations": irsa(out, outputs.RoleClusterAutoscaler),
				}},
				"extraArgs": map[string]any{
					"balance-similar-node-groups":   true,
					"skip-nodes-with-system-pods":   false,
					"expander":                      "least-waste",
					"skip-nodes-with-local-storage": false,
				},
			},
		},
		{
			Release: "metrics-server", Chart: "metrics-server", Repo: "https://kubernetes-sigs.github.io/metrics-server/",
			Version: MetricsServerChartVersion, Namespace: "kube-system",
			Purpose: "serves the CPU and memory metrics the HPAs scale on",
			Values: map[string]any{
				"replicas": replicas,
				// maxUnavailable 1 over a single pod protects nothing.
				"podDisruptionBudget": map[string]any{"enabled": replicas > 1, "maxUnavailable": 1},
			},
		},
		{
			Release: "reloader", Chart: "reloader", Repo: "https://stakater.github.io/stakater-charts",
			Version: ReloaderChartVersion, Namespace: "reloader",
			Purpose: "rolls Deployments whose Secrets changed (secret rotation)",
			Values: map[string]any{"reloader": map[string]any{
				"reloadStrategy":    "annotations",
				"watchGlobally":     true,
				"namespaceSelector": "kubernetes.io/metadata.name=" + c.Namespace,
				"reloadOnCreate":    false,
			}},
		},
	}
}

// InstallScript installs the add-ons in dependency order with the pinned
// chart versions and the rendered values files next to it.
func InstallScript(c *manifest.Context, addons []Addon) string {
	var b strings.Builder
	fmt.Fprintf(&b, `#!/usr/bin/env bash
# Installs the cluster add-ons the Supabase manifests of %q depend on.
# Generated by the k8s synth (make k8s-synth); do not edit.
# Run with a kubeconfig for cluster %s, then: kubectl apply -f ..
set -euo pipefail
cd "$(dirname "$0")"
`, c.Env.Name, c.Out.ClusterName)
	for _, a := range addons {
		fmt.Fprintf(&b, "\n# %s\nhelm upgrade --install %s %s --repo %s --version %s \\\n  --namespace %s --create-namespace --values %s.values.yaml --wait\n",
			a.Purpose, a.Release, a.Chart, a.Repo, a.Version, a.Namespace, a.Release)
	}
	return b.String()
}
