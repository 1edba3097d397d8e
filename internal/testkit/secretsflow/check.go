package secretsflow

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"sigs.k8s.io/yaml"

	"github.com/supabase-eks/supabase-eks/internal/artifacts"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/internal/contract/pooler"
	"github.com/supabase-eks/supabase-eks/internal/ops/secretvalues"
	"github.com/supabase-eks/supabase-eks/internal/testkit/awsfake"
)

// Condition is a status condition of an ESO resource.
type Condition struct {
	Type, Status, Reason, Message string
}

// Store is a SecretStore or ClusterSecretStore as the cluster reports it.
type Store struct {
	Kind, Namespace, Name string
	Ready                 *Condition
	// ServiceAccount is the jwt auth service account, namespace/name.
	ServiceAccount string
}

// RemoteRef is one data entry of an ExternalSecret.
type RemoteRef struct {
	SecretKey, Key, Property string
}

// ExternalSecret is an ExternalSecret as the cluster reports it.
type ExternalSecret struct {
	Namespace, Name, Target string
	Ready                   *Condition
	Data                    []RemoteRef
	// Template is spec.target.template.data: Secret key -> template text.
	Template map[string]string
	// Annotations of the object (force-sync lives there).
	Annotations map[string]string
	// Events are the Warning events recorded against it (ESO puts the
	// useful reason there, not in the condition).
	Events []string
}

// State is what the checks read from the cluster.
type State struct {
	Stores          []Store
	ExternalSecrets []ExternalSecret
	// Secrets by namespace/name: key -> value.
	Secrets map[string]map[string]string
	// SecretVersions by namespace/name: resourceVersion.
	SecretVersions map[string]string
}

// Remote is the Secrets Manager side: secret name or ARN -> current value.
type Remote func(id string) (string, bool)

// CheckReady requires every store and ExternalSecret to be Ready.
func CheckReady(s *State) []string {
	var problems []string
	if len(s.Stores) == 0 {
		problems = append(problems, "no SecretStore or ClusterSecretStore in the cluster")
	}
	for _, st := range s.Stores {
		if st.Ready == nil || st.Ready.Status != "True" {
			problems = append(problems, fmt.Sprintf("%s %s not Ready: %s", st.Kind, qualified(st.Namespace, st.Name), describe(st.Ready, nil)))
		}
	}
	if len(s.ExternalSecrets) == 0 {
		problems = append(problems, "no ExternalSecret in the cluster")
	}
	for _, es := range s.ExternalSecrets {
		if es.Ready == nil || es.Ready.Status != "True" {
			problems = append(problems, fmt.Sprintf("ExternalSecret %s not Ready: %s", qualified(es.Namespace, es.Name), describe(es.Ready, es.Events)))
		}
	}
	return problems
}

func qualified(ns, name string) string {
	if ns == "" {
		return name
	}
	return ns + "/" + name
}

func describe(c *Condition, events []string) string {
	msg := "no Ready condition yet"
	if c != nil {
		msg = fmt.Sprintf("%s/%s %q", c.Status, c.Reason, c.Message)
	}
	if len(events) > 0 {
		msg += "; events: " + strings.Join(events, " | ")
	}
	return msg
}

// CheckReferences requires every Secret and key a workload reads to exist.
func CheckReferences(refs []artifacts.SecretRef, s *State) []string {
	producers := map[string]string{}
	for _, es := range s.ExternalSecrets {
		producers[es.Namespace+"/"+es.Target] = es.Name
	}
	var problems []string
	for _, r := range refs {
		if r.Optional {
			continue
		}
		id := r.Namespace + "/" + r.Secret
		data, ok := s.Secrets[id]
		if !ok {
			why := "no ExternalSecret produces it"
			if p := producers[id]; p != "" {
				why = "ExternalSecret " + p + " has not created it"
			}
			problems = append(problems, fmt.Sprintf("%s: Secret %s does not exist (%s)", r, id, why))
			continue
		}
		if r.Key == "" {
			if len(data) == 0 {
				problems = append(problems, fmt.Sprintf("%s: Secret %s is empty", r, id))
			}
			continue
		}
		if _, ok := data[r.Key]; !ok {
			problems = append(problems, fmt.Sprintf("%s: Secret %s has no key %q (keys: %s)", r, id, r.Key, strings.Join(slices.Sorted(maps.Keys(data)), ", ")))
		}
	}
	return problems
}

var bareRef = regexp.MustCompile(`^\{\{\s*\.([A-Za-z0-9_]+)\s*\}\}$`)

// CheckValues recomputes, from the remote values, what each key of every
// ExternalSecret's target Secret must hold, and compares byte for byte.
// Connection URLs are parsed the way drivers do (percent-decoding the
// userinfo), so a password that does not survive the template shows here.
// A templated key no rule understands is a failure: add a rule for it.
func CheckValues(s *State, remote Remote, o *outputs.Outputs) []string {
	var problems []string
	bad := func(es ExternalSecret, key, format string, args ...any) {
		problems = append(problems, fmt.Sprintf("Secret %s/%s[%s] (from ExternalSecret %s): %s",
			es.Namespace, es.Target, key, es.Name, fmt.Sprintf(format, args...)))
	}
	for _, es := range s.ExternalSecrets {
		data, ok := s.Secrets[es.Namespace+"/"+es.Target]
		if !ok {
			continue // CheckReady / CheckReferences report it
		}
		props := map[string]string{} // template variable -> remote value
		for _, d := range es.Data {
			raw, ok := remote(d.Key)
			if !ok {
				continue
			}
			v, err := secretvalues.Decode(raw)
			if err != nil {
				bad(es, d.SecretKey, "remote secret %s is not a JSON object: %v", d.Key, err)
				continue
			}
			props[d.SecretKey] = v[d.Property]
		}
		for _, key := range slices.Sorted(maps.Keys(es.Template)) {
			got, ok := data[key]
			if !ok {
				bad(es, key, "templated key missing from the Secret")
				continue
			}
			tmpl := es.Template[key]
			switch {
			case bareRef.MatchString(tmpl):
				want := props[bareRef.FindStringSubmatch(tmpl)[1]]
				if got != want {
					bad(es, key, "value differs from Secrets Manager (%d bytes, want %d)", len(got), len(want))
				}
			case strings.Contains(tmpl, "@"+pooler.ServiceHost()+":"):
				for _, p := range checkPoolerURL(got, remote, o) {
					bad(es, key, "%s", p)
				}
			case strings.HasPrefix(got, "postgres://") || strings.HasPrefix(got, "postgresql://") || strings.Contains(tmpl, "postgres://"):
				for _, p := range checkPostgresURL(got, remote, o) {
					bad(es, key, "%s", p)
				}
			case strings.HasPrefix(tmpl, "ecto://"):
				// Supavisor's metadata repository: Ecto's URL, TLS as ssl=true.
				for _, p := range checkPostgresURL(strings.Replace(strings.Replace(got, "ecto://", "postgres://", 1), "?ssl=true", "?sslmode=require", 1), remote, o) {
					bad(es, key, "%s", p)
				}
				if !strings.HasSuffix(got, "?ssl=true") {
					bad(es, key, "the metadata URL does not ask for TLS (?ssl=true)")
				}
			case key == pooler.TenantBodyKey:
				for _, p := range checkTenantBody(got, remote, o) {
					bad(es, key, "%s", p)
				}
			case key == "kong.yml":
				for _, p := range checkKongConfig(got, remote, o) {
					bad(es, key, "%s", p)
				}
			case key == "postgrest-jwks" || key == "jwt-keys":
				for _, p := range checkKeySet(key, got, props) {
					bad(es, key, "%s", p)
				}
			case key == "release-cookie":
				sum := sha256.Sum256([]byte("erlang-cookie:" + props["secret_key_base"]))
				if want := hex.EncodeToString(sum[:]); got != want {
					bad(es, key, "is not sha256(\"erlang-cookie:\" + secret_key_base)")
				}
			default:
				bad(es, key, "no check knows this templated key (template %q); add one to secretsflow.CheckValues", tmpl)
			}
		}
	}
	return problems
}

// checkPostgresURL parses a connection URL and checks each part against the
// outputs and the password Secrets Manager holds for that user.
func checkPostgresURL(raw string, remote Remote, o *outputs.Outputs) []string {
	u, err := url.Parse(raw)
	if err != nil {
		return []string{fmt.Sprintf("the connection URL does not survive the template: a driver cannot parse it (%v)", err)}
	}
	var problems []string
	if u.User == nil {
		return []string{"URL has no user"}
	}
	user := u.User.Username()
	pw, _ := u.User.Password()
	want, source := expectedPassword(user, remote, o)
	if source == "" {
		problems = append(problems, fmt.Sprintf("URL logs in as %q, a user no secret holds a password for", user))
	} else if pw != want {
		problems = append(problems, fmt.Sprintf("password of %s does not survive the URL template: a driver reads %q, %s holds %q",
			user, pw, source, want))
	}
	if h := u.Hostname(); h != o.DBHost {
		problems = append(problems, fmt.Sprintf("host %q, the outputs say %q", h, o.DBHost))
	}
	if p := u.Port(); p != strconv.Itoa(o.DBPort) {
		problems = append(problems, fmt.Sprintf("port %q, the outputs say %d", p, o.DBPort))
	}
	if db := strings.TrimPrefix(u.Path, "/"); db != o.DBName {
		problems = append(problems, fmt.Sprintf("database %q, the outputs say %q", db, o.DBName))
	}
	if mode := u.Query().Get("sslmode"); mode != "require" && mode != "verify-full" {
		problems = append(problems, fmt.Sprintf("sslmode %q: RDS forces TLS (want require or verify-full)", mode))
	}
	return problems
}

// checkPoolerURL checks a URL through the pooler: user <role>.<tenant>
// with the role's password, the pooler's Service and transaction port, the
// database of the outputs, plain TCP inside the cluster.
func checkPoolerURL(raw string, remote Remote, o *outputs.Outputs) []string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return []string{fmt.Sprintf("the pooler URL does not survive the template: a driver cannot parse it (%v)", err)}
	}
	var problems []string
	user := u.User.Username()
	i := strings.LastIndex(user, ".")
	if i <= 0 || i == len(user)-1 {
		return []string{fmt.Sprintf("user %q is not <role>.<tenant>", user)}
	}
	pw, _ := u.User.Password()
	if want, source := expectedPassword(user[:i], remote, o); source == "" {
		problems = append(problems, fmt.Sprintf("URL logs in as %q, a role no secret holds a password for", user[:i]))
	} else if pw != want {
		problems = append(problems, fmt.Sprintf("password of %s does not survive the URL template: a driver reads %q, %s holds %q", user, pw, source, want))
	}
	if u.Hostname() != pooler.ServiceHost() || u.Port() != strconv.Itoa(pooler.TransactionPort) {
		problems = append(problems, fmt.Sprintf("host %s, want %s:%d", u.Host, pooler.ServiceHost(), pooler.TransactionPort))
	}
	if db := strings.TrimPrefix(u.Path, "/"); db != o.DBName {
		problems = append(problems, fmt.Sprintf("database %q, the outputs say %q", db, o.DBName))
	}
	if mode := u.Query().Get("sslmode"); mode != "disable" {
		problems = append(problems, fmt.Sprintf("sslmode %q: the pooler's Service is plain TCP inside the cluster (want disable)", mode))
	}
	return problems
}

// checkTenantBody parses the pooler's tenant definition and checks every
// user's password against Secrets Manager and the upstream against the
// outputs.
func checkTenantBody(doc string, remote Remote, o *outputs.Outputs) []string {
	var body struct {
		Tenant struct {
			DBHost      string `json:"db_host"`
			DBPort      int    `json:"db_port"`
			DBDatabase  string `json:"db_database"`
			UpstreamSSL bool   `json:"upstream_ssl"`
			Users       []struct {
				DBUser     string `json:"db_user"`
				DBPassword string `json:"db_password"`
			} `json:"users"`
		} `json:"tenant"`
	}
	if err := json.Unmarshal([]byte(doc), &body); err != nil {
		return []string{fmt.Sprintf("the tenant body is not JSON after the template: %v", err)}
	}
	var problems []string
	tn := body.Tenant
	if tn.DBHost != o.DBHost || tn.DBPort != o.DBPort || tn.DBDatabase != o.DBName || !tn.UpstreamSSL {
		problems = append(problems, fmt.Sprintf("upstream %s:%d/%s (ssl %v), the outputs say %s:%d/%s over TLS", tn.DBHost, tn.DBPort, tn.DBDatabase, tn.UpstreamSSL, o.DBHost, o.DBPort, o.DBName))
	}
	if len(tn.Users) == 0 {
		problems = append(problems, "the tenant has no users")
	}
	for _, u := range tn.Users {
		if want, source := expectedPassword(u.DBUser, remote, o); source == "" {
			problems = append(problems, fmt.Sprintf("user %q: no secret holds its password", u.DBUser))
		} else if u.DBPassword != want {
			problems = append(problems, fmt.Sprintf("password of %s does not survive the JSON template: %q, %s holds %q", u.DBUser, u.DBPassword, source, want))
		}
	}
	return problems
}

// expectedPassword finds the password Secrets Manager holds for a database
// user: the RDS-managed secret for the master user, else the database
// secret's <user>_password key, else the pooler secret's (its two roles).
func expectedPassword(user string, remote Remote, o *outputs.Outputs) (string, string) {
	if user == o.DBMasterUsername {
		if raw, ok := remote(o.DBMasterSecretARN); ok {
			v, _ := secretvalues.Decode(raw)
			return v["password"], "the RDS master secret"
		}
		return "", ""
	}
	for _, logical := range []string{outputs.SecretDatabase, outputs.SecretPooler} {
		raw, ok := remote(o.SecretNames[logical])
		if !ok {
			continue
		}
		v, _ := secretvalues.Decode(raw)
		if pw, ok := v[user+"_password"]; ok {
			return pw, o.SecretNames[logical] + "." + user + "_password"
		}
	}
	return "", ""
}

// checkKeySet checks the key sets rendered from the signing_keys secret:
// PostgREST's JWKS is the legacy secret as an oct key (base64url of its
// bytes, no kid) followed by the public keys; GoTrue's array is the
// remote one, preceded by the legacy secret as the signing oct key while
// legacy_signing is true; exactly one of GoTrue's keys signs.
func checkKeySet(key, got string, props map[string]string) []string {
	oct := base64.RawURLEncoding.EncodeToString([]byte(props["jwt_secret"]))
	var problems []string
	var rest string
	switch key {
	case "postgrest-jwks":
		var set struct {
			Keys []json.RawMessage `json:"keys"`
		}
		if err := json.Unmarshal([]byte(got), &set); err != nil || len(set.Keys) == 0 {
			return []string{fmt.Sprintf("not a JWKS (PostgREST would take it for an HS256 secret): %v", err)}
		}
		problems = append(problems, checkOct(set.Keys[0], oct, false)...)
		b, _ := json.Marshal(map[string]any{"keys": set.Keys[1:]})
		rest = string(b)
		var want struct {
			Keys []json.RawMessage `json:"keys"`
		}
		_ = json.Unmarshal([]byte(props["jwks"]), &want)
		wb, _ := json.Marshal(map[string]any{"keys": want.Keys})
		if rest != string(wb) {
			problems = append(problems, "the keys after the oct key are not the remote jwks")
		}
	case "jwt-keys":
		var keys []json.RawMessage
		if err := json.Unmarshal([]byte(got), &keys); err != nil {
			return []string{fmt.Sprintf("not a JSON array (GoTrue would not start): %v", err)}
		}
		if props["legacy_signing"] == "true" {
			if len(keys) == 0 {
				return []string{"legacy signing, but no oct signing key"}
			}
			problems = append(problems, checkOct(keys[0], oct, true)...)
			keys = keys[1:]
		}
		b, _ := json.Marshal(keys)
		var want []json.RawMessage
		_ = json.Unmarshal([]byte(props["gotrue_keys"]), &want)
		wb, _ := json.Marshal(want)
		if string(b) != string(wb) {
			problems = append(problems, "the asymmetric keys are not the remote gotrue_keys")
		}
		signers := 0
		var all []struct {
			KeyOps []string `json:"key_ops"`
		}
		_ = json.Unmarshal([]byte(got), &all)
		for _, k := range all {
			if slices.Contains(k.KeyOps, "sign") {
				signers++
			}
		}
		if signers != 1 {
			problems = append(problems, fmt.Sprintf("%d signing keys: GoTrue starts only with exactly one", signers))
		}
	}
	return problems
}

func checkOct(raw json.RawMessage, k string, signs bool) []string {
	var oct struct {
		Kty, Alg, K, Kid string
		KeyOps           []string `json:"key_ops"`
	}
	if err := json.Unmarshal(raw, &oct); err != nil {
		return []string{"the first key is not a JWK"}
	}
	var problems []string
	if oct.Kty != "oct" || oct.Alg != "HS256" || oct.Kid != "" {
		problems = append(problems, fmt.Sprintf("the first key is kty %q alg %q kid %q, want the legacy secret as an HS256 oct key without kid", oct.Kty, oct.Alg, oct.Kid))
	}
	if oct.K != k {
		problems = append(problems, "the oct key is not base64url(jwt_secret): legacy tokens would not verify")
	}
	if signs != slices.Contains(oct.KeyOps, "sign") {
		problems = append(problems, fmt.Sprintf("the oct key's key_ops are %v", oct.KeyOps))
	}
	return problems
}

// checkKongConfig parses Kong's declarative configuration and checks the
// API-key consumers and the dashboard's basic-auth credential against the
// remote secrets.
func checkKongConfig(doc string, remote Remote, o *outputs.Outputs) []string {
	var cfg struct {
		Consumers []struct {
			Username           string `json:"username"`
			KeyauthCredentials []struct {
				Key string `json:"key"`
			} `json:"keyauth_credentials"`
		} `json:"consumers"`
		BasicauthCredentials []struct {
			Consumer, Username, Password string
		} `json:"basicauth_credentials"`
	}
	if err := yaml.Unmarshal([]byte(doc), &cfg); err != nil {
		return []string{fmt.Sprintf("kong.yml is not valid YAML: %v", err)}
	}
	get := func(logical string) map[string]string {
		raw, _ := remote(o.SecretNames[logical])
		v, _ := secretvalues.Decode(raw)
		return v
	}
	jwtv, dash := get(outputs.SecretJWT), get(outputs.SecretDashboard)
	var problems []string
	want := map[string]string{"anon": jwtv["anon_key"], "service_role": jwtv["service_role_key"]}
	for consumer, key := range want {
		found := false
		for _, c := range cfg.Consumers {
			if c.Username == consumer {
				for _, k := range c.KeyauthCredentials {
					found = found || k.Key == key
				}
			}
		}
		if !found || key == "" {
			problems = append(problems, fmt.Sprintf("consumer %s has no key-auth credential equal to the remote %s key", consumer, consumer))
		}
		if _, err := secretvalues.ParseKey(key, jwtv["jwt_secret"]); err != nil {
			problems = append(problems, fmt.Sprintf("the remote %s key is not a JWT signed with jwt_secret: %v", consumer, err))
		}
	}
	// Each opaque key in a slot is a credential of its role; an empty slot
	// (a revoked key) is none.
	api := get(outputs.SecretAPIKeys)
	for consumer, typ := range map[string]string{"anon": "publishable", "service_role": "secret"} {
		var creds []string
		for _, c := range cfg.Consumers {
			if c.Username == consumer {
				for _, k := range c.KeyauthCredentials {
					creds = append(creds, k.Key)
				}
			}
		}
		for _, slot := range []string{"1", "2"} {
			key := api[typ+"_key_"+slot]
			if key != "" && !slices.Contains(creds, key) {
				problems = append(problems, fmt.Sprintf("consumer %s lacks the remote %s_key_%s", consumer, typ, slot))
			}
		}
		if slices.Contains(creds, "") {
			problems = append(problems, fmt.Sprintf("consumer %s has an empty key-auth credential", consumer))
		}
	}
	ok := slices.ContainsFunc(cfg.BasicauthCredentials, func(b struct{ Consumer, Username, Password string }) bool {
		return b.Username == dash["username"] && b.Password == dash["password"]
	})
	if !ok {
		problems = append(problems, "no basic-auth credential equals the remote dashboard username and password")
	}
	return problems
}

// CheckServiceAccounts requires each annotated service account's role to
// exist in the stack and to trust exactly that service account.
func CheckServiceAccounts(sas []ServiceAccount, in *Infra) []string {
	var problems []string
	for _, sa := range sas {
		role := in.Roles[sa.RoleARN]
		id := "system:serviceaccount:" + sa.Namespace + ":" + sa.Name
		if role == nil {
			problems = append(problems, fmt.Sprintf("service account %s/%s (%s) is annotated with role %s, which the stack does not define as an IRSA role",
				sa.Namespace, sa.Name, sa.Source, sa.RoleARN))
			continue
		}
		if !slices.ContainsFunc(role.Trusts, func(t awsfake.Trust) bool { return t.Subject == id && t.Audience == "sts.amazonaws.com" }) {
			var subs []string
			for _, t := range role.Trusts {
				subs = append(subs, t.Subject)
			}
			problems = append(problems, fmt.Sprintf("service account %s/%s (%s) is annotated with role %s, whose trust policy admits %s, not %s",
				sa.Namespace, sa.Name, sa.Source, sa.RoleARN, strings.Join(subs, ", "), id))
		}
	}
	return problems
}

// The Stakater Reloader annotations that make a workload roll when a Secret
// changes.
const (
	reloadSecrets    = "secret.reloader.stakater.com/reload"
	reloadAuto       = "reloader.stakater.com/auto"
	reloadAutoSecret = "secret.reloader.stakater.com/auto"
)

// WouldRoll lists the long-running workloads Reloader rolls when the Secret
// namespace/name changes, from their annotations.
func WouldRoll(ws []artifacts.Workload, refs []artifacts.SecretRef, namespace, name string) []string {
	reads := Readers(refs, namespace, name)
	var out []string
	for _, w := range ws {
		if w.Namespace != namespace || !longRunning(w.Kind) {
			continue
		}
		listed := slices.Contains(splitList(w.Annotations[reloadSecrets]), name)
		auto := (w.Annotations[reloadAuto] == "true" || w.Annotations[reloadAutoSecret] == "true") && slices.Contains(reads, w.ID())
		if listed || auto {
			out = append(out, w.ID())
		}
	}
	sort.Strings(out)
	return out
}

// Readers lists, sorted, the long-running workloads that read the Secret
// namespace/name: the ones a rotation must roll.
func Readers(refs []artifacts.SecretRef, namespace, name string) []string {
	var out []string
	for _, r := range refs {
		if r.Namespace == namespace && r.Secret == name && longRunning(r.Kind) && !slices.Contains(out, r.Workload) {
			out = append(out, r.Workload)
		}
	}
	sort.Strings(out)
	return out
}

func longRunning(kind string) bool {
	return kind == "Deployment" || kind == "StatefulSet" || kind == "DaemonSet"
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// CheckReloadCoverage requires every long-running workload that reads a
// Secret produced by an ExternalSecret to be rolled by Reloader when it
// changes, and Reloader's values to watch the workloads' namespace.
func CheckReloadCoverage(ws []artifacts.Workload, refs []artifacts.SecretRef, s *State, reloaderValues map[string]any) []string {
	var problems []string
	targets := map[string]bool{}
	for _, es := range s.ExternalSecrets {
		targets[es.Namespace+"/"+es.Target] = true
	}
	seen := map[string]bool{}
	namespaces := map[string]bool{}
	for _, r := range refs {
		id := r.Namespace + "/" + r.Secret
		if !targets[id] || seen[r.Workload+"|"+id] || !longRunning(r.Kind) {
			continue
		}
		seen[r.Workload+"|"+id] = true
		namespaces[r.Namespace] = true
		if !slices.Contains(WouldRoll(ws, refs, r.Namespace, r.Secret), r.Workload) {
			problems = append(problems, fmt.Sprintf("%s reads Secret %s but Reloader would not roll it when the secret rotates (add it to %s)",
				r.Workload, id, reloadSecrets))
		}
	}
	rel, _ := reloaderValues["reloader"].(map[string]any)
	if rel == nil {
		return append(problems, "the Reloader add-on values have no `reloader` block")
	}
	if ignore, _ := rel["ignoreSecrets"].(bool); ignore {
		problems = append(problems, "Reloader is told to ignore Secrets")
	}
	if sel, _ := rel["namespaceSelector"].(string); sel != "" {
		for ns := range namespaces {
			if !slices.Contains(splitList(sel), "kubernetes.io/metadata.name="+ns) {
				problems = append(problems, fmt.Sprintf("Reloader's namespaceSelector %q does not select namespace %s", sel, ns))
			}
		}
	}
	return problems
}

// decodeState turns `kubectl get -o json` lists into a State.
func decodeState(stores, externalSecrets, secretList, events []byte) (*State, error) {
	type meta struct {
		Name, Namespace, ResourceVersion string
		Annotations                      map[string]string
	}
	type conds struct {
		Conditions []Condition
	}
	s := &State{Secrets: map[string]map[string]string{}, SecretVersions: map[string]string{}}
	var sl struct {
		Items []struct {
			Kind     string
			Metadata meta
			Spec     struct {
				Provider struct {
					AWS struct {
						Auth struct {
							JWT struct {
								ServiceAccountRef struct{ Name, Namespace string } `json:"serviceAccountRef"`
							} `json:"jwt"`
						}
					} `json:"aws"`
				}
			}
			Status conds
		}
	}
	if err := json.Unmarshal(stores, &sl); err != nil {
		return nil, fmt.Errorf("stores: %w", err)
	}
	for _, it := range sl.Items {
		ref := it.Spec.Provider.AWS.Auth.JWT.ServiceAccountRef
		ns := ref.Namespace
		if ns == "" {
			ns = it.Metadata.Namespace
		}
		st := Store{Kind: it.Kind, Namespace: it.Metadata.Namespace, Name: it.Metadata.Name, Ready: find(it.Status.Conditions)}
		if ref.Name != "" {
			st.ServiceAccount = ns + "/" + ref.Name
		}
		s.Stores = append(s.Stores, st)
	}
	var ev struct {
		Items []struct {
			Type, Reason, Message string
			LastTimestamp         string                                 `json:"lastTimestamp"`
			InvolvedObject        struct{ Kind, Name, Namespace string } `json:"involvedObject"`
		}
	}
	if err := json.Unmarshal(events, &ev); err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	// Newest first: the cause of a failure, not the start-up noise before the store was Ready.
	sort.SliceStable(ev.Items, func(i, j int) bool { return ev.Items[i].LastTimestamp > ev.Items[j].LastTimestamp })
	var el struct {
		Items []struct {
			Metadata meta
			Spec     struct {
				Data []struct {
					SecretKey string                         `json:"secretKey"`
					RemoteRef struct{ Key, Property string } `json:"remoteRef"`
				}
				Target struct {
					Name     string
					Template struct{ Data map[string]string }
				}
			}
			Status conds
		}
	}
	if err := json.Unmarshal(externalSecrets, &el); err != nil {
		return nil, fmt.Errorf("externalsecrets: %w", err)
	}
	for _, it := range el.Items {
		es := ExternalSecret{Namespace: it.Metadata.Namespace, Name: it.Metadata.Name, Target: it.Spec.Target.Name,
			Ready: find(it.Status.Conditions), Template: it.Spec.Target.Template.Data, Annotations: it.Metadata.Annotations}
		if es.Target == "" {
			es.Target = es.Name
		}
		for _, d := range it.Spec.Data {
			es.Data = append(es.Data, RemoteRef{SecretKey: d.SecretKey, Key: d.RemoteRef.Key, Property: d.RemoteRef.Property})
		}
		seen := map[string]bool{}
		for _, e := range ev.Items {
			msg := e.Reason + ": " + e.Message
			if e.Type == "Warning" && e.InvolvedObject.Kind == "ExternalSecret" && e.InvolvedObject.Name == es.Name &&
				e.InvolvedObject.Namespace == es.Namespace && !seen[msg] {
				seen[msg] = true
				es.Events = append(es.Events, msg)
			}
		}
		s.ExternalSecrets = append(s.ExternalSecrets, es)
	}
	var secl struct {
		Items []struct {
			Metadata meta
			Data     map[string][]byte
		}
	}
	if err := json.Unmarshal(secretList, &secl); err != nil {
		return nil, fmt.Errorf("secrets: %w", err)
	}
	for _, it := range secl.Items {
		m := map[string]string{}
		for k, v := range it.Data {
			m[k] = string(v)
		}
		id := it.Metadata.Namespace + "/" + it.Metadata.Name
		s.Secrets[id] = m
		s.SecretVersions[id] = it.Metadata.ResourceVersion
	}
	return s, nil
}

func find(cs []Condition) *Condition {
	for i := range cs {
		if cs[i].Type == "Ready" {
			return &cs[i]
		}
	}
	return nil
}
