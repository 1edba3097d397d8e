package synth

import (
	"fmt"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/supabase-eks/supabase-eks/internal/artifacts"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/internal/esotemplate"
	"github.com/supabase-eks/supabase-eks/internal/ops/secretvalues"
	"github.com/supabase-eks/supabase-eks/k8s/components"
	"github.com/supabase-eks/supabase-eks/k8s/dbbootstrap"
	"github.com/supabase-eks/supabase-eks/k8s/manifest"
	"github.com/supabase-eks/supabase-eks/k8s/platform"
	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	storagev1 "k8s.io/api/storage/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	"sigs.k8s.io/yaml"
)

var statelessComponents = []string{"auth", "imgproxy", "kong", "meta", "realtime", "rest", "storage", "studio"}

func deployments(t *testing.T, r *rendered) map[string]appsv1.Deployment {
	out := map[string]appsv1.Deployment{}
	for _, o := range r.kind("Deployment") {
		var d appsv1.Deployment
		o.into(t, &d)
		out[d.Name] = d
	}
	return out
}

// podTemplates are every pod the stack runs: Deployments, the bootstrap Job
// and the backup CronJob.
func podTemplates(t *testing.T, r *rendered) map[string]corev1.PodTemplateSpec {
	out := map[string]corev1.PodTemplateSpec{}
	for n, d := range deployments(t, r) {
		out["Deployment/"+n] = d.Spec.Template
	}
	for _, o := range r.kind("Job") {
		var j batchv1.Job
		o.into(t, &j)
		out["Job/"+j.Name] = j.Spec.Template
	}
	for _, o := range r.kind("CronJob") {
		var j batchv1.CronJob
		o.into(t, &j)
		out["CronJob/"+j.Name] = j.Spec.JobTemplate.Spec.Template
	}
	return out
}

func TestEveryComponentIsDeployed(t *testing.T) {
	eachEnv(t, func(t *testing.T, r *rendered) {
		deps := deployments(t, r)
		for _, c := range statelessComponents {
			if _, ok := deps[c]; !ok {
				t.Errorf("no Deployment %q", c)
			}
		}
		for _, optional := range []string{"functions", "analytics"} {
			if _, ok := deps[optional]; ok {
				t.Errorf("%s is rendered although off by default", optional)
			}
		}
	})
}

// hpas maps each Deployment an HPA scales to that HPA.
func hpas(t *testing.T, r *rendered) map[string]autoscalingv2.HorizontalPodAutoscaler {
	out := map[string]autoscalingv2.HorizontalPodAutoscaler{}
	for _, o := range r.kind("HorizontalPodAutoscaler") {
		var h autoscalingv2.HorizontalPodAutoscaler
		o.into(t, &h)
		if h.Spec.ScaleTargetRef.Kind == "Deployment" {
			out[h.Spec.ScaleTargetRef.Name] = h
		}
	}
	return out
}

// TestProdRunsTwoReplicasOfEverything: a fixed Deployment runs at least two
// replicas, an autoscaled one never drops below two.
func TestProdRunsTwoReplicasOfEverything(t *testing.T) {
	r := envs["prod"]
	if r == nil {
		t.Fatal("prod not rendered")
	}
	scaled := hpas(t, r)
	for n, d := range deployments(t, r) {
		if h, ok := scaled[n]; ok {
			if h.Spec.MinReplicas == nil || *h.Spec.MinReplicas < 2 {
				t.Errorf("prod HPA of %s: minReplicas %v, want >= 2", n, h.Spec.MinReplicas)
			}
		} else if d.Spec.Replicas == nil || *d.Spec.Replicas < 2 {
			t.Errorf("prod Deployment %s: replicas %v, want >= 2", n, d.Spec.Replicas)
		}
	}
}

// TestAutoscaledDeploymentsLeaveReplicasToTheHPA: a Deployment an HPA
// scales has no spec.replicas (each apply would otherwise reset the count
// the HPA chose); every other Deployment states its count.
func TestAutoscaledDeploymentsLeaveReplicasToTheHPA(t *testing.T) {
	eachEnv(t, func(t *testing.T, r *rendered) {
		scaled := hpas(t, r)
		fixed := 0
		for n, d := range deployments(t, r) {
			_, ok := scaled[n]
			switch {
			case ok && d.Spec.Replicas != nil:
				t.Errorf("%s: spec.replicas %d although HPA %s scales it: kubectl apply would fight the autoscaler", n, *d.Spec.Replicas, scaled[n].Name)
			case !ok && d.Spec.Replicas == nil:
				t.Errorf("%s: no spec.replicas and no HPA (runs one replica by default)", n)
			case !ok:
				fixed++
			}
		}
		if len(scaled) == 0 || fixed == 0 {
			t.Errorf("want both autoscaled (%d) and fixed (%d) Deployments to check", len(scaled), fixed)
		}
	})
}

var tagRe = regexp.MustCompile(`^[a-z0-9./-]+:[A-Za-z0-9._-]+$`)

// TestRestrictedPodSecurity checks every pod against the restricted Pod
// Security Standard and the project's own hardening.
func TestRestrictedPodSecurity(t *testing.T) {
	eachEnv(t, func(t *testing.T, r *rendered) {
		for name, tpl := range podTemplates(t, r) {
			ps := tpl.Spec.SecurityContext
			if ps == nil || ps.RunAsNonRoot == nil || !*ps.RunAsNonRoot || ps.RunAsUser == nil || *ps.RunAsUser == 0 {
				t.Errorf("%s: pod must run as a non-root uid", name)
			}
			if ps == nil || ps.SeccompProfile == nil || ps.SeccompProfile.Type != corev1.SeccompProfileTypeRuntimeDefault {
				t.Errorf("%s: pod seccomp must be RuntimeDefault", name)
			}
			if tpl.Spec.AutomountServiceAccountToken == nil || *tpl.Spec.AutomountServiceAccountToken {
				t.Errorf("%s: service account token must not be mounted", name)
			}
			if tpl.Spec.HostNetwork || tpl.Spec.HostPID || tpl.Spec.HostIPC {
				t.Errorf("%s: host namespaces are forbidden", name)
			}
			for _, v := range tpl.Spec.Volumes {
				if v.HostPath != nil {
					t.Errorf("%s: hostPath volume %s", name, v.Name)
				}
			}
			for _, c := range append(append([]corev1.Container(nil), tpl.Spec.InitContainers...), tpl.Spec.Containers...) {
				where := name + "/" + c.Name
				sc := c.SecurityContext
				if sc == nil || sc.AllowPrivilegeEscalation == nil || *sc.AllowPrivilegeEscalation {
					t.Errorf("%s: allowPrivilegeEscalation must be false", where)
				}
				if sc == nil || sc.ReadOnlyRootFilesystem == nil || !*sc.ReadOnlyRootFilesystem {
					t.Errorf("%s: root filesystem must be read-only", where)
				}
				if sc == nil || sc.Capabilities == nil || !slices.Equal(sc.Capabilities.Drop, []corev1.Capability{"ALL"}) || len(sc.Capabilities.Add) > 0 {
					t.Errorf("%s: must drop ALL capabilities and add none", where)
				}
				if sc != nil && sc.Privileged != nil && *sc.Privileged {
					t.Errorf("%s: privileged", where)
				}
				if !tagRe.MatchString(c.Image) || strings.HasSuffix(c.Image, ":latest") {
					t.Errorf("%s: image %q is not pinned by tag", where, c.Image)
				}
				for _, res := range []corev1.ResourceName{corev1.ResourceCPU, corev1.ResourceMemory, corev1.ResourceEphemeralStorage} {
					if _, ok := c.Resources.Requests[res]; !ok {
						t.Errorf("%s: no %s request", where, res)
					}
					if _, ok := c.Resources.Limits[res]; !ok {
						t.Errorf("%s: no %s limit", where, res)
					}
				}
			}
		}
		ns := r.find(t, "Namespace", outputs.Namespace)
		var n corev1.Namespace
		ns.into(t, &n)
		for _, mode := range []string{"enforce", "audit", "warn"} {
			if n.Labels["pod-security.kubernetes.io/"+mode] != "restricted" {
				t.Errorf("namespace %s label must be restricted", mode)
			}
		}
	})
}

func TestDeploymentsAreHighlyAvailable(t *testing.T) {
	eachEnv(t, func(t *testing.T, r *rendered) {
		pdbs := map[string]policyv1.PodDisruptionBudget{}
		for _, o := range r.kind("PodDisruptionBudget") {
			var p policyv1.PodDisruptionBudget
			o.into(t, &p)
			pdbs[p.Name] = p
		}
		sas := map[string]corev1.ServiceAccount{}
		for _, o := range r.kind("ServiceAccount") {
			var s corev1.ServiceAccount
			o.into(t, &s)
			sas[s.Name] = s
		}
		for n, d := range deployments(t, r) {
			c := d.Spec.Template.Spec.Containers[0]
			if c.ReadinessProbe == nil || c.LivenessProbe == nil {
				t.Errorf("%s: readiness and liveness probes are required", n)
			} else if sameProbe(c.ReadinessProbe, c.LivenessProbe) {
				t.Errorf("%s: liveness probes the same thing as readiness: a dependency outage would restart every replica instead of taking them out of the Service", n)
			}
			if d.Spec.Strategy.RollingUpdate == nil || d.Spec.Strategy.RollingUpdate.MaxUnavailable.IntValue() != 0 {
				t.Errorf("%s: rolling updates must keep every replica (maxUnavailable 0)", n)
			}
			zone := false
			for _, tsc := range d.Spec.Template.Spec.TopologySpreadConstraints {
				if tsc.TopologyKey == "topology.kubernetes.io/zone" {
					zone = true
					if string(tsc.WhenUnsatisfiable) != string(r.env.Workloads.ZoneSpread) {
						t.Errorf("%s: zone spread %s, want workloads.zoneSpread %s", n, tsc.WhenUnsatisfiable, r.env.Workloads.ZoneSpread)
					}
					if r.env.IsProd() && tsc.WhenUnsatisfiable != corev1.DoNotSchedule {
						t.Errorf("%s: prod zone spread must be DoNotSchedule", n)
					}
				}
			}
			if !zone {
				t.Errorf("%s: no topology spread across zones", n)
			}
			p, ok := pdbs[n]
			if !ok || p.Spec.Selector == nil || p.Spec.Selector.MatchLabels["app.kubernetes.io/name"] != n {
				t.Errorf("%s: no PodDisruptionBudget selecting it", n)
			}
			sa, ok := sas[d.Spec.Template.Spec.ServiceAccountName]
			if !ok {
				t.Errorf("%s: service account %q not rendered", n, d.Spec.Template.Spec.ServiceAccountName)
			} else if sa.AutomountServiceAccountToken == nil || *sa.AutomountServiceAccountToken {
				t.Errorf("%s: service account must disable token automount", n)
			}
			if got, want := d.Annotations["secret.reloader.stakater.com/reload"], strings.Join(artifacts.SecretNames(d.Spec.Template.Spec), ","); got != want {
				t.Errorf("%s: Reloader annotation %q, want the Secrets the pod reads %q: a rotated Secret would not reach the pods", n, got, want)
			}
		}
		if sa := sas["storage"]; sa.Annotations["eks.amazonaws.com/role-arn"] != r.out.RoleARNs[outputs.RoleStorage] {
			t.Errorf("storage service account IRSA annotation = %q", sa.Annotations["eks.amazonaws.com/role-arn"])
		}
	})
}

// sameProbe reports whether two probes check the same thing, in
// kube-score's sense: the same HTTP path and port, TCP port or command.
func sameProbe(a, b *corev1.Probe) bool {
	switch {
	case a.HTTPGet != nil && b.HTTPGet != nil:
		return a.HTTPGet.Path == b.HTTPGet.Path && a.HTTPGet.Port == b.HTTPGet.Port
	case a.TCPSocket != nil && b.TCPSocket != nil:
		return a.TCPSocket.Port == b.TCPSocket.Port
	case a.Exec != nil && b.Exec != nil:
		return slices.Equal(a.Exec.Command, b.Exec.Command)
	case a.GRPC != nil && b.GRPC != nil:
		return a.GRPC.Port == b.GRPC.Port
	}
	return false
}

// TestStartupProbesCoverSlowStarts: components that migrate or compile at
// start keep a startup probe, so their liveness can stay strict.
func TestStartupProbesCoverSlowStarts(t *testing.T) {
	eachEnv(t, func(t *testing.T, r *rendered) {
		deps := deployments(t, r)
		for _, n := range []string{"kong", "auth", "rest", "realtime", "storage", "meta", "studio"} {
			if c := deps[n].Spec.Template.Spec.Containers[0]; c.StartupProbe == nil {
				t.Errorf("%s: no startup probe", n)
			}
		}
	})
}

// TestEphemeralStorage: every container requests and limits node disk, every
// emptyDir is capped, and each limit covers the emptyDirs the container
// mounts plus 256Mi for logs, so an emptyDir's sizeLimit (not a pod-level
// eviction) is what stops a runaway writer.
func TestEphemeralStorage(t *testing.T) {
	eachEnv(t, func(t *testing.T, r *rendered) { checkEphemeralStorage(t, r) })
}

func checkEphemeralStorage(t *testing.T, r *rendered) {
	t.Helper()
	logs := resource.MustParse("256Mi")
	checked := 0
	for name, tpl := range podTemplates(t, r) {
		emptyDirs := map[string]resource.Quantity{}
		for _, v := range tpl.Spec.Volumes {
			if v.EmptyDir == nil {
				continue
			}
			if v.EmptyDir.SizeLimit == nil || v.EmptyDir.SizeLimit.IsZero() {
				t.Errorf("%s: emptyDir %s has no sizeLimit", name, v.Name)
				continue
			}
			emptyDirs[v.Name] = *v.EmptyDir.SizeLimit
		}
		for _, c := range append(append([]corev1.Container(nil), tpl.Spec.InitContainers...), tpl.Spec.Containers...) {
			where := name + "/" + c.Name
			req, okReq := c.Resources.Requests[corev1.ResourceEphemeralStorage]
			lim, okLim := c.Resources.Limits[corev1.ResourceEphemeralStorage]
			if !okReq || !okLim {
				t.Errorf("%s: ephemeral-storage request and limit are required", where)
				continue
			}
			need := logs.DeepCopy()
			for _, m := range c.VolumeMounts {
				if q, ok := emptyDirs[m.Name]; ok {
					need.Add(q)
				}
			}
			if lim.Cmp(need) < 0 {
				t.Errorf("%s: ephemeral-storage limit %s < %s (its emptyDirs + 256Mi for logs)", where, lim.String(), need.String())
			}
			if req.Sign() <= 0 || req.Cmp(lim) > 0 {
				t.Errorf("%s: ephemeral-storage request %s must be positive and at most the limit %s", where, req.String(), lim.String())
			}
			checked++
		}
	}
	if checked < 10 {
		t.Errorf("only %d containers checked; the scan is not seeing the pods", checked)
	}
}

// TestEphemeralLimitBelowEmptyDirsIsRejected: a configured limit that the
// emptyDirs would exceed stops the synth with the field's name.
func TestEphemeralLimitBelowEmptyDirsIsRejected(t *testing.T) {
	if envs["dev"] == nil {
		t.Fatalf("dev not rendered: %v", synthErr)
	}
	env := envs["dev"].env
	env.Workloads.Kong.Resources.EphemeralStorageLimit = "1Gi" // kong has two 1Gi emptyDirs
	env.Workloads.Backup.Resources.EphemeralStorageLimit = "100Mi"
	r, err := renderVariant(t, env)
	for _, field := range []string{"workloads.kong.resources.ephemeralStorageLimit: 1Gi", "workloads.backup.resources.ephemeralStorageLimit: 100Mi"} {
		if err == nil || !strings.Contains(err.Error(), field) {
			t.Errorf("error %v, want one naming %s", err, field)
		}
	}
	if files := readTree(t, r.dir); len(files) != 0 {
		t.Errorf("a rejected synth wrote %d files", len(files))
	}
}

// TestOptionalComponents: functions and analytics, off in dist/, pass the
// same probe and storage checks when enabled.
func TestOptionalComponents(t *testing.T) {
	if envs["prod"] == nil {
		t.Fatalf("prod not rendered: %v", synthErr)
	}
	env := envs["prod"].env
	env.Workloads.FunctionsEnabled, env.Workloads.AnalyticsEnabled = true, true
	r, err := renderVariant(t, env)
	if err != nil {
		t.Fatal(err)
	}
	deps := deployments(t, r)
	for _, n := range []string{"functions", "analytics"} {
		c := deps[n].Spec.Template.Spec.Containers
		if len(c) == 0 || c[0].ReadinessProbe == nil || c[0].LivenessProbe == nil || sameProbe(c[0].ReadinessProbe, c[0].LivenessProbe) {
			t.Errorf("%s: needs readiness and liveness probes that differ", n)
		}
	}
	checkEphemeralStorage(t, r)
}

// TestHPAsTargetRequestedDeployments: every HPA scales an existing
// Deployment whose containers request the resources it measures, and the
// traffic-facing components are all autoscaled.
func TestHPAsTargetRequestedDeployments(t *testing.T) {
	eachEnv(t, func(t *testing.T, r *rendered) {
		deps := deployments(t, r)
		scaled := map[string]bool{}
		for _, o := range r.kind("HorizontalPodAutoscaler") {
			var h autoscalingv2.HorizontalPodAutoscaler
			o.into(t, &h)
			ref := h.Spec.ScaleTargetRef
			d, ok := deps[ref.Name]
			if ref.Kind != "Deployment" || ref.APIVersion != "apps/v1" || !ok {
				t.Errorf("HPA %s targets %s %s/%s, which is not a rendered Deployment", h.Name, ref.APIVersion, ref.Kind, ref.Name)
				continue
			}
			scaled[ref.Name] = true
			if h.Spec.MinReplicas == nil || *h.Spec.MinReplicas > h.Spec.MaxReplicas {
				t.Errorf("HPA %s: min %v > max %d", h.Name, h.Spec.MinReplicas, h.Spec.MaxReplicas)
			}
			measured := map[corev1.ResourceName]bool{}
			for _, m := range h.Spec.Metrics {
				if m.Resource == nil {
					t.Errorf("HPA %s: only resource metrics are served by metrics-server", h.Name)
					continue
				}
				measured[m.Resource.Name] = true
				for _, c := range d.Spec.Template.Spec.Containers {
					if _, ok := c.Resources.Requests[m.Resource.Name]; !ok {
						t.Errorf("HPA %s measures %s but container %s requests none", h.Name, m.Resource.Name, c.Name)
					}
				}
			}
			if !measured[corev1.ResourceCPU] || !measured[corev1.ResourceMemory] {
				t.Errorf("HPA %s must scale on CPU and memory", h.Name)
			}
		}
		for _, c := range []string{"kong", "auth", "rest", "realtime", "storage"} {
			if !scaled[c] {
				t.Errorf("%s has no HPA", c)
			}
		}
	})
}

// externalSecretKeys maps each Secret produced by an ExternalSecret to its keys.
func externalSecretKeys(t *testing.T, r *rendered) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for _, es := range externalSecrets(t, r) {
		keys := map[string]bool{}
		for k := range es.TemplateData() {
			keys[k] = true
		}
		out[es.Spec.Target.Name] = keys
	}
	return out
}

// TestSecretRefsAreProduced: every Secret a pod reads (env, envFrom,
// volumes) is one an ExternalSecret materializes, with the keys read.
func TestSecretRefsAreProduced(t *testing.T) {
	eachEnv(t, func(t *testing.T, r *rendered) {
		produced := externalSecretKeys(t, r)
		if len(produced) < 7 {
			t.Fatalf("only %d ExternalSecrets rendered", len(produced))
		}
		refs := 0
		for name, tpl := range podTemplates(t, r) {
			for _, ref := range artifacts.PodSecretReads(tpl.Spec) {
				switch {
				case produced[ref.Secret] == nil:
					t.Errorf("%s (%s) reads Secret %s, which no ExternalSecret produces", name, ref.Via, ref.Secret)
				case ref.Key != "" && !produced[ref.Secret][ref.Key]:
					t.Errorf("%s (%s) reads %s[%s], which no ExternalSecret produces", name, ref.Via, ref.Secret, ref.Key)
				}
				if ref.Key != "" {
					refs++
				}
			}
		}
		if refs < 20 {
			t.Errorf("only %d secretKeyRefs found; the scan is not seeing the pods", refs)
		}
		if len(r.kind("Secret")) > 0 {
			t.Errorf("dist/ contains Secret objects; every Secret must come from External Secrets")
		}
	})
}

// TestExternalSecretsReadTheContract: remote keys and properties are the
// outputs' secret names and SecretKeys, the store authenticates with the
// controller's IRSA service account, DB URLs are URL-encoded with TLS.
func TestExternalSecretsReadTheContract(t *testing.T) {
	eachEnv(t, func(t *testing.T, r *rendered) {
		props := map[string]map[string]bool{}
		for logical, keys := range outputs.SecretKeys {
			props[r.out.SecretNames[logical]] = map[string]bool{}
			for _, k := range keys {
				props[r.out.SecretNames[logical]][k] = true
			}
		}
		props[r.out.DBMasterSecretARN] = map[string]bool{"username": true, "password": true}
		for _, es := range externalSecrets(t, r) {
			if es.Spec.RefreshInterval != r.env.Workloads.SecretRefreshInterval || es.Spec.SecretStoreRef.Kind != "ClusterSecretStore" {
				t.Errorf("%s: refreshInterval %q store %v", es.Name, es.Spec.RefreshInterval, es.Spec.SecretStoreRef)
			}
			for _, d := range es.Spec.Data {
				if !props[d.RemoteRef.Key][d.RemoteRef.Property] {
					t.Errorf("%s reads %s#%s, which the outputs contract does not define", es.Name, d.RemoteRef.Key, d.RemoteRef.Property)
				}
			}
			for k, tmpl := range es.TemplateData() {
				if checkPoolerURLTemplate(t, r, es.Name+"["+k+"]", tmpl) {
					continue
				}
				if strings.HasPrefix(tmpl, "postgres://") {
					if !strings.Contains(tmpl, "| urlquery") || !strings.HasSuffix(tmpl, "?sslmode=require") {
						t.Errorf("%s[%s]: DB URL must URL-encode the password and require TLS: %s", es.Name, k, tmpl)
					}
					u := strings.NewReplacer("{{", "", "}}", "", " ", "", "|", "", `"`, "").Replace(tmpl)
					if p, err := url.Parse(u); err != nil || p.Host != fmt.Sprintf("%s:%d", r.out.DBHost, r.out.DBPort) || p.Path != "/"+r.out.DBName {
						t.Errorf("%s[%s]: URL does not point at the RDS endpoint: %s", es.Name, k, tmpl)
					}
				}
			}
		}
		store := r.find(t, "ClusterSecretStore", "aws-secrets-manager")
		var css struct {
			Spec struct {
				Conditions []struct{ Namespaces []string } `json:"conditions"`
				Provider   struct {
					Aws struct {
						Service, Region string
						Auth            struct {
							Jwt struct {
								ServiceAccountRef struct{ Name, Namespace string } `json:"serviceAccountRef"`
							} `json:"jwt"`
						} `json:"auth"`
					} `json:"aws"`
				} `json:"provider"`
			} `json:"spec"`
		}
		if err := yaml.Unmarshal(store.YAML, &css); err != nil {
			t.Fatal(err)
		}
		sa := outputs.ServiceAccounts[outputs.RoleExternalSecrets]
		aws := css.Spec.Provider.Aws
		if aws.Service != "SecretsManager" || aws.Region != r.out.Region || aws.Auth.Jwt.ServiceAccountRef.Name != sa.Name || aws.Auth.Jwt.ServiceAccountRef.Namespace != sa.Namespace {
			t.Errorf("ClusterSecretStore must use Secrets Manager in %s through the IRSA service account %s/%s: %+v", r.out.Region, sa.Namespace, sa.Name, aws)
		}
		if len(css.Spec.Conditions) != 1 || !slices.Equal(css.Spec.Conditions[0].Namespaces, []string{outputs.Namespace}) {
			t.Errorf("ClusterSecretStore must be limited to namespace %s", outputs.Namespace)
		}
	})
}

var (
	jwtRe           = regexp.MustCompile(`eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.`)
	exampleSecrets  = []string{"super-secret-jwt-token", "your-super-secret", "this_password_is_insecure", "your-encryption-key"}
	privateKeyRe    = regexp.MustCompile(`-----BEGIN [A-Z ]*PRIVATE KEY-----`)
	awsAccessKeyRe  = regexp.MustCompile(`\b(AKIA|ASIA)[A-Z0-9]{16}\b`)
	stringDataKeyRe = regexp.MustCompile(`(?m)^stringData:`)
)

// TestNoSecretValuesInDist scans every rendered file.
func TestNoSecretValuesInDist(t *testing.T) {
	eachEnv(t, func(t *testing.T, r *rendered) {
		for name, data := range readTree(t, r.dir) {
			s := string(data)
			if m := jwtRe.FindString(s); m != "" {
				t.Errorf("%s contains a JWT-shaped string %q", name, m)
			}
			for _, ex := range exampleSecrets {
				if strings.Contains(strings.ToLower(s), ex) {
					t.Errorf("%s contains the example secret %q", name, ex)
				}
			}
			if privateKeyRe.MatchString(s) || awsAccessKeyRe.MatchString(s) || stringDataKeyRe.MatchString(s) {
				t.Errorf("%s contains key material", name)
			}
		}
	})
}

// kongTemplate is the declarative config template, inline in the
// ExternalSecret that renders the Secret Kong mounts.
func kongTemplate(t *testing.T, r *rendered) string {
	t.Helper()
	tmpl := esTemplates(t, r)["supabase-kong"]["kong.yml"]
	if tmpl == "" {
		t.Fatal("ExternalSecret supabase-kong has no kong.yml template")
	}
	return tmpl
}

// renderedKong is the declarative config as External Secrets renders it
// from values `secrets init` generates for this environment.
func renderedKong(t *testing.T, r *rendered) string {
	t.Helper()
	out, _ := renderedKongWith(t, r)
	return out
}

// renderedKongWith is renderedKong and the template variables it used.
func renderedKongWith(t *testing.T, r *rendered) (string, map[string]string) {
	t.Helper()
	var kong artifacts.ExternalSecret
	for _, e := range externalSecrets(t, r) {
		if e.Spec.Target.Name == components.KongSecret {
			kong = e
		}
	}
	// Only what Kong reads is generated: some secrets derive from others.
	byName := map[string]map[string]string{}
	for _, logical := range outputs.SecretOrder {
		name := r.out.SecretNames[logical]
		read := false
		for _, d := range kong.Spec.Data {
			read = read || d.RemoteRef.Key == name
		}
		if !read {
			continue
		}
		v, err := secretvalues.Generator{}.Generate(logical)
		if err != nil {
			t.Fatal(err)
		}
		byName[name] = v
	}
	vars := map[string]string{}
	{
		e := kong
		for _, d := range e.Spec.Data {
			v, ok := byName[d.RemoteRef.Key][d.RemoteRef.Property]
			if !ok {
				t.Fatalf("kong reads %s property %s, which secrets init does not write", d.RemoteRef.Key, d.RemoteRef.Property)
			}
			vars[d.SecretKey] = v
		}
	}
	out, err := esotemplate.Execute("kong.yml", kongTemplate(t, r), vars)
	if err != nil {
		t.Fatalf("kong.yml: %v", err)
	}
	return out, vars
}

// TestKongConfig: the declarative config carries no key, inserts the keys
// through toJson (escaping / | & and quotes), routes every API, and Kong's
// workers are pinned.
func TestKongConfig(t *testing.T) {
	eachEnv(t, func(t *testing.T, r *rendered) {
		tmpl := kongTemplate(t, r)
		for _, v := range []string{".anon_key", ".service_role_key", ".username", ".password"} {
			if !strings.Contains(tmpl, "{{ "+v+" | toJson }}") {
				t.Errorf("kong template must insert %s with toJson", v)
			}
		}
		for _, p := range []string{"/auth/v1/verify", "/auth/v1/", "/rest/v1/", "/graphql/v1", "/realtime/v1/", "/realtime/v1/api", "/storage/v1/", "/pg/", "- /\n"} {
			if !strings.Contains(tmpl, p) {
				t.Errorf("kong template has no route %q", p)
			}
		}
		var k struct {
			Services []struct {
				Name    string
				URL     string
				Routes  []struct{ Paths []string }
				Plugins []struct{ Name string }
			}
		}
		clean := renderedKong(t, r)
		if err := yaml.Unmarshal([]byte(clean), &k); err != nil {
			t.Fatalf("kong template is not YAML: %v", err)
		}
		// Reached without an API key, by design (GoTrue's public keys, the
		// callbacks of identity providers and OAuth clients), each on the
		// same path at GoTrue.
		open := map[string]string{
			"/auth/v1/.well-known/jwks.json":          "/.well-known/jwks.json",
			"/sso/saml/acs":                           "/sso/saml/acs",
			"/sso/saml/metadata":                      "/sso/saml/metadata",
			"/.well-known/oauth-authorization-server": "/.well-known/oauth-authorization-server",
		}
		for _, s := range k.Services {
			var plugins []string
			for _, p := range s.Plugins {
				plugins = append(plugins, p.Name)
			}
			for _, rt := range s.Routes {
				for _, path := range rt.Paths {
					upstream, ok := open[path]
					if !ok {
						continue
					}
					delete(open, path)
					if slices.Contains(plugins, "key-auth") || slices.Contains(plugins, "basic-auth") {
						t.Errorf("%s must be reachable without credentials: %v", path, plugins)
					}
					if !strings.HasPrefix(s.URL, "http://auth.") || !strings.HasSuffix(s.URL, upstream) {
						t.Errorf("%s goes to %s, want GoTrue's %s", path, s.URL, upstream)
					}
				}
			}
			switch s.Name {
			case "rest-v1", "auth-v1", "graphql-v1", "realtime-v1-ws", "realtime-v1-rest":
				if !slices.Contains(plugins, "key-auth") || !slices.Contains(plugins, "acl") {
					t.Errorf("kong service %s must require an API key: %v", s.Name, plugins)
				}
			case "meta":
				if !slices.Contains(plugins, "acl") {
					t.Errorf("/pg/ must be admin-only")
				}
			case "dashboard":
				if !slices.Contains(plugins, "basic-auth") {
					t.Errorf("studio must be behind basic auth")
				}
			}
		}
		for path := range open {
			t.Errorf("kong template has no open route %s (it would fall through to Studio's basic auth)", path)
		}
		var d appsv1.Deployment
		r.find(t, "Deployment", "kong").into(t, &d)
		env := map[string]string{}
		for _, e := range d.Spec.Template.Spec.Containers[0].Env {
			env[e.Name] = e.Value
		}
		if env["KONG_NGINX_WORKER_PROCESSES"] != fmt.Sprint(r.env.Workloads.KongWorkerProcesses) || env["KONG_DATABASE"] != "off" {
			t.Errorf("kong env: workers %q database %q", env["KONG_NGINX_WORKER_PROCESSES"], env["KONG_DATABASE"])
		}
		keys := externalSecretKeys(t, r)
		if !keys["supabase-kong"]["kong.yml"] {
			t.Errorf("no ExternalSecret renders supabase-kong[kong.yml] from the template")
		}
	})
}

// TestRealtimeClusters: several Realtime replicas form one cluster and the
// tenant matches the host Kong sends.
func TestRealtimeClusters(t *testing.T) {
	eachEnv(t, func(t *testing.T, r *rendered) {
		var d appsv1.Deployment
		r.find(t, "Deployment", "realtime").into(t, &d)
		env := map[string]corev1.EnvVar{}
		for _, e := range d.Spec.Template.Spec.Containers[0].Env {
			env[e.Name] = e
		}
		var headless corev1.Service
		r.find(t, "Service", "realtime-headless").into(t, &headless)
		if headless.Spec.ClusterIP != corev1.ClusterIPNone || !headless.Spec.PublishNotReadyAddresses {
			t.Errorf("realtime-headless must be headless and publish not-ready pods")
		}
		if got, want := env["DNS_NODES"].Value, "realtime-headless."+outputs.Namespace+".svc.cluster.local"; got != want {
			t.Errorf("DNS_NODES = %q, want %q", got, want)
		}
		if env["CLUSTER_STRATEGIES"].Value != "DNS" {
			t.Errorf("CLUSTER_STRATEGIES = %q", env["CLUSTER_STRATEGIES"].Value)
		}
		if f := env["POD_IP"].ValueFrom; f == nil || f.FieldRef == nil || f.FieldRef.FieldPath != "status.podIP" {
			t.Errorf("POD_IP must come from the downward API")
		}
		if env["DB_SSL"].Value != "true" {
			t.Errorf("realtime must use TLS to RDS")
		}
		ports := map[int32]bool{}
		for _, p := range headless.Spec.Ports {
			ports[p.Port] = true
		}
		for _, p := range []int32{4369, 4370, 5369} {
			if !ports[p] {
				t.Errorf("headless service lacks cluster port %d", p)
			}
		}
		tenant := env["SELF_HOST_TENANT_NAME"].Value
		var svc corev1.Service
		r.find(t, "Service", tenant).into(t, &svc)
		if svc.Spec.Selector["app.kubernetes.io/name"] != "realtime" {
			t.Errorf("Service %q does not select realtime", tenant)
		}
		m := regexp.MustCompile(`url: http://([^.:/]+)\.[^ ]*:4000/socket`).FindStringSubmatch(kongTemplate(t, r))
		if m == nil || m[1] != tenant {
			t.Errorf("kong's realtime upstream host must start with the tenant %q, got %v", tenant, m)
		}
		for _, c := range d.Spec.Template.Spec.Containers[0].Command {
			if strings.Contains(c, "sudo") {
				t.Errorf("realtime command uses sudo, which the restricted profile forbids")
			}
		}
	})
}

// TestComponentsWaitForBootstrap: every component with a database role
// waits in an init container until that role can log in.
func TestComponentsWaitForBootstrap(t *testing.T) {
	eachEnv(t, func(t *testing.T, r *rendered) {
		deps := deployments(t, r)
		for _, n := range []string{"auth", "rest", "realtime", "storage", "meta"} {
			d := deps[n]
			ok := false
			for _, c := range d.Spec.Template.Spec.InitContainers {
				if c.Name == "wait-for-database" && strings.Contains(strings.Join(c.Command, " "), "psql") {
					ok = true
				}
			}
			if !ok {
				t.Errorf("%s does not wait for its database role", n)
			}
		}
		var j batchv1.Job
		r.find(t, "Job", "db-bootstrap").into(t, &j)
		c := j.Spec.Template.Spec.Containers[0]
		if !slices.Equal(c.Command, dbbootstrap.Command("/bootstrap")) {
			t.Errorf("bootstrap command %v", c.Command)
		}
		env := map[string]corev1.EnvVar{}
		for _, e := range c.Env {
			env[e.Name] = e
		}
		for _, want := range append([]string{"PGHOST", "PGPORT", "PGDATABASE", "PGUSER", "PGPASSWORD", "PGSSLMODE"}, dbbootstrap.RequiredEnv...) {
			if _, ok := env[want]; !ok {
				t.Errorf("bootstrap Job lacks %s", want)
			}
		}
		if env["PGSSLMODE"].Value != "require" || env["PGHOST"].Value != r.out.DBHost {
			t.Errorf("bootstrap connects to %q sslmode %q", env["PGHOST"].Value, env["PGSSLMODE"].Value)
		}
		if ref := env["PGPASSWORD"].ValueFrom; ref == nil || ref.SecretKeyRef.Name != "supabase-db-master" {
			t.Errorf("bootstrap must log in as the RDS master")
		}
		var cm corev1.ConfigMap
		r.find(t, "ConfigMap", "db-bootstrap-sql").into(t, &cm)
		for _, f := range dbbootstrap.Files() {
			if cm.Data[f.Name] != f.Content {
				got := cm.Data[f.Name]
				i := 0
				for i < len(got) && i < len(f.Content) && got[i] == f.Content[i] {
					i++
				}
				t.Errorf("ConfigMap %s differs from dbbootstrap at byte %d (len %d vs %d)", f.Name, i, len(got), len(f.Content))
			}
		}
	})
}

func TestIngress(t *testing.T) {
	eachEnv(t, func(t *testing.T, r *rendered) {
		var ing networkingv1.Ingress
		r.find(t, "Ingress", "supabase").into(t, &ing)
		a := ing.Annotations
		if ing.Spec.IngressClassName == nil || *ing.Spec.IngressClassName != "alb" {
			t.Errorf("ingressClassName must be alb")
		}
		if a["alb.ingress.kubernetes.io/scheme"] != "internet-facing" || a["alb.ingress.kubernetes.io/target-type"] != "ip" {
			t.Errorf("ALB must be internet-facing with ip targets: %v", a)
		}
		if !strings.Contains(a["alb.ingress.kubernetes.io/load-balancer-attributes"], fmt.Sprintf("idle_timeout.timeout_seconds=%d", r.env.Workloads.ALBIdleTimeoutSeconds)) {
			t.Errorf("idle timeout not set: %q", a["alb.ingress.kubernetes.io/load-balancer-attributes"])
		}
		if !strings.Contains(a["alb.ingress.kubernetes.io/load-balancer-attributes"], "routing.http.drop_invalid_header_fields.enabled=true") {
			t.Errorf("the ALB passes invalid header fields on: %q", a["alb.ingress.kubernetes.io/load-balancer-attributes"])
		}
		if a["alb.ingress.kubernetes.io/healthcheck-path"] != "/status/ready" || a["alb.ingress.kubernetes.io/healthcheck-port"] != "8100" {
			t.Errorf("health check must hit Kong's status listener")
		}
		backend := ing.Spec.Rules[0].HTTP.Paths[0].Backend.Service
		if backend.Name != "kong" || ing.Spec.Rules[0].HTTP.Paths[0].Path != "/" {
			t.Errorf("all paths must go to kong")
		}
		dp := strings.Contains(a["alb.ingress.kubernetes.io/load-balancer-attributes"], "deletion_protection.enabled=true")
		if dp != r.env.Workloads.ALBDeletionProtection || (r.env.IsProd() && !dp) {
			t.Errorf("deletion protection = %v in %s, workloads.albDeletionProtection %v", dp, r.env.Name, r.env.Workloads.ALBDeletionProtection)
		}
		attrs := strings.Split(a["alb.ingress.kubernetes.io/load-balancer-attributes"], ",")
		if r.env.IsProd() && r.out.ALBLogBucket == "" {
			t.Errorf("prod's example outputs carry no access log bucket")
		}
		if r.out.ALBLogBucket != "" {
			for _, want := range []string{"access_logs.s3.enabled=true", "access_logs.s3.bucket=" + r.out.ALBLogBucket, "access_logs.s3.prefix=" + r.out.ALBLogPrefix} {
				if !slices.Contains(attrs, want) {
					t.Errorf("the ALB does not write its access logs to the stack's bucket: %s missing from %q", want, attrs)
				}
			}
		}
		if r.out.Domain != "" {
			if a["alb.ingress.kubernetes.io/certificate-arn"] != r.out.CertificateARN || a["alb.ingress.kubernetes.io/ssl-redirect"] != "443" || ing.Spec.Rules[0].Host != r.out.Domain {
				t.Errorf("with a domain the ALB must serve HTTPS with the certificate and redirect HTTP")
			}
		} else {
			if _, ok := a["alb.ingress.kubernetes.io/certificate-arn"]; ok || !strings.Contains(a["alb.ingress.kubernetes.io/listen-ports"], "80") {
				t.Errorf("without a domain the ALB serves HTTP only")
			}
			warned := false
			for _, w := range r.result.Warnings {
				warned = warned || strings.Contains(w, "no domain")
			}
			if !warned {
				t.Errorf("no warning printed for an environment without a domain")
			}
		}
	})
}

// TestIngressTurnsAccessLogsOffExplicitly: without a log bucket in the
// outputs the annotation still names the attribute, since the controller
// leaves alone attributes it is no longer told about.
func TestIngressTurnsAccessLogsOffExplicitly(t *testing.T) {
	r := envs["dev"]
	if r == nil {
		t.Fatal("dev not rendered")
	}
	out := *r.out
	out.ALBLogBucket, out.ALBLogPrefix = "", ""
	attrs := strings.Split(platform.IngressAnnotations(&manifest.Context{Env: r.env, Out: &out, W: r.env.Workloads})["alb.ingress.kubernetes.io/load-balancer-attributes"], ",")
	if !slices.Contains(attrs, "access_logs.s3.enabled=false") {
		t.Errorf("access logs off, but the annotation does not say so: %q", attrs)
	}
	for _, a := range attrs {
		if strings.HasPrefix(a, "access_logs.s3.bucket=") || strings.HasPrefix(a, "access_logs.s3.prefix=") {
			t.Errorf("access logs off, but the annotation names %s", a)
		}
	}
}

func TestStorageAndBackups(t *testing.T) {
	eachEnv(t, func(t *testing.T, r *rendered) {
		var sc storagev1.StorageClass
		r.find(t, "StorageClass", platform.StorageClassName).into(t, &sc)
		// The AWS-managed EBS key: the EBS CSI role (AmazonEBSCSIDriverPolicy
		// only) cannot use the project key, and a claim for it never binds.
		if _, ok := sc.Parameters["kmsKeyId"]; ok {
			t.Errorf("storage class names a customer key the EBS CSI driver may not use: %v", sc.Parameters)
		}
		if sc.Parameters["type"] != "gp3" || sc.Parameters["encrypted"] != "true" ||
			*sc.VolumeBindingMode != storagev1.VolumeBindingWaitForFirstConsumer || sc.AllowVolumeExpansion == nil || !*sc.AllowVolumeExpansion {
			t.Errorf("storage class must be encrypted gp3, WaitForFirstConsumer, expandable: %+v", sc)
		}
		var cj batchv1.CronJob
		r.find(t, "CronJob", "db-backup").into(t, &cj)
		if cj.Spec.Schedule != r.env.Workloads.Backup.Schedule || cj.Spec.ConcurrencyPolicy != batchv1.ForbidConcurrent {
			t.Errorf("backup schedule %q policy %q", cj.Spec.Schedule, cj.Spec.ConcurrencyPolicy)
		}
		// A hung run must end before the next is due, or Forbid skips it.
		if d := cj.Spec.JobTemplate.Spec.ActiveDeadlineSeconds; d == nil || *d != int64(r.env.Workloads.Backup.TimeoutMinutes*60) || *d >= 24*3600 {
			t.Errorf("backup job deadline %v, want workloads.backup.timeoutMinutes (%d min), under a day", d, r.env.Workloads.Backup.TimeoutMinutes)
		}
		pod := cj.Spec.JobTemplate.Spec.Template.Spec
		var sa corev1.ServiceAccount
		r.find(t, "ServiceAccount", pod.ServiceAccountName).into(t, &sa)
		if sa.Annotations["eks.amazonaws.com/role-arn"] != r.out.RoleARNs[outputs.RoleDBBackup] || pod.ServiceAccountName != outputs.ServiceAccounts[outputs.RoleDBBackup].Name {
			t.Errorf("backup must run as the db_backup IRSA service account")
		}
		size := ""
		for _, v := range pod.Volumes {
			if v.Ephemeral != nil {
				q := v.Ephemeral.VolumeClaimTemplate.Spec.Resources.Requests[corev1.ResourceStorage]
				size = q.String()
				if *v.Ephemeral.VolumeClaimTemplate.Spec.StorageClassName != platform.StorageClassName {
					t.Errorf("backup scratch volume must use the encrypted class")
				}
			}
		}
		if size != fmt.Sprintf("%dGi", r.env.Workloads.Backup.ScratchGiB) {
			t.Errorf("backup scratch size %q, want %dGi", size, r.env.Workloads.Backup.ScratchGiB)
		}
		upload := strings.Join(pod.Containers[0].Command, " ")
		env := map[string]string{}
		for _, e := range pod.Containers[0].Env {
			env[e.Name] = e.Value
		}
		if env["BUCKET"] != r.out.BackupBucketName || env["PREFIX"] != r.out.BackupPrefix || !strings.Contains(upload, "--sse aws:kms") {
			t.Errorf("backup must upload under s3://%s/%s with SSE-KMS", r.out.BackupBucketName, r.out.BackupPrefix)
		}
		if pod.InitContainers[0].Command[0] != "pg_dump" {
			t.Errorf("backup must take a pg_dump first")
		}
		// Only after the upload succeeded: the metric the missed-backup
		// alarm watches, in the namespace the backup role may write.
		report := fmt.Sprintf("aws cloudwatch put-metric-data --namespace %s --metric-name %s --dimensions %s=%s --value 1",
			outputs.BackupMetricNamespace, outputs.BackupMetricName, outputs.BackupMetricDimension, r.env.Name)
		if i, j := strings.Index(upload, "aws s3 cp"), strings.Index(upload, report); i < 0 || j < i || !strings.Contains(upload[i:j], "&&") {
			t.Errorf("backup must report %q after, and only after, a successful upload: %s", report, upload)
		}
	})
}

// TestAddonValues: IRSA role ARNs and service account names come from the
// outputs contract; charts are pinned.
func TestAddonValues(t *testing.T) {
	eachEnv(t, func(t *testing.T, r *rendered) {
		files := readTree(t, r.dir)
		releases, err := artifacts.LoadReleases(filepath.Join(r.dir, "addons"))
		if err != nil {
			t.Fatal(err)
		}
		byName := map[string]string{}
		for _, rel := range releases {
			if !regexp.MustCompile(`^\d+\.\d+\.\d+$`).MatchString(rel.Version) {
				t.Errorf("%s: chart version %q not pinned", rel.Name, rel.Version)
			}
			byName[rel.Name] = string(files["addons/"+rel.Values])
		}
		for release, role := range map[string]string{
			"external-secrets":             outputs.RoleExternalSecrets,
			"aws-load-balancer-controller": outputs.RoleLoadBalancerController,
			"cluster-autoscaler":           outputs.RoleClusterAutoscaler,
		} {
			v := byName[release]
			sa := outputs.ServiceAccounts[role]
			if !strings.Contains(v, "eks.amazonaws.com/role-arn: "+r.out.RoleARNs[role]) || !strings.Contains(v, "name: "+sa.Name) {
				t.Errorf("%s values lack the IRSA annotation %s or service account %s", release, r.out.RoleARNs[role], sa.Name)
			}
		}
		if !strings.Contains(byName["cluster-autoscaler"], "clusterName: "+r.out.ClusterName) {
			t.Errorf("cluster-autoscaler must auto-discover cluster %s", r.out.ClusterName)
		}
		if byName["metrics-server"] == "" || byName["reloader"] == "" {
			t.Errorf("metrics-server and reloader values are required (HPAs, rotation)")
		}
	})
}
