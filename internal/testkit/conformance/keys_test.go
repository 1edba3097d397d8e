package conformance

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/internal/ops/secretvalues"
	"github.com/supabase-eks/supabase-eks/internal/testkit/kongsim"
	"github.com/supabase-eks/supabase-eks/k8s/components"
)

// keysEnv is Secrets Manager as `secrets` leaves it, and dist/dev
// materialized from it whenever a test asks: every check reads the
// rendered settings, never the Go that wrote them.
type keysEnv struct {
	t     *testing.T
	out   *outputs.Outputs
	store *memoryStore
	g     secretvalues.Generator
}

func newKeysEnv(t *testing.T, seed map[string]map[string]string) *keysEnv {
	t.Helper()
	out, err := outputs.Load(*outputsFile)
	if err != nil {
		t.Fatal(err)
	}
	env, err := config.Load(out.Environment)
	if err != nil {
		t.Fatal(err)
	}
	e := &keysEnv{t: t, out: out, store: &memoryStore{values: map[string]string{}, arns: map[string]string{}},
		g: secretvalues.Generator{PoolerTenant: env.Workloads.Pooler.Tenant}}
	for logical, name := range out.SecretNames {
		e.store.arns[name] = out.SecretARNs[logical]
	}
	for logical, v := range seed {
		e.put(logical, v)
	}
	if _, err := secretvalues.Init(context.Background(), e.store, out, e.g, io.Discard); err != nil {
		t.Fatal(err)
	}
	e.store.values[out.DBMasterSecretARN] = `{"username":"postgres","password":"x"}`
	return e
}

func (e *keysEnv) get(logical string) map[string]string {
	e.t.Helper()
	v, err := secretvalues.Decode(e.store.values[e.out.SecretNames[logical]])
	if err != nil {
		e.t.Fatal(err)
	}
	return v
}

func (e *keysEnv) put(logical string, v map[string]string) {
	e.t.Helper()
	body, err := secretvalues.Encode(v)
	if err != nil {
		e.t.Fatal(err)
	}
	e.store.values[e.out.SecretNames[logical]] = body
}

func (e *keysEnv) state() secretvalues.SigningState {
	e.t.Helper()
	s, err := secretvalues.ParseSigningState(e.get(outputs.SecretSigningKeys))
	if err != nil {
		e.t.Fatal(err)
	}
	return s
}

// step runs a rotation step the way `secrets rotate signing-key` writes it.
func (e *keysEnv) step(step string, now time.Time, force bool) error {
	e.t.Helper()
	next, changed, err := e.g.Apply(e.state(), step, now, keyTiming, force)
	if err != nil || !changed {
		return err
	}
	return e.write(next)
}

func (e *keysEnv) write(s secretvalues.SigningState) error {
	v, err := e.g.SigningValues(s)
	if err != nil {
		return err
	}
	e.put(outputs.SecretSigningKeys, v)
	return nil
}

// verifiers is every component that checks tokens, as rendered.
type verifiers struct {
	gotrue                                   *GoTrue
	rest, realtimeJWKS, realtimeSecret       string
	storageJWKS, storageSecret, functionJWKS string
	kong                                     *kongsim.Config
}

func (e *keysEnv) render() verifiers {
	e.t.Helper()
	r, err := LoadRendered(*distDir, e.store.remote)
	if err != nil {
		e.t.Fatal(err)
	}
	ctr := func(id, name string) *Container {
		c, err := r.Container(id, name)
		if err != nil {
			e.t.Fatal(err)
		}
		return c
	}
	env := func(c *Container, name string) string {
		v, ok := c.Get(name)
		if !ok {
			e.t.Fatalf("%s: %s is not set", c.Workload, name)
		}
		return v
	}
	var v verifiers
	if v.gotrue, err = NewGoTrue(ctr("deployment/auth", "auth")); err != nil {
		e.t.Fatal(err)
	}
	v.rest = env(ctr("deployment/rest", "rest"), "PGRST_JWT_SECRET")
	rt := ctr("deployment/realtime", "realtime")
	v.realtimeJWKS, v.realtimeSecret = env(rt, "API_JWT_JWKS"), env(rt, "API_JWT_SECRET")
	st := ctr("deployment/storage", "storage")
	v.storageJWKS, v.storageSecret = env(st, "JWT_JWKS"), env(st, "AUTH_JWT_SECRET")
	if v.kong, err = kongsim.Parse(r.Secrets[components.KongSecret][components.KongConfigKey]); err != nil {
		e.t.Fatal(err)
	}
	return v
}

// verify reports which verifiers accept token, with the role they see.
func (v verifiers) verify(token string) map[string]error {
	roleOf := func(c map[string]any, err error) error {
		if err == nil && c["role"] == nil {
			return errors.New("no role claim")
		}
		return err
	}
	res := map[string]error{}
	c, err := v.gotrue.Verify(token)
	res["auth"] = roleOf(c, err)
	c, err = VerifyPostgREST(token, v.rest)
	res["rest"] = roleOf(c, err)
	c, err = VerifyWithJWKSAndSecret(token, v.realtimeJWKS, v.realtimeSecret)
	res["realtime"] = roleOf(c, err)
	c, err = VerifyWithJWKSAndSecret(token, v.storageJWKS, v.storageSecret)
	res["storage"] = roleOf(c, err)
	return res
}

func (v verifiers) mustAccept(t *testing.T, what, token string) {
	t.Helper()
	for name, err := range v.verify(token) {
		if err != nil {
			t.Errorf("%s: %s rejects it: %v", what, name, err)
		}
	}
}

func (v verifiers) mustReject(t *testing.T, what, token string) {
	t.Helper()
	for name, err := range v.verify(token) {
		if err == nil {
			t.Errorf("%s: %s still accepts it", what, name)
		}
	}
}

func (v verifiers) sign(t *testing.T) string {
	t.Helper()
	tok, err := v.gotrue.Sign(userA, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

var keyTiming = secretvalues.Timing{CacheWait: secretvalues.DefaultCacheWait, TokenLifetime: time.Hour, Margin: secretvalues.DefaultRetireMargin}

// TestSigningKeyRotationKeepsSessions is the property a rotation must
// have: a token issued before it verifies everywhere at every stage until
// the previous key is retired, tokens issued after promotion carry the new
// kid, and a retired or revoked key no longer verifies anywhere. Every
// stage is checked on dist/dev materialized from the written secrets.
func TestSigningKeyRotationKeepsSessions(t *testing.T) {
	e := newKeysEnv(t, nil)
	start := time.Now()
	v := e.render()
	jwtv := e.get(outputs.SecretJWT)
	first, _ := e.state().Signing()
	before := v.sign(t)
	if KidOf(before) != first.KID() {
		t.Fatalf("GoTrue signs with kid %q, want the signing key %s", KidOf(before), first.KID())
	}
	v.mustAccept(t, "steady: a session", before)
	v.mustAccept(t, "steady: the legacy anon key", jwtv["anon_key"])
	v.mustAccept(t, "steady: the legacy service_role key", jwtv["service_role_key"])

	if err := e.step(secretvalues.StepStandby, start, false); err != nil {
		t.Fatal(err)
	}
	v = e.render()
	v.mustAccept(t, "standby: the session from before", before)
	if kid := KidOf(v.sign(t)); kid != first.KID() {
		t.Errorf("standby: GoTrue signs with %q; the standby key must not sign yet", kid)
	}

	if err := e.step(secretvalues.StepPromote, start.Add(5*time.Minute), false); !errors.Is(err, secretvalues.ErrTooEarly) {
		t.Errorf("promote 5 minutes after standby: %v, want too early (JWKS caches)", err)
	}
	promoted := start.Add(secretvalues.DefaultCacheWait)
	if err := e.step(secretvalues.StepPromote, promoted, false); err != nil {
		t.Fatal(err)
	}
	next, _ := e.state().Signing()
	v = e.render()
	after := v.sign(t)
	if KidOf(after) != next.KID() || next.KID() == first.KID() {
		t.Errorf("promoted: new tokens carry kid %q, want the new key %s", KidOf(after), next.KID())
	}
	v.mustAccept(t, "promoted: the session from before", before)
	v.mustAccept(t, "promoted: a new session", after)
	v.mustAccept(t, "promoted: the legacy anon key", jwtv["anon_key"])
	if sk := e.get(outputs.SecretSigningKeys); KidOf(sk["service_role_jwt"]) != next.KID() {
		t.Errorf("promoted: Kong's internal service_role JWT is signed by %q, want the new key (it must outlive the previous one)", KidOf(sk["service_role_jwt"]))
	}

	if err := e.step(secretvalues.StepRetire, promoted.Add(time.Hour), false); !errors.Is(err, secretvalues.ErrTooEarly) {
		t.Errorf("retire one token lifetime after promotion: %v, want too early (margin)", err)
	}
	if err := e.step(secretvalues.StepRetire, promoted.Add(time.Hour+secretvalues.DefaultRetireMargin), false); err != nil {
		t.Fatal(err)
	}
	v = e.render()
	v.mustReject(t, "retired: a token of the retired key", before)
	v.mustAccept(t, "retired: a session of the current key", after)
	v.mustAccept(t, "retired: the legacy anon key", jwtv["anon_key"])

	// Every step again is a no-op: a failed roll is retried by asking again.
	for _, step := range []string{secretvalues.StepPromote, secretvalues.StepRetire} {
		if _, changed, err := e.g.Apply(e.state(), step, time.Now(), keyTiming, false); err != nil || changed {
			t.Errorf("%s again: changed %v, %v; want nothing to do", step, changed, err)
		}
	}

	revoked, err := e.g.Revoke(e.state(), next.KID(), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := e.write(revoked); err != nil {
		t.Fatal(err)
	}
	v = e.render()
	v.mustReject(t, "revoked: a token of the revoked key", after)
	if kid := KidOf(v.sign(t)); kid == "" || kid == next.KID() {
		t.Errorf("revoked: GoTrue signs with %q, want a fresh key", kid)
	}
	v.mustAccept(t, "revoked: a new session", v.sign(t))
}

// TestSigningKeysOnAnExistingEnvironment: an environment whose legacy
// secret already signs sessions gets its first key in standby. GoTrue
// keeps issuing HS256 tokens (kid-less, under the legacy secret) that
// every verifier accepts, Kong keeps forwarding the legacy keys for the
// opaque ones, and after promotion the old sessions still verify.
func TestSigningKeysOnAnExistingEnvironment(t *testing.T) {
	legacy, err := secretvalues.Generator{}.Generate(outputs.SecretJWT)
	if err != nil {
		t.Fatal(err)
	}
	e := newKeysEnv(t, map[string]map[string]string{outputs.SecretJWT: legacy})
	if stage, _ := e.state().Stage(); stage != secretvalues.StageLegacy {
		t.Fatalf("first signing key on an existing environment: stage %s, want %s", stage, secretvalues.StageLegacy)
	}
	v := e.render()
	old := v.sign(t)
	if KidOf(old) != "" {
		t.Errorf("legacy stage: GoTrue signs with kid %q; it must sign as before (HS256, no kid)", KidOf(old))
	}
	v.mustAccept(t, "legacy: a session", old)
	api := e.get(outputs.SecretAPIKeys)
	res, err := v.kong.Do(kongsim.Request{Path: "/rest/v1/notes", Headers: map[string]string{"apikey": api["publishable_key_1"], "Authorization": "Bearer " + api["publishable_key_1"]}})
	if err != nil || res.Status != 0 || res.Headers["authorization"] != "Bearer "+legacy["anon_key"] {
		t.Errorf("legacy: Kong forwards %q (%d %s, %v) for the publishable key, want the legacy anon key", res.Headers["authorization"], res.Status, res.Message, err)
	}

	if err := e.step(secretvalues.StepPromote, time.Now().Add(secretvalues.DefaultCacheWait), false); err != nil {
		t.Fatal(err)
	}
	v = e.render()
	v.mustAccept(t, "promoted: the legacy session", old)
	v.mustAccept(t, "promoted: a new session", v.sign(t))
	if KidOf(v.sign(t)) == "" {
		t.Error("promoted: GoTrue still signs without kid")
	}
}

// TestAPIKeysThroughRenderedKong sends requests through the rendered
// declarative config (key-auth, acl, request-transformer with its Lua
// templates) and verifies what reaches PostgREST with PostgREST's rendered
// JWKS. A secret key is rotated and revoked; the revoked key gets 401 from
// Kong while its successor and the publishable key keep working.
func TestAPIKeysThroughRenderedKong(t *testing.T) {
	e := newKeysEnv(t, nil)
	v := e.render()
	api, jwtv := e.get(outputs.SecretAPIKeys), e.get(outputs.SecretJWT)
	session := v.sign(t)

	type tc struct {
		name    string
		req     kongsim.Request
		status  int
		role    string // role PostgREST sees; "" when the request is refused
		forward string // exact Authorization forwarded, when it must be untouched
	}
	rest := func(name string, h map[string]string, q map[string]string, status int, role string) tc {
		return tc{name: name, req: kongsim.Request{Path: "/rest/v1/notes", Headers: h, Query: q}, status: status, role: role}
	}
	check := func(t *testing.T, v verifiers, c tc) {
		t.Helper()
		res, err := v.kong.Do(c.req)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if res.Status != c.status {
			t.Fatalf("%s: Kong answers %d %s, want %d", c.name, res.Status, res.Message, c.status)
		}
		if c.status != 0 {
			return
		}
		auth := res.Headers["authorization"]
		if c.forward != "" && auth != c.forward {
			t.Errorf("%s: forwarded Authorization %q, want it untouched", c.name, auth)
		}
		if len(auth) < 8 || auth[:7] != "Bearer " {
			t.Fatalf("%s: forwarded Authorization %q is not a bearer token", c.name, auth)
		}
		claims, err := VerifyPostgREST(auth[7:], v.rest)
		if err != nil {
			t.Fatalf("%s: PostgREST rejects the forwarded token: %v", c.name, err)
		}
		if claims["role"] != c.role {
			t.Errorf("%s: PostgREST sees role %v, want %s", c.name, claims["role"], c.role)
		}
	}
	pk, sk := api["publishable_key_1"], api["secret_key_1"]
	cases := []tc{
		// supabase-js without a session sends the key as apikey and bearer.
		rest("publishable key as apikey and bearer", map[string]string{"apikey": pk, "Authorization": "Bearer " + pk}, nil, 0, "anon"),
		rest("publishable key, no Authorization", map[string]string{"apikey": pk}, nil, 0, "anon"),
		rest("secret key", map[string]string{"apikey": sk, "Authorization": "Bearer " + sk}, nil, 0, "service_role"),
		rest("secret key in the query string", nil, map[string]string{"apikey": sk}, 0, "service_role"),
		rest("legacy anon key", map[string]string{"apikey": jwtv["anon_key"], "Authorization": "Bearer " + jwtv["anon_key"]}, nil, 0, "anon"),
		rest("legacy service_role key without Authorization", map[string]string{"apikey": jwtv["service_role_key"]}, nil, 0, "service_role"),
		rest("unknown opaque key", map[string]string{"apikey": "sb_secret_" + strconv.Itoa(12345678)}, nil, http.StatusUnauthorized, ""),
		rest("no key", map[string]string{"Authorization": "Bearer " + session}, nil, http.StatusUnauthorized, ""),
		{name: "storage: bearer publishable key", req: kongsim.Request{Path: "/storage/v1/object/list/b", Headers: map[string]string{"apikey": pk, "Authorization": "Bearer " + pk}}, role: "anon"},
		{name: "admin route refuses the publishable key", req: kongsim.Request{Path: "/pg/tables", Headers: map[string]string{"apikey": pk}}, status: http.StatusForbidden},
	}
	withSession := rest("publishable key with a user session", map[string]string{"apikey": pk, "Authorization": "Bearer " + session}, nil, 0, "authenticated")
	withSession.forward = "Bearer " + session
	cases = append(cases, withSession)
	for _, c := range cases {
		check(t, v, c)
	}

	t.Run("realtime socket gets the JWT in apikey", func(t *testing.T) {
		res, err := v.kong.Do(kongsim.Request{Path: "/realtime/v1/websocket", Query: map[string]string{"apikey": pk, "vsn": "1.0.0"}})
		if err != nil || res.Status != 0 {
			t.Fatalf("%d %s %v", res.Status, res.Message, err)
		}
		for what, tok := range map[string]string{"query apikey": res.Query["apikey"], "x-api-key": res.Headers["x-api-key"]} {
			claims, err := VerifyWithJWKSAndSecret(tok, v.realtimeJWKS, v.realtimeSecret)
			if err != nil || claims["role"] != "anon" {
				t.Errorf("Realtime's %s: %v (role %v)", what, err, claims["role"])
			}
		}
	})

	// Rotate the secret key: add the successor, both work; revoke the old
	// one, it gets 401 while the new one and the publishable key work.
	added, err := e.g.AddAPIKey(api, secretvalues.APIKeySecret)
	if err != nil {
		t.Fatal(err)
	}
	e.put(outputs.SecretAPIKeys, api)
	v = e.render()
	for _, key := range []string{sk, added.Key} {
		check(t, v, rest("both secret keys during rotation", map[string]string{"apikey": key}, nil, 0, "service_role"))
	}
	if _, err := e.g.AddAPIKey(api, secretvalues.APIKeySecret); err == nil {
		t.Error("a third secret key was accepted; there are two slots")
	}
	if _, err := secretvalues.RevokeAPIKey(api, sk[:20], false); err != nil {
		t.Fatal(err)
	}
	e.put(outputs.SecretAPIKeys, api)
	v = e.render()
	check(t, v, rest("revoked secret key", map[string]string{"apikey": sk, "Authorization": "Bearer " + sk}, nil, http.StatusUnauthorized, ""))
	check(t, v, rest("its successor", map[string]string{"apikey": added.Key}, nil, 0, "service_role"))
	check(t, v, rest("the publishable key", map[string]string{"apikey": pk}, nil, 0, "anon"))
	// On a route without key-auth the revoked key is no longer mapped, so
	// Storage receives it as it came and its JWT check refuses it.
	res, err := v.kong.Do(kongsim.Request{Path: "/storage/v1/object/b/x", Headers: map[string]string{"Authorization": "Bearer " + sk}})
	if err != nil || res.Headers["authorization"] != "Bearer "+sk {
		t.Errorf("storage with the revoked key: forwarded %q, %v", res.Headers["authorization"], err)
	}
	if _, err := VerifyWithJWKSAndSecret(sk, v.storageJWKS, v.storageSecret); err == nil {
		t.Error("Storage would accept the revoked opaque key as a token")
	}
	if _, err := secretvalues.RevokeAPIKey(api, added.Key, false); err == nil {
		t.Error("the last secret key was revoked without --allow-none")
	}

	// The internal JWTs are re-signed when a new signing key is promoted:
	// the opaque keys keep working through a signing-key rotation.
	now := time.Now()
	for _, step := range []struct {
		name string
		at   time.Time
	}{{secretvalues.StepStandby, now}, {secretvalues.StepPromote, now.Add(secretvalues.DefaultCacheWait)}, {secretvalues.StepRetire, now.Add(3 * time.Hour)}} {
		if err := e.step(step.name, step.at, false); err != nil {
			t.Fatal(err)
		}
		v = e.render()
		check(t, v, rest("publishable key after "+step.name, map[string]string{"apikey": pk}, nil, 0, "anon"))
		check(t, v, rest("secret key after "+step.name, map[string]string{"apikey": added.Key}, nil, 0, "service_role"))
	}
}
