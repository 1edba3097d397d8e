package conformance

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/supabase-eks/supabase-eks/internal/testkit/pgtest"
)

// RDSOptions describe the instance to imitate; they come from the rendered
// manifests and the outputs, so the certificate names the endpoint the
// clients are configured with and the port is the one they dial.
type RDSOptions struct {
	// BinDir holds the PostgreSQL binaries (the RDS engine version).
	BinDir string
	// Endpoint is the instance's DNS name; the server certificate is issued
	// for it, and clients reach it through a host mapping (see RDS.Addr).
	Endpoint string
	Port     int
	Database string
	// Master and MasterPassword are the RDS master user.
	Master, MasterPassword string
}

// RDS is a PostgreSQL server prepared the way Amazon RDS prepares an
// instance, as far as the components can tell from a connection:
//
//   - the only superuser, rdsadmin, can connect over the Unix socket only;
//   - the master is LOGIN CREATEROLE CREATEDB (not a superuser, no
//     BYPASSRLS, as AWS documents it), a member of rds_superuser, holds
//     rds_replication WITH ADMIN OPTION, and owns the database;
//   - TCP connections must use TLS (rds.force_ssl=1: pg_hba.conf has hostssl
//     lines only) and SCRAM;
//   - the server certificate is issued, per run, for the endpoint's name by
//     a private CA that stands in for the RDS CA bundle: like the RDS CA, no
//     client trusts it unless told to;
//   - wal_level=logical (rds.logical_replication=1).
//
// Where it differs from RDS (say so wherever a result depends on it): RDS
// lets rds_superuser members do a few things vanilla PostgreSQL reserves to
// superusers (create event triggers; grant BYPASSRLS); the imitation grants
// those only through WithRDSSuperuserAllowance. rds_replication carries no
// replication right here (on RDS it lets a member create replication slots).
type RDS struct {
	Server *pgtest.Server
	RDSOptions
	// Addr is the loopback address the server listens on; clients resolve
	// Endpoint to it (libpq: PGHOSTADDR; Node: the hosts preload).
	Addr string
	// CAPEM is the private CA certificate: the stand-in for the RDS bundle.
	CAPEM []byte
}

// StartRDS starts the imitation and registers its shutdown with t.
func StartRDS(t testing.TB, o RDSOptions) *RDS {
	t.Helper()
	ca, caKey, caPEM, err := newCA()
	if err != nil {
		t.Fatal(err)
	}
	certPEM, keyPEM, err := newServerCert(ca, caKey, o.Endpoint)
	if err != nil {
		t.Fatal(err)
	}
	addr, err := freeLoopback(o.Port)
	if err != nil {
		t.Fatal(err)
	}
	srv := pgtest.StartWithOptions(t, pgtest.Options{
		BinDir:    o.BinDir,
		Superuser: "rdsadmin",
		Host:      addr,
		Port:      o.Port,
		Socket:    true,
		// No hostnossl line: a plain-text connection finds no entry and is
		// refused with "no pg_hba.conf entry ... no encryption", as on RDS.
		HBA: "local   all rdsadmin          scram-sha-256\n" +
			"hostssl all rdsadmin all      reject\n" +
			"hostssl all all      all      scram-sha-256\n",
		Files: map[string][]byte{"server.crt": certPEM, "server.key": keyPEM},
		Settings: map[string]string{
			"ssl":                 "on",
			"ssl_cert_file":       "server.crt",
			"ssl_key_file":        "server.key",
			"password_encryption": "scram-sha-256",
			"max_connections":     "100",
		},
		ClientSSLMode: "require",
	})
	r := &RDS{Server: srv, RDSOptions: o, Addr: addr, CAPEM: caPEM}
	pw := strings.ReplaceAll(o.MasterPassword, "'", "''")
	srv.SuperQuery(t, "postgres", `
CREATE ROLE rds_superuser NOLOGIN;
CREATE ROLE rds_replication NOLOGIN;
GRANT rds_replication TO rds_superuser WITH ADMIN OPTION;
CREATE ROLE `+o.Master+` LOGIN CREATEROLE CREATEDB NOSUPERUSER NOREPLICATION NOBYPASSRLS INHERIT PASSWORD '`+pw+`';
GRANT rds_superuser TO `+o.Master+`;
GRANT rds_replication TO `+o.Master+` WITH ADMIN OPTION;
`)
	if o.Database == "postgres" {
		srv.SuperQuery(t, "postgres", `ALTER DATABASE postgres OWNER TO `+o.Master)
	} else {
		srv.SuperQuery(t, "postgres", `CREATE DATABASE `+o.Database+` OWNER `+o.Master)
	}
	if got := srv.SuperQuery(t, o.Database, `SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, rolreplication FROM pg_roles WHERE rolname = '`+o.Master+`'`); got != "f|t|t|f|f" {
		t.Fatalf("master imitation wrong: rolsuper|rolcreaterole|rolcreatedb|rolbypassrls|rolreplication = %s", got)
	}
	return r
}

// Major is the server's major version.
func (r *RDS) Major(t testing.TB) int {
	t.Helper()
	n, err := strconv.Atoi(r.Server.SuperQuery(t, "postgres", "SELECT current_setting('server_version_num')::int / 10000"))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// WithRDSSuperuserAllowance runs fn while the master may do what RDS lets
// rds_superuser do beyond vanilla PostgreSQL (event triggers, BYPASSRLS):
// the imitation makes the master a superuser for that long. Only steps the
// bootstrap marks as needing it run this way.
func (r *RDS) WithRDSSuperuserAllowance(t testing.TB, fn func() error) error {
	t.Helper()
	r.Server.SuperQuery(t, "postgres", "ALTER ROLE "+r.Master+" SUPERUSER")
	defer r.Server.SuperQuery(t, "postgres", "ALTER ROLE "+r.Master+" NOSUPERUSER")
	return fn()
}

// LibpqEnv is what a libpq client needs besides its own settings to reach
// the endpoint: the address the name resolves to. PGHOSTADDR skips the name
// lookup; the host name still is what TLS and error messages use.
func (r *RDS) LibpqEnv() []string { return []string{"PGHOSTADDR=" + r.Addr} }

// Hosts maps the endpoint to the server's address, for the Node preload.
func (r *RDS) Hosts() map[string]string { return map[string]string{r.Endpoint: r.Addr} }

// freeLoopback finds a 127.0.0.0/8 address where port is free, so the
// server can listen on the port the rendered manifests dial (5432) even
// when another server holds it on 127.0.0.1.
func freeLoopback(port int) (string, error) {
	for i := 0; i < 20; i++ {
		b := make([]byte, 3)
		_, _ = rand.Read(b)
		addr := fmt.Sprintf("127.%d.%d.%d", b[0]%200+20, b[1], b[2]%250+2)
		l, err := net.Listen("tcp", net.JoinHostPort(addr, strconv.Itoa(port)))
		if err != nil {
			continue
		}
		l.Close()
		return addr, nil
	}
	return "", fmt.Errorf("no loopback address with port %d free", port)
}

func newCA() (*x509.Certificate, *rsa.PrivateKey, []byte, error) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, nil, nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(time.Now().UnixNano()),
		Subject:               pkix.Name{CommonName: "supabase-eks conformance RDS CA stand-in", Organization: []string{"supabase-eks tests"}},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(24 * time.Hour),
		IsCA:                  true,
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, nil, nil, err
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, nil, nil, err
	}
	return cert, key, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), nil
}

func newServerCert(ca *x509.Certificate, caKey *rsa.PrivateKey, endpoint string) ([]byte, []byte, error) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(time.Now().UnixNano() + 1),
		Subject:      pkix.Name{CommonName: endpoint},
		DNSNames:     []string{endpoint},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(24 * time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
	if err != nil {
		return nil, nil, err
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return nil, nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}), nil
}
