package conformance

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/internal/contract/pooler"
	"github.com/supabase-eks/supabase-eks/internal/ops/secretvalues"
	"github.com/supabase-eks/supabase-eks/k8s/dbbootstrap"
)

// CAAnnotation marks the rendered ConfigMap that holds the RDS CA bundle and
// pins its digest; the harness finds the bundle by it, checks the pin, and
// puts its private CA in the bundle's place.
const CAAnnotation = "supabase-eks/rds-ca-sha256"

// memoryStore is Secrets Manager for `secrets init`: values by name, and
// the RDS-managed master secret by ARN.
type memoryStore struct {
	mu     sync.Mutex
	values map[string]string
	// arns are the containers Terraform created: name -> ARN.
	arns map[string]string
}

func (m *memoryStore) Describe(_ context.Context, name string) (secretvalues.Description, error) {
	arn, ok := m.arns[name]
	if !ok {
		return secretvalues.Description{}, secretvalues.ErrNotFound
	}
	return secretvalues.Description{ARN: arn}, nil
}

func (m *memoryStore) Current(_ context.Context, name string) (string, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.values[name]
	return v, ok, nil
}

func (m *memoryStore) Put(_ context.Context, name, value, _ string) (string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.values[name] = value
	return "v" + strconv.Itoa(len(m.values)), nil
}

func (m *memoryStore) remote(id string) (string, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.values[id]
	return v, ok
}

// Harness is one environment's rendered manifests run against an RDS
// imitation with the real clients.
type Harness struct {
	T       testing.TB
	Dist    *Rendered
	Out     *outputs.Outputs
	RDS     *RDS
	Clients string // directory with storage/ and meta/ node_modules
	Scripts string // directory of the .cjs client scripts
	BinDir  string
	// CAErr is what UseCA found wrong with the rendered bundle, if anything.
	CAErr error
	// Pooler stands in for Supavisor when the environment renders it
	// (see PoolerStandIn for what it does not emulate).
	Pooler *PoolerStandIn
	tmp    string
	store  *memoryStore
}

// MasterPassword is what the harness's "RDS" puts in the master secret: the
// characters a generated RDS password may hold that break naive quoting.
const MasterPassword = `m@ster/p:w'x"%&`

// NewHarness seeds Secrets Manager with the real `secrets init`, adds the
// RDS-managed master secret, materializes dist/<env> from it, starts the RDS
// imitation at the rendered endpoint and puts its CA in the bundle's place.
func NewHarness(t testing.TB, distDir, outputsFile string) *Harness {
	t.Helper()
	return NewHarnessAt(t, distDir, outputsFile, rdsBinDir(t))
}

// NewHarnessAt is NewHarness with the PostgreSQL binaries of bin (server and
// psql): the restore drill runs the server whose major its pg_dump and
// pg_restore can read (see restoreBinDirs).
func NewHarnessAt(t testing.TB, distDir, outputsFile, bin string) *Harness {
	t.Helper()
	clients := clientsDir(t)
	out, err := outputs.Load(outputsFile)
	if err != nil {
		t.Fatal(err)
	}
	store := &memoryStore{values: map[string]string{}, arns: map[string]string{}}
	for logical, name := range out.SecretNames {
		store.arns[name] = out.SecretARNs[logical]
	}
	env, err := config.Load(out.Environment)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := secretvalues.Init(context.Background(), store, out, secretvalues.Generator{PoolerTenant: env.Workloads.Pooler.Tenant}, io.Discard); err != nil {
		t.Fatalf("secrets init: %v", err)
	}
	master, err := secretvalues.Encode(map[string]string{"username": out.DBMasterUsername, "password": MasterPassword})
	if err != nil {
		t.Fatal(err)
	}
	store.values[out.DBMasterSecretARN] = master
	h := &Harness{T: t, Out: out, Clients: clients, BinDir: bin, tmp: t.TempDir(), store: store}
	_, self, _, _ := callerFile()
	h.Scripts = filepath.Join(filepath.Dir(self), "clients")
	h.Dist = h.Load(distDir)
	h.RDS = StartRDS(t, RDSOptions{BinDir: bin, Endpoint: out.DBHost, Port: out.DBPort, Database: out.DBName, Master: out.DBMasterUsername, MasterPassword: MasterPassword})
	h.CAErr = h.UseCA(h.Dist)
	if _, ok := h.Dist.Workloads["deployment/"+pooler.Service]; ok {
		h.Pooler = StartPoolerStandIn(t, pooler.ServiceHost(), pooler.TransactionPort, env.Workloads.Pooler.Tenant, h.RDS)
	}
	return h
}

// Load materializes a dist directory from the harness's Secrets Manager.
func (h *Harness) Load(dir string) *Rendered {
	h.T.Helper()
	r, err := LoadRendered(dir, h.store.remote)
	if err != nil {
		h.T.Fatal(err)
	}
	return r
}

// UseCA checks each CA bundle ConfigMap against its pinned digest and puts
// the RDS imitation's CA in its place, as a real render carries the RDS
// bundle in place of the example stand-in.
func (h *Harness) UseCA(r *Rendered) error {
	found := 0
	for name, ann := range r.ConfigMapAnnotations {
		pin, ok := ann[CAAnnotation]
		if !ok {
			continue
		}
		found++
		for key, pem := range r.ConfigMaps[name] {
			sum := sha256.Sum256([]byte(pem))
			if got := hex.EncodeToString(sum[:]); got != pin {
				return fmt.Errorf("ConfigMap %s key %s: sha256 %s, but %s pins %s", name, key, got, CAAnnotation, pin)
			}
			r.ConfigMaps[name][key] = string(h.RDS.CAPEM)
		}
	}
	if found == 0 {
		return fmt.Errorf("%s renders no ConfigMap annotated %s (the RDS CA bundle)", r.Dir, CAAnnotation)
	}
	return nil
}

// Container resolves a rendered container or fails the test.
func (h *Harness) Container(r *Rendered, id, name string) *Container {
	h.T.Helper()
	c, err := r.Container(id, name)
	if err != nil {
		h.T.Fatal(err)
	}
	return c
}

// baseEnv is what every process gets besides its container's environment.
func (h *Harness) baseEnv() []string {
	return []string{"PATH=" + h.BinDir + ":" + os.Getenv("PATH"), "HOME=" + h.tmp, "LANG=C.UTF-8", "PGPASSFILE=/dev/null"}
}

// localFiles gives the process the files its environment points at: each
// value that is a path inside one of the container's mounts is written to a
// local file and the value rewritten to it. A path no mount holds is left
// as it is, so the process sees what the container would: no such file.
// It returns errors rather than failing h.T: subtests call it.
func (h *Harness) localFiles(c *Container) ([]string, error) {
	var env []string
	for _, e := range c.Env {
		v := e.Value
		if strings.HasPrefix(v, "/") && !strings.ContainsAny(v, " :,") {
			if data, err := c.File(v); err == nil {
				local := filepath.Join(h.tmp, "files", c.Workload, v)
				if err := os.MkdirAll(filepath.Dir(local), 0o755); err != nil {
					return nil, err
				}
				if err := os.WriteFile(local, data, 0o644); err != nil {
					return nil, err
				}
				v = local
			}
		}
		env = append(env, e.Name+"="+v)
	}
	return env, nil
}

// Exec runs a program with env and returns its combined output.
func (h *Harness) Exec(timeout time.Duration, env []string, stdin string, name string, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = env
	cmd.Stdin = strings.NewReader(stdin)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if ctx.Err() != nil {
		err = fmt.Errorf("%s timed out after %s", name, timeout)
	}
	return out.String(), err
}

// node runs a client script with one of the installed client stacks.
func (h *Harness) node(stack string, env []string, stdin string, script string, args ...string) (string, error) {
	return h.Exec(2*time.Minute, h.nodeEnv(stack, env), stdin, "node", append([]string{filepath.Join(h.Scripts, script)}, args...)...)
}

// nodeEnv is the environment of a Node process of the harness: env (the
// container's, resolved) plus the client stack's modules on NODE_PATH (none
// when stack is empty) and the hosts preload that resolves the endpoint.
func (h *Harness) nodeEnv(stack string, env []string) []string {
	out := append(append(h.baseEnv(), env...),
		"SUPABASE_EKS_HOSTS="+h.hostsJSON(),
		"NODE_OPTIONS=--require "+filepath.Join(h.Scripts, "hosts.cjs"))
	if stack != "" {
		out = append(out, "NODE_PATH="+filepath.Join(h.Clients, stack, "node_modules"))
	}
	return out
}

func (h *Harness) hostsJSON() string {
	hosts := h.RDS.Hosts()
	if h.Pooler != nil {
		hosts[h.Pooler.Host] = h.Pooler.Addr
	}
	b, _ := json.Marshal(hosts)
	return string(b)
}

// Bootstrap runs the rendered bootstrap Job's command against the
// imitation: the Job's own environment and SQL files (from its ConfigMap
// through its volume mount), psql of the RDS version. The one difference:
// each -f file runs as its own psql with the Job's options, so that the
// files dbbootstrap.RDSSuperuserFiles names run with the RDS superuser
// allowance (see RDS). It returns psql's output. t is the calling (sub)test,
// which the allowance fails if the server cannot be changed.
func (h *Harness) Bootstrap(t testing.TB, r *Rendered) (string, error) {
	t.Helper()
	var job string
	for id, w := range r.Workloads {
		if w.Kind != "Job" {
			continue
		}
		for _, c := range w.Pod.Containers {
			if len(c.Command) > 0 && c.Command[0] == "psql" {
				if job != "" {
					return "", fmt.Errorf("two Jobs run psql: %s and %s", job, id)
				}
				job = id + "\x00" + c.Name
			}
		}
	}
	if job == "" {
		return "", fmt.Errorf("%s renders no Job running psql (the database bootstrap)", r.Dir)
	}
	id, name, _ := strings.Cut(job, "\x00")
	c, err := r.Container(id, name)
	if err != nil {
		return "", err
	}
	argv := append(append([]string(nil), c.Command...), c.Args...)
	var opts, files []string
	for i := 1; i < len(argv); i++ {
		if argv[i] == "-f" && i+1 < len(argv) {
			files = append(files, argv[i+1])
			i++
			continue
		}
		opts = append(opts, argv[i])
	}
	if len(files) == 0 {
		return "", fmt.Errorf("%s: psql runs no -f file: %q", id, argv)
	}
	local, err := h.localFiles(c)
	if err != nil {
		return "", fmt.Errorf("%s: %w", id, err)
	}
	env := append(append(h.baseEnv(), local...), h.RDS.LibpqEnv()...)
	var all strings.Builder
	for _, f := range files {
		data, err := c.File(f)
		if err != nil {
			return all.String(), fmt.Errorf("%s: %w", id, err)
		}
		local := filepath.Join(h.tmp, "bootstrap", filepath.Base(f))
		if err := os.MkdirAll(filepath.Dir(local), 0o755); err != nil {
			return "", err
		}
		if err := os.WriteFile(local, data, 0o644); err != nil {
			return "", err
		}
		run := func() error {
			out, err := h.Exec(2*time.Minute, env, "", filepath.Join(h.BinDir, "psql"), append(append([]string(nil), opts...), "-f", local)...)
			all.WriteString(out)
			if err != nil {
				return fmt.Errorf("%s (%s): %w\n%s", id, filepath.Base(f), err, out)
			}
			return nil
		}
		runErr := run
		if slices.Contains(dbbootstrap.RDSSuperuserFiles, filepath.Base(f)) {
			runErr = func() error { return h.RDS.WithRDSSuperuserAllowance(t, run) }
		}
		if err := runErr(); err != nil {
			return all.String(), err
		}
	}
	return all.String(), nil
}

// Psql runs sql through psql with the libpq environment given, plus the
// address the endpoint resolves to; unaligned, tuples only.
func (h *Harness) Psql(env []string, sql string, extra ...string) (string, error) {
	env = append(append(h.baseEnv(), env...), h.RDS.LibpqEnv()...)
	args := append([]string{"-X", "-w", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1"}, extra...)
	out, err := h.Exec(time.Minute, env, sql, filepath.Join(h.BinDir, "psql"), append(args, "-f", "-")...)
	return strings.TrimSpace(out), err
}

// Meta is a running postgres-meta.
type Meta struct {
	URL string
	log *syncBuffer
}

// Log is what postgres-meta printed so far.
func (m *Meta) Log() string { return m.log.String() }

// syncBuffer collects a child process's output; the test may read it while
// the process still writes (a failure report of a live server).
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// StartMeta runs postgres-meta from npm, at the rendered image's version,
// with the meta container's environment. Only where it listens changes
// (PG_META_HOST, PG_META_PORT): loopback and a free port.
func (h *Harness) StartMeta(c *Container) *Meta {
	h.T.Helper()
	port := freePortPair(h.T)
	local, err := h.localFiles(c)
	if err != nil {
		h.T.Fatal(err)
	}
	env := h.nodeEnv("", append(local, "PG_META_HOST=127.0.0.1", "PG_META_PORT="+strconv.Itoa(port)))
	server := filepath.Join(h.Clients, "meta", "node_modules", "@supabase", "postgres-meta", "dist", "server", "server.js")
	cmd := exec.Command("node", server)
	cmd.Env = env
	m := &Meta{URL: "http://127.0.0.1:" + strconv.Itoa(port), log: &syncBuffer{}}
	cmd.Stdout, cmd.Stderr = m.log, m.log
	if err := cmd.Start(); err != nil {
		h.T.Fatalf("start postgres-meta: %v", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	h.T.Cleanup(func() {
		_ = cmd.Process.Kill()
		<-exited
	})
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-exited:
			exited <- err // for the clean-up
			h.T.Fatalf("postgres-meta exited before answering /health (%v):\n%s", err, m.Log())
		default:
		}
		resp, err := http.Get(m.URL + "/health")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return m
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	h.T.Fatalf("postgres-meta did not answer /health within 60 s:\n%s", m.Log())
	return nil
}

// Call makes one request to postgres-meta and decodes the JSON answer.
func (m *Meta) Call(method, path string, body any, header map[string]string) (int, json.RawMessage, error) {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return 0, nil, err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, m.URL+path, rd)
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	for k, v := range header {
		req.Header.Set(k, v)
	}
	client := &http.Client{Timeout: 90 * time.Second}
	resp, err := client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	return resp.StatusCode, data, err
}

// freePortPair finds a port p with p+1 also free (postgres-meta serves its
// metrics one port up).
func freePortPair(t testing.TB) int {
	t.Helper()
	for i := 0; i < 50; i++ {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		p := l.Addr().(*net.TCPAddr).Port
		l2, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(p+1))
		l.Close()
		if err == nil {
			l2.Close()
			return p
		}
	}
	t.Fatal("no two adjacent free ports")
	return 0
}
