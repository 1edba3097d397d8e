package secretvalues

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
)

func initialState(t *testing.T, legacy bool) (map[string]string, SigningState) {
	t.Helper()
	v, err := Generator{}.InitialSigningKeys(legacy)
	if err != nil {
		t.Fatal(err)
	}
	s, err := ParseSigningState(v)
	if err != nil {
		t.Fatal(err)
	}
	return v, s
}

// Only GoTrue's set holds a private part, and only the signing key's; the
// public set never does.
func TestSigningValuesKeepPrivatePartsToGoTrue(t *testing.T) {
	g := Generator{}
	_, s := initialState(t, false)
	s, _, err := g.Apply(s, StepStandby, time.Now(), Timing{}, false)
	if err != nil {
		t.Fatal(err)
	}
	v, err := g.SigningValues(s)
	if err != nil {
		t.Fatal(err)
	}
	var gotrue []JWK
	if err := json.Unmarshal([]byte(v["gotrue_keys"]), &gotrue); err != nil {
		t.Fatal(err)
	}
	private := 0
	for _, k := range gotrue {
		if k.D != "" {
			private++
			if len(k.KeyOps) != 2 || k.KeyOps[0] != "sign" {
				t.Errorf("the private key %s has key_ops %v, want sign and verify", k.Kid, k.KeyOps)
			}
		} else if strings.Join(k.KeyOps, ",") != "verify" {
			t.Errorf("public key %s in GoTrue's set has key_ops %v", k.Kid, k.KeyOps)
		}
	}
	if private != 1 || len(gotrue) != 2 {
		t.Errorf("GoTrue's set has %d keys, %d private; want 2 keys, 1 private (the signing one)", len(gotrue), private)
	}
	if strings.Contains(v["jwks"], `"d"`) {
		t.Error("the public JWKS holds a private part")
	}
	if err := CheckSigningValues(v); err != nil {
		t.Errorf("freshly derived values do not check: %v", err)
	}
}

// A value edited by hand (or half-written) is caught before the cluster
// gets it.
func TestCheckSigningValuesCatchesTampering(t *testing.T) {
	v, _ := initialState(t, false)
	for name, edit := range map[string]func(map[string]string){
		"jwks without the signing key": func(m map[string]string) { m["jwks"] = `{"keys":[]}` },
		"legacy flag flipped":          func(m map[string]string) { m["legacy_signing"] = "true" },
		"internal JWT of another role": func(m map[string]string) { m["anon_jwt"] = m["service_role_jwt"] },
		"internal JWT not a JWT":       func(m map[string]string) { m["service_role_jwt"] = "x" },
		"state not JSON":               func(m map[string]string) { m["state"] = "{" },
		"two signing keys": func(m map[string]string) {
			var s SigningState
			_ = json.Unmarshal([]byte(m["state"]), &s)
			s.Keys = append(s.Keys, s.Keys[0])
			s.Keys[1].Private.Kid = "other"
			b, _ := json.Marshal(s)
			m["state"] = string(b)
		},
	} {
		m := map[string]string{}
		for k, x := range v {
			m[k] = x
		}
		edit(m)
		if err := CheckSigningValues(m); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestStepsInOrderAndOutOfOrder(t *testing.T) {
	g := Generator{}
	now := time.Now()
	timing := Timing{CacheWait: DefaultCacheWait, TokenLifetime: time.Hour, Margin: DefaultRetireMargin}
	_, s := initialState(t, false)
	if _, _, err := g.Apply(s, StepRetire, now, timing, false); err != nil {
		t.Errorf("retire with nothing to retire: %v, want a no-op", err)
	}
	if _, _, err := g.Apply(s, "sideways", now, timing, false); err == nil {
		t.Error("an unknown step was accepted")
	}
	s, _, _ = g.Apply(s, StepStandby, now, timing, false)
	if _, _, err := g.Apply(s, StepRetire, now, timing, false); err == nil || !strings.Contains(err.Error(), "promote") {
		t.Errorf("retire while a key is in standby: %v", err)
	}
	if _, _, err := g.Apply(s, StepPromote, now, timing, true); err != nil {
		t.Errorf("--force promote: %v", err)
	}
	s, _, _ = g.Apply(s, StepPromote, now.Add(DefaultCacheWait), timing, false)
	if _, _, err := g.Apply(s, StepStandby, now, timing, false); err == nil || !strings.Contains(err.Error(), "retire") {
		t.Errorf("a second standby key while the previous one verifies: %v", err)
	}
	if at, want := s.NotBefore(StepRetire, timing), now.Add(DefaultCacheWait+time.Hour+DefaultRetireMargin); !at.Equal(want) {
		t.Errorf("retire not before %s, want promotion + token lifetime + margin = %s", at, want)
	}
}

// Revoking the signing key promotes the standby key when there is one
// (verifiers already have it) rather than a key nobody has seen.
func TestRevokePrefersTheStandbyKey(t *testing.T) {
	g := Generator{}
	_, s := initialState(t, false)
	old := s.Keys[0].KID()
	s, _, _ = g.Apply(s, StepStandby, time.Now(), Timing{}, false)
	standby := s.byState(KeyStandby)[0].KID()
	r, err := g.Revoke(s, old, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if sk, ok := r.Signing(); !ok || sk.KID() != standby || len(r.Keys) != 1 {
		t.Errorf("after revoking the signing key: %+v, want the standby key %s signing alone", r.Keys, standby)
	}
	if _, err := g.Revoke(r, "nope", time.Now()); err == nil || !strings.Contains(err.Error(), standby) {
		t.Errorf("revoking an unknown kid: %v (should list the keys)", err)
	}
}

func TestAPIKeysShapeIsEnforced(t *testing.T) {
	v, err := Generator{}.Generate(outputs.SecretAPIKeys)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(v["publishable_key_1"], "sb_publishable_") || !strings.HasPrefix(v["secret_key_1"], "sb_secret_") || v["secret_key_2"] != "" {
		t.Fatalf("generated API keys: %v", v)
	}
	for _, bad := range []string{"sb_secret_short", "sb_publishable_" + strings.Repeat("a", 32), "sb_secret_" + strings.Repeat("a", 31) + "'"} {
		m := map[string]string{}
		for k, x := range v {
			m[k] = x
		}
		m["secret_key_2"] = bad
		if _, err := APIKeys(m); err == nil {
			t.Errorf("%q accepted in a secret key slot", bad)
		}
	}
}
