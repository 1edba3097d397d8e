package secretsflow

import (
	"net/url"
	"strings"
	"testing"

	"github.com/supabase-eks/supabase-eks/internal/artifacts"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/internal/ops/secretvalues"
)

func exampleOutputs(t *testing.T) *outputs.Outputs {
	t.Helper()
	o, err := outputs.Load("../../../examples/outputs/dev.json")
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func renderedDev(t *testing.T) ([]artifacts.Object, []artifacts.Workload, []artifacts.SecretRef) {
	t.Helper()
	objs, err := artifacts.ReadManifests("../../../dist/dev")
	if err != nil {
		t.Fatal(err)
	}
	ws, err := artifacts.Workloads(objs)
	if err != nil {
		t.Fatal(err)
	}
	return objs, ws, artifacts.SecretReads(ws)
}

func mustContain(t *testing.T, problems []string, want string) {
	t.Helper()
	if !strings.Contains(strings.Join(problems, "\n"), want) {
		t.Errorf("problems %q do not mention %q", problems, want)
	}
}

// remoteOf serves values by secret name, as the fake's AWSCURRENT would.
func remoteOf(t *testing.T, values map[string]map[string]string) Remote {
	t.Helper()
	return func(id string) (string, bool) {
		v, ok := values[id]
		if !ok {
			return "", false
		}
		s, err := secretvalues.Encode(v)
		if err != nil {
			t.Fatal(err)
		}
		return s, true
	}
}

// dbCase is one ExternalSecret producing a connection URL, with the value
// ESO would have written.
func dbCase(o *outputs.Outputs, password, urlValue string) (*State, Remote) {
	es := ExternalSecret{Namespace: "supabase", Name: "supabase-db", Target: "supabase-db",
		Data:     []RemoteRef{{SecretKey: "authenticator_password", Key: o.SecretNames[outputs.SecretDatabase], Property: "authenticator_password"}},
		Template: map[string]string{"rest-url": "postgres://authenticator:{{ .authenticator_password | urlquery }}@h/postgres", "authenticator-password": "{{ .authenticator_password }}"}}
	s := &State{ExternalSecrets: []ExternalSecret{es}, Secrets: map[string]map[string]string{
		"supabase/supabase-db": {"rest-url": urlValue, "authenticator-password": password},
	}}
	return s, func(id string) (string, bool) {
		if id != o.SecretNames[outputs.SecretDatabase] {
			return "", false
		}
		v, _ := secretvalues.Encode(map[string]string{"authenticator_password": password})
		return v, true
	}
}

func TestCheckValuesConnectionURL(t *testing.T) {
	o := exampleOutputs(t)
	pw := "p@ss/w:rd&x% +?#"
	base := "postgres://authenticator:%s@" + o.DBHost + ":5432/" + o.DBName + "?sslmode=require"
	encoded := strings.ReplaceAll(url.QueryEscape(pw), "+", "%20")

	s, remote := dbCase(o, pw, strings.Replace(base, "%s", encoded, 1))
	if p := CheckValues(s, remote, o); len(p) != 0 {
		t.Fatalf("a correctly encoded URL was rejected: %v", p)
	}
	// Unencoded: a driver cannot parse it.
	s, remote = dbCase(o, pw, strings.Replace(base, "%s", pw, 1))
	mustContain(t, CheckValues(s, remote, o), "does not survive the template")
	// Encoded as a query (space as "+"): parses, but to another password.
	s, remote = dbCase(o, pw, strings.Replace(base, "%s", url.QueryEscape(pw), 1))
	mustContain(t, CheckValues(s, remote, o), "password of authenticator does not survive the URL template")
	// Right password, wrong host / TLS.
	s, remote = dbCase(o, pw, strings.Replace(strings.Replace(base, "%s", encoded, 1), o.DBHost, "elsewhere", 1))
	mustContain(t, CheckValues(s, remote, o), `host "elsewhere"`)
	s, remote = dbCase(o, pw, strings.Replace(strings.Replace(base, "%s", encoded, 1), "sslmode=require", "sslmode=disable", 1))
	mustContain(t, CheckValues(s, remote, o), `sslmode "disable"`)
	// A plain copy that differs from Secrets Manager.
	s, remote = dbCase(o, pw, strings.Replace(base, "%s", encoded, 1))
	s.Secrets["supabase/supabase-db"]["authenticator-password"] = "stale"
	mustContain(t, CheckValues(s, remote, o), "[authenticator-password]")
	// A templated key no rule knows.
	s, remote = dbCase(o, pw, strings.Replace(base, "%s", encoded, 1))
	s.ExternalSecrets[0].Template["odd"] = "{{ .authenticator_password | b64enc }}"
	s.Secrets["supabase/supabase-db"]["odd"] = "x"
	mustContain(t, CheckValues(s, remote, o), "no check knows this templated key")
}

func TestCheckValuesKong(t *testing.T) {
	o := exampleOutputs(t)
	g := secretvalues.Generator{}
	jwtv, err := g.Generate(outputs.SecretJWT)
	if err != nil {
		t.Fatal(err)
	}
	dash := map[string]string{"username": "supabase", "password": `a"b: #c`}
	remote := remoteOf(t, map[string]map[string]string{o.SecretNames[outputs.SecretJWT]: jwtv, o.SecretNames[outputs.SecretDashboard]: dash})
	kong := func(anon, password string) *State {
		doc := "consumers:\n- username: anon\n  keyauth_credentials:\n  - key: " + anon +
			"\n- username: service_role\n  keyauth_credentials:\n  - key: " + jwtv["service_role_key"] +
			"\nbasicauth_credentials:\n- consumer: DASHBOARD\n  username: supabase\n  password: " + password + "\n"
		return &State{ExternalSecrets: []ExternalSecret{{Namespace: "supabase", Name: "supabase-kong", Target: "supabase-kong",
			Template: map[string]string{"kong.yml": "..."}}}, Secrets: map[string]map[string]string{"supabase/supabase-kong": {"kong.yml": doc}}}
	}
	if p := CheckValues(kong(jwtv["anon_key"], `"a\"b: #c"`), remote, o); len(p) != 0 {
		t.Fatalf("a correct kong.yml was rejected: %v", p)
	}
	mustContain(t, CheckValues(kong(jwtv["service_role_key"], `"a\"b: #c"`), remote, o), "consumer anon has no key-auth credential")
	// Unquoted, the password's ": " breaks the document.
	mustContain(t, CheckValues(kong(jwtv["anon_key"], `a"b: #c`), remote, o), "kong.yml is not valid YAML")
	// Unescaped, the quote ends the string early: another password.
	mustContain(t, CheckValues(kong(jwtv["anon_key"], `'a"b: '`), remote, o), "no basic-auth credential equals")
}

func TestCheckReferences(t *testing.T) {
	_, _, refs := renderedDev(t)
	if len(refs) < 20 {
		t.Fatalf("only %d secret references found in dist/dev", len(refs))
	}
	// Build the Secrets the references ask for, then break them one at a time.
	s := &State{Secrets: map[string]map[string]string{}}
	for _, r := range refs {
		id := r.Namespace + "/" + r.Secret
		if s.Secrets[id] == nil {
			s.Secrets[id] = map[string]string{}
		}
		s.Secrets[id][r.Key] = "v"
	}
	if p := CheckReferences(refs, s); len(p) != 0 {
		t.Fatalf("complete Secrets rejected: %v", p)
	}
	r := refs[0]
	if r.Key != "" {
		delete(s.Secrets[r.Namespace+"/"+r.Secret], r.Key)
		mustContain(t, CheckReferences(refs, s), "has no key \""+r.Key+"\"")
	}
	delete(s.Secrets, r.Namespace+"/"+r.Secret)
	s.ExternalSecrets = []ExternalSecret{{Namespace: r.Namespace, Name: "producer", Target: r.Secret}}
	mustContain(t, CheckReferences(refs, s), "ExternalSecret producer has not created it")
}

func TestReloadCoverage(t *testing.T) {
	_, ws, refs := renderedDev(t)
	s := &State{ExternalSecrets: []ExternalSecret{{Namespace: "supabase", Name: "supabase-db", Target: "supabase-db"}}}
	values := map[string]any{"reloader": map[string]any{"namespaceSelector": "kubernetes.io/metadata.name=supabase"}}
	if p := CheckReloadCoverage(ws, refs, s, values); len(p) != 0 {
		t.Fatalf("rendered dist/dev rejected: %v", p)
	}
	roll := WouldRoll(ws, refs, "supabase", "supabase-db")
	if len(roll) < 3 {
		t.Fatalf("Reloader would roll only %v on a database password change", roll)
	}
	// Drop the annotation from one reader: it must be reported.
	for i := range ws {
		if ws[i].ID() == roll[0] {
			ws[i].Annotations = map[string]string{}
		}
	}
	mustContain(t, CheckReloadCoverage(ws, refs, s, values), roll[0]+" reads Secret supabase/supabase-db but Reloader would not roll it")
	other := map[string]any{"reloader": map[string]any{"namespaceSelector": "kubernetes.io/metadata.name=elsewhere"}}
	mustContain(t, CheckReloadCoverage(ws, refs, s, other), "does not select namespace supabase")
}

func TestServiceAccountsAgainstTrust(t *testing.T) {
	o := exampleOutputs(t)
	o.RoleARNs = map[string]string{outputs.RoleExternalSecrets: "arn:aws:iam::" + o.AccountID + ":role/supabase-dev-external-secrets"}
	in, err := LoadInfra("testdata/stack.tf.json", o)
	if err != nil {
		t.Fatal(err)
	}
	eso := o.RoleARNs[outputs.RoleExternalSecrets]
	good := []ServiceAccount{{Namespace: "external-secrets", Name: "external-secrets", RoleARN: eso, Source: "values"}}
	if p := CheckServiceAccounts(good, in); len(p) != 0 {
		t.Fatalf("trusted service account rejected: %v", p)
	}
	wrongSA := []ServiceAccount{{Namespace: "supabase", Name: "storage", RoleARN: eso, Source: "values"}}
	mustContain(t, CheckServiceAccounts(wrongSA, in), "not system:serviceaccount:supabase:storage")
	noRole := []ServiceAccount{{Namespace: "x", Name: "y", RoleARN: "arn:aws:iam::1:role/nope", Source: "values"}}
	mustContain(t, CheckServiceAccounts(noRole, in), "does not define as an IRSA role")

	// The addon values in dist name the ESO service account the stack trusts.
	sas, err := AddonServiceAccounts("../../../dist/dev/addons")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, sa := range sas {
		found = found || sa.Namespace == "external-secrets" && sa.Name == "external-secrets" && sa.RoleARN == eso
	}
	if !found {
		t.Errorf("dist/dev add-on values do not annotate external-secrets/external-secrets with %s: %+v", eso, sas)
	}
}

func TestLoadInfra(t *testing.T) {
	o := exampleOutputs(t)
	o.RoleARNs = map[string]string{outputs.RoleExternalSecrets: "arn:aws:iam::" + o.AccountID + ":role/supabase-dev-external-secrets"}
	in, err := LoadInfra("testdata/stack.tf.json", o)
	if err != nil {
		t.Fatal(err)
	}
	if len(in.Roles) != 1 {
		t.Fatalf("roles %v: only the web-identity role counts", in.Roles)
	}
	role := in.Roles[o.RoleARNs[outputs.RoleExternalSecrets]]
	if role == nil || len(role.Trusts) != 1 || role.Trusts[0].Subject != "system:serviceaccount:external-secrets:external-secrets" || role.Trusts[0].Audience != "sts.amazonaws.com" {
		t.Fatalf("role %+v", role)
	}
	res := role.Policy[0].Resources
	if res[0] != o.SecretARNs[outputs.SecretDatabase] || res[1] != o.DBMasterSecretARN || !strings.HasPrefix(res[2], "${aws_kms_key") {
		t.Errorf("resources resolved to %v", res)
	}
	if got := in.RoleForServiceAccount("external-secrets", "external-secrets"); len(got) != 1 {
		t.Errorf("RoleForServiceAccount = %v", got)
	}

	// The outputs naming a role the stack does not define is an error.
	o.RoleARNs[outputs.RoleStorage] = "arn:aws:iam::" + o.AccountID + ":role/missing"
	if _, err := LoadInfra("testdata/stack.tf.json", o); err == nil || !strings.Contains(err.Error(), `role_arns["storage"]`) {
		t.Errorf("err = %v", err)
	}
}

func TestWebIdentityTrustNeedsSubAndAud(t *testing.T) {
	doc := `{"Statement":[{"Effect":"Allow","Principal":{"Federated":"${aws_iam_openid_connect_provider.x.arn}"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"${local.o}:aud":"sts.amazonaws.com"}}}]}`
	if _, err := webIdentityTrusts(doc); err == nil || !strings.Contains(err.Error(), "any service account could assume it") {
		t.Errorf("err = %v", err)
	}
}
