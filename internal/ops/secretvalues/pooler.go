package secretvalues

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"time"

	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/internal/contract/pooler"
)

const (
	// VaultEncKeyLen: Supavisor uses VAULT_ENC_KEY as an AES-256-GCM key
	// (Cloak), so exactly 32 bytes.
	VaultEncKeyLen = 32
	// PoolerCertValidity is how long the pooler's certificate and its CA
	// are valid; a rotation of the pooler secret keeps them (see Rotate).
	PoolerCertValidity = 5 * 365 * 24 * time.Hour
)

// poolerValues generates the pooler secret: Supavisor's keys, the two
// roles' passwords, and a private CA with the certificate Supavisor
// presents to clients that ask for TLS. The CA's key is thrown away: the
// CA signs this one certificate and nothing else.
func (g Generator) poolerValues(str func(int) string, region string) (map[string]string, error) {
	v := map[string]string{
		"secret_key_base":    str(SecretKeyBaseLen),
		"vault_enc_key":      str(VaultEncKeyLen),
		"api_jwt_secret":     str(JWTSecretLen),
		"metrics_jwt_secret": str(JWTSecretLen),
		"supavisor_password": str(PasswordLen),
		"app_user_password":  str(PasswordLen),
	}
	ca, cert, key, err := g.poolerCertificate(region)
	if err != nil {
		return nil, err
	}
	v["tls_ca"], v["tls_cert"], v["tls_key"] = ca, cert, key
	return v, nil
}

// PoolerCertNames are the names the pooler's certificate is valid for: its
// Service inside the cluster, and any NLB of the region (the internal NLB's
// name is chosen by AWS when the load balancer controller creates it).
func PoolerCertNames(region string) []string {
	host := pooler.ServiceHost()
	return []string{host, pooler.Service, pooler.Service + "." + outputs.Namespace, pooler.Service + "." + outputs.Namespace + ".svc",
		"*.elb." + region + ".amazonaws.com"}
}

func (g Generator) poolerCertificate(region string) (caPEM, certPEM, keyPEM string, err error) {
	rnd := g.Rand
	if rnd == nil {
		rnd = rand.Reader
	}
	now := time.Now
	if g.Now != nil {
		now = g.Now
	}
	notBefore := now().Add(-time.Hour)
	serial := func() (*big.Int, error) { return rand.Int(rnd, new(big.Int).Lsh(big.NewInt(1), 127)) }
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rnd)
	if err != nil {
		return "", "", "", err
	}
	caSerial, err := serial()
	if err != nil {
		return "", "", "", err
	}
	caTmpl := &x509.Certificate{
		SerialNumber: caSerial, Subject: pkix.Name{CommonName: "supabase-eks pooler CA"},
		NotBefore: notBefore, NotAfter: notBefore.Add(PoolerCertValidity),
		IsCA: true, BasicConstraintsValid: true, MaxPathLenZero: true,
		KeyUsage: x509.KeyUsageCertSign,
	}
	caDER, err := x509.CreateCertificate(rnd, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		return "", "", "", err
	}
	caCert, err := x509.ParseCertificate(caDER)
	if err != nil {
		return "", "", "", err
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rnd)
	if err != nil {
		return "", "", "", err
	}
	srvSerial, err := serial()
	if err != nil {
		return "", "", "", err
	}
	names := PoolerCertNames(region)
	srvTmpl := &x509.Certificate{
		SerialNumber: srvSerial, Subject: pkix.Name{CommonName: names[0]}, DNSNames: names,
		NotBefore: notBefore, NotAfter: notBefore.Add(PoolerCertValidity),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rnd, srvTmpl, caCert, &key.PublicKey, caKey)
	if err != nil {
		return "", "", "", err
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return "", "", "", err
	}
	enc := func(typ string, b []byte) string { return string(pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: b})) }
	return enc("CERTIFICATE", caDER), enc("CERTIFICATE", der), enc("PRIVATE KEY", keyDER), nil
}

// PoolerConnection is the application teams' secret, derived from the
// pooler secret's values: URLs for both ports of the pooler's in-cluster
// Service, the user name (<role>.<tenant>) and password apart, and the CA
// that verifies the pooler's certificate.
func PoolerConnection(poolerValues map[string]string, tenant, database string) (map[string]string, error) {
	pw := poolerValues["app_user_password"]
	if pw == "" || poolerValues["tls_ca"] == "" {
		return nil, fmt.Errorf("the %s secret has no app_user_password or tls_ca yet: run secrets init (or rotate %s) first", outputs.SecretPooler, outputs.SecretPooler)
	}
	if tenant == "" {
		return nil, fmt.Errorf("no pooler tenant configured (workloads.pooler.tenant)")
	}
	const role = "app_user"
	esc := pooler.EscapePassword(pw)
	v := map[string]string{
		"transaction_url": pooler.URL(role, tenant, esc, pooler.ServiceHost(), pooler.TransactionPort, database),
		"session_url":     pooler.URL(role, tenant, esc, pooler.ServiceHost(), pooler.SessionPort, database),
		"username":        pooler.User(role, tenant),
		"password":        pw,
		"ca_cert":         poolerValues["tls_ca"],
	}
	if err := CheckKeys(outputs.SecretPoolerConnection, v); err != nil {
		return nil, err
	}
	return v, nil
}

// bind gives the generator what the outputs and the store decide: the
// region (the certificate's NLB names), the database name and the pooler
// secret's current value, when it has one (pooler_connection derives from
// it). A pooler secret that cannot be read leaves pooler_connection to
// fail with its own error.
func (g *Generator) bind(ctx context.Context, store Store, o *outputs.Outputs) {
	if g.Region == "" {
		g.Region = o.Region
	}
	g.database = o.DBName
	if current, ok, err := store.Current(ctx, o.SecretNames[outputs.SecretPooler]); err == nil && ok && current != "" {
		if v, err := Decode(current); err == nil {
			g.pooler = v
		}
	}
}
