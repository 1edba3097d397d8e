package components

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/supabase-eks/supabase-eks/internal/capacity"
	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/names"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/internal/contract/pooler"
	"github.com/supabase-eks/supabase-eks/k8s/dbbootstrap"
	"github.com/supabase-eks/supabase-eks/k8s/kubesecrets"
	"github.com/supabase-eks/supabase-eks/k8s/manifest"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// SupavisorTenantJob is the Job (and pod group) that creates or updates the
// pooler's tenant through Supavisor's API.
const SupavisorTenantJob = "supavisor-tenant"

// supavisorUID is the image's nobody, which owns /app.
const supavisorUID = 65534

var supavisorComponent = Descriptor{
	Name: pooler.Service, Image: manifest.ImageSupavisor, Port: pooler.TransactionPort,
	DatabaseRole: dbbootstrap.PoolerMetadataRole,
	Enabled:      func(w config.Workloads) bool { return w.Pooler.Enabled },
	Size:         func(w config.Workloads) config.Component { return w.Supavisor },
	Build:        (*Context).Supavisor,
}

// Supavisor is the connection pooler (off by default; workloads.pooler).
// Its replicas are not clustered: each holds its own pools, so the server
// connections are known from the replica count (internal/capacity) and a
// replica never depends on another to reach a tenant's pool. It keeps its
// tenants in schema _supavisor as role supavisor (k8s/dbbootstrap); the
// tenant itself is created by the supavisor-tenant Job through the API.
func (c *Context) Supavisor(d Descriptor) {
	c.AddSecret(manifest.SecretSpec{
		Name: kubesecrets.Pooler,
		Refs: []manifest.SecretRef{
			kubesecrets.Ref(c.Out, outputs.SecretPooler, "secret_key_base"),
			kubesecrets.Ref(c.Out, outputs.SecretPooler, "vault_enc_key"),
			kubesecrets.Ref(c.Out, outputs.SecretPooler, "api_jwt_secret"),
			kubesecrets.Ref(c.Out, outputs.SecretPooler, "metrics_jwt_secret"),
			kubesecrets.Ref(c.Out, outputs.SecretPooler, "supavisor_password"),
			kubesecrets.Ref(c.Out, outputs.SecretPooler, "tls_cert"),
			kubesecrets.Ref(c.Out, outputs.SecretPooler, "tls_key"),
		},
		Templates: map[string]string{
			kubesecrets.KeySecretKeyBase:    kubesecrets.Value("secret_key_base"),
			kubesecrets.KeyVaultEncKey:      kubesecrets.Value("vault_enc_key"),
			kubesecrets.KeyAPIJWTSecret:     kubesecrets.Value("api_jwt_secret"),
			kubesecrets.KeyMetricsJWTSecret: kubesecrets.Value("metrics_jwt_secret"),
			// Ecto reads ssl=true from the URL; upstream's runtime.exs pairs it
			// with verify_none: encrypted, not verified, like libpq's require.
			kubesecrets.KeyPoolerMetadata: fmt.Sprintf("ecto://%s:%s@%s:%d/%s?ssl=true", dbbootstrap.PoolerMetadataRole,
				kubesecrets.URLPart("supavisor_password"), c.Out.DBHost, c.Out.DBPort, c.Out.DBName),
			// The image's release cookie is public; the distribution port
			// it guards is open on every replica.
			kubesecrets.KeyReleaseCookie: `{{ printf "erlang-cookie:%s" .secret_key_base | sha256sum }}`,
			kubesecrets.KeyPoolerTLSCert: kubesecrets.Value("tls_cert"),
			kubesecrets.KeyPoolerTLSKey:  kubesecrets.Value("tls_key"),
		},
	})
	s := kubesecrets.Pooler
	script := strings.Join([]string{
		// limits.sh (the image's entrypoint) raises the hard limit too,
		// which a non-root user may not: the soft limit is enough.
		`ulimit -Sn "$RLIMIT_NOFILE" 2>/dev/null || true`,
		`/app/bin/migrate`,
		`exec /app/bin/server`,
	}, " && ")
	c.Deploy(manifest.Workload{
		Name:    d.Name,
		Image:   d.Image,
		UID:     supavisorUID,
		Command: []string{"/usr/bin/tini", "-s", "-g", "--", "/bin/sh", "-c", script},
		Env: []corev1.EnvVar{
			manifest.Env("PORT", fmt.Sprint(pooler.APIPort)),
			manifest.Env("PROXY_PORT_SESSION", fmt.Sprint(pooler.SessionPort)),
			manifest.Env("PROXY_PORT_TRANSACTION", fmt.Sprint(pooler.TransactionPort)),
			manifest.SecretEnv("DATABASE_URL", s, kubesecrets.KeyPoolerMetadata),
			// The metadata repository's pool (upstream default 25), read
			// back by internal/capacity; the tenant's pools are its own.
			manifest.Env(capacity.EnvSupavisorPool, fmt.Sprint(c.W.Supavisor.DBPoolSize)),
			manifest.SecretEnv("SECRET_KEY_BASE", s, kubesecrets.KeySecretKeyBase),
			manifest.SecretEnv("VAULT_ENC_KEY", s, kubesecrets.KeyVaultEncKey),
			manifest.SecretEnv("API_JWT_SECRET", s, kubesecrets.KeyAPIJWTSecret),
			manifest.SecretEnv("METRICS_JWT_SECRET", s, kubesecrets.KeyMetricsJWTSecret),
			manifest.SecretEnv("RELEASE_COOKIE", s, kubesecrets.KeyReleaseCookie),
			manifest.Env("REGION", c.Out.Region),
			// The image is built for IPv6 (ERL_AFLAGS inet6_tcp); pods here
			// have IPv4 addresses only.
			manifest.Env("ERL_AFLAGS", "-proto_dist inet_tcp"),
			manifest.Env("SUPAVISOR_DB_IP_VERSION", "ipv4"),
			manifest.FieldEnv("NODE_IP", "status.podIP"),
			manifest.Env("RLIMIT_NOFILE", "100000"),
			manifest.Env("RELEASE_TMP", "/tmp"),
			manifest.Env("ERL_CRASH_DUMP", "/tmp/erl_crash.dump"),
			// Clients that send SSLRequest get TLS with this certificate
			// (issued by secrets init from a private CA; the CA is in the
			// application connection secret).
			manifest.Env("GLOBAL_DOWNSTREAM_CERT_PATH", poolerTLSDir+"/"+kubesecrets.KeyPoolerTLSCert),
			manifest.Env("GLOBAL_DOWNSTREAM_KEY_PATH", poolerTLSDir+"/"+kubesecrets.KeyPoolerTLSKey),
		},
		Ports: []corev1.ContainerPort{
			manifest.Port("transaction", pooler.TransactionPort),
			manifest.Port("session", pooler.SessionPort),
			manifest.Port("api", pooler.APIPort),
		},
		ServicePorts: []string{"session", "api"},
		// /api/health needs no token: 204 when the metadata database answers.
		Readiness:      manifest.HTTPProbe("/api/health", pooler.APIPort, 5, 3),
		Liveness:       manifest.LivenessProbe(pooler.APIPort),
		Startup:        manifest.HTTPProbe("/api/health", pooler.APIPort, 5, 60),
		InitContainers: []corev1.Container{c.WaitForDatabase(c.poolerDBEnv()...)},
		WritableDirs:   []string{"/tmp"},
		Volumes: []corev1.Volume{{Name: "tls", VolumeSource: corev1.VolumeSource{Secret: &corev1.SecretVolumeSource{
			SecretName:  kubesecrets.Pooler,
			Items:       []corev1.KeyToPath{{Key: kubesecrets.KeyPoolerTLSCert, Path: kubesecrets.KeyPoolerTLSCert}, {Key: kubesecrets.KeyPoolerTLSKey, Path: kubesecrets.KeyPoolerTLSKey}},
			DefaultMode: manifest.Ptr(int32(0o440)),
		}}}},
		Mounts: []corev1.VolumeMount{{Name: "tls", MountPath: poolerTLSDir, ReadOnly: true}},
		Size:   d.Size(c.W),
		// Room after SIGTERM for clients to finish their transactions (how
		// Supavisor drains was not checked: it does not run here).
		GracePeriod: 60,
	})
	c.supavisorTenant()
	if c.W.Pooler.LoadBalancer.Enabled {
		c.supavisorLoadBalancer()
	}
}

// poolerTLSDir is where the pooler's certificate and key are mounted.
const poolerTLSDir = "/etc/supavisor/tls"

// PoolerLoadBalancerService is the Service the AWS Load Balancer Controller
// turns into the pooler's internal NLB.
const PoolerLoadBalancerService = pooler.Service + "-nlb"

// supavisorLoadBalancer is an internal NLB (target type ip) passing TCP
// through to the pooler's two ports: TLS is Supavisor's (PostgreSQL
// clients negotiate it inside the protocol, which an NLB TLS listener
// cannot). Its security group admits only the configured source networks.
func (c *Context) supavisorLoadBalancer() {
	lb := c.W.Pooler.LoadBalancer
	const prefix = "service.beta.kubernetes.io/aws-load-balancer-"
	meta := c.ObjectMeta(PoolerLoadBalancerService, pooler.Service)
	meta.Annotations = map[string]string{
		// The controller's IAM policy names this load balancer.
		prefix + "name":                      names.PoolerLoadBalancer(c.Env.ResourcePrefix()),
		prefix + "type":                      "external",
		prefix + "nlb-target-type":           "ip",
		prefix + "scheme":                    "internal",
		prefix + "healthcheck-protocol":      "http",
		prefix + "healthcheck-port":          fmt.Sprint(pooler.APIPort),
		prefix + "healthcheck-path":          "/api/health",
		prefix + "healthcheck-success-codes": "204",
		// A draining target keeps its clients' transactions.
		prefix + "target-group-attributes": "deregistration_delay.timeout_seconds=60,preserve_client_ip.enabled=false",
	}
	c.Add(manifest.StageWorkloads, &corev1.Service{
		TypeMeta:   manifest.Type("v1", "Service"),
		ObjectMeta: meta,
		Spec: corev1.ServiceSpec{
			Type: corev1.ServiceTypeLoadBalancer,
			// The AWS Load Balancer Controller, not the in-tree provider.
			LoadBalancerClass:        manifest.Ptr("service.k8s.aws/nlb"),
			LoadBalancerSourceRanges: lb.SourceCIDRs,
			Selector:                 manifest.Selector(pooler.Service),
			Ports: []corev1.ServicePort{
				{Name: "transaction", Port: pooler.TransactionPort, TargetPort: intstr.FromString("transaction"), Protocol: corev1.ProtocolTCP},
				{Name: "session", Port: pooler.SessionPort, TargetPort: intstr.FromString("session"), Protocol: corev1.ProtocolTCP},
			},
		},
	})
}

// poolerDBEnv waits for the supavisor role through the libpq variables.
func (c *Context) poolerDBEnv() []corev1.EnvVar {
	return []corev1.EnvVar{
		manifest.Env("PGHOST", c.Out.DBHost),
		manifest.Env("PGPORT", fmt.Sprint(c.Out.DBPort)),
		manifest.Env("PGDATABASE", c.Out.DBName),
		manifest.Env("PGUSER", dbbootstrap.PoolerMetadataRole),
		manifest.SecretEnv("PGPASSWORD", kubesecrets.DB, kubesecrets.BootstrapKey("SUPAVISOR_PASSWORD")),
	}
}

// Tenant users. Both run in transaction mode; a client that needs a session
// (LISTEN, session settings, named prepared statements) connects to the
// session port, which gives it a pool of the same size of its own.
type tenantUser struct {
	role, passwordVar string
	pool, maxClients  int
}

func (c *Context) tenantUsers() []tenantUser {
	p := c.W.Pooler
	st := c.W.Storage
	return []tenantUser{
		{dbbootstrap.AppRole, "app_user_password", p.AppPoolSize, p.AppMaxClients},
		// Every Storage replica's pool may land on one pooler replica.
		{"supabase_storage_admin", "supabase_storage_admin_password", p.StoragePoolSize, st.DBPoolSize * (max(st.MaxReplicas, st.Replicas) + 1)},
	}
}

// TenantBodyTemplate is the External Secrets template of the body the
// tenant Job sends: PUT /api/tenants/<tenant> {"tenant": {...}}. Passwords
// are inserted with toJson, so any character stays data.
func (c *Context) TenantBodyTemplate() string {
	p := c.W.Pooler
	var users []map[string]any
	for _, u := range c.tenantUsers() {
		users = append(users, map[string]any{
			"db_user": u.role, "db_password": "@@" + u.passwordVar + "@@",
			"pool_size": u.pool, "max_clients": u.maxClients, "mode_type": "transaction",
		})
	}
	body := map[string]any{"tenant": map[string]any{
		"db_host": c.Out.DBHost, "db_port": c.Out.DBPort, "db_database": c.Out.DBName,
		"ip_version": "v4",
		// RDS forces TLS; the pooler encrypts without verifying (like
		// libpq's require): upstream_tls_ca takes one certificate, the
		// RDS bundle is several.
		"upstream_ssl": true, "upstream_verify": "none",
		// Clients reach it over the cluster network or the NLB, which
		// terminates TLS: there is no certificate to offer them here.
		"enforce_ssl": false,
		// Only the users listed log in (no auth_query: on RDS the master
		// cannot read pg_authid, see README "Connection pooling").
		"require_user":      true,
		"default_pool_size": p.AppPoolSize, "default_max_clients": p.AppMaxClients,
		// Pods and the internal NLB are inside the VPC.
		"allow_list": []string{c.Out.VpcCIDR},
		"users":      users,
	}}
	b, err := json.MarshalIndent(body, "", "  ")
	if err != nil {
		panic(err)
	}
	out := string(b)
	for _, u := range c.tenantUsers() {
		out = strings.Replace(out, `"@@`+u.passwordVar+`@@"`, "{{ ."+u.passwordVar+" | toJson }}", 1)
	}
	return out + "\n"
}

// TenantScript is the tenant Job's script. It signs a short-lived HS256
// token with the API secret (openssl; the image has no other JWT tool),
// waits for the pooler, then PUTs the tenant: Supavisor creates it, or
// updates it and restarts its pools (clients reconnect once). Every path
// comes from the environment so the tests can run it against a fake API.
const TenantScript = `set -eu
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
payload=$(printf '{"role":"supabase-eks-tenant-job","iat":%d,"exp":%d}' "$now" "$((now + 300))" | b64url)
key=$(od -An -v -tx1 < "$API_JWT_SECRET_FILE" | tr -d ' \n')
sig=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$key" -binary | b64url)
printf 'Authorization: Bearer %s.%s.%s\n' "$header" "$payload" "$sig" > "$WORK_DIR/auth"
until curl -fsS -o /dev/null "$SUPAVISOR_API/api/health"; do echo "waiting for $SUPAVISOR_API/api/health"; sleep 5; done
code=$(curl -sS -o "$WORK_DIR/response" -w '%{http_code}' -X PUT -H "@$WORK_DIR/auth" -H 'Content-Type: application/json' --data-binary "@$TENANT_BODY_FILE" "$SUPAVISOR_API/api/tenants/$TENANT")
case "$code" in
  200|201) echo "tenant $TENANT in place (HTTP $code)" ;;
  *) echo "PUT /api/tenants/$TENANT: HTTP $code" >&2; cat "$WORK_DIR/response" >&2; exit 1 ;;
esac
`

// Paths inside the tenant Job's container.
const (
	tenantSecretDir = "/tenant"
	tenantWorkDir   = "/work"
)

func (c *Context) supavisorTenant() {
	c.AddSecret(manifest.SecretSpec{
		Name: kubesecrets.PoolerTenant,
		Refs: []manifest.SecretRef{
			kubesecrets.Ref(c.Out, outputs.SecretPooler, "api_jwt_secret"),
			kubesecrets.Ref(c.Out, outputs.SecretPooler, "app_user_password"),
			kubesecrets.Ref(c.Out, outputs.SecretDatabase, "supabase_storage_admin_password"),
		},
		Templates: map[string]string{
			kubesecrets.KeyAPIJWTSecret: kubesecrets.Value("api_jwt_secret"),
			kubesecrets.KeyTenantBody:   c.TenantBodyTemplate(),
		},
	})
	c.Add(manifest.StageWorkloads, &corev1.ServiceAccount{
		TypeMeta:                     manifest.Type("v1", "ServiceAccount"),
		ObjectMeta:                   c.ObjectMeta(SupavisorTenantJob, SupavisorTenantJob),
		AutomountServiceAccountToken: manifest.Ptr(false),
	})
	work := resource.MustParse("16Mi")
	res := manifest.LogOnlyResources("10m", "32Mi", "200m", "64Mi")
	lim := manifest.EphemeralLimit(work)
	res.EphemeralStorageLimit = lim.String()
	c.Add(manifest.StageWorkloads, &batchv1.Job{
		TypeMeta:   manifest.Type("batch/v1", "Job"),
		ObjectMeta: c.ObjectMeta(SupavisorTenantJob, SupavisorTenantJob),
		Spec: batchv1.JobSpec{
			// Retries cover the pooler still starting and the Secrets not
			// yet written.
			BackoffLimit:          manifest.Ptr(int32(10)),
			ActiveDeadlineSeconds: manifest.Ptr(int64(1800)),
			Template: corev1.PodTemplateSpec{
				ObjectMeta: metav1.ObjectMeta{Labels: manifest.Labels(SupavisorTenantJob)},
				Spec: corev1.PodSpec{
					RestartPolicy:                corev1.RestartPolicyNever,
					ServiceAccountName:           SupavisorTenantJob,
					AutomountServiceAccountToken: manifest.Ptr(false),
					SecurityContext:              manifest.PodSecurity(supavisorUID),
					Containers: []corev1.Container{{
						Name:            "tenant",
						Image:           manifest.ImageSupavisor,
						ImagePullPolicy: corev1.PullIfNotPresent,
						Command:         []string{"/bin/sh", "-c", TenantScript},
						Env: []corev1.EnvVar{
							manifest.Env("SUPAVISOR_API", c.ServiceURL(pooler.Service, pooler.APIPort, "")),
							manifest.Env("TENANT", c.W.Pooler.Tenant),
							manifest.Env("TENANT_BODY_FILE", tenantSecretDir+"/"+kubesecrets.KeyTenantBody),
							manifest.Env("API_JWT_SECRET_FILE", tenantSecretDir+"/"+kubesecrets.KeyAPIJWTSecret),
							manifest.Env("WORK_DIR", tenantWorkDir),
						},
						Resources: manifest.ResourceRequirements(res),
						VolumeMounts: []corev1.VolumeMount{
							{Name: "tenant", MountPath: tenantSecretDir, ReadOnly: true},
							{Name: "work", MountPath: tenantWorkDir},
						},
						SecurityContext: manifest.WithUID(supavisorUID),
					}},
					Volumes: []corev1.Volume{
						{Name: "tenant", VolumeSource: corev1.VolumeSource{Secret: &corev1.SecretVolumeSource{
							SecretName: kubesecrets.PoolerTenant, DefaultMode: manifest.Ptr(int32(0o440)),
						}}},
						{Name: "work", VolumeSource: corev1.VolumeSource{EmptyDir: &corev1.EmptyDirVolumeSource{SizeLimit: &work}}},
					},
				},
			},
		},
	})
}
