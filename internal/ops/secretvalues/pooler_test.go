package secretvalues

import (
	"bytes"
	"context"
	"crypto/x509"
	"encoding/pem"
	"net/url"
	"strings"
	"testing"

	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/internal/contract/pooler"
)

// TestPoolerSecrets: init writes the pooler's keys and a certificate its
// CA verifies for the Service and the region's NLB names, and derives the
// application connection secret from the same password; a rotation keeps
// the vault key and the certificate (Supavisor's stored passwords and the
// clients' trust depend on them) and renews the rest.
func TestPoolerSecrets(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	if _, err := Init(ctx, e.store, e.out, Generator{PoolerTenant: testTenant}, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	p := e.value(t, outputs.SecretPooler)
	if len(p["vault_enc_key"]) != VaultEncKeyLen {
		t.Errorf("vault_enc_key has %d characters, want %d (AES-256)", len(p["vault_enc_key"]), VaultEncKeyLen)
	}
	roots := x509.NewCertPool()
	if !roots.AppendCertsFromPEM([]byte(p["tls_ca"])) {
		t.Fatal("tls_ca holds no certificate")
	}
	block, _ := pem.Decode([]byte(p["tls_cert"]))
	if block == nil {
		t.Fatal("tls_cert holds no PEM block")
	}
	cert, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{pooler.ServiceHost(), "k8s-supabase-supaviso-0123456789.elb." + e.out.Region + ".amazonaws.com"} {
		if _, err := cert.Verify(x509.VerifyOptions{Roots: roots, DNSName: name}); err != nil {
			t.Errorf("the pooler's certificate does not verify for %s: %v", name, err)
		}
	}
	if _, err := cert.Verify(x509.VerifyOptions{Roots: roots, DNSName: "evil.example.com"}); err == nil {
		t.Error("the pooler's certificate verifies for an unrelated name")
	}

	c := e.value(t, outputs.SecretPoolerConnection)
	u, err := url.Parse(c["transaction_url"])
	if err != nil {
		t.Fatal(err)
	}
	pw, _ := u.User.Password()
	if u.User.Username() != "app_user."+testTenant || pw != p["app_user_password"] || u.Port() != "6543" || u.Hostname() != pooler.ServiceHost() {
		t.Errorf("transaction_url %s: want app_user.%s with the pooler's app password on port 6543", c["transaction_url"], testTenant)
	}
	if s, _ := url.Parse(c["session_url"]); s == nil || s.Port() != "5432" {
		t.Errorf("session_url %s: want port 5432", c["session_url"])
	}
	if c["ca_cert"] != p["tls_ca"] || c["password"] != p["app_user_password"] {
		t.Error("the connection secret's CA or password differs from the pooler secret's")
	}
	// A password with URL-reserved characters survives the URL.
	odd := map[string]string{"app_user_password": "p@ss/w:rd&x %+?#", "tls_ca": "ca"}
	oc, err := PoolerConnection(odd, testTenant, "postgres")
	if err != nil {
		t.Fatal(err)
	}
	if u, err := url.Parse(oc["session_url"]); err != nil {
		t.Fatal(err)
	} else if got, _ := u.User.Password(); got != odd["app_user_password"] {
		t.Errorf("password through the URL: %q", got)
	}

	var log bytes.Buffer
	if _, err := Rotate(ctx, e.store, e.out, outputs.SecretPooler, Generator{PoolerTenant: testTenant}, RotateOptions{}, &log); err != nil {
		t.Fatal(err)
	}
	r := e.value(t, outputs.SecretPooler)
	for _, k := range []string{"vault_enc_key", "tls_ca", "tls_cert", "tls_key"} {
		if r[k] != p[k] {
			t.Errorf("rotation replaced %s", k)
		}
	}
	for _, k := range []string{"api_jwt_secret", "app_user_password", "supavisor_password"} {
		if r[k] == p[k] {
			t.Errorf("rotation kept %s", k)
		}
	}
	if !strings.Contains(log.String(), "secrets rotate "+outputs.SecretPoolerConnection) {
		t.Errorf("rotation log does not say to rotate the connection secret next:\n%s", log.String())
	}
	if _, err := Rotate(ctx, e.store, e.out, outputs.SecretPoolerConnection, Generator{PoolerTenant: testTenant}, RotateOptions{}, &log); err != nil {
		t.Fatal(err)
	}
	if got := e.value(t, outputs.SecretPoolerConnection)["password"]; got != r["app_user_password"] {
		t.Error("the rotated connection secret does not carry the new application password")
	}
	if _, err := (Generator{}).Generate(outputs.SecretPoolerConnection); err == nil {
		t.Error("the connection secret must not be generated on its own")
	}
}
