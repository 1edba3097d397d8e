package synth

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/names"
	"github.com/supabase-eks/supabase-eks/internal/contract/pooler"
	"github.com/supabase-eks/supabase-eks/internal/esotemplate"
	"github.com/supabase-eks/supabase-eks/k8s/components"
	"github.com/supabase-eks/supabase-eks/k8s/kubesecrets"
	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
)

// fakeSupavisor plays the two endpoints the tenant Job calls, checking the
// token the way Supavisor v2.7.4 does (HS256 with API_JWT_SECRET, exp in
// the future; lib/supavisor/jwt.ex, router.ex check_auth).
type fakeSupavisor struct {
	secret string
	status int
	mu     sync.Mutex
	bodies [][]byte
	auth   []string
}

func (f *fakeSupavisor) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.Method == http.MethodGet && r.URL.Path == "/api/health":
		w.WriteHeader(http.StatusNoContent)
	case r.Method == http.MethodPut && strings.HasPrefix(r.URL.Path, "/api/tenants/"):
		token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		claims := jwt.MapClaims{}
		if _, err := jwt.ParseWithClaims(token, claims, func(*jwt.Token) (any, error) { return []byte(f.secret), nil },
			jwt.WithValidMethods([]string{"HS256"}), jwt.WithExpirationRequired()); !ok || err != nil {
			http.Error(w, "", http.StatusForbidden)
			return
		}
		if exp, _ := claims.GetExpirationTime(); exp == nil || time.Until(exp.Time) > 10*time.Minute {
			http.Error(w, "token lives too long", http.StatusForbidden)
			return
		}
		body, _ := io.ReadAll(r.Body)
		f.mu.Lock()
		f.bodies = append(f.bodies, body)
		f.auth = append(f.auth, r.URL.Path+" "+r.Header.Get("Content-Type"))
		f.mu.Unlock()
		w.WriteHeader(f.status)
		_, _ = w.Write([]byte(`{"error":"as told"}`))
	default:
		http.NotFound(w, r)
	}
}

// TestTenantJobTalksToSupavisorsAPI runs the rendered tenant Job's script
// (the real shell, openssl and curl) against a fake Supavisor API, with the
// body rendered from the rendered ExternalSecret template by ESO's engine:
// the token verifies with the API secret, the body arrives byte for byte,
// passwords intact, and a refused PUT or a wrong secret fails the Job.
func TestTenantJobTalksToSupavisorsAPI(t *testing.T) {
	for _, tool := range []string{"sh", "openssl", "curl", "od"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed: the tenant script cannot run here", tool)
		}
	}
	r := envs["prod"]
	if r == nil || !r.env.Workloads.Pooler.Enabled {
		t.Fatal("prod is expected to render the pooler")
	}
	var job batchv1.Job
	r.find(t, "Job", components.SupavisorTenantJob).into(t, &job)
	ctr := job.Spec.Template.Spec.Containers[0]
	if ctr.Image != r.find(t, "Deployment", pooler.Service).podImage(t) {
		t.Errorf("the tenant Job runs %s, not the pooler's own image (its openssl and curl are what the script needs)", ctr.Image)
	}
	var es struct {
		vars map[string]string
		body string
	}
	es.vars = map[string]string{}
	for _, e := range externalSecrets(t, r) {
		if e.Spec.Target.Name != kubesecrets.PoolerTenant {
			continue
		}
		for _, d := range e.Spec.Data {
			// Realistic values, with the characters JSON must escape.
			es.vars[d.SecretKey] = d.SecretKey + `-Va1ue "quoted" back\slash /:@&%+ é`
		}
		text := e.Spec.Target.Template.Data[pooler.TenantBodyKey]
		got, err := esotemplate.Execute("tenant", text, es.vars)
		if err != nil {
			t.Fatal(err)
		}
		es.body = got
	}
	if es.body == "" {
		t.Fatalf("no ExternalSecret renders %s/%s", kubesecrets.PoolerTenant, pooler.TenantBodyKey)
	}
	secret := es.vars["api_jwt_secret"]

	run := func(t *testing.T, f *fakeSupavisor, fileSecret string) (string, error) {
		t.Helper()
		srv := httptest.NewServer(f)
		defer srv.Close()
		dir := t.TempDir()
		must := func(err error) {
			if err != nil {
				t.Fatal(err)
			}
		}
		must(os.WriteFile(filepath.Join(dir, "body"), []byte(es.body), 0o600))
		must(os.WriteFile(filepath.Join(dir, "secret"), []byte(fileSecret), 0o600))
		env := []string{"PATH=" + os.Getenv("PATH")}
		for _, e := range ctr.Env {
			v := e.Value
			switch e.Name {
			case "SUPAVISOR_API":
				v = srv.URL
			case "TENANT_BODY_FILE":
				v = filepath.Join(dir, "body")
			case "API_JWT_SECRET_FILE":
				v = filepath.Join(dir, "secret")
			case "WORK_DIR":
				v = dir
			}
			env = append(env, e.Name+"="+v)
		}
		cmd := exec.Command(ctr.Command[0], ctr.Command[1:]...)
		cmd.Env = env
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		return out.String(), err
	}

	t.Run("created", func(t *testing.T) {
		f := &fakeSupavisor{secret: secret, status: http.StatusCreated}
		out, err := run(t, f, secret)
		if err != nil {
			t.Fatalf("script failed: %v\n%s", err, out)
		}
		if len(f.bodies) != 1 || string(f.bodies[0]) != es.body {
			t.Fatalf("PUT bodies %q, want the rendered body once", f.bodies)
		}
		if want := "/api/tenants/" + r.env.Workloads.Pooler.Tenant + " application/json"; f.auth[0] != want {
			t.Errorf("PUT %q, want %q", f.auth[0], want)
		}
		var body struct {
			Tenant struct {
				RequireUser bool   `json:"require_user"`
				UpstreamSSL bool   `json:"upstream_ssl"`
				AuthQuery   string `json:"auth_query"`
				Users       []struct {
					DBUser     string `json:"db_user"`
					DBPassword string `json:"db_password"`
					ModeType   string `json:"mode_type"`
				} `json:"users"`
			} `json:"tenant"`
		}
		if err := json.Unmarshal(f.bodies[0], &body); err != nil {
			t.Fatal(err)
		}
		if !body.Tenant.RequireUser || !body.Tenant.UpstreamSSL || body.Tenant.AuthQuery != "" {
			t.Errorf("tenant: require_user %v upstream_ssl %v auth_query %q, want explicit users over TLS", body.Tenant.RequireUser, body.Tenant.UpstreamSSL, body.Tenant.AuthQuery)
		}
		var users []string
		for _, u := range body.Tenant.Users {
			users = append(users, u.DBUser)
			if u.ModeType != "transaction" || !strings.Contains(u.DBPassword, `"quoted" back\slash`) {
				t.Errorf("user %s: mode %q password %q", u.DBUser, u.ModeType, u.DBPassword)
			}
		}
		slices.Sort(users)
		if !slices.Equal(users, []string{"app_user", "supabase_storage_admin"}) {
			t.Errorf("tenant users %v", users)
		}
	})
	t.Run("updated", func(t *testing.T) {
		if out, err := run(t, &fakeSupavisor{secret: secret, status: http.StatusOK}, secret); err != nil {
			t.Fatalf("an update (200) must succeed: %v\n%s", err, out)
		}
	})
	t.Run("refused", func(t *testing.T) {
		out, err := run(t, &fakeSupavisor{secret: secret, status: http.StatusUnprocessableEntity}, secret)
		if err == nil || !strings.Contains(out, "HTTP 422") || !strings.Contains(out, "as told") {
			t.Errorf("a 422 must fail the Job and print the answer: %v\n%s", err, out)
		}
	})
	t.Run("wrong secret", func(t *testing.T) {
		f := &fakeSupavisor{secret: secret, status: http.StatusCreated}
		out, err := run(t, f, "another secret")
		if err == nil || !strings.Contains(out, "HTTP 403") || len(f.bodies) != 0 {
			t.Errorf("a token signed with another secret must be refused and fail the Job: %v\n%s", err, out)
		}
	})
}

// podImage is the first container's image of a Deployment.
func (o obj) podImage(t *testing.T) string {
	t.Helper()
	var d appsv1.Deployment
	o.into(t, &d)
	return d.Spec.Template.Spec.Containers[0].Image
}

// TestPoolerReachability: the pooler's client ports open to the namespaces
// and the load balancer the configuration names, and to nothing else;
// without the pooler nothing of it renders.
func TestPoolerReachability(t *testing.T) {
	env, err := config.Load("prod")
	if err != nil {
		t.Fatal(err)
	}
	env.Workloads.Pooler.ClientNamespaces = []string{"apps"}
	env.Workloads.Pooler.LoadBalancer = config.PoolerLoadBalancer{Enabled: true, SourceCIDRs: []string{"10.200.0.0/16"}}
	r, err := renderVariant(t, env)
	if err != nil {
		t.Fatal(err)
	}
	var svc corev1.Service
	r.find(t, "Service", components.PoolerLoadBalancerService).into(t, &svc)
	a := svc.Annotations
	// The controller's IAM policy (infra/identity) allows this name only.
	if got, want := a["service.beta.kubernetes.io/aws-load-balancer-name"], names.PoolerLoadBalancer(env.ResourcePrefix()); got != want {
		t.Errorf("NLB name %q, want %q", got, want)
	}
	if svc.Spec.Type != corev1.ServiceTypeLoadBalancer || a["service.beta.kubernetes.io/aws-load-balancer-scheme"] != "internal" ||
		a["service.beta.kubernetes.io/aws-load-balancer-nlb-target-type"] != "ip" || !slices.Equal(svc.Spec.LoadBalancerSourceRanges, []string{"10.200.0.0/16"}) {
		t.Errorf("NLB Service: type %s annotations %v sources %v", svc.Spec.Type, a, svc.Spec.LoadBalancerSourceRanges)
	}
	ps := readPolicies(t, r)
	sv := podRef{"supabase", map[string]string{"app.kubernetes.io/name": "supavisor", "app.kubernetes.io/instance": "supabase"}}
	apps := podRef{"apps", map[string]string{"app": "orders"}}
	other := podRef{"default", map[string]string{"app": "orders"}}
	nlb := firstHost(r.out.PrivateSubnetCIDRs[0])
	for _, c := range []struct {
		what string
		from *podRef
		addr string
		port int
		want bool
	}{
		{"apps namespace, transaction port", &apps, "", pooler.TransactionPort, true},
		{"apps namespace, session port", &apps, "", pooler.SessionPort, true},
		{"apps namespace, API", &apps, "", pooler.APIPort, false},
		{"another namespace", &other, "", pooler.TransactionPort, false},
		{"NLB, transaction port", nil, nlb, pooler.TransactionPort, true},
		{"NLB, health check", nil, nlb, pooler.APIPort, true},
		{"NLB, erlang distribution", nil, nlb, 4369, false},
		{"database subnet", nil, firstHost(r.out.DatabaseSubnetCIDRs[0]), pooler.TransactionPort, false},
	} {
		if got := ps.ingressAllowed(sv, c.from, c.addr, c.port); got != c.want {
			t.Errorf("%s -> supavisor:%d allowed %v, want %v", c.what, c.port, got, c.want)
		}
	}

	env.Workloads.Pooler.Enabled = false
	env.Workloads.Pooler.LoadBalancer = config.PoolerLoadBalancer{}
	if r, err = renderVariant(t, env); err != nil {
		t.Fatal(err)
	}
	for _, o := range r.objs {
		if strings.Contains(o.Name, pooler.Service) {
			t.Errorf("pooler off, yet %s/%s renders", o.Kind, o.Name)
		}
	}
}

// checkPoolerURLTemplate checks a URL template that targets the pooler and
// reports whether it was one: encoded password, the pooler's Service and
// transaction port, user <role>.<tenant>, plain TCP inside the cluster
// (the pooler's side to RDS is TLS).
func checkPoolerURLTemplate(t *testing.T, r *rendered, what, tmpl string) bool {
	t.Helper()
	if !strings.HasPrefix(tmpl, "postgres://") || !strings.Contains(tmpl, "@"+pooler.ServiceHost()+":") {
		return false
	}
	want := fmt.Sprintf("@%s:%d/%s?sslmode=disable", pooler.ServiceHost(), pooler.TransactionPort, r.out.DBName)
	if !strings.Contains(tmpl, "| urlquery") || !strings.HasSuffix(tmpl, want) || !strings.Contains(tmpl, "."+r.env.Workloads.Pooler.Tenant+":") {
		t.Errorf("%s: pooler URL must URL-encode the password, name the tenant and end in %s: %s", what, want, tmpl)
	}
	return true
}
