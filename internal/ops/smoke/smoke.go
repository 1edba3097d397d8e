// Package smoke checks a deployed Supabase from the outside, through the
// load balancer and Kong, the way a client would: the REST API with the anon
// key, the Auth health endpoint and the Storage status endpoint.
package smoke

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Check is one endpoint that must answer 200 with a body only that
// component sends: any web server answers 200, so the status alone would
// pass when the load balancer points at something else.
type Check struct {
	Name string
	Path string
	// Shape checks the body; it says what was expected when it does not fit.
	Shape func(body []byte) error
}

// Checks are the endpoints every deployment must serve. Kong requires the
// anon key on /rest/v1 and /auth/v1; Storage checks its own JWT, so the
// key is sent everywhere.
var Checks = []Check{
	// PostgREST's root is the OpenAPI description of what the key may see.
	{Name: "rest", Path: "/rest/v1/", Shape: jsonObjectWith("PostgREST's OpenAPI document", "swagger", "openapi")},
	// GoTrue's health: {"version", "name": "GoTrue", "description"}.
	{Name: "auth", Path: "/auth/v1/health", Shape: gotrueHealth},
	// Storage's bucket list as the anon role (row level security: usually
	// []): it needs Storage's JWT check and its database, where /status
	// answers an empty 200 without either.
	{Name: "storage", Path: "/storage/v1/bucket", Shape: jsonArray("Storage's bucket list")},
}

func jsonObjectWith(what string, anyOf ...string) func([]byte) error {
	return func(body []byte) error {
		var m map[string]any
		if err := json.Unmarshal(body, &m); err != nil {
			return fmt.Errorf("want %s (JSON), got %s", what, snippet(body))
		}
		for _, k := range anyOf {
			if _, ok := m[k]; ok {
				return nil
			}
		}
		return fmt.Errorf("want %s (a JSON object with %s), got %s", what, strings.Join(anyOf, " or "), snippet(body))
	}
}

func gotrueHealth(body []byte) error {
	var h struct{ Name, Version string }
	if err := json.Unmarshal(body, &h); err != nil || h.Name != "GoTrue" || h.Version == "" {
		return fmt.Errorf(`want GoTrue's health JSON ({"name":"GoTrue","version":...}), got %s`, snippet(body))
	}
	return nil
}

func jsonArray(what string) func([]byte) error {
	return func(body []byte) error {
		var a []any
		if err := json.Unmarshal(body, &a); err != nil {
			return fmt.Errorf("want %s (a JSON array), got %s", what, snippet(body))
		}
		return nil
	}
}

func snippet(b []byte) string {
	s := strings.TrimSpace(string(b))
	if len(s) > 80 {
		s = s[:80] + "..."
	}
	if s == "" {
		return "an empty body"
	}
	return fmt.Sprintf("%q", s)
}

// noRedirectOffHost stops at a redirect to another host (or scheme, or
// port): the API key would be sent there, and a load balancer that answers
// with one is not Supabase answering.
func noRedirectOffHost(req *http.Request, via []*http.Request) error {
	first := via[0].URL
	if req.URL.Scheme != first.Scheme || req.URL.Host != first.Host {
		return fmt.Errorf("redirected from %s to %s: not following (the API key would go to another host)", first.Redacted(), req.URL.Redacted())
	}
	if len(via) >= 3 {
		return errors.New("more than 3 redirects")
	}
	return nil
}

// Options configures Run.
type Options struct {
	// BaseURL is the scheme and host of the API gateway, e.g. https://api.example.com.
	BaseURL string
	// AnonKey is sent as the apikey header and as a Bearer token.
	AnonKey string
	// Deadline bounds the whole run, retries included; zero means 5m.
	Deadline time.Duration
	// RequestTimeout bounds one attempt; zero means 10s.
	RequestTimeout time.Duration
	// InitialBackoff is the first wait between attempts (doubles up to
	// MaxBackoff); zero means 1s and 30s.
	InitialBackoff, MaxBackoff time.Duration
	// Client sends the requests; nil uses a client with system roots.
	Client *http.Client
	// Log receives one line per failed attempt; nil discards them.
	Log io.Writer
}

// Outcome is the result of one check.
type Outcome struct {
	Check
	URL      string
	Status   int
	Latency  time.Duration
	Attempts int
	// Err is nil when the check passed.
	Err error
}

// OK reports whether the check passed.
func (o Outcome) OK() bool { return o.Err == nil }

// Run performs every check concurrently, retrying each with exponential
// backoff until it answers 200 or the deadline passes. Certificate errors
// are not retried: a wrong or untrusted certificate does not fix itself.
func Run(ctx context.Context, opt Options) ([]Outcome, error) {
	base, err := url.Parse(strings.TrimRight(opt.BaseURL, "/"))
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return nil, fmt.Errorf("smoke: %q is not an http(s) URL", opt.BaseURL)
	}
	if opt.AnonKey == "" {
		return nil, errors.New("smoke: no anon key (pass --anon-key, set SUPABASE_ANON_KEY, or let it be read from Secrets Manager)")
	}
	deadline := opt.Deadline
	if deadline == 0 {
		deadline = 5 * time.Minute
	}
	ctx, cancel := context.WithTimeout(ctx, deadline)
	defer cancel()
	client := &http.Client{}
	if opt.Client != nil {
		c := *opt.Client
		client = &c
	}
	client.CheckRedirect = noRedirectOffHost
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		outs = make([]Outcome, len(Checks))
	)
	for i, c := range Checks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			outs[i] = runCheck(ctx, client, base.String()+c.Path, c, opt, &mu)
		}()
	}
	wg.Wait()
	var failed []string
	for _, o := range outs {
		if !o.OK() {
			failed = append(failed, o.Name)
		}
	}
	if len(failed) > 0 {
		return outs, fmt.Errorf("smoke test failed: %s", strings.Join(failed, ", "))
	}
	return outs, nil
}

func runCheck(ctx context.Context, client *http.Client, u string, c Check, opt Options, mu *sync.Mutex) Outcome {
	reqTimeout := opt.RequestTimeout
	if reqTimeout == 0 {
		reqTimeout = 10 * time.Second
	}
	backoff, maxBackoff := opt.InitialBackoff, opt.MaxBackoff
	if backoff == 0 {
		backoff = time.Second
	}
	if maxBackoff == 0 {
		maxBackoff = 30 * time.Second
	}
	out := Outcome{Check: c, URL: u}
	for {
		out.Attempts++
		status, latency, body, err := attempt(ctx, client, u, opt.AnonKey, reqTimeout)
		// An attempt the run's deadline cut short says nothing about the
		// endpoint: report the last answer it actually gave.
		if err != nil && ctx.Err() != nil && out.Err != nil {
			out.Attempts--
			out.Err = fmt.Errorf("gave up after %d attempts at the deadline: %w", out.Attempts, out.Err)
			return out
		}
		out.Status, out.Latency = status, latency
		if err == nil && status == http.StatusOK {
			if err = c.Shape(body); err == nil {
				out.Err = nil
				return out
			}
		} else if err == nil {
			err = fmt.Errorf("HTTP %d, want 200", status)
		}
		out.Err = err
		if opt.Log != nil {
			mu.Lock()
			fmt.Fprintf(opt.Log, "  %-8s attempt %d: %v\n", c.Name, out.Attempts, err)
			mu.Unlock()
		}
		if isCertError(err) {
			out.Err = fmt.Errorf("TLS certificate not accepted (%w): check the ACM certificate and DNS name, not retrying", err)
			return out
		}
		if strings.Contains(err.Error(), "not following") {
			out.Err = err
			return out
		}
		t := time.NewTimer(backoff)
		select {
		case <-ctx.Done():
			t.Stop()
			out.Err = fmt.Errorf("gave up after %d attempts at the deadline: %w", out.Attempts, out.Err)
			return out
		case <-t.C:
		}
		backoff = min(backoff*2, maxBackoff)
	}
}

func attempt(ctx context.Context, client *http.Client, u, key string, timeout time.Duration) (int, time.Duration, []byte, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return 0, 0, nil, err
	}
	req.Header.Set("apikey", key)
	req.Header.Set("Authorization", "Bearer "+key)
	req.Header.Set("Accept", "application/json")
	start := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return 0, time.Since(start), nil, fmt.Errorf("timed out after %s", timeout)
		}
		return 0, time.Since(start), nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	return resp.StatusCode, time.Since(start), body, err
}

func isCertError(err error) bool {
	var (
		verr  *tls.CertificateVerificationError
		uaerr x509.UnknownAuthorityError
		hnerr x509.HostnameError
		cierr x509.CertificateInvalidError
	)
	return errors.As(err, &verr) || errors.As(err, &uaerr) || errors.As(err, &hnerr) || errors.As(err, &cierr)
}

// Print writes one line per outcome: result, status, latency, URL.
func Print(w io.Writer, outs []Outcome) {
	for _, o := range outs {
		result, detail := "OK", ""
		if !o.OK() {
			result, detail = "FAIL", "  "+o.Err.Error()
		}
		status := "-"
		if o.Status != 0 {
			status = fmt.Sprint(o.Status)
		}
		fmt.Fprintf(w, "%-4s %-8s %-4s %7s  %s  (attempts: %d)%s\n", result, o.Name, status, o.Latency.Round(time.Millisecond), o.URL, o.Attempts, detail)
	}
}
