package components

import (
	"fmt"
	"strings"

	"github.com/supabase-eks/supabase-eks/internal/capacity"
	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/k8s/kubesecrets"
	"github.com/supabase-eks/supabase-eks/k8s/manifest"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// Realtime cluster ports: EPMD, the Erlang distribution port (fixed so a
// NetworkPolicy can name it) and gen_rpc.
const (
	RealtimeEPMDPort   = 4369
	RealtimeDistPort   = 4370
	RealtimeGenRPCPort = 5369
	// RealtimeHeadless is the headless Service the DNS strategy polls.
	RealtimeHeadless = "realtime-headless"
	realtimeUID      = 65534
)

// RealtimeClusterPorts are the pod-to-pod ports between Realtime replicas.
var RealtimeClusterPorts = []int{RealtimeEPMDPort, RealtimeDistPort, RealtimeGenRPCPort}

// RealtimeTenantTLSSQL turns TLS back on for the self-host tenant's database
// connection. Realtime's seed re-creates the tenant on every start with
// ssl_enforced=false, and that connection (tenant migrations, Postgres
// Changes, private-channel authorization) then fails against RDS, which
// refuses plain-text clients (rds.force_ssl=1). Tagged dollar quotes ($q$)
// keep the statement free of the shell's and Elixir's quote characters, and
// of "$$", which Kubernetes turns into "$" in a container's command; the
// tenant name is a validated DNS label.
func RealtimeTenantTLSSQL(tenant string) string {
	return `UPDATE _realtime.extensions SET settings = settings || jsonb_build_object($q$ssl_enforced$q$, true) ` +
		`WHERE type = $q$postgres_cdc_rls$q$ AND tenant_external_id = $q$` + tenant + `$q$`
}

// RealtimeTenantTLSEval runs RealtimeTenantTLSSQL through Realtime's own
// repository (its DB_* settings, TLS included) and fails unless exactly one
// row changed, so a schema change in a new Realtime image stops the pod
// loudly instead of leaving Postgres Changes silently broken.
func RealtimeTenantTLSEval(tenant string) string {
	return `Application.load(:realtime); {:ok, %{num_rows: 1}, _} = Ecto.Migrator.with_repo(Realtime.Repo, fn repo -> repo.query!("` +
		RealtimeTenantTLSSQL(tenant) + `") end)`
}

var realtimeComponent = Descriptor{
	Name: "realtime", Image: manifest.ImageRealtime, Port: RealtimePort, DatabaseRole: "supabase_admin",
	// The Erlang cluster's own traffic between its nodes.
	Calls:      []Call{{To: "realtime", Ports: RealtimeClusterPorts}},
	Routes:     (*Context).realtimeRoutes,
	Autoscaled: true,
	Size:       func(w config.Workloads) config.Component { return w.Realtime },
	Build:      (*Context).Realtime,
}

// Realtime runs several replicas as one Erlang cluster: each node is named
// realtime@<POD_IP> (the image's env.sh reads POD_IP), and the DNS strategy
// finds its peers through the headless Service. Kong reaches Realtime on the
// Service named after the tenant, so the Host header Realtime sees
// (<tenant>.<namespace>.svc.cluster.local) starts with the tenant name.
func (c *Context) Realtime(d Descriptor) {
	// The image's run.sh switches users with sudo, which the restricted
	// profile forbids (no privilege escalation), so the same steps run here
	// directly as the non-root user: migrations, the self-host tenant seed,
	// TLS for the tenant's connection, then the server.
	script := strings.Join([]string{
		`ulimit -Sn "$RLIMIT_NOFILE" 2>/dev/null || true`,
		`/app/bin/migrate`,
		`/app/bin/realtime eval 'Realtime.Release.seeds(Realtime.Repo)'`,
		`/app/bin/realtime eval '` + RealtimeTenantTLSEval(c.W.RealtimeTenant) + `'`,
		`exec /app/bin/server`,
	}, " && ")
	c.Deploy(manifest.Workload{
		Name:        d.Name,
		Image:       d.Image,
		UID:         realtimeUID,
		ServiceName: c.W.RealtimeTenant,
		Command:     []string{"/usr/bin/tini", "-s", "-g", "--", "/bin/sh", "-c", script},
		Env: []corev1.EnvVar{
			manifest.Env("PORT", fmt.Sprint(RealtimePort)),
			manifest.Env("DB_HOST", c.Out.DBHost),
			manifest.Env("DB_PORT", fmt.Sprint(c.Out.DBPort)),
			manifest.Env("DB_NAME", c.Out.DBName),
			manifest.Env("DB_USER", "supabase_admin"),
			manifest.SecretEnv("DB_PASSWORD", kubesecrets.DB, kubesecrets.KeyAdminPassword),
			// RDS forces TLS.
			manifest.Env("DB_SSL", "true"),
			// Realtime.Repo's pool per replica, explicit for
			// internal/capacity (default 5). The tenant's own connections
			// are not set here: the seeded tenant has no db_pool setting.
			manifest.Env(capacity.EnvRealtimePool, fmt.Sprint(c.W.Realtime.DBPoolSize)),
			// Probes hit the health endpoint every few seconds; without this
			// each one is an access-log line.
			manifest.Env("DISABLE_HEALTHCHECK_LOGGING", "true"),
			manifest.Env("DB_IP_VERSION", "ipv4"),
			manifest.Env("DB_AFTER_CONNECT_QUERY", "SET search_path TO _realtime"),
			manifest.SecretEnv("DB_ENC_KEY", kubesecrets.Realtime, kubesecrets.KeyDBEncKey),
			manifest.SecretEnv("API_JWT_SECRET", kubesecrets.JWT, kubesecrets.KeyJWTSecret),
			// Seeded into the tenant at start (SEED_SELF_HOST): asymmetric
			// tokens by kid; HS256 ones still use API_JWT_SECRET.
			manifest.SecretEnv("API_JWT_JWKS", kubesecrets.JWKS, kubesecrets.KeyJWKS),
			manifest.SecretEnv("METRICS_JWT_SECRET", kubesecrets.JWT, kubesecrets.KeyJWTSecret),
			manifest.SecretEnv("SECRET_KEY_BASE", kubesecrets.Realtime, kubesecrets.KeySecretKeyBase),
			manifest.SecretEnv("RELEASE_COOKIE", kubesecrets.Realtime, kubesecrets.KeyReleaseCookie),
			manifest.Env("APP_NAME", "realtime"),
			manifest.FieldEnv("POD_IP", "status.podIP"),
			manifest.Env("CLUSTER_STRATEGIES", "DNS"),
			manifest.Env("DNS_NODES", c.ServiceHost(RealtimeHeadless)),
			manifest.Env("ERL_AFLAGS", fmt.Sprintf("-proto_dist inet_tcp -kernel inet_dist_listen_min %d inet_dist_listen_max %d", RealtimeDistPort, RealtimeDistPort)),
			manifest.Env("GEN_RPC_TCP_SERVER_PORT", fmt.Sprint(RealtimeGenRPCPort)),
			manifest.Env("GEN_RPC_TCP_CLIENT_PORT", fmt.Sprint(RealtimeGenRPCPort)),
			manifest.Env("REALTIME_IP_VERSION", "ipv4"),
			manifest.Env("SEED_SELF_HOST", "true"),
			manifest.Env("SELF_HOST_TENANT_NAME", c.W.RealtimeTenant),
			manifest.Env("RUN_JANITOR", "true"),
			manifest.Env("RLIMIT_NOFILE", "10000"),
			manifest.Env("RELEASE_TMP", "/tmp"),
			manifest.Env("ERL_CRASH_DUMP", "/tmp/erl_crash.dump"),
		},
		Ports: []corev1.ContainerPort{
			manifest.Port("http", RealtimePort),
			manifest.Port("epmd", RealtimeEPMDPort),
			manifest.Port("erlang-dist", RealtimeDistPort),
			manifest.Port("gen-rpc", RealtimeGenRPCPort),
		},
		Readiness:      manifest.HTTPProbe("/healthcheck", RealtimePort, 5, 3),
		Liveness:       manifest.LivenessProbe(RealtimePort),
		Startup:        manifest.HTTPProbe("/healthcheck", RealtimePort, 5, 60),
		InitContainers: []corev1.Container{c.WaitForDatabase(c.adminDBEnv()...)},
		WritableDirs:   []string{"/tmp", "/app/.pgdelta-cache"},
		Size:           d.Size(c.W),
		GracePeriod:    60,
	})

	var ports []corev1.ServicePort
	for _, p := range []struct {
		name string
		port int
	}{{"epmd", RealtimeEPMDPort}, {"erlang-dist", RealtimeDistPort}, {"gen-rpc", RealtimeGenRPCPort}} {
		ports = append(ports, corev1.ServicePort{Name: p.name, Port: int32(p.port), TargetPort: intstr.FromString(p.name), Protocol: corev1.ProtocolTCP})
	}
	c.Add(manifest.StageWorkloads, &corev1.Service{
		TypeMeta:   manifest.Type("v1", "Service"),
		ObjectMeta: c.ObjectMeta(RealtimeHeadless, "realtime"),
		Spec: corev1.ServiceSpec{
			ClusterIP: corev1.ClusterIPNone,
			Selector:  manifest.Selector("realtime"),
			// Peers must find a starting node before it is ready: it joins
			// the cluster during startup.
			PublishNotReadyAddresses: true,
			Ports:                    ports,
		},
	})
}
