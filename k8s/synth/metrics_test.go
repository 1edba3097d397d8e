package synth

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	"sigs.k8s.io/yaml"
)

// scrapedPods are the pods serving Prometheus metrics, written out by hand:
// Kong's status listener and PostgREST's admin server.
var scrapedPods = map[string]struct {
	portName string
	port     int32
}{
	"kong": {"status", 8100},
	"rest": {"admin", 3001},
}

// TestMetricsEndpoints: exactly the scraped pods carry the prometheus.io
// annotations, pointing at a declared container port; their Service has a
// "metrics" port on it; the rendered policies let a pod of amazon-cloudwatch
// reach that port and no other port of the pod.
func TestMetricsEndpoints(t *testing.T) {
	eachEnv(t, func(t *testing.T, r *rendered) {
		ps := readPolicies(t, r)
		scraper := foreignPods["amazon-cloudwatch/cloudwatch-agent"]
		deps := deployments(t, r)
		for name := range scrapedPods {
			if _, ok := deps[name]; !ok {
				t.Errorf("no Deployment %q to scrape", name)
			}
		}
		for name, d := range deps {
			a := d.Spec.Template.Annotations
			want, scraped := scrapedPods[name]
			if !scraped {
				for k := range a {
					if strings.HasPrefix(k, "prometheus.io/") {
						t.Errorf("%s: annotation %s but no metrics endpoint is intended", name, k)
					}
				}
				continue
			}
			if a["prometheus.io/scrape"] != "true" || a["prometheus.io/path"] != "/metrics" || a["prometheus.io/port"] != fmt.Sprint(want.port) {
				t.Errorf("%s: pod annotations %v, want scrape=true path=/metrics port=%d", name, a, want.port)
			}
			declared := slices.ContainsFunc(d.Spec.Template.Spec.Containers[0].Ports, func(p corev1.ContainerPort) bool {
				return p.Name == want.portName && p.ContainerPort == want.port
			})
			if !declared {
				t.Errorf("%s: no container port %s=%d", name, want.portName, want.port)
			}

			var svc corev1.Service
			r.find(t, "Service", name).into(t, &svc)
			i := slices.IndexFunc(svc.Spec.Ports, func(p corev1.ServicePort) bool { return p.Name == "metrics" })
			if i < 0 {
				t.Errorf("Service %s has no port named metrics: %+v", name, svc.Spec.Ports)
			} else if p := svc.Spec.Ports[i]; p.Port != want.port || p.TargetPort.String() != want.portName {
				t.Errorf("Service %s metrics port %d -> %s, want %d -> %s", name, p.Port, p.TargetPort.String(), want.port, want.portName)
			}

			pod := podRef{ns: d.Namespace, labels: d.Spec.Template.Labels}
			for _, port := range probePorts {
				allowed := ps.ingressAllowed(pod, &scraper, "", port)
				if allowed != (port == int(want.port)) {
					t.Errorf("%s: ingress from amazon-cloudwatch on %d allowed=%v, want only %d", name, port, allowed, want.port)
				}
			}
		}
	})
}

// TestKongPrometheusPlugin: Kong loads the prometheus plugin (which mounts
// /metrics on the status listener) and runs it globally with the request
// metrics on.
func TestKongPrometheusPlugin(t *testing.T) {
	eachEnv(t, func(t *testing.T, r *rendered) {
		var d appsv1.Deployment
		r.find(t, "Deployment", "kong").into(t, &d)
		env := map[string]string{}
		for _, e := range d.Spec.Template.Spec.Containers[0].Env {
			env[e.Name] = e.Value
		}
		if !slices.Contains(strings.Split(env["KONG_PLUGINS"], ","), "prometheus") {
			t.Errorf("KONG_PLUGINS %q does not load prometheus", env["KONG_PLUGINS"])
		}
		if env["KONG_STATUS_LISTEN"] != "0.0.0.0:8100" {
			t.Errorf("KONG_STATUS_LISTEN %q: /metrics lives on the status listener", env["KONG_STATUS_LISTEN"])
		}

		clean := renderedKong(t, r)
		var k struct {
			Plugins []struct {
				Name    string
				Service any
				Route   any
				Config  map[string]any
			}
		}
		if err := yaml.Unmarshal([]byte(clean), &k); err != nil {
			t.Fatalf("kong template is not YAML: %v", err)
		}
		found := false
		for _, p := range k.Plugins {
			if p.Name != "prometheus" {
				continue
			}
			found = true
			if p.Service != nil || p.Route != nil {
				t.Errorf("prometheus must be global, got service %v route %v", p.Service, p.Route)
			}
			for _, f := range []string{"status_code_metrics", "latency_metrics", "bandwidth_metrics"} {
				if p.Config[f] != true {
					t.Errorf("prometheus config %s = %v, want true", f, p.Config[f])
				}
			}
			// Only fields of the Kong 3.9 schema; an unknown one makes Kong
			// reject the whole declarative config at start.
			known := []string{"per_consumer", "status_code_metrics", "ai_metrics", "latency_metrics", "bandwidth_metrics", "upstream_health_metrics"}
			for f := range p.Config {
				if !slices.Contains(known, f) {
					t.Errorf("prometheus config field %q is not in Kong 3.9's schema", f)
				}
			}
		}
		if !found {
			t.Errorf("no global prometheus plugin in the declarative config")
		}
	})
}
