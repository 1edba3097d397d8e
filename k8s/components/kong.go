package components

import (
	"fmt"
	"strings"

	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/k8s/kubesecrets"
	"github.com/supabase-eks/supabase-eks/k8s/manifest"
	corev1 "k8s.io/api/core/v1"
	"sigs.k8s.io/yaml"
)

// Kong ports.
const (
	KongPort       = 8000
	KongStatusPort = 8100
)

// Draining Kong without dropping requests. The ALB sends to pod IPs (target
// type ip): a terminating pod keeps serving for KongPreStopSeconds while the
// controller deregisters it and the ALB stops routing new requests to it;
// the ALB gives in-flight requests KongDeregistrationSeconds; the pod's
// grace period covers both plus nginx's graceful shutdown.
const (
	KongPreStopSeconds        = 25
	KongDeregistrationSeconds = 30
	KongGracePeriodSeconds    = 60
)

// Kong config names: the declarative config is rendered by External Secrets
// into the Secret Kong mounts (why a template and not a ConfigMap or an
// entrypoint script: k8s/README.md, "Kong's keys").
const (
	KongSecret    = "supabase-kong"
	KongConfigKey = "kong.yml"
)

// kongPlugin is a plugin entry of the declarative config; Config is a typed
// struct per plugin so a misspelt field is a compile error here rather than
// a Kong that refuses its configuration at start.
type kongPlugin struct {
	Name   string `json:"name"`
	Config any    `json:"config,omitempty"`
}

// kongPrometheusConfig is the prometheus plugin's configuration (Kong 3.9
// schema: per_consumer, status_code_metrics, ai_metrics, latency_metrics,
// bandwidth_metrics, upstream_health_metrics; all default false).
type kongPrometheusConfig struct {
	StatusCodeMetrics     bool `json:"status_code_metrics"`
	LatencyMetrics        bool `json:"latency_metrics"`
	BandwidthMetrics      bool `json:"bandwidth_metrics"`
	UpstreamHealthMetrics bool `json:"upstream_health_metrics"`
	PerConsumer           bool `json:"per_consumer"`
	AIMetrics             bool `json:"ai_metrics"`
}

// The declarative config's services, one per route, and the plugin
// configurations the routes use (Kong 3.9 schemas), rendered like the
// global plugins: typed, so a misspelt field fails to compile instead of
// making Kong refuse the file at start.
type kongService struct {
	Name    string             `json:"name"`
	URL     string             `json:"url"`
	Routes  []kongServiceRoute `json:"routes"`
	Plugins []kongPlugin       `json:"plugins"`
}

type kongServiceRoute struct {
	Name      string   `json:"name"`
	StripPath bool     `json:"strip_path"`
	Paths     []string `json:"paths"`
	// Off for streamed routes: see kongRoute.stream.
	RequestBuffering  *bool `json:"request_buffering,omitempty"`
	ResponseBuffering *bool `json:"response_buffering,omitempty"`
}

type kongKeyAuth struct {
	HideCredentials bool `json:"hide_credentials"`
}

type kongACL struct {
	HideGroupsHeader bool     `json:"hide_groups_header"`
	Allow            []string `json:"allow"`
}

type kongBasicAuth struct {
	HideCredentials bool `json:"hide_credentials"`
}

type kongIPRestriction struct {
	Allow []string `json:"allow"`
}

// kongRequestTransformer runs replace before add: replace changes a header
// only when the request has it, add sets one only when it does not.
type kongRequestTransformer struct {
	Replace *kongTransform `json:"replace,omitempty"`
	Add     *kongTransform `json:"add,omitempty"`
}

type kongTransform struct {
	Headers     []string `json:"headers,omitempty"`
	Querystring []string `json:"querystring,omitempty"`
}

// keyMapping says how a route turns the opaque API keys into the JWTs the
// upstream verifies (Kong's request-transformer templates, which evaluate
// a Lua expression in Kong's sandbox: only headers, query_params and
// string methods are in reach there).
type keyMapping int

const (
	// mapNone: the route forwards what the client sent.
	mapNone keyMapping = iota
	// mapAuthorization: key-auth routes. Authorization is set, or replaced
	// when it carries an opaque key, with the JWT of the key's role; a
	// session JWT passes untouched; a legacy key without Authorization
	// becomes its bearer.
	mapAuthorization
	// mapBearer: Storage (no key-auth). Only an Authorization header
	// carrying an opaque key is replaced; a request without one is
	// forwarded as it came (public objects, presigned URLs, and S3
	// signatures, which are not bearer tokens).
	mapBearer
	// mapWebsocket: Realtime's socket takes the token from the apikey
	// query parameter (x-api-key header when absent), raw, without Bearer.
	mapWebsocket
)

// The Lua pieces of the mapping. opaqueKey is the key the client presented:
// the apikey header or query parameter, else the bearer itself.
const (
	luaOpaqueKey   = `(headers.apikey or query_params.apikey or (headers.authorization or ''):sub(8))`
	luaSessionAuth = `(headers.authorization ~= nil and headers.authorization:sub(1, 10) ~= 'Bearer sb_' and headers.authorization)`
	luaLegacyAuth  = `(headers.apikey and 'Bearer ' .. headers.apikey) or (query_params.apikey and 'Bearer ' .. query_params.apikey) or headers.authorization`
	luaSocketKey   = `(query_params.apikey or headers.apikey)`
)

// Placeholders the typed plugin configs carry, replaced after marshalling
// by the template variables kongKeyMappingVars defines: the expressions
// hold the keys, so they are built by the template, and emitted through
// toJson so that no key or quote can break the YAML around them.
var kongMappingPlaceholders = map[string]string{
	"KONG_MAPPED_AUTHORIZATION": "{{ $authorization | toJson }}",
	"KONG_MAPPED_SOCKET_QUERY":  "{{ $socketQuery | toJson }}",
	"KONG_MAPPED_SOCKET_HEADER": "{{ $socketHeader | toJson }}",
}

// kongKeyMappingVars is the head of the template: it renders nothing and
// defines the request-transformer values. For each API key slot holding a
// key it adds "(<key> == '<slot>' and '<JWT of its role>') or " to the
// expressions; an empty slot (a revoked key) adds nothing and matches
// nothing. The key and the JWT are pasted into a Lua string, so a slot is
// only used when both have the shape `secrets` writes. The JWT is the
// internal ES256 one, or the legacy key while GoTrue still signs with the
// legacy secret (verifiers may not have the asymmetric key yet).
func kongKeyMappingVars() string {
	var b strings.Builder
	b.WriteString(`{{- /* Kong's request-transformer values for the opaque API keys. */ -}}
{{- $legacy := eq .legacy_signing "true" -}}
{{- $anonJWT := ternary .anon_key .anon_jwt $legacy -}}
{{- $serviceRoleJWT := ternary .service_role_key .service_role_jwt $legacy -}}
{{- $bearer := "" -}}
{{- $raw := "" -}}
`)
	for _, s := range apiKeySlots() {
		key := "." + s.prop
		fmt.Fprintf(&b, `{{- if and (regexMatch "^sb_%s_[A-Za-z0-9]+$" %s) (regexMatch "^[A-Za-z0-9_.-]+$" %s) -}}
{{- $bearer = print $bearer "(%s == '" %s "' and 'Bearer " %s "') or " -}}
{{- $raw = print $raw "(%s == '" %s "' and '" %s "') or " -}}
{{- end -}}
`, s.typ, key, s.jwt, luaOpaqueKey, key, s.jwt, luaSocketKey, key, s.jwt)
	}
	fmt.Fprintf(&b, `{{- $authorization := print "Authorization:$(%s or " $bearer "%s)" -}}
{{- $socket := print "$(" $raw "%s)" -}}
{{- $socketQuery := print "apikey:" $socket -}}
{{- $socketHeader := print "x-api-key:" $socket -}}
`, luaSessionAuth, luaLegacyAuth, luaSocketKey)
	return b.String()
}

// apiKeySlot is one property of the api_keys secret with the consumer its
// keys authenticate as and the template variable of that role's JWT.
type apiKeySlot struct{ prop, typ, consumer, jwt string }

// apiKeySlots are the api_keys properties the outputs contract lists
// ("<type>_key_<n>"), in its order, each with its role.
func apiKeySlots() []apiKeySlot {
	roles := map[string]struct{ consumer, jwt string }{
		"publishable": {"anon", "$anonJWT"},
		"secret":      {"service_role", "$serviceRoleJWT"},
	}
	var out []apiKeySlot
	for _, prop := range outputs.SecretKeys[outputs.SecretAPIKeys] {
		typ, _, ok := strings.Cut(prop, "_key_")
		r, known := roles[typ]
		if !ok || !known {
			panic(fmt.Sprintf("api_keys property %q: not <publishable|secret>_key_<n>", prop))
		}
		out = append(out, apiKeySlot{prop: prop, typ: typ, consumer: r.consumer, jwt: r.jwt})
	}
	return out
}

// kongConsumerKeys is the template of a consumer's key-auth credentials:
// its legacy JWT, then each filled API key slot of its role.
func kongConsumerKeys(consumer, legacy string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "      - key: {{ .%s | toJson }}\n", legacy)
	for _, s := range apiKeySlots() {
		if s.consumer == consumer {
			fmt.Fprintf(&b, "{{- if .%s }}\n      - key: {{ .%s | toJson }}\n{{- end }}\n", s.prop, s.prop)
		}
	}
	return b.String()
}

// transformer returns the request-transformer configuration of a mapping
// plus the route's own added headers, or nil when there is nothing to do.
func (m keyMapping) transformer(addHeaders []string) *kongRequestTransformer {
	t := &kongRequestTransformer{}
	switch m {
	case mapAuthorization:
		t.Replace = &kongTransform{Headers: []string{"KONG_MAPPED_AUTHORIZATION"}}
		addHeaders = append(addHeaders, "KONG_MAPPED_AUTHORIZATION")
	case mapBearer:
		t.Replace = &kongTransform{Headers: []string{"KONG_MAPPED_AUTHORIZATION"}}
	case mapWebsocket:
		t.Replace = &kongTransform{Querystring: []string{"KONG_MAPPED_SOCKET_QUERY"}}
		addHeaders = append(addHeaders, "KONG_MAPPED_SOCKET_HEADER")
	}
	if len(addHeaders) > 0 {
		t.Add = &kongTransform{Headers: addHeaders}
	}
	if t.Replace == nil && t.Add == nil {
		return nil
	}
	return t
}

// kongServices turns the routes into services with their plugins: CORS on
// every route, then the route's authentication, then the key mapping.
func (c *Context) kongServices() []kongService {
	var out []kongService
	for _, r := range c.kongRoutes() {
		route := kongServiceRoute{Name: r.name, StripPath: true, Paths: []string{r.path}}
		if r.stream {
			off := false
			route.RequestBuffering, route.ResponseBuffering = &off, &off
		}
		plugins := []kongPlugin{{Name: "cors"}}
		switch r.auth {
		case "key":
			plugins = append(plugins, kongPlugin{Name: "key-auth", Config: kongKeyAuth{}},
				kongPlugin{Name: "acl", Config: kongACL{HideGroupsHeader: true, Allow: []string{"admin", "anon"}}})
		case "admin":
			plugins = append(plugins, kongPlugin{Name: "key-auth", Config: kongKeyAuth{}},
				kongPlugin{Name: "acl", Config: kongACL{HideGroupsHeader: true, Allow: []string{"admin"}}})
		case "basic":
			plugins = append(plugins, kongPlugin{Name: "basic-auth", Config: kongBasicAuth{HideCredentials: true}})
			// Studio only from the operators' networks: the client address is
			// the ALB's X-Forwarded-For, trusted from the VPC only
			// (KONG_TRUSTED_IPS).
			if cidrs := c.W.StudioAllowedCIDRs; len(cidrs) > 0 {
				plugins = append(plugins, kongPlugin{Name: "ip-restriction", Config: kongIPRestriction{Allow: cidrs}})
			}
		}
		if t := r.keys.transformer(r.addHeaders); t != nil {
			plugins = append(plugins, kongPlugin{Name: "request-transformer", Config: t})
		}
		out = append(out, kongService{Name: r.name, URL: r.upstream, Routes: []kongServiceRoute{route}, Plugins: plugins})
	}
	return out
}

// kongGlobalPlugins run on every request. The prometheus plugin serves
// /metrics on the status listener (KongStatusPort), never on the proxy.
var kongGlobalPlugins = []kongPlugin{{
	Name: "prometheus",
	Config: kongPrometheusConfig{
		// Request counts by service, route and status are what error-rate
		// alarms need; counters, cheap.
		StatusCodeMetrics: true,
		// Kong, upstream and total latency histograms per service and
		// route: a dozen routes keep the series count small.
		LatencyMetrics: true,
		// Ingress/egress byte counters, cheap.
		BandwidthMetrics: true,
		// Off: services point at Kubernetes Services through a plain url,
		// there are no Kong upstreams or health checks to report.
		UpstreamHealthMetrics: false,
		// Off: the consumers are only anon, service_role and the dashboard;
		// the route already says most of that, and the label multiplies
		// every request series.
		PerConsumer: false,
		// Off: no AI plugins.
		AIMetrics: false,
	},
}}

// kongPluginNames are the plugins Kong loads (KONG_PLUGINS): the ones the
// routes use and the global ones. Loading prometheus also mounts its
// /metrics route on the status API.
func (c *Context) kongPluginNames() string {
	names := []string{"request-transformer", "cors", "key-auth", "acl", "basic-auth"}
	if len(c.W.StudioAllowedCIDRs) > 0 {
		names = append(names, "ip-restriction")
	}
	for _, p := range kongGlobalPlugins {
		names = append(names, p.Name)
	}
	return strings.Join(names, ",")
}

type kongRoute struct {
	name, path, upstream string
	// auth: "" (CORS only), "key" (key-auth + ACL), "admin" (key-auth +
	// ACL admin only), "basic" (Studio's basic auth)
	auth string
	// keys is how the route maps opaque API keys to JWTs.
	keys keyMapping
	// addHeaders are set on the upstream request when absent.
	addHeaders []string
	// stream turns off Kong's request and response buffering: nginx would
	// otherwise spool every body past 8 KiB (uploads) and every slow
	// download into Kong's writable emptyDir, and a few concurrent
	// 500 MiB uploads exceed its size limit and get the pod evicted.
	stream bool
}

// kongRoutes are the routes of every enabled component, in Registry order.
// Kong's router picks the most specific path whatever the order.
func (c *Context) kongRoutes() []kongRoute {
	var routes []kongRoute
	for _, d := range Enabled(c.W) {
		if d.Routes != nil {
			routes = append(routes, d.Routes(c)...)
		}
	}
	return routes
}

func (c *Context) authRoutes() []kongRoute {
	auth := c.ServiceURL("auth", AuthPort, "")
	return []kongRoute{
		{name: "auth-v1-open", path: "/auth/v1/verify", upstream: auth + "/verify"},
		{name: "auth-v1-open-callback", path: "/auth/v1/callback", upstream: auth + "/callback"},
		{name: "auth-v1-open-authorize", path: "/auth/v1/authorize", upstream: auth + "/authorize"},
		// Public by design: the signing keys' public half (clients and
		// other services verify tokens with it), and the endpoints an
		// identity provider or OAuth client calls without an API key.
		// GoTrue builds the SAML URLs from API_EXTERNAL_URL + /sso/saml.
		{name: "auth-v1-open-jwks", path: "/auth/v1/.well-known/jwks.json", upstream: auth + "/.well-known/jwks.json"},
		{name: "auth-v1-open-sso-acs", path: "/sso/saml/acs", upstream: auth + "/sso/saml/acs"},
		{name: "auth-v1-open-sso-metadata", path: "/sso/saml/metadata", upstream: auth + "/sso/saml/metadata"},
		{name: "well-known-oauth", path: "/.well-known/oauth-authorization-server", upstream: auth + "/.well-known/oauth-authorization-server"},
		{name: "auth-v1", path: "/auth/v1/", upstream: auth + "/", auth: "key", keys: mapAuthorization},
	}
}

func (c *Context) restRoutes() []kongRoute {
	rest := c.ServiceURL("rest", RestPort, "")
	return []kongRoute{
		{name: "rest-v1", path: "/rest/v1/", upstream: rest + "/", auth: "key", keys: mapAuthorization},
		// pg_graphql's resolver lives in the graphql_public schema.
		{name: "graphql-v1", path: "/graphql/v1", upstream: rest + "/rpc/graphql", auth: "key", keys: mapAuthorization,
			addHeaders: []string{"Content-Profile: graphql_public"}},
	}
}

// realtimeRoutes go to the Service named after the tenant (see Realtime).
func (c *Context) realtimeRoutes() []kongRoute {
	rt := c.ServiceURL(c.W.RealtimeTenant, RealtimePort, "")
	return []kongRoute{
		{name: "realtime-v1-ws", path: "/realtime/v1/", upstream: rt + "/socket", auth: "key", keys: mapWebsocket},
		{name: "realtime-v1-rest", path: "/realtime/v1/api", upstream: rt + "/api", auth: "key", keys: mapAuthorization},
	}
}

func (c *Context) storageRoutes() []kongRoute {
	return []kongRoute{{name: "storage-v1", path: "/storage/v1/", upstream: c.ServiceURL("storage", StoragePort, "/"), stream: true, keys: mapBearer}}
}

func (c *Context) functionsRoutes() []kongRoute {
	// supabase-js calls functions with a new API key as apikey only (no
	// bearer): mapping it into Authorization gives a main service that
	// verifies JWTs what the legacy anon key used to give it. Without key-auth
	// an unknown key passes through as a bearer the main service refuses;
	// with no key and no Authorization, Kong renders an empty header.
	return []kongRoute{{name: "functions-v1", path: "/functions/v1/", upstream: c.ServiceURL("functions", FunctionsPort, "/"), keys: mapAuthorization}}
}

func (c *Context) metaRoutes() []kongRoute {
	return []kongRoute{{name: "meta", path: "/pg/", upstream: c.ServiceURL("meta", MetaPort, "/"), auth: "admin"}}
}

// studioRoutes: the dashboard answers every path no other route claims.
func (c *Context) studioRoutes() []kongRoute {
	return []kongRoute{{name: "dashboard", path: "/", upstream: c.ServiceURL("studio", StudioPort, "/"), auth: "basic"}}
}

// KongTemplate is the declarative configuration template (Kong 3.x format).
func (c *Context) KongTemplate() string {
	var b strings.Builder
	// The header must not contain template delimiters: External Secrets
	// parses the whole text, comments included.
	b.WriteString(kongKeyMappingVars())
	b.WriteString(`# Rendered by External Secrets into the Secret ` + KongSecret + `; the
# keys and credentials come from Secrets Manager and are never stored here.
`)
	b.WriteString(`_format_version: "3.0"
_transform: true

# Each API role accepts its legacy JWT and the opaque keys in its slots; an
# empty slot (a revoked key) is no credential at all.
consumers:
  - username: DASHBOARD
  - username: anon
    keyauth_credentials:
` + kongConsumerKeys("anon", "anon_key") + `  - username: service_role
    keyauth_credentials:
` + kongConsumerKeys("service_role", "service_role_key") + `
acls:
  - consumer: anon
    group: anon
  - consumer: service_role
    group: admin

basicauth_credentials:
  - consumer: DASHBOARD
    username: {{ .username | toJson }}
    password: {{ .password | toJson }}

`)
	// Global plugins (no service or route), rendered from the typed
	// structs; they hold no template placeholder.
	plugins, err := yaml.Marshal(map[string][]kongPlugin{"plugins": kongGlobalPlugins})
	if err != nil {
		panic(fmt.Sprintf("kong global plugins: %v", err))
	}
	b.Write(plugins)
	services, err := yaml.Marshal(map[string][]kongService{"services": c.kongServices()})
	if err != nil {
		panic(fmt.Sprintf("kong services: %v", err))
	}
	b.WriteString("\n")
	text := string(services)
	for placeholder, value := range kongMappingPlaceholders {
		text = strings.ReplaceAll(text, placeholder, value)
	}
	b.WriteString(text)
	return b.String()
}

var kongComponent = Descriptor{
	Name: "kong", Image: manifest.ImageKong, Port: KongPort, MetricsPort: KongStatusPort,
	// The ALB's health checks use the status listener.
	Public:     []int{KongPort, KongStatusPort},
	Autoscaled: true,
	Size:       func(w config.Workloads) config.Component { return w.Kong },
	Build:      (*Context).Kong,
}

// Kong is the API gateway in DB-less mode.
func (c *Context) Kong(d Descriptor) {
	// A changed template changes the ExternalSecret itself, so External
	// Secrets re-renders the Secret at once (not at the next refresh) and
	// Reloader rolls Kong, which references the Secret.
	c.AddSecret(manifest.SecretSpec{
		Name:      KongSecret,
		Refs:      append(kubesecrets.JWTRefs(c.Out), kubesecrets.DashboardRefs(c.Out)...),
		Templates: map[string]string{KongConfigKey: c.KongTemplate()},
	})
	c.Deploy(manifest.Workload{
		Name:  d.Name,
		Image: d.Image,
		UID:   1000,
		Env: []corev1.EnvVar{
			manifest.Env("KONG_DATABASE", "off"),
			manifest.Env("KONG_DECLARATIVE_CONFIG", "/kong/declarative/"+KongConfigKey),
			manifest.Env("KONG_PREFIX", "/kong_prefix"),
			manifest.Env("KONG_DNS_ORDER", "LAST,A,CNAME"),
			manifest.Env("KONG_PLUGINS", c.kongPluginNames()),
			manifest.Env("KONG_PROXY_LISTEN", fmt.Sprintf("0.0.0.0:%d", KongPort)),
			manifest.Env("KONG_ADMIN_LISTEN", "off"),
			manifest.Env("KONG_STATUS_LISTEN", fmt.Sprintf("0.0.0.0:%d", KongStatusPort)),
			manifest.Env("KONG_NGINX_WORKER_PROCESSES", fmt.Sprint(c.W.KongWorkerProcesses)),
			manifest.Env("KONG_NGINX_PROXY_PROXY_BUFFER_SIZE", "160k"),
			manifest.Env("KONG_NGINX_PROXY_PROXY_BUFFERS", "64 160k"),
			// The ALB forwards the client address in X-Forwarded-For; trust
			// it only from inside the VPC.
			manifest.Env("KONG_TRUSTED_IPS", c.Out.VpcCIDR),
			manifest.Env("KONG_REAL_IP_HEADER", "X-Forwarded-For"),
			manifest.Env("KONG_REAL_IP_RECURSIVE", "on"),
			manifest.Env("KONG_PROXY_ACCESS_LOG", "/dev/stdout"),
			manifest.Env("KONG_PROXY_ERROR_LOG", "/dev/stderr"),
			manifest.Env("KONG_ADMIN_ERROR_LOG", "/dev/stderr"),
		},
		Ports: []corev1.ContainerPort{manifest.Port("http", KongPort), manifest.Port("status", KongStatusPort)},
		// /status/ready: the declarative config is loaded and routes are
		// served; /status: the node answers at all (DB-less, it has no
		// dependency that could fail it).
		Readiness: manifest.HTTPProbe("/status/ready", KongStatusPort, 5, 3),
		Liveness:  manifest.HTTPProbe("/status", KongStatusPort, 10, 3),
		Startup:   manifest.HTTPProbe("/status", KongStatusPort, 2, 30),
		Volumes: []corev1.Volume{{Name: "declarative", VolumeSource: corev1.VolumeSource{Secret: &corev1.SecretVolumeSource{
			SecretName: KongSecret, DefaultMode: manifest.Ptr(int32(0o440)),
		}}}},
		Mounts:       []corev1.VolumeMount{{Name: "declarative", MountPath: "/kong/declarative", ReadOnly: true}},
		WritableDirs: []string{"/kong_prefix", "/tmp"},
		MetricsPort:  "status",
		PreStopSleep: KongPreStopSeconds,
		GracePeriod:  KongGracePeriodSeconds,
		Size:         d.Size(c.W),
	})
}
