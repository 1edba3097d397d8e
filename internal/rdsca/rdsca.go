// Package rdsca owns the certificate bundle that clients verify the RDS
// server certificate with. Amazon RDS presents a chain from its own CA
// (the instance's ca_cert_identifier), which is in neither Node's nor
// Debian's trust store; node-postgres (Storage) verifies the chain and the
// host name whenever a URL says sslmode=require, so without the bundle it
// cannot connect at all.
//
// The bundle is an input of the k8s render like the outputs file: real
// renders read outputs/<env>-rds-ca.pem (fetched and verified at deploy
// time by `supabase-eks rds-ca`), offline renders from the example outputs
// read a clearly labelled stand-in that verifies nothing. Pods never fetch
// anything: the bundle is a ConfigMap in dist/, reviewed like any change.
package rdsca

import (
	"crypto/sha1" // #nosec G505 -- the RDS API identifies CAs by SHA-1 thumbprint
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// ExamplePath is the stand-in bundle offline renders use.
const ExamplePath = "examples/rds-ca/stand-in.pem"

// standInMarker is in the stand-in's subject; a real render refuses it.
const standInMarker = "NOT the Amazon RDS CA"

// DefaultPath is where the bundle of env is read from: next to its outputs
// file, or the stand-in when the outputs are the examples.
func DefaultPath(env, outputsPath string, example bool) string {
	if example {
		return ExamplePath
	}
	return filepath.Join(filepath.Dir(outputsPath), env+"-rds-ca.pem")
}

// Bundle is a parsed, checked CA bundle.
type Bundle struct {
	// PEM holds the certificates only, re-encoded (comments dropped).
	PEM string
	// SHA256 is the hex digest of PEM: what the rendered objects pin.
	SHA256 string
	// Subjects of the certificates, in file order.
	Subjects []string
	// StandIn is true for the example stand-in.
	StandIn bool
	// Source is the file it came from.
	Source string
	// thumbprints are the SHA-1 hex digests of the certificates' DER, in
	// file order: how the RDS API identifies a CA.
	thumbprints []string
}

// Load reads and checks the bundle at path: PEM certificates only, at least
// one, each a CA certificate.
func Load(path string) (Bundle, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return Bundle{}, fmt.Errorf("RDS CA bundle %s does not exist: run `make rds-ca ENV=<env>` after the outputs step (it downloads the region's bundle and checks it against `aws rds describe-certificates`)", path)
	}
	if err != nil {
		return Bundle{}, err
	}
	b, err := Parse(data)
	if err != nil {
		return Bundle{}, fmt.Errorf("RDS CA bundle %s: %w", path, err)
	}
	b.Source = path
	return b, nil
}

// Parse checks a bundle's content.
func Parse(data []byte) (Bundle, error) {
	var b Bundle
	var out strings.Builder
	rest := data
	for n := 1; ; n++ {
		var block *pem.Block
		block, rest = pem.Decode(rest)
		if block == nil {
			break
		}
		if block.Type != "CERTIFICATE" {
			return Bundle{}, fmt.Errorf("PEM block %d is a %s, want only CERTIFICATE blocks", n, block.Type)
		}
		cert, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			return Bundle{}, fmt.Errorf("certificate %d: %w", n, err)
		}
		if !cert.IsCA {
			return Bundle{}, fmt.Errorf("certificate %d (%s) is not a CA certificate", n, cert.Subject)
		}
		b.Subjects = append(b.Subjects, cert.Subject.String())
		thumb := sha1.Sum(block.Bytes) // #nosec G401 -- the RDS API's identifier, not a security digest
		b.thumbprints = append(b.thumbprints, hex.EncodeToString(thumb[:]))
		if strings.Contains(cert.Subject.String(), standInMarker) {
			b.StandIn = true
		}
		out.Write(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: block.Bytes}))
	}
	if len(b.Subjects) == 0 {
		return Bundle{}, errors.New("no PEM certificate in it")
	}
	b.PEM = out.String()
	sum := sha256.Sum256([]byte(b.PEM))
	b.SHA256 = hex.EncodeToString(sum[:])
	return b, nil
}

// Identifiers of the RDS certificate authorities an instance can use
// (ca_cert_identifier). Each regional bundle holds all three.
var Identifiers = []string{"rds-ca-rsa2048-g1", "rds-ca-rsa4096-g1", "rds-ca-ecc384-g1"}

// BundleURL is where AWS publishes the CA bundle of a region.
func BundleURL(region string) string {
	return "https://truststore.pki.rds.amazonaws.com/" + region + "/" + region + "-bundle.pem"
}

// Certificate is one entry of `aws rds describe-certificates`.
type Certificate struct {
	CertificateIdentifier string `json:"CertificateIdentifier"`
	Thumbprint            string `json:"Thumbprint"`
	ValidTill             string `json:"ValidTill"`
}

// Verify checks a downloaded bundle against what the RDS API (an
// authenticated source) says about the instance's CA: the bundle must hold
// the certificate named id, identified by its thumbprint (the SHA-1 of its
// DER encoding, as DescribeCertificates reports it), and nothing but CA
// certificates.
func Verify(data []byte, certs []Certificate, id string) (Bundle, error) {
	var want string
	for _, c := range certs {
		if c.CertificateIdentifier == id {
			want = strings.ToLower(strings.ReplaceAll(c.Thumbprint, ":", ""))
		}
	}
	if want == "" {
		return Bundle{}, fmt.Errorf("aws rds describe-certificates lists no certificate %s", id)
	}
	b, err := Parse(data)
	if err != nil {
		return Bundle{}, err
	}
	if b.StandIn {
		return Bundle{}, errors.New("the bundle is the example stand-in")
	}
	if slices.Contains(b.thumbprints, want) {
		return b, nil
	}
	return Bundle{}, fmt.Errorf("no certificate in the bundle has the thumbprint %s that the RDS API gives %s (the bundle's: %s)", want, id, strings.Join(b.thumbprints, ", "))
}
