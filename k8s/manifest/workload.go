package manifest

import (
	"fmt"
	"strings"

	"github.com/supabase-eks/supabase-eks/internal/artifacts"
	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// Label keys.
const (
	LabelName      = "app.kubernetes.io/name"
	LabelInstance  = "app.kubernetes.io/instance"
	LabelPartOf    = "app.kubernetes.io/part-of"
	LabelManagedBy = "app.kubernetes.io/managed-by"
	LabelComponent = "app.kubernetes.io/component"
	// The reload annotations make Stakater Reloader roll a Deployment when
	// one of the listed Secrets or ConfigMaps changes (k8s/README.md,
	// "Rotation pickup").
	ReloadSecretsAnnotation    = "secret.reloader.stakater.com/reload"
	ReloadConfigMapsAnnotation = "configmap.reloader.stakater.com/reload"
	// IRSAAnnotation carries the IAM role a service account assumes.
	IRSAAnnotation = "eks.amazonaws.com/role-arn"
	// The prometheus.io pod annotations are the convention annotation-based
	// scrape jobs (CloudWatch agent, Prometheus kubernetes-pods) key on.
	PrometheusScrapeAnnotation = "prometheus.io/scrape"
	PrometheusPortAnnotation   = "prometheus.io/port"
	PrometheusPathAnnotation   = "prometheus.io/path"
)

// Metrics endpoint conventions shared by every scraped component.
const (
	// MetricsPortName names the Service port of a metrics listener, the
	// name a ServiceMonitor or endpoints-based scrape job selects.
	MetricsPortName = "metrics"
	MetricsPath     = "/metrics"
)

// Labels are the standard labels of a component's objects.
func Labels(name string) map[string]string {
	return map[string]string{
		LabelName:      name,
		LabelInstance:  "supabase",
		LabelPartOf:    "supabase",
		LabelManagedBy: "supabase-eks",
	}
}

// Selector selects a component's pods.
func Selector(name string) map[string]string {
	return map[string]string{LabelName: name, LabelInstance: "supabase"}
}

// ObjectMeta is namespaced object metadata with the standard labels.
func (c *Context) ObjectMeta(name, component string) metav1.ObjectMeta {
	return metav1.ObjectMeta{Name: name, Namespace: c.Namespace, Labels: Labels(component)}
}

// Type sets TypeMeta.
func Type(apiVersion, kind string) metav1.TypeMeta {
	return metav1.TypeMeta{APIVersion: apiVersion, Kind: kind}
}

// Ptr returns a pointer to v.
func Ptr[T any](v T) *T { return &v }

// PodSecurity is the restricted-profile pod security context.
func PodSecurity(uid int64) *corev1.PodSecurityContext {
	return &corev1.PodSecurityContext{
		RunAsNonRoot:   Ptr(true),
		RunAsUser:      Ptr(uid),
		RunAsGroup:     Ptr(uid),
		FSGroup:        Ptr(uid),
		SeccompProfile: &corev1.SeccompProfile{Type: corev1.SeccompProfileTypeRuntimeDefault},
	}
}

// ContainerSecurity is the restricted-profile container security context
// with a read-only root filesystem.
func ContainerSecurity() *corev1.SecurityContext {
	return &corev1.SecurityContext{
		AllowPrivilegeEscalation: Ptr(false),
		ReadOnlyRootFilesystem:   Ptr(true),
		RunAsNonRoot:             Ptr(true),
		Capabilities:             &corev1.Capabilities{Drop: []corev1.Capability{"ALL"}},
		SeccompProfile:           &corev1.SeccompProfile{Type: corev1.SeccompProfileTypeRuntimeDefault},
	}
}

// ResourceRequirements converts configured sizes.
func ResourceRequirements(r config.Resources) corev1.ResourceRequirements {
	return corev1.ResourceRequirements{
		Requests: corev1.ResourceList{
			corev1.ResourceCPU:              resource.MustParse(r.CPURequest),
			corev1.ResourceMemory:           resource.MustParse(r.MemoryRequest),
			corev1.ResourceEphemeralStorage: resource.MustParse(r.EphemeralStorageRequest),
		},
		Limits: corev1.ResourceList{
			corev1.ResourceCPU:              resource.MustParse(r.CPULimit),
			corev1.ResourceMemory:           resource.MustParse(r.MemoryLimit),
			corev1.ResourceEphemeralStorage: resource.MustParse(r.EphemeralStorageLimit),
		},
	}
}

// Ephemeral storage. The kubelet evicts a pod when a container's logs and
// writable layer exceed that container's ephemeral-storage limit, when its
// emptyDirs plus all of that exceed the sum of its containers' limits, and
// when an emptyDir outgrows its sizeLimit. Every limit therefore covers the
// container's emptyDirs plus LogStorage: a runaway writer then hits the
// emptyDir's own sizeLimit (an eviction that names the volume), never the
// pod total first, and nothing can fill the node's disk.
const (
	// WritableDirSize caps each emptyDir of a Workload's WritableDirs.
	WritableDirSize = "1Gi"
	// LogStorage is what a container needs besides its emptyDirs. The
	// kubelet keeps at most containerLogMaxFiles x containerLogMaxSize of a
	// container's logs (5 x 10Mi by default), rotating every 10 s, and the root
	// filesystem is read-only, so the writable layer stays empty; 256Mi
	// leaves room for a burst between two rotations.
	LogStorage = "256Mi"
	// LogOnlyStorageRequest is the request of a container that writes
	// nothing but its logs.
	LogOnlyStorageRequest = "64Mi"
)

// EphemeralLimit is the ephemeral-storage limit a container mounting
// emptyDirs of the given sizes needs: their sum plus LogStorage.
func EphemeralLimit(emptyDirs ...resource.Quantity) resource.Quantity {
	q := resource.MustParse(LogStorage)
	for _, d := range emptyDirs {
		q.Add(d)
	}
	return q
}

// mountedEmptyDirs lists the sizeLimits of the emptyDirs ctr mounts.
func mountedEmptyDirs(volumes []corev1.Volume, ctr corev1.Container) []resource.Quantity {
	byName := map[string]corev1.Volume{}
	for _, v := range volumes {
		byName[v.Name] = v
	}
	var out []resource.Quantity
	for _, m := range ctr.VolumeMounts {
		if v, ok := byName[m.Name]; ok && v.EmptyDir != nil && v.EmptyDir.SizeLimit != nil {
			out = append(out, *v.EmptyDir.SizeLimit)
		}
	}
	return out
}

// CheckEphemeralLimit records an error naming field (the configuration
// field the limit came from) when ctr's ephemeral-storage limit does not
// cover the emptyDirs it mounts plus LogStorage.
func (c *Context) CheckEphemeralLimit(field string, volumes []corev1.Volume, ctr corev1.Container) {
	dirs := mountedEmptyDirs(volumes, ctr)
	need := EphemeralLimit(dirs...)
	got := ctr.Resources.Limits[corev1.ResourceEphemeralStorage]
	if got.Cmp(need) < 0 {
		c.Fail(fmt.Errorf("%s: %s is below the %s container %s needs (%d emptyDir(s) plus %s for logs): the pod would be evicted before an emptyDir reaches its sizeLimit",
			field, got.String(), need.String(), ctr.Name, len(dirs), LogStorage))
	}
}

// Env is a literal environment variable.
func Env(name, value string) corev1.EnvVar { return corev1.EnvVar{Name: name, Value: value} }

// SecretEnv reads an environment variable from a Secret key.
func SecretEnv(name, secret, key string) corev1.EnvVar {
	return corev1.EnvVar{Name: name, ValueFrom: &corev1.EnvVarSource{SecretKeyRef: &corev1.SecretKeySelector{
		LocalObjectReference: corev1.LocalObjectReference{Name: secret}, Key: key,
	}}}
}

// ConfigMapEnv reads an environment variable from a ConfigMap key.
func ConfigMapEnv(name, configMap, key string) corev1.EnvVar {
	return corev1.EnvVar{Name: name, ValueFrom: &corev1.EnvVarSource{ConfigMapKeyRef: &corev1.ConfigMapKeySelector{
		LocalObjectReference: corev1.LocalObjectReference{Name: configMap}, Key: key,
	}}}
}

// FieldEnv reads an environment variable from the downward API.
func FieldEnv(name, path string) corev1.EnvVar {
	return corev1.EnvVar{Name: name, ValueFrom: &corev1.EnvVarSource{FieldRef: &corev1.ObjectFieldSelector{FieldPath: path}}}
}

// HTTPProbe probes GET path on port.
func HTTPProbe(path string, port int, period, failures int32) *corev1.Probe {
	return &corev1.Probe{
		ProbeHandler:     corev1.ProbeHandler{HTTPGet: &corev1.HTTPGetAction{Path: path, Port: intstr.FromInt32(int32(port))}},
		PeriodSeconds:    period,
		TimeoutSeconds:   3,
		FailureThreshold: failures,
	}
}

// TCPProbe succeeds when port accepts a connection.
func TCPProbe(port int, period, failures int32) *corev1.Probe {
	return &corev1.Probe{
		ProbeHandler:     corev1.ProbeHandler{TCPSocket: &corev1.TCPSocketAction{Port: intstr.FromInt32(int32(port))}},
		PeriodSeconds:    period,
		TimeoutSeconds:   3,
		FailureThreshold: failures,
	}
}

// LivenessProbe is the liveness probe of a component whose readiness probe
// is an HTTP health endpoint: a connection to its serving port. Liveness
// restarts the container, readiness only takes it out of the Service. An
// HTTP health check fails together on every replica when a dependency (the
// database, an upstream) is down or the pods are overloaded and answer
// slowly; as liveness it would restart all of them at once and turn an
// outage into a restart storm. Accepting connections tells that the
// process is there; whether it can serve is readiness's question. (A
// process that still accepts but no longer answers stays unready and
// shows as such; it is not restarted.)
func LivenessProbe(port int) *corev1.Probe { return TCPProbe(port, 10, 3) }

// Workload describes one Supabase component; Deploy turns it into a
// ServiceAccount, Deployment, Service, PodDisruptionBudget and, when the
// component is autoscaled, a HorizontalPodAutoscaler.
type Workload struct {
	Name  string
	Image string
	// UID is the non-root user the image works as.
	UID     int64
	Command []string
	Args    []string
	Env     []corev1.EnvVar
	// Ports are the container ports; the first is the Service port.
	Ports []corev1.ContainerPort
	// ServicePorts names further container ports the Service also serves
	// (a component with more than one listener for its clients).
	ServicePorts []string
	// Readiness probes the component's health endpoint (ready to serve);
	// Liveness checks something narrower (the process is alive, usually
	// LivenessProbe), never the same thing, so a failing dependency takes
	// pods out of the Service without restarting them. Startup covers slow
	// starts (migrations) so liveness need not be lax.
	Readiness, Liveness, Startup *corev1.Probe
	// WritableDirs get an emptyDir of WritableDirSize each: the root
	// filesystem is read-only. Size.Resources.EphemeralStorageLimit must
	// cover them (CheckEphemeralLimit).
	WritableDirs []string
	// Volumes and Mounts are further volumes (configuration files).
	Volumes []corev1.Volume
	Mounts  []corev1.VolumeMount
	// InitContainers run before the component, e.g. WaitForDatabase.
	InitContainers []corev1.Container
	Size           config.Component
	// RoleARN, when set, annotates the service account for IRSA.
	RoleARN string
	// ServiceName overrides the Service name (default Name).
	ServiceName string
	// ReloadConfigMaps are ConfigMaps whose change should roll the pods.
	ReloadConfigMaps []string
	// GracePeriod overrides the termination grace period in seconds.
	GracePeriod int64
	// PreStopSleep keeps a terminating pod serving this many seconds, while
	// the load balancer deregisters it; GracePeriod must exceed it.
	PreStopSleep int64
	// MetricsPort names the container port that serves Prometheus metrics
	// at MetricsPath. The pods get the prometheus.io annotations and the
	// Service a port named MetricsPortName; the NetworkPolicy edge from the
	// scrapers is platform.Edges' business.
	MetricsPort string
}

// Deploy renders w.
func (c *Context) Deploy(w Workload) {
	sa := corev1.ServiceAccount{
		TypeMeta:                     Type("v1", "ServiceAccount"),
		ObjectMeta:                   c.ObjectMeta(w.Name, w.Name),
		AutomountServiceAccountToken: Ptr(false),
	}
	if w.RoleARN != "" {
		sa.Annotations = map[string]string{IRSAAnnotation: w.RoleARN}
	}
	c.Add(StageAccess, &sa)

	mounts := append([]corev1.VolumeMount(nil), w.Mounts...)
	volumes := append([]corev1.Volume(nil), w.Volumes...)
	for i, dir := range w.WritableDirs {
		name := fmt.Sprintf("writable-%d", i)
		volumes = append(volumes, corev1.Volume{Name: name, VolumeSource: corev1.VolumeSource{EmptyDir: &corev1.EmptyDirVolumeSource{SizeLimit: Ptr(resource.MustParse(WritableDirSize))}}})
		mounts = append(mounts, corev1.VolumeMount{Name: name, MountPath: dir})
	}
	container := corev1.Container{
		Name:            w.Name,
		Image:           w.Image,
		ImagePullPolicy: corev1.PullIfNotPresent,
		Command:         w.Command,
		Args:            w.Args,
		Env:             w.Env,
		Ports:           w.Ports,
		Resources:       ResourceRequirements(w.Size.Resources),
		ReadinessProbe:  w.Readiness,
		LivenessProbe:   w.Liveness,
		StartupProbe:    w.Startup,
		VolumeMounts:    mounts,
		SecurityContext: ContainerSecurity(),
	}
	if w.PreStopSleep > 0 {
		container.Lifecycle = &corev1.Lifecycle{PreStop: &corev1.LifecycleHandler{Sleep: &corev1.SleepAction{Seconds: w.PreStopSleep}}}
		if w.GracePeriod <= w.PreStopSleep {
			panic(fmt.Sprintf("%s: grace period %ds must exceed the preStop sleep %ds", w.Name, w.GracePeriod, w.PreStopSleep))
		}
	}
	c.CheckEphemeralLimit(fmt.Sprintf("workloads.%s.resources.ephemeralStorageLimit", w.Name), volumes, container)
	pod := corev1.PodSpec{
		ServiceAccountName:           w.Name,
		AutomountServiceAccountToken: Ptr(false),
		SecurityContext:              PodSecurity(w.UID),
		InitContainers:               w.InitContainers,
		Containers:                   []corev1.Container{container},
		Volumes:                      volumes,
		TopologySpreadConstraints:    c.spread(w.Name),
	}
	if w.GracePeriod > 0 {
		pod.TerminationGracePeriodSeconds = Ptr(w.GracePeriod)
	}
	annotations := map[string]string{}
	if s := artifacts.SecretNames(pod); len(s) > 0 {
		annotations[ReloadSecretsAnnotation] = strings.Join(s, ",")
	}
	if len(w.ReloadConfigMaps) > 0 {
		annotations[ReloadConfigMapsAnnotation] = strings.Join(w.ReloadConfigMaps, ",")
	}
	var podAnnotations map[string]string
	if w.MetricsPort != "" {
		podAnnotations = map[string]string{
			PrometheusScrapeAnnotation: "true",
			PrometheusPortAnnotation:   fmt.Sprint(containerPort(w, w.MetricsPort)),
			PrometheusPathAnnotation:   MetricsPath,
		}
	}
	dep := appsv1.Deployment{
		TypeMeta:   Type("apps/v1", "Deployment"),
		ObjectMeta: c.ObjectMeta(w.Name, w.Name),
		Spec: appsv1.DeploymentSpec{
			RevisionHistoryLimit: Ptr(int32(5)),
			Selector:             &metav1.LabelSelector{MatchLabels: Selector(w.Name)},
			// Never drop below the desired count while rolling: a new pod
			// that cannot start (e.g. waiting for a rotated DB password)
			// leaves the old ones serving.
			Strategy: appsv1.DeploymentStrategy{Type: appsv1.RollingUpdateDeploymentStrategyType, RollingUpdate: &appsv1.RollingUpdateDeployment{
				MaxUnavailable: Ptr(intstr.FromInt32(0)), MaxSurge: Ptr(intstr.FromInt32(1)),
			}},
			Template: corev1.PodTemplateSpec{
				ObjectMeta: metav1.ObjectMeta{Labels: Labels(w.Name), Annotations: podAnnotations},
				Spec:       pod,
			},
		},
	}
	if len(annotations) > 0 {
		dep.Annotations = annotations
	}
	// An autoscaled Deployment has no replica count: with one, every
	// `kubectl apply` (or Helm upgrade) would reset the count the HPA chose
	// to the rendered number. Without, a new Deployment starts at 1 and the
	// HPA raises it to minReplicas at its next sync (seconds), and applies
	// leave the count alone.
	if !w.Size.Autoscaled() {
		dep.Spec.Replicas = Ptr(int32(w.Size.Replicas))
	}
	c.Add(StageWorkloads, &dep)

	svcName := w.ServiceName
	if svcName == "" {
		svcName = w.Name
	}
	svc := corev1.Service{
		TypeMeta:   Type("v1", "Service"),
		ObjectMeta: c.ObjectMeta(svcName, w.Name),
		Spec: corev1.ServiceSpec{
			Type:     corev1.ServiceTypeClusterIP,
			Selector: Selector(w.Name),
			Ports: []corev1.ServicePort{{
				Name: w.Ports[0].Name, Port: w.Ports[0].ContainerPort, TargetPort: intstr.FromString(w.Ports[0].Name), Protocol: corev1.ProtocolTCP,
			}},
		},
	}
	for _, name := range w.ServicePorts {
		svc.Spec.Ports = append(svc.Spec.Ports, corev1.ServicePort{
			Name: name, Port: containerPort(w, name), TargetPort: intstr.FromString(name), Protocol: corev1.ProtocolTCP,
		})
	}
	if w.MetricsPort != "" {
		svc.Spec.Ports = append(svc.Spec.Ports, corev1.ServicePort{
			Name: MetricsPortName, Port: containerPort(w, w.MetricsPort), TargetPort: intstr.FromString(w.MetricsPort), Protocol: corev1.ProtocolTCP,
		})
	}
	c.Add(StageWorkloads, &svc)

	c.Add(StageWorkloads, &policyv1.PodDisruptionBudget{
		TypeMeta:   Type("policy/v1", "PodDisruptionBudget"),
		ObjectMeta: c.ObjectMeta(w.Name, w.Name),
		Spec: policyv1.PodDisruptionBudgetSpec{
			// maxUnavailable (not minAvailable) so a single-replica dev
			// component does not block node drains forever.
			MaxUnavailable: Ptr(intstr.FromInt32(1)),
			Selector:       &metav1.LabelSelector{MatchLabels: Selector(w.Name)},
		},
	})

	if w.Size.Autoscaled() {
		c.Add(StageWorkloads, &autoscalingv2.HorizontalPodAutoscaler{
			TypeMeta:   Type("autoscaling/v2", "HorizontalPodAutoscaler"),
			ObjectMeta: c.ObjectMeta(w.Name, w.Name),
			Spec: autoscalingv2.HorizontalPodAutoscalerSpec{
				ScaleTargetRef: autoscalingv2.CrossVersionObjectReference{APIVersion: "apps/v1", Kind: "Deployment", Name: w.Name},
				MinReplicas:    Ptr(int32(w.Size.MinReplicas)),
				MaxReplicas:    int32(w.Size.MaxReplicas),
				Metrics: []autoscalingv2.MetricSpec{
					utilization(corev1.ResourceCPU, w.Size.TargetCPUPercent),
					utilization(corev1.ResourceMemory, w.Size.TargetMemoryPercent),
				},
			},
		})
	}
}

func utilization(r corev1.ResourceName, pct int) autoscalingv2.MetricSpec {
	return autoscalingv2.MetricSpec{
		Type: autoscalingv2.ResourceMetricSourceType,
		Resource: &autoscalingv2.ResourceMetricSource{
			Name:   r,
			Target: autoscalingv2.MetricTarget{Type: autoscalingv2.UtilizationMetricType, AverageUtilization: Ptr(int32(pct))},
		},
	}
}

// spread places replicas across zones (as strictly as workloads.zoneSpread
// says) and nodes (best effort). Nodes whose taints the pod
// does not tolerate do not count as a domain (nodeTaintsPolicy Honor): the
// nodes of a lost zone are tainted unreachable/not-ready (NoSchedule), and
// counted as an empty zone they would make every placement elsewhere
// exceed maxSkew, blocking rescheduling and HPA scale-out exactly when a
// zone is gone.
func (c *Context) spread(name string) []corev1.TopologySpreadConstraint {
	zone := corev1.UnsatisfiableConstraintAction(c.W.ZoneSpread)
	honor := Ptr(corev1.NodeInclusionPolicyHonor)
	sel := &metav1.LabelSelector{MatchLabels: Selector(name)}
	return []corev1.TopologySpreadConstraint{
		{MaxSkew: 1, TopologyKey: "topology.kubernetes.io/zone", WhenUnsatisfiable: zone, LabelSelector: sel, NodeTaintsPolicy: honor},
		{MaxSkew: 1, TopologyKey: "kubernetes.io/hostname", WhenUnsatisfiable: corev1.ScheduleAnyway, LabelSelector: sel, NodeTaintsPolicy: honor},
	}
}

// containerPort is the number of w's container port called name; a name
// that is not declared is a programming error.
func containerPort(w Workload, name string) int32 {
	for _, p := range w.Ports {
		if p.Name == name {
			return p.ContainerPort
		}
	}
	panic(fmt.Sprintf("%s: no container port named %q", w.Name, name))
}

// Port is a named TCP container port.
func Port(name string, port int) corev1.ContainerPort {
	return corev1.ContainerPort{Name: name, ContainerPort: int32(port), Protocol: corev1.ProtocolTCP}
}

// LogOnlyResources sizes a container that writes nothing but its logs
// (psql, pg_dump into a volume claim, the wait loop): CPU and memory as
// given, LogOnlyStorageRequest and LogStorage of ephemeral storage.
func LogOnlyResources(cpuReq, memReq, cpuLim, memLim string) config.Resources {
	return config.Resources{
		CPURequest: cpuReq, MemoryRequest: memReq, CPULimit: cpuLim, MemoryLimit: memLim,
		EphemeralStorageRequest: LogOnlyStorageRequest, EphemeralStorageLimit: LogStorage,
	}
}

// WithUID returns the restricted container security context running as uid.
func WithUID(uid int64) *corev1.SecurityContext { return withUID(ContainerSecurity(), uid) }
