package rdsca

import (
	"crypto/sha1" // #nosec G505 -- the RDS API identifies CAs by SHA-1 thumbprint
	"encoding/hex"
	"encoding/pem"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/supabase-eks/supabase-eks/internal/rdsca/rdscatest"
)

func cert(t *testing.T, cn string, isCA bool) ([]byte, string) { return rdscatest.Cert(t, cn, isCA) }

func TestParse(t *testing.T) {
	root, _ := cert(t, "Amazon RDS us-east-1 Root CA RSA2048 G1", true)
	other, _ := cert(t, "Amazon RDS us-east-1 Root CA ECC384 G1", true)
	leaf, _ := cert(t, "db.example", false)
	b, err := Parse(append(append([]byte("# comment\n"), root...), other...))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Subjects) != 2 || b.StandIn || strings.Contains(b.PEM, "comment") || len(b.SHA256) != 64 {
		t.Errorf("Parse = %+v", b)
	}
	for name, data := range map[string][]byte{
		"empty":    nil,
		"no PEM":   []byte("hello"),
		"a key":    pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: []byte{1}}),
		"not a CA": leaf,
		"garbage":  pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: []byte{1, 2, 3}}),
	} {
		if _, err := Parse(data); err == nil {
			t.Errorf("%s: Parse accepted it", name)
		}
	}
}

// The committed stand-in parses, is marked, and is what example renders use.
func TestStandIn(t *testing.T) {
	b, err := Load(filepath.Join("..", "..", ExamplePath))
	if err != nil {
		t.Fatal(err)
	}
	if !b.StandIn {
		t.Errorf("%s is not recognized as the stand-in: %v", ExamplePath, b.Subjects)
	}
	if got := DefaultPath("dev", "examples/outputs/dev.json", true); got != ExamplePath {
		t.Errorf("example DefaultPath = %s", got)
	}
	if got := DefaultPath("dev", "outputs/dev.json", false); got != filepath.Join("outputs", "dev-rds-ca.pem") {
		t.Errorf("real DefaultPath = %s", got)
	}
	_, err = Load(filepath.Join(t.TempDir(), "missing.pem"))
	if err == nil || !strings.Contains(err.Error(), "make rds-ca") {
		t.Errorf("a missing bundle must say how to get one: %v", err)
	}
}

func TestVerify(t *testing.T) {
	root, thumb := cert(t, "Amazon RDS Root CA RSA2048 G1", true)
	other, otherThumb := cert(t, "Amazon RDS Root CA RSA4096 G1", true)
	bundle := append(append([]byte{}, other...), root...)
	certs := []Certificate{
		{CertificateIdentifier: "rds-ca-rsa2048-g1", Thumbprint: thumb},
		{CertificateIdentifier: "rds-ca-rsa4096-g1", Thumbprint: otherThumb},
	}
	if _, err := Verify(bundle, certs, "rds-ca-rsa2048-g1"); err != nil {
		t.Fatalf("a bundle holding the CA: %v", err)
	}
	if _, err := Verify(other, certs, "rds-ca-rsa2048-g1"); err == nil || !strings.Contains(err.Error(), thumb) {
		t.Errorf("a bundle without the instance's CA was accepted: %v", err)
	}
	if _, err := Verify(bundle, certs[1:], "rds-ca-rsa2048-g1"); err == nil || !strings.Contains(err.Error(), "lists no certificate rds-ca-rsa2048-g1") {
		t.Errorf("an identifier the API does not list was accepted: %v", err)
	}
	standIn, err := os.ReadFile(filepath.Join("..", "..", ExamplePath))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Parse(standIn)
	block, _ := pem.Decode([]byte(b.PEM))
	sum := sha1.Sum(block.Bytes)
	if _, err := Verify(standIn, []Certificate{{CertificateIdentifier: "rds-ca-rsa2048-g1", Thumbprint: hex.EncodeToString(sum[:])}}, "rds-ca-rsa2048-g1"); err == nil {
		t.Error("the stand-in was accepted as a downloaded bundle")
	}
}
