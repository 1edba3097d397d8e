package smoke

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

const key = "anon.jwt.value"

// gateway imitates Kong: it requires the anon key on every route and
// answers the three endpoints.
func gateway(t *testing.T, status func(path string) int) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("apikey") != key || r.Header.Get("Authorization") != "Bearer "+key {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		switch r.URL.Path {
		case "/rest/v1/", "/auth/v1/health", "/storage/v1/bucket":
			code := status(r.URL.Path)
			w.WriteHeader(code)
			if code == http.StatusOK {
				_, _ = w.Write([]byte(supabaseBodies[r.URL.Path]))
			}
		default:
			t.Errorf("unexpected path %s", r.URL.Path)
			w.WriteHeader(http.StatusNotFound)
		}
	})
}

// supabaseBodies are what PostgREST, GoTrue and Storage answer.
var supabaseBodies = map[string]string{
	"/rest/v1/":          `{"swagger":"2.0","info":{"title":"standard public schema"},"paths":{"/":{}}}`,
	"/auth/v1/health":    `{"version":"v2.189.0","name":"GoTrue","description":"GoTrue is a user registration and authentication API"}`,
	"/storage/v1/bucket": `[]`,
}

func fast(base string) Options {
	return Options{BaseURL: base, AnonKey: key, Deadline: 2 * time.Second, RequestTimeout: 500 * time.Millisecond,
		InitialBackoff: 10 * time.Millisecond, MaxBackoff: 50 * time.Millisecond}
}

func TestSuccess(t *testing.T) {
	srv := httptest.NewServer(gateway(t, func(string) int { return 200 }))
	defer srv.Close()
	outs, err := Run(context.Background(), fast(srv.URL+"/"))
	if err != nil {
		t.Fatal(err)
	}
	if len(outs) != 3 {
		t.Fatalf("%d outcomes", len(outs))
	}
	var buf bytes.Buffer
	Print(&buf, outs)
	for _, want := range []string{"OK   rest     200", srv.URL + "/rest/v1/", srv.URL + "/auth/v1/health", srv.URL + "/storage/v1/bucket"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, buf.String())
		}
	}
}

func TestRetriesUntilReady(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(gateway(t, func(p string) int {
		if p == "/rest/v1/" && calls.Add(1) < 3 {
			return http.StatusServiceUnavailable // ALB targets still registering
		}
		return 200
	}))
	defer srv.Close()
	outs, err := Run(context.Background(), fast(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	if outs[0].Attempts != 3 {
		t.Errorf("rest attempts = %d, want 3", outs[0].Attempts)
	}
}

func TestNon200Fails(t *testing.T) {
	srv := httptest.NewServer(gateway(t, func(p string) int {
		if p == "/storage/v1/bucket" {
			return http.StatusBadGateway
		}
		return 200
	}))
	defer srv.Close()
	opt := fast(srv.URL)
	opt.Deadline = 300 * time.Millisecond
	start := time.Now()
	outs, err := Run(context.Background(), opt)
	if err == nil || !strings.Contains(err.Error(), "storage") {
		t.Fatalf("err = %v; want storage failure", err)
	}
	if time.Since(start) > 2*time.Second {
		t.Errorf("ran %s past a 300ms deadline", time.Since(start))
	}
	st := outs[2]
	if st.OK() || st.Status != 502 || st.Attempts < 2 || !strings.Contains(st.Err.Error(), "HTTP 502") {
		t.Errorf("storage outcome: %+v", st)
	}
	if !outs[0].OK() || !outs[1].OK() {
		t.Error("healthy checks reported as failed")
	}
	var buf bytes.Buffer
	Print(&buf, outs)
	if !strings.Contains(buf.String(), "FAIL storage  502") {
		t.Errorf("output:\n%s", buf.String())
	}
}

func TestWrongKeyFails(t *testing.T) {
	srv := httptest.NewServer(gateway(t, func(string) int { return 200 }))
	defer srv.Close()
	opt := fast(srv.URL)
	opt.AnonKey = "other"
	opt.Deadline = 200 * time.Millisecond
	outs, err := Run(context.Background(), opt)
	if err == nil || outs[0].Status != http.StatusUnauthorized {
		t.Fatalf("err = %v, rest status %d; want 401 failure", err, outs[0].Status)
	}
}

func TestTimeout(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	opt := fast(srv.URL)
	opt.RequestTimeout = 100 * time.Millisecond
	opt.Deadline = 400 * time.Millisecond
	start := time.Now()
	outs, err := Run(context.Background(), opt)
	if err == nil {
		t.Fatal("hanging server passed")
	}
	if el := time.Since(start); el > 2*time.Second {
		t.Errorf("took %s, deadline was 400ms", el)
	}
	for _, o := range outs {
		if o.OK() || !strings.Contains(o.Err.Error(), "timed out") {
			t.Errorf("%s: %v; want a timeout", o.Name, o.Err)
		}
	}
}

func TestUntrustedCertificateFailsFast(t *testing.T) {
	srv := httptest.NewTLSServer(gateway(t, func(string) int { return 200 }))
	defer srv.Close()
	opt := fast(srv.URL)
	opt.Deadline = 30 * time.Second
	opt.Client = &http.Client{} // system roots: the test server's certificate is not trusted
	var log bytes.Buffer
	opt.Log = &log
	start := time.Now()
	outs, err := Run(context.Background(), opt)
	if err == nil {
		t.Fatal("untrusted certificate accepted")
	}
	if time.Since(start) > 5*time.Second {
		t.Errorf("certificate error was retried for %s", time.Since(start))
	}
	for _, o := range outs {
		if o.Attempts != 1 || !strings.Contains(o.Err.Error(), "certificate") {
			t.Errorf("%s: attempts %d, err %v", o.Name, o.Attempts, o.Err)
		}
	}
	// With the server's CA trusted the same endpoint passes: the failure was the certificate.
	opt.Client = srv.Client()
	if _, err := Run(context.Background(), opt); err != nil {
		t.Errorf("trusted: %v", err)
	}
}

func TestConnectionRefusedRetriesToDeadline(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	u := srv.URL
	srv.Close()
	opt := fast(u)
	opt.Deadline = 200 * time.Millisecond
	outs, err := Run(context.Background(), opt)
	if err == nil || outs[0].Attempts < 2 {
		t.Fatalf("err %v attempts %d; want retries then failure", err, outs[0].Attempts)
	}
}

func TestBadInput(t *testing.T) {
	if _, err := Run(context.Background(), Options{BaseURL: "ftp://x", AnonKey: key}); err == nil {
		t.Error("ftp URL accepted")
	}
	if _, err := Run(context.Background(), Options{BaseURL: "https://x.example.com"}); err == nil || !strings.Contains(err.Error(), "anon key") {
		t.Errorf("missing key: %v", err)
	}
}

// Any web server answers 200: the body must be the component's.
func TestPlainWebServerIsNotSupabase(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		_, _ = w.Write([]byte("<html><body>It works!</body></html>"))
	}))
	defer srv.Close()
	outs, err := Run(context.Background(), fast(srv.URL))
	if err == nil {
		t.Fatal("a plain web server passed the smoke test")
	}
	for _, o := range outs {
		if o.OK() || !strings.Contains(o.Err.Error(), "want ") || !strings.Contains(o.Err.Error(), "It works") {
			t.Errorf("%s: %v", o.Name, o.Err)
		}
	}
}

// A redirect to another host is not followed and the key never goes there.
func TestRedirectOffHostIsNotFollowed(t *testing.T) {
	var leaked atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("apikey") != "" || r.Header.Get("Authorization") != "" {
			leaked.Add(1)
		}
		_, _ = w.Write([]byte(supabaseBodies[r.URL.Path]))
	}))
	defer other.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+r.URL.Path, http.StatusFound)
	}))
	defer srv.Close()
	outs, err := Run(context.Background(), fast(srv.URL))
	if err == nil {
		t.Fatal("a redirect to another host passed the smoke test")
	}
	for _, o := range outs {
		if o.OK() || !strings.Contains(o.Err.Error(), "not following") || o.Attempts != 1 {
			t.Errorf("%s: %v (attempts %d)", o.Name, o.Err, o.Attempts)
		}
	}
	if n := leaked.Load(); n != 0 {
		t.Errorf("the API key was sent to the other host %d times", n)
	}
}

// An attempt cut short by the run's deadline does not hide the endpoint's
// last real answer: the operator sees what it served, not a timeout.
func TestDeadlineKeepsTheLastRealAnswer(t *testing.T) {
	var calls atomic.Int32
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) <= 3 {
			w.Header().Set("Content-Type", "text/html")
			_, _ = w.Write([]byte("<html><body>It works!</body></html>"))
			return
		}
		<-release
	}))
	defer srv.Close()
	defer close(release)
	opt := fast(srv.URL)
	opt.Deadline, opt.RequestTimeout = 700*time.Millisecond, 5*time.Second
	outs, err := Run(context.Background(), opt)
	if err == nil {
		t.Fatal("a plain web server passed the smoke test")
	}
	for _, o := range outs {
		if o.OK() || !strings.Contains(o.Err.Error(), "It works") || !strings.Contains(o.Err.Error(), "at the deadline") {
			t.Errorf("%s: %v, want the last answer (It works) at the deadline", o.Name, o.Err)
		}
	}
}
