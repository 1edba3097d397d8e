package conformance

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

// EnvGoTrueBinary points at a GoTrue (supabase/auth) server binary built
// from the tag the rendered image names. The Go module proxy does not serve
// modern GoTrue, so CI cannot build it and this test runs only where a
// developer did (see internal/testkit/conformance/README.md).
const EnvGoTrueBinary = "SUPABASE_EKS_GOTRUE_BIN"

// TestGoTrueAgainstImitation runs the real GoTrue with the auth container's
// rendered environment against the RDS imitation after the rendered
// bootstrap: its own migrations as supabase_auth_admin, then an admin user
// creation with the rendered service_role key, a password sign-in, and the
// issued token through the PostgREST emulation with row level security.
func TestGoTrueAgainstImitation(t *testing.T) {
	bin := os.Getenv(EnvGoTrueBinary)
	if bin == "" {
		t.Skipf("set %s to a GoTrue binary built from the rendered image's tag", EnvGoTrueBinary)
	}
	h := NewHarness(t, *distDir, *outputsFile)
	if _, err := h.Bootstrap(t, h.Dist); err != nil {
		t.Fatal(err)
	}
	auth := h.Container(h.Dist, "deployment/auth", "auth")
	storage := h.Container(h.Dist, "deployment/storage", "storage")
	rest := h.Container(h.Dist, "deployment/rest", "rest")
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	// Go resolves names itself, so the endpoint becomes its address in the
	// URL; sslmode=require does not verify the name either way.
	var env []string
	local, err := h.localFiles(auth)
	if err != nil {
		t.Fatal(err)
	}
	for _, kv := range local {
		name, value, _ := strings.Cut(kv, "=")
		switch name {
		case "GOTRUE_DB_DATABASE_URL":
			value = strings.Replace(value, "@"+h.RDS.Endpoint+":", "@"+h.RDS.Addr+":", 1)
		case "GOTRUE_API_HOST":
			value = "127.0.0.1"
		case "GOTRUE_API_PORT":
			value = strconv.Itoa(port)
		}
		env = append(env, name+"="+value)
	}
	env = append(h.baseEnv(), env...)
	if out, err := h.Exec(2*time.Minute, env, "", bin, "migrate"); err != nil {
		t.Fatalf("auth migrate: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "serve")
	cmd.Env = env
	log := &syncBuffer{}
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	base := "http://127.0.0.1:" + strconv.Itoa(port)
	call := func(method, path, bearer string, body any) (int, map[string]any) {
		t.Helper()
		b, _ := json.Marshal(body)
		req, _ := http.NewRequest(method, base+path, bytes.NewReader(b))
		req.Header.Set("Content-Type", "application/json")
		if bearer != "" {
			req.Header.Set("Authorization", "Bearer "+bearer)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return 0, map[string]any{"error": err.Error()}
		}
		defer resp.Body.Close()
		data, _ := io.ReadAll(resp.Body)
		var m map[string]any
		_ = json.Unmarshal(data, &m)
		if m == nil {
			m = map[string]any{"body": string(data)}
		}
		return resp.StatusCode, m
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		if code, _ := call(http.MethodGet, "/health", "", nil); code == http.StatusOK {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("GoTrue did not answer /health:\n%s", log.String())
		}
		time.Sleep(200 * time.Millisecond)
	}
	if n := h.RDS.Server.SuperQuery(t, h.Out.DBName, `SELECT count(*) FROM auth.schema_migrations`); n == "0" {
		t.Fatal("GoTrue recorded no migrations")
	} else {
		t.Logf("GoTrue applied %s migrations as supabase_auth_admin", n)
	}
	service, _ := storage.Get("SERVICE_KEY")
	email, password := "conformance@example.com", "correct horse battery staple"
	code, user := call(http.MethodPost, "/admin/users", service, map[string]any{"email": email, "password": password, "email_confirm": true})
	if code != http.StatusOK {
		t.Fatalf("admin create user with the rendered service_role key: %d %v\n%s", code, user, log.String())
	}
	code, tok := call(http.MethodPost, "/token?grant_type=password", "", map[string]any{"email": email, "password": password})
	if code != http.StatusOK || tok["access_token"] == nil {
		t.Fatalf("password sign-in: %d %v", code, tok)
	}
	res, err := h.Rest(rest, []RestRequest{{Name: "whoami", Token: tok["access_token"].(string), SQL: `SELECT auth.uid()::text AS uid, current_user AS role`}})
	if err != nil {
		t.Fatal(err)
	}
	r := res["whoami"]
	if !r.OK || len(r.Rows) != 1 || r.Rows[0]["uid"] != user["id"] || r.Rows[0]["role"] != "authenticated" {
		t.Fatalf("GoTrue's token through the PostgREST emulation: %+v (user %v)", r, user["id"])
	}
	fmt.Fprintf(os.Stderr, "GoTrue: migrations, admin user, password sign-in and the token at PostgREST all worked\n")
}
