package cli

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/supabase-eks/supabase-eks/internal/ops/secretvalues"
)

// keysHarness is the CLI with a cluster whose syncs and rollouts succeed,
// and a clock the test moves.
func keysHarness(t *testing.T) (*harness, *time.Time) {
	t.Helper()
	h := newHarness(t)
	if !dirExists(filepath.Join(h.root, "dist", "dev")) {
		t.Skip("dist/dev not rendered")
	}
	now := time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC)
	h.app.Now = func() time.Time { return now }
	if code := h.run("secrets", "init", "--env", "dev"); code != 0 {
		t.Fatalf("init: %s", h.stderr)
	}
	k := "kubectl --context supabase-dev "
	h.fake.On(k+"get externalsecret", `{"items":[{"metadata":{"name":"supabase-jwks"},"status":{"refreshTime":"`+time.Now().Add(time.Hour).UTC().Format(time.RFC3339)+`","conditions":[{"type":"Ready","status":"True"}]}}]}`, 0)
	h.fake.On(k+"get deployment", "deployment.apps/auth\ndeployment.apps/rest\ndeployment.apps/kong\ndeployment.apps/storage\ndeployment.apps/realtime\n", 0)
	return h, &now
}

func (h *harness) signingState(t *testing.T) secretvalues.SigningState {
	t.Helper()
	raw, _ := h.sm.Current("supabase-dev/signing_keys")
	v, err := secretvalues.Decode(raw)
	if err != nil {
		t.Fatal(err)
	}
	s, err := secretvalues.ParseSigningState(v)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSigningKeyRotationCommand(t *testing.T) {
	h, now := keysHarness(t)
	k := "kubectl --context supabase-dev "
	run := func(want int, args ...string) string {
		t.Helper()
		if code := h.run(append([]string{"secrets"}, args...)...); code != want {
			t.Fatalf("%v: exit %d, want %d\n%s\n%s", args, code, want, h.stdout, h.stderr)
		}
		return h.stdout.String() + h.stderr.String()
	}
	if out := run(0, "status", "--env", "dev"); !strings.Contains(out, "stage: steady") || !strings.Contains(out, "sb_publishable_") || strings.Contains(out, "sb_secret_") && !strings.Contains(out, "…") {
		t.Errorf("status of a new environment:\n%s", out)
	}
	run(0, "rotate", "signing-key", "--env", "dev")
	if st, _ := h.signingState(t).Stage(); st != secretvalues.StageStandby {
		t.Fatalf("first step left stage %s, want standby", st)
	}
	for _, d := range []string{"auth", "rest", "realtime", "storage", "kong"} {
		if len(h.fake.Called(k+"rollout restart deployment/"+d)) == 0 {
			t.Errorf("standby did not roll %s: %v", d, h.fake.Calls)
		}
	}
	versions := h.sm.Versions("supabase-dev/signing_keys")
	// Too early: refused, nothing written, the error says when.
	*now = now.Add(10 * time.Minute)
	if out := run(1, "rotate", "signing-key", "--env", "dev"); !strings.Contains(out, "earliest at 2026-11-30T08:20:00Z") || !strings.Contains(out, "nothing was written") {
		t.Errorf("early promote:\n%s", out)
	}
	if h.sm.Versions("supabase-dev/signing_keys") != versions {
		t.Fatal("an early promote wrote a version")
	}
	*now = now.Add(10 * time.Minute)
	run(0, "rotate", "signing-key", "--env", "dev")
	if st, _ := h.signingState(t).Stage(); st != secretvalues.StagePromoted {
		t.Fatalf("second step left stage %s, want promoted", st)
	}
	// The same step again writes nothing and rolls again.
	versions = h.sm.Versions("supabase-dev/signing_keys")
	if out := run(0, "rotate", "signing-key", "--env", "dev", "--step", "promote"); !strings.Contains(out, "already done") {
		t.Errorf("promote again:\n%s", out)
	}
	if h.sm.Versions("supabase-dev/signing_keys") != versions {
		t.Error("a repeated step wrote a version")
	}
	// Retire waits for GOTRUE_JWT_EXP as rendered in dist/dev plus the margin.
	if out := run(0, "status", "--env", "dev"); !strings.Contains(out, "next: step retire, from ") {
		t.Errorf("status while promoted:\n%s", out)
	}
	run(1, "rotate", "signing-key", "--env", "dev")
	*now = now.Add(48 * time.Hour)
	run(0, "rotate", "signing-key", "--env", "dev")
	s := h.signingState(t)
	if st, _ := s.Stage(); st != secretvalues.StageSteady || len(s.Keys) != 1 {
		t.Fatalf("after retire: stage %s with %d keys", st, len(s.Keys))
	}
	// Emergency revoke needs --yes off a terminal, then replaces the key.
	kid := s.Keys[0].KID()
	run(1, "revoke", "signing-key", "--env", "dev", "--kid", kid)
	if out := run(0, "revoke", "signing-key", "--env", "dev", "--kid", kid, "--yes"); !strings.Contains(out, "stops verifying") {
		t.Errorf("revoke does not state the consequence:\n%s", out)
	}
	if s := h.signingState(t); len(s.Keys) != 1 || s.Keys[0].KID() == kid || s.Keys[0].State != secretvalues.KeySigning {
		t.Errorf("after revoke: %+v", s.Keys)
	}
	run(2, "rotate", "signing-key", "--env", "dev", "--step", "sideways")
	if out := run(1, "rotate", "signing_keys", "--env", "dev"); !strings.Contains(out, "secrets rotate signing-key") {
		t.Errorf("generic rotation of the signing keys:\n%s", out)
	}
}

func TestAPIKeyCommands(t *testing.T) {
	h, _ := keysHarness(t)
	k := "kubectl --context supabase-dev "
	raw, _ := h.sm.Current("supabase-dev/api_keys")
	before, _ := secretvalues.Decode(raw)
	if code := h.run("secrets", "api-key", "add", "--env", "dev", "--type", "secret"); code != 0 {
		t.Fatalf("add: %s", h.stderr)
	}
	if strings.Contains(h.stdout.String(), before["secret_key_1"]) {
		t.Error("a secret key was printed")
	}
	raw, _ = h.sm.Current("supabase-dev/api_keys")
	after, _ := secretvalues.Decode(raw)
	if after["secret_key_1"] != before["secret_key_1"] || after["secret_key_2"] == "" || strings.Contains(h.stdout.String(), after["secret_key_2"]) {
		t.Fatalf("add changed the wrong slot or printed the key: %s", h.stdout)
	}
	if len(h.fake.Called(k+"rollout restart deployment/kong")) == 0 || len(h.fake.Called(k+"rollout restart deployment/auth")) != 0 {
		t.Errorf("an API key change rolls Kong and only Kong: %v", h.fake.Calls)
	}
	if code := h.run("secrets", "api-key", "add", "--env", "dev", "--type", "secret"); code != 1 || !strings.Contains(h.stderr.String(), "revoke one first") {
		t.Errorf("third secret key: exit %d %s", code, h.stderr)
	}
	if code := h.run("secrets", "api-key", "revoke", "--env", "dev", "--key", before["secret_key_1"][:20]); code != 0 {
		t.Fatalf("revoke: %s", h.stderr)
	}
	raw, _ = h.sm.Current("supabase-dev/api_keys")
	after, _ = secretvalues.Decode(raw)
	if after["secret_key_1"] != "" || after["secret_key_2"] == "" {
		t.Errorf("revoke emptied the wrong slot")
	}
	if code := h.run("secrets", "api-key", "revoke", "--env", "dev", "--key", after["secret_key_2"]); code != 1 || !strings.Contains(h.stderr.String(), "--allow-none") {
		t.Errorf("revoking the last secret key: exit %d %s", code, h.stderr)
	}
	if code := h.run("secrets", "api-key", "revoke", "--env", "dev", "--key", "sb_secret_"); code != 1 {
		t.Errorf("a 10-character prefix: exit %d", code)
	}
	if code := h.run("secrets", "api-key", "rename", "--env", "dev"); code != 2 {
		t.Errorf("unknown action: exit %d", code)
	}
	if code := h.run("secrets", "api-key", "list", "--env", "dev"); code != 0 || !strings.Contains(h.stdout.String(), "secret_key_2") {
		t.Errorf("list: %d %s", code, h.stdout)
	}
}
