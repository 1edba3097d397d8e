package conformance

import (
	"bytes"
	"crypto/tls"
	"encoding/binary"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// PoolerStandIn plays the part of Supavisor that a client sees when it
// connects, so that the rendered pooler URLs can be used by the real
// clients: it accepts plain TCP (the URLs say sslmode=disable), takes the
// user name apart at its last dot as Supavisor does (<role>.<tenant>),
// refuses another tenant, logs in to the RDS imitation as <role> over TLS
// without verifying it (the tenant's upstream_ssl with upstream_verify none)
// and then passes the session through; the client authenticates with the
// role's password against the server (SCRAM), as it would against
// Supavisor with the password the tenant stores.
//
// What it does NOT do: pooling. Each client session gets its own server
// session, so transaction-mode behaviour (server connections shared
// between transactions, session state lost between them) is not exercised.
type PoolerStandIn struct {
	Host   string
	Addr   string
	Tenant string

	mu     sync.Mutex
	logins []string
	ln     net.Listener
}

// StartPoolerStandIn listens on a free loopback address at port (the port
// the rendered URLs dial) and forwards to rds.
func StartPoolerStandIn(t testing.TB, host string, port int, tenant string, rds *RDS) *PoolerStandIn {
	t.Helper()
	addr, err := freeLoopback(port)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(addr, strconv.Itoa(port)))
	if err != nil {
		t.Fatal(err)
	}
	p := &PoolerStandIn{Host: host, Addr: addr, Tenant: tenant, ln: ln}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go p.serve(c, rds)
		}
	}()
	return p
}

// Logins lists the user names clients logged in with, in order.
func (p *PoolerStandIn) Logins() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.logins...)
}

const (
	protocolV3 = 196608
	sslRequest = 80877103
)

func (p *PoolerStandIn) serve(client net.Conn, rds *RDS) {
	defer client.Close()
	params, err := readStartup(client)
	if err != nil {
		return
	}
	user := params["user"]
	p.mu.Lock()
	p.logins = append(p.logins, user)
	p.mu.Unlock()
	i := strings.LastIndex(user, ".")
	if i < 0 || user[i+1:] != p.Tenant {
		sendFatal(client, "28000", fmt.Sprintf("Tenant or user not found: %q (want <role>.%s)", user, p.Tenant))
		return
	}
	params["user"] = user[:i]
	raw, err := net.Dial("tcp", net.JoinHostPort(rds.Addr, strconv.Itoa(rds.Port)))
	if err != nil {
		sendFatal(client, "08006", "upstream: "+err.Error())
		return
	}
	defer raw.Close()
	var req [8]byte
	binary.BigEndian.PutUint32(req[0:], 8)
	binary.BigEndian.PutUint32(req[4:], sslRequest)
	if _, err := raw.Write(req[:]); err != nil {
		return
	}
	var answer [1]byte
	if _, err := io.ReadFull(raw, answer[:]); err != nil || answer[0] != 'S' {
		sendFatal(client, "08006", "upstream refused TLS")
		return
	}
	// upstream_verify none: encrypted, not verified.
	server := tls.Client(raw, &tls.Config{ServerName: rds.Endpoint, InsecureSkipVerify: true}) //nolint:gosec // what the tenant configures
	if err := server.Handshake(); err != nil {
		sendFatal(client, "08006", "upstream TLS: "+err.Error())
		return
	}
	if _, err := server.Write(startupMessage(params)); err != nil {
		return
	}
	done := make(chan struct{}, 2)
	go func() { _, _ = io.Copy(server, client); done <- struct{}{} }()
	go func() { _, _ = io.Copy(client, server); done <- struct{}{} }()
	<-done
}

// readStartup reads a client's startup message, declining TLS first if the
// client asks (the stand-in has no certificate for clients).
func readStartup(c net.Conn) (map[string]string, error) {
	for {
		var hdr [8]byte
		if _, err := io.ReadFull(c, hdr[:]); err != nil {
			return nil, err
		}
		n := binary.BigEndian.Uint32(hdr[0:])
		code := binary.BigEndian.Uint32(hdr[4:])
		if code == sslRequest {
			if _, err := c.Write([]byte{'N'}); err != nil {
				return nil, err
			}
			continue
		}
		if code != protocolV3 || n < 8 || n > 10000 {
			return nil, fmt.Errorf("unexpected startup code %d", code)
		}
		body := make([]byte, n-8)
		if _, err := io.ReadFull(c, body); err != nil {
			return nil, err
		}
		fields := bytes.Split(bytes.TrimRight(body, "\x00"), []byte{0})
		params := map[string]string{}
		for i := 0; i+1 < len(fields); i += 2 {
			params[string(fields[i])] = string(fields[i+1])
		}
		return params, nil
	}
}

func startupMessage(params map[string]string) []byte {
	var body bytes.Buffer
	_ = binary.Write(&body, binary.BigEndian, uint32(protocolV3))
	for k, v := range params {
		body.WriteString(k)
		body.WriteByte(0)
		body.WriteString(v)
		body.WriteByte(0)
	}
	body.WriteByte(0)
	out := make([]byte, 4, 4+body.Len())
	binary.BigEndian.PutUint32(out, uint32(4+body.Len()))
	return append(out, body.Bytes()...)
}

func sendFatal(c net.Conn, code, msg string) {
	var f bytes.Buffer
	for _, kv := range [][2]string{{"S", "FATAL"}, {"C", code}, {"M", msg}} {
		f.WriteString(kv[0])
		f.WriteString(kv[1])
		f.WriteByte(0)
	}
	f.WriteByte(0)
	out := []byte{'E', 0, 0, 0, 0}
	binary.BigEndian.PutUint32(out[1:], uint32(4+f.Len()))
	_, _ = c.Write(append(out, f.Bytes()...))
}
