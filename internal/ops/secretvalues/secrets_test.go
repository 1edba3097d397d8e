package secretvalues

import (
	"bytes"
	"context"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/internal/testkit/awsfake"
)

const fakeAccessKey = "AKIAFAKEOPS000000001"

// env is a fake Secrets Manager with the containers of the example dev
// outputs, and a real SDK client pointed at it.
type env struct {
	fake  *awsfake.SecretsManager
	store *SecretsManager
	out   *outputs.Outputs
}

func newEnv(t *testing.T) *env {
	t.Helper()
	o, err := outputs.Load("../../../examples/outputs/dev.json")
	if err != nil {
		t.Fatal(err)
	}
	fake := awsfake.New(o.Region, o.AccountID)
	for _, logical := range outputs.SecretOrder {
		// The infrastructure creates empty containers; the outputs carry their ARNs.
		o.SecretARNs[logical] = fake.AddContainer(o.SecretNames[logical])
	}
	srv := httptest.NewServer(fake)
	t.Cleanup(srv.Close)
	ctx := context.Background()
	store, err := NewSecretsManager(ctx, o.Region, srv.URL,
		awsconfig.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(fakeAccessKey, "fakeSecretKey", "")),
		// Keep the developer's own AWS profile out of the test.
		awsconfig.WithSharedConfigFiles([]string{}), awsconfig.WithSharedCredentialsFiles([]string{}),
		awsconfig.WithRetryMaxAttempts(1))
	if err != nil {
		t.Fatal(err)
	}
	return &env{fake: fake, store: store, out: o}
}

func (e *env) value(t *testing.T, logical string) map[string]string {
	t.Helper()
	s, ok := e.fake.Current(e.out.SecretNames[logical])
	if !ok {
		t.Fatalf("%s has no current value", logical)
	}
	v, err := Decode(s)
	if err != nil {
		t.Fatalf("%s: %v", logical, err)
	}
	return v
}

var alnum = regexp.MustCompile(`^[A-Za-z0-9]+$`)

func TestInitWritesEverySecretThroughTheSDK(t *testing.T) {
	e := newEnv(t)
	now := time.Now().UTC().Truncate(time.Second)
	var log bytes.Buffer
	res, err := Init(context.Background(), e.store, e.out, Generator{PoolerTenant: testTenant, Now: func() time.Time { return now }}, &log)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != len(outputs.SecretOrder) {
		t.Fatalf("results: %d, want %d", len(res), len(outputs.SecretOrder))
	}
	for _, r := range res {
		if r.Action != Written || r.VersionID == "" {
			t.Errorf("%s: action %s version %q, want written", r.Logical, r.Action, r.VersionID)
		}
	}
	// Every request was signed by the SDK with the static credentials for secretsmanager in the outputs' region.
	reqs := e.fake.Requests()
	if len(reqs) == 0 {
		t.Fatal("no requests reached the fake")
	}
	for _, r := range reqs {
		if r.AccessKeyID != fakeAccessKey || r.Service != "secretsmanager" || r.Region != "us-east-1" {
			t.Errorf("request %s not signed as expected: %+v", r.Op, r)
		}
	}
	if got := e.fake.Count("PutSecretValue"); got != len(outputs.SecretOrder) {
		t.Errorf("PutSecretValue calls: %d, want %d", got, len(outputs.SecretOrder))
	}
	// Exactly the contract's keys in every secret.
	for _, logical := range outputs.SecretOrder {
		if err := CheckKeys(logical, e.value(t, logical)); err != nil {
			t.Error(err)
		}
	}
	// No value leaks into the progress log.
	for _, logical := range outputs.SecretOrder {
		for k, v := range e.value(t, logical) {
			if k != "username" && len(v) >= 8 && strings.Contains(log.String(), v) {
				t.Errorf("log contains the value of %s.%s", logical, k)
			}
		}
	}

	jwtv := e.value(t, outputs.SecretJWT)
	if len(jwtv["jwt_secret"]) < 40 || !alnum.MatchString(jwtv["jwt_secret"]) {
		t.Errorf("jwt_secret: %d chars, alphanumeric=%v; want >= 40 alphanumeric", len(jwtv["jwt_secret"]), alnum.MatchString(jwtv["jwt_secret"]))
	}
	for key, role := range map[string]string{"anon_key": "anon", "service_role_key": "service_role"} {
		claims, err := ParseKey(jwtv[key], jwtv["jwt_secret"])
		if err != nil {
			t.Fatalf("%s does not verify with the generated secret: %v", key, err)
		}
		if claims["role"] != role || claims["iss"] != "supabase" {
			t.Errorf("%s claims: %v", key, claims)
		}
		iat, _ := claims.GetIssuedAt()
		exp, _ := claims.GetExpirationTime()
		if !iat.Time.Equal(now) || !exp.Time.Equal(now.Add(DefaultJWTExpiry)) {
			t.Errorf("%s: iat %v exp %v; want %v and +5y", key, iat, exp, now)
		}
		if _, err := ParseKey(jwtv[key], strings.Repeat("x", 64)); err == nil {
			t.Errorf("%s verifies with a different secret", key)
		}
	}

	db := e.value(t, outputs.SecretDatabase)
	seen := map[string]bool{}
	for k, v := range db {
		if len(v) != PasswordLen || !alnum.MatchString(v) {
			t.Errorf("database.%s: %d chars", k, len(v))
		}
		if seen[v] {
			t.Errorf("database.%s repeats another role's password", k)
		}
		seen[v] = true
	}
	rt := e.value(t, outputs.SecretRealtime)
	if len(rt["db_enc_key"]) != 16 || !alnum.MatchString(rt["db_enc_key"]) {
		t.Errorf("db_enc_key: %q has %d chars, want exactly 16", "<redacted>", len(rt["db_enc_key"]))
	}
	if len(rt["secret_key_base"]) < 64 {
		t.Errorf("secret_key_base: %d chars, want >= 64", len(rt["secret_key_base"]))
	}
	if m := e.value(t, outputs.SecretMeta); len(m["crypto_key"]) < 32 {
		t.Errorf("crypto_key: %d chars", len(m["crypto_key"]))
	}
	dash := e.value(t, outputs.SecretDashboard)
	if dash["username"] != DefaultDashboardUser || len(dash["password"]) != PasswordLen {
		t.Errorf("dashboard: user %q, password %d chars", dash["username"], len(dash["password"]))
	}
	smtp := e.value(t, outputs.SecretSMTP)
	for _, k := range []string{"host", "user", "password", "admin_email", "sender_name"} {
		if smtp[k] != "" {
			t.Errorf("smtp.%s = %q: SMTP must never be invented", k, smtp[k])
		}
	}
	if smtp["port"] != DefaultSMTPPort {
		t.Errorf("smtp.port = %q, want placeholder %s", smtp["port"], DefaultSMTPPort)
	}
}

func TestInitIsIdempotent(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	if _, err := Init(ctx, e.store, e.out, Generator{PoolerTenant: testTenant}, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	before := map[string]string{}
	for _, l := range outputs.SecretOrder {
		before[l], _ = e.fake.Current(e.out.SecretNames[l])
	}
	puts := e.fake.Count("PutSecretValue")
	res, err := Init(ctx, e.store, e.out, Generator{PoolerTenant: testTenant, SMTP: map[string]string{"host": "smtp.example.com"}}, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	if got := e.fake.Count("PutSecretValue"); got != puts {
		t.Fatalf("second init wrote %d times", got-puts)
	}
	for _, r := range res {
		if r.Action != Kept {
			t.Errorf("%s: %s, want kept", r.Logical, r.Action)
		}
	}
	for _, l := range outputs.SecretOrder {
		if now, _ := e.fake.Current(e.out.SecretNames[l]); now != before[l] {
			t.Errorf("%s changed on the second init", l)
		}
		if n := e.fake.Versions(e.out.SecretNames[l]); n != 1 {
			t.Errorf("%s has %d versions, want 1", l, n)
		}
	}
}

func TestInitKeepsExistingValueAndFillsEmptyOnes(t *testing.T) {
	e := newEnv(t)
	// An operator set the SMTP secret by hand before the first init; jwt
	// has a version whose string is empty.
	fake := awsfake.New(e.out.Region, e.out.AccountID)
	hand := `{"admin_email":"ops@example.com","host":"smtp.example.com","password":"p","port":"587","sender_name":"Ops","user":"u"}`
	for _, l := range outputs.SecretOrder {
		switch l {
		case outputs.SecretSMTP:
			e.out.SecretARNs[l] = fake.AddSecret(e.out.SecretNames[l], hand)
		case outputs.SecretJWT:
			e.out.SecretARNs[l] = fake.AddSecret(e.out.SecretNames[l], "")
		default:
			e.out.SecretARNs[l] = fake.AddContainer(e.out.SecretNames[l])
		}
	}
	srv := httptest.NewServer(fake)
	defer srv.Close()
	e.store.Client = clientFor(t, srv.URL)
	res, err := Init(context.Background(), e.store, e.out, Generator{PoolerTenant: testTenant}, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Action{}
	for _, r := range res {
		got[r.Logical] = r.Action
	}
	if got[outputs.SecretSMTP] != Kept || got[outputs.SecretJWT] != Written {
		t.Errorf("actions: %v; want smtp kept, empty jwt written", got)
	}
	if v, _ := fake.Current(e.out.SecretNames[outputs.SecretSMTP]); v != hand {
		t.Errorf("hand-set smtp overwritten: %s", v)
	}
}

func TestInitRefusesMissingContainersBeforeWriting(t *testing.T) {
	e := newEnv(t)
	e.out.SecretNames[outputs.SecretMeta] = "supabase-dev/not-created"
	_, err := Init(context.Background(), e.store, e.out, Generator{PoolerTenant: testTenant}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "supabase-dev/not-created") || !strings.Contains(err.Error(), "does not exist") {
		t.Fatalf("err = %v; want a missing-container error naming it", err)
	}
	if n := e.fake.Count("PutSecretValue"); n != 0 {
		t.Errorf("%d writes despite a missing container", n)
	}
}

func TestInitRefusesWrongAccount(t *testing.T) {
	e := newEnv(t)
	e.out.SecretARNs[outputs.SecretJWT] = "arn:aws:secretsmanager:us-east-1:444455556666:secret:supabase-dev/jwt-AbCdEf"
	_, err := Init(context.Background(), e.store, e.out, Generator{PoolerTenant: testTenant}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "444455556666") {
		t.Fatalf("err = %v; want an ARN mismatch", err)
	}
	if n := e.fake.Count("PutSecretValue"); n != 0 {
		t.Errorf("%d writes despite an ARN mismatch", n)
	}
}

func TestInitReportsInvalidExistingValue(t *testing.T) {
	e := newEnv(t)
	fake := awsfake.New(e.out.Region, e.out.AccountID)
	for _, l := range outputs.SecretOrder {
		e.out.SecretARNs[l] = fake.AddContainer(e.out.SecretNames[l])
	}
	e.out.SecretARNs[outputs.SecretMeta] = fake.AddSecret("supabase-dev/meta2", `{"wrong":"x"}`)
	e.out.SecretNames[outputs.SecretMeta] = "supabase-dev/meta2"
	srv := httptest.NewServer(fake)
	defer srv.Close()
	e.store.Client = clientFor(t, srv.URL)
	_, err := Init(context.Background(), e.store, e.out, Generator{PoolerTenant: testTenant}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "crypto_key") {
		t.Fatalf("err = %v; want the missing key named", err)
	}
	if v, _ := fake.Current("supabase-dev/meta2"); v != `{"wrong":"x"}` {
		t.Error("invalid value overwritten; Init must never overwrite")
	}
}

func TestRotateWritesNewVersion(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	if _, err := Init(ctx, e.store, e.out, Generator{PoolerTenant: testTenant}, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	old := e.value(t, outputs.SecretJWT)
	name := e.out.SecretNames[outputs.SecretJWT]
	vid, err := Rotate(ctx, e.store, e.out, outputs.SecretJWT, Generator{}, RotateOptions{}, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	if vid == "" || e.fake.Versions(name) != 2 {
		t.Fatalf("version %q, %d versions; want a second version", vid, e.fake.Versions(name))
	}
	nw := e.value(t, outputs.SecretJWT)
	if nw["jwt_secret"] == old["jwt_secret"] || nw["anon_key"] == old["anon_key"] {
		t.Fatal("rotation kept the old jwt secret or key")
	}
	// The new keys are signed with the new secret, not the old one.
	for _, k := range []string{"anon_key", "service_role_key"} {
		if _, err := ParseKey(nw[k], nw["jwt_secret"]); err != nil {
			t.Errorf("%s does not verify with the new secret: %v", k, err)
		}
		if _, err := ParseKey(nw[k], old["jwt_secret"]); err == nil {
			t.Errorf("%s still verifies with the old secret", k)
		}
	}
	// The previous version is still there as AWSPREVIOUS (rollback path).
	prev, err := e.store.Client.GetSecretValue(ctx, getPrevious(name))
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := Decode(aws.ToString(prev.SecretString)); v["jwt_secret"] != old["jwt_secret"] {
		t.Error("AWSPREVIOUS is not the old value")
	}
}

func TestRotateRealtimeKeepsEncryptionKeyByDefault(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	if _, err := Init(ctx, e.store, e.out, Generator{PoolerTenant: testTenant}, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	old := e.value(t, outputs.SecretRealtime)
	if _, err := Rotate(ctx, e.store, e.out, outputs.SecretRealtime, Generator{}, RotateOptions{}, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	mid := e.value(t, outputs.SecretRealtime)
	if mid["db_enc_key"] != old["db_enc_key"] || mid["secret_key_base"] == old["secret_key_base"] {
		t.Error("default realtime rotation must replace secret_key_base and keep db_enc_key")
	}
	if _, err := Rotate(ctx, e.store, e.out, outputs.SecretRealtime, Generator{}, RotateOptions{RealtimeDBEncKey: true}, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	if e.value(t, outputs.SecretRealtime)["db_enc_key"] == old["db_enc_key"] {
		t.Error("--rotate-db-enc-key did not replace db_enc_key")
	}
}

func TestRotateDashboardKeepsUserAndSMTPNeedsValues(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	if _, err := Init(ctx, e.store, e.out, Generator{PoolerTenant: testTenant, DashboardUser: "admin"}, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	old := e.value(t, outputs.SecretDashboard)
	if _, err := Rotate(ctx, e.store, e.out, outputs.SecretDashboard, Generator{}, RotateOptions{}, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	if nw := e.value(t, outputs.SecretDashboard); nw["username"] != "admin" || nw["password"] == old["password"] {
		t.Errorf("dashboard rotation: user %q (want admin), password changed=%v", nw["username"], nw["password"] != old["password"])
	}
	if _, err := Rotate(ctx, e.store, e.out, outputs.SecretSMTP, Generator{}, RotateOptions{}, &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "SMTP_HOST") {
		t.Errorf("smtp rotation without values: err = %v", err)
	}
	smtp := map[string]string{"host": "email-smtp.us-east-1.amazonaws.com", "port": "465", "user": "AKIAX", "password": "pw", "admin_email": "a@example.com", "sender_name": "Supa"}
	if _, err := Rotate(ctx, e.store, e.out, outputs.SecretSMTP, Generator{SMTP: smtp}, RotateOptions{}, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	if got := e.value(t, outputs.SecretSMTP); got["host"] != smtp["host"] || got["port"] != "465" {
		t.Errorf("smtp after rotation: %v", got)
	}
	if _, err := Rotate(ctx, e.store, e.out, "nope", Generator{}, RotateOptions{}, &bytes.Buffer{}); err == nil {
		t.Error("unknown secret accepted")
	}
}

func TestGeneratorUsesRandomness(t *testing.T) {
	// Two generations never coincide, and a failing entropy source is an error, not a weak secret.
	a, _ := Generator{}.Generate(outputs.SecretDatabase)
	b, _ := Generator{}.Generate(outputs.SecretDatabase)
	if a["authenticator_password"] == b["authenticator_password"] {
		t.Error("two generations gave the same password")
	}
	if _, err := (Generator{Rand: bytes.NewReader(nil)}).Generate(outputs.SecretMeta); err == nil {
		t.Error("empty entropy source accepted")
	}
}

func TestParseExpiry(t *testing.T) {
	for in, want := range map[string]time.Duration{"5y": 5 * 365 * 24 * time.Hour, "90d": 90 * 24 * time.Hour, "36h": 36 * time.Hour, "1y6m": 0} {
		got, err := ParseExpiry(in)
		if want == 0 {
			if err == nil {
				t.Errorf("%s accepted", in)
			}
			continue
		}
		if err != nil || got != want {
			t.Errorf("ParseExpiry(%s) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "0d", "-1y", "30y", "10m"} {
		if _, err := ParseExpiry(bad); err == nil {
			t.Errorf("ParseExpiry(%q) accepted", bad)
		}
	}
}

// testTenant is the pooler tenant the connection secret's user names carry.
const testTenant = "supabase"
