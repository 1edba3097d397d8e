// Package pgtest starts a real, throwaway PostgreSQL server for tests.
//
// The server listens on 127.0.0.1 only, on a free port, with password
// (SCRAM) authentication for every connection, so tests can prove that a role
// really can or cannot log in. It runs from the machine's PostgreSQL binaries
// (PostgreSQL 15 at /usr/lib/postgresql/15/bin by default). initdb refuses to
// run as root and CI runs as root, so when the test process is root the
// server runs as the `postgres` OS user through `runuser -u postgres --`, with
// its data directory in a temporary directory owned by that user.
//
// Missing binaries skip the test with a message saying so, unless
// SUPABASE_EKS_REQUIRE_POSTGRES=1, which turns the skip into a failure: the
// validate gate sets it so that a machine without PostgreSQL cannot pass
// the database checks by skipping them.
package pgtest

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

const (
	// EnvRequire set to 1 makes missing PostgreSQL binaries a test failure
	// instead of a skip.
	EnvRequire = "SUPABASE_EKS_REQUIRE_POSTGRES"
	// EnvBinDir overrides the directory holding initdb, postgres, psql and
	// pg_isready.
	EnvBinDir = "SUPABASE_EKS_PG_BINDIR"
	// DefaultBinDir is where Debian's postgresql-15 package installs them.
	DefaultBinDir = "/usr/lib/postgresql/15/bin"
	// DefaultSuperuser is the bootstrap superuser's name. It is deliberately
	// not "postgres": Supabase components reference a role of that name, and
	// on RDS it is not a superuser either.
	DefaultSuperuser = "pgtest_superuser"
)

// requiredBinaries must all exist in the bin directory.
var requiredBinaries = []string{"initdb", "postgres", "psql", "pg_isready"}

// Options tune Start. The zero value is the normal configuration.
type Options struct {
	// BinDir holds the PostgreSQL binaries. Empty: $SUPABASE_EKS_PG_BINDIR,
	// then DefaultBinDir.
	BinDir string
	// Superuser names the bootstrap superuser. Empty: DefaultSuperuser.
	Superuser string
	// Settings are extra server settings (postgres -c name=value), for
	// instance shared_preload_libraries.
	Settings map[string]string
	// Host is the one address the server listens on. Empty: 127.0.0.1.
	Host string
	// Port is the TCP port. Zero: a free port. A fixed port that is taken
	// fails the start (no retry on another port).
	Port int
	// HBA replaces pg_hba.conf. Empty keeps initdb's (SCRAM for every
	// connection, over TCP and the socket).
	HBA string
	// Files are written into the data directory, owned by the server's user
	// with mode 0600, before the server starts (server.crt, server.key, ...).
	Files map[string][]byte
	// Socket makes the server listen on a Unix socket in a private
	// directory too (Server.SocketDir); the superuser's own queries
	// (SuperQuery) then go through it.
	Socket bool
	// ClientSSLMode is the PGSSLMODE of Env. Empty: disable.
	ClientSSLMode string
}

// Server is a running PostgreSQL server owned by one test.
type Server struct {
	BinDir            string
	Host              string
	Port              int
	Superuser         string
	SuperuserPassword string
	// DataDir is the cluster's data directory.
	DataDir string
	// SocketDir holds the Unix socket when Options.Socket is set.
	SocketDir string

	fixedPort     bool
	clientSSLMode string

	root    string // temporary directory holding DataDir and the log
	logPath string
	cmd     *exec.Cmd
	exited  chan struct{}
	pid     int

	stopOnce sync.Once
	stopErr  error
}

// Start initializes and starts a server and registers its shutdown (by pid)
// and the removal of its files with t.Cleanup, so both happen even when the
// test fails. It skips or fails the test when the binaries are missing; see
// the package comment.
func Start(t testing.TB) *Server {
	t.Helper()
	return StartWithOptions(t, Options{})
}

// StartWithOptions is Start with explicit options.
func StartWithOptions(t testing.TB, opts Options) *Server {
	t.Helper()
	binDir := opts.BinDir
	if binDir == "" {
		binDir = os.Getenv(EnvBinDir)
	}
	if binDir == "" {
		binDir = DefaultBinDir
	}
	if missing := missingBinaries(binDir); len(missing) > 0 {
		msg := fmt.Sprintf("PostgreSQL binaries %s not found in %s (set %s to another directory)",
			strings.Join(missing, ", "), binDir, EnvBinDir)
		if os.Getenv(EnvRequire) == "1" {
			t.Fatalf("%s; %s=1 requires a real PostgreSQL", msg, EnvRequire)
		}
		t.Skipf("%s; skipping (set %s=1 to make this a failure)", msg, EnvRequire)
	}
	superuser := opts.Superuser
	if superuser == "" {
		superuser = DefaultSuperuser
	}

	runAs, cred, err := serverIdentity()
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}

	root, err := os.MkdirTemp("", "pgtest-")
	if err != nil {
		t.Fatalf("pgtest: temp dir: %v", err)
	}
	// Registered first so it runs last, after the server has stopped.
	t.Cleanup(func() { _ = os.RemoveAll(root) })
	if err := os.Chmod(root, 0o700); err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	if cred != nil {
		if err := os.Chown(root, int(cred.Uid), int(cred.Gid)); err != nil {
			t.Fatalf("pgtest: chown %s to the postgres user: %v", root, err)
		}
	}

	tmpl, err := acquireTemplate(binDir, superuser, runAs, cred)
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	t.Cleanup(func() { releaseTemplate(tmpl) })

	host := opts.Host
	if host == "" {
		host = "127.0.0.1"
	}
	sslmode := opts.ClientSSLMode
	if sslmode == "" {
		sslmode = "disable"
	}
	s := &Server{
		BinDir:            binDir,
		Host:              host,
		Port:              opts.Port,
		fixedPort:         opts.Port != 0,
		clientSSLMode:     sslmode,
		Superuser:         superuser,
		SuperuserPassword: tmpl.password,
		DataDir:           filepath.Join(root, "data"),
		root:              root,
		logPath:           filepath.Join(root, "server.log"),
	}
	// cp -a keeps the postgres user's ownership and the 0700 mode that the
	// server insists on.
	if out, err := exec.Command("cp", "-a", tmpl.dataDir, s.DataDir).CombinedOutput(); err != nil {
		t.Fatalf("pgtest: copy the initdb template: %v\n%s", err, out)
	}
	files := map[string][]byte{}
	for name, content := range opts.Files {
		files[name] = content
	}
	if opts.HBA != "" {
		files["pg_hba.conf"] = []byte(opts.HBA)
	}
	for name, content := range files {
		if err := writeOwned(filepath.Join(s.DataDir, name), content, 0o600, cred); err != nil {
			t.Fatalf("pgtest: %v", err)
		}
	}
	if opts.Socket {
		s.SocketDir = filepath.Join(root, "socket")
		if err := os.Mkdir(s.SocketDir, 0o700); err != nil {
			t.Fatalf("pgtest: %v", err)
		}
		if cred != nil {
			if err := os.Chown(s.SocketDir, int(cred.Uid), int(cred.Gid)); err != nil {
				t.Fatalf("pgtest: chown %s: %v", s.SocketDir, err)
			}
		}
	}

	// A free port can be taken between our probe and the server's bind; retry
	// on that one failure.
	for attempt := 1; ; attempt++ {
		err := s.start(t, runAs, opts.Settings)
		if err == nil {
			return s
		}
		if attempt < 3 && errors.Is(err, errPortInUse) && !s.fixedPort {
			continue
		}
		t.Fatalf("pgtest: %v\n--- server log ---\n%s", err, s.logTail())
	}
}

var errPortInUse = errors.New("port already in use")

func (s *Server) start(t testing.TB, runAs []string, settings map[string]string) error {
	t.Helper()
	port := s.Port
	if !s.fixedPort {
		var err error
		if port, err = freePort(); err != nil {
			return err
		}
		s.Port = port
	}
	logFile, err := os.OpenFile(s.logPath, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	args := append(append([]string{}, runAs...),
		filepath.Join(s.BinDir, "postgres"),
		"-D", s.DataDir,
		"-c", "listen_addresses="+s.Host,
		"-c", "port="+strconv.Itoa(port),
		// No Unix socket unless asked for (in a private directory): the
		// default directory may not be writable by the server's user.
		"-c", "unix_socket_directories="+s.SocketDir,
		"-c", "fsync=off",
		"-c", "synchronous_commit=off",
		"-c", "full_page_writes=off",
		// RDS with rds.logical_replication=1, which Realtime needs.
		"-c", "wal_level=logical",
		"-c", "max_connections=40",
		"-c", "shared_buffers=32MB",
		"-c", "logging_collector=off",
	)
	names := make([]string, 0, len(settings))
	for name := range settings {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		args = append(args, "-c", name+"="+settings[name])
	}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdout = logFile
	cmd.Stderr = logFile
	// If the test binary dies without running cleanups, take the server down
	// with it. runuser forwards SIGTERM to its child.
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGTERM}
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return fmt.Errorf("start postgres: %w", err)
	}
	logFile.Close()
	// Each attempt gets its own channel: a retry must not let the previous
	// process's waiter close the new one.
	exited := make(chan struct{})
	s.cmd = cmd
	s.exited = exited
	s.pid = 0
	s.stopOnce = sync.Once{}
	go func() {
		_ = cmd.Wait()
		close(exited)
	}()

	ready := false
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-s.exited:
			if strings.Contains(s.logTail(), "Address already in use") {
				return errPortInUse
			}
			return fmt.Errorf("postgres exited during startup")
		default:
		}
		if s.pid == 0 {
			s.pid = readPostmasterPid(s.DataDir)
		}
		probe := exec.Command(filepath.Join(s.BinDir, "pg_isready"), "-q", "-h", s.Host, "-p", strconv.Itoa(port), "-t", "1")
		if probe.Run() == nil {
			ready = true
			break
		}
		time.Sleep(40 * time.Millisecond)
	}
	if s.pid == 0 {
		s.pid = readPostmasterPid(s.DataDir)
	}
	// Stop by pid even if startup went wrong below.
	t.Cleanup(func() {
		if err := s.Stop(); err != nil {
			t.Errorf("pgtest: %v", err)
		}
		if t.Failed() {
			t.Logf("pgtest: server log tail:\n%s", s.logTail())
		}
	})
	if !ready {
		return fmt.Errorf("postgres not ready on %s:%d after 30s", s.Host, port)
	}
	if s.pid == 0 {
		return fmt.Errorf("postgres is ready but %s has no pid", filepath.Join(s.DataDir, "postmaster.pid"))
	}
	return nil
}

// Pid is the postmaster's process id.
func (s *Server) Pid() int { return s.pid }

// Stop shuts the server down by signalling the postmaster's pid: SIGINT (fast
// shutdown), then SIGQUIT, then SIGKILL if it does not go away. It is safe to
// call more than once; t.Cleanup calls it too.
func (s *Server) Stop() error {
	s.stopOnce.Do(func() { s.stopErr = s.stop() })
	return s.stopErr
}

func (s *Server) stop() error {
	if s.cmd == nil {
		return nil
	}
	pid := s.pid
	if pid == 0 {
		pid = readPostmasterPid(s.DataDir)
	}
	if pid == 0 {
		// Never wrote its pid file: it is our direct child or runuser's.
		pid = s.cmd.Process.Pid
	}
	for _, step := range []struct {
		sig  syscall.Signal
		wait time.Duration
	}{{syscall.SIGINT, 30 * time.Second}, {syscall.SIGQUIT, 5 * time.Second}, {syscall.SIGKILL, 5 * time.Second}} {
		if !alive(pid) {
			break
		}
		_ = syscall.Kill(pid, step.sig)
		deadline := time.Now().Add(step.wait)
		for alive(pid) && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
	}
	select {
	case <-s.exited:
	case <-time.After(10 * time.Second):
		_ = s.cmd.Process.Kill()
		<-s.exited
	}
	if alive(pid) {
		return fmt.Errorf("postgres pid %d still running after shutdown", pid)
	}
	return nil
}

// alive reports whether pid exists and is not a zombie.
func alive(pid int) bool {
	if pid <= 0 {
		return false
	}
	if err := syscall.Kill(pid, 0); err != nil {
		return !errors.Is(err, syscall.ESRCH)
	}
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return true
	}
	// Field 3, after the parenthesised command name, is the state.
	if i := bytes.LastIndexByte(stat, ')'); i >= 0 && i+2 < len(stat) {
		return stat[i+2] != 'Z'
	}
	return true
}

// Env is a clean environment for libpq clients connecting as user to
// database. Nothing from the caller's environment except PATH leaks in, so
// a developer's PG* variables or ~/.pgpass cannot change what a test means.
func (s *Server) Env(user, password, database string) []string {
	return []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + s.root,
		"LANG=C",
		"LC_ALL=C",
		"PGHOST=" + s.Host,
		"PGPORT=" + strconv.Itoa(s.Port),
		"PGUSER=" + user,
		"PGPASSWORD=" + password,
		"PGDATABASE=" + database,
		"PGSSLMODE=" + s.clientSSLMode,
		"PGCONNECT_TIMEOUT=10",
		"PGPASSFILE=/dev/null",
		"PGAPPNAME=pgtest",
	}
}

// PsqlPath is the psql binary next to the server.
func (s *Server) PsqlPath() string { return filepath.Join(s.BinDir, "psql") }

// Result is what one psql run printed.
type Result struct {
	Stdout, Stderr string
	// ExitCode is psql's exit status (3: a script error with ON_ERROR_STOP).
	ExitCode int
}

// Psql runs psql (with -X and -w: no psqlrc, never prompt) as user, with
// extraEnv appended to Env and stdin fed to it. err is non-nil when psql
// exits non-zero; Result is filled either way.
func (s *Server) Psql(user, password, database string, extraEnv []string, stdin string, args ...string) (Result, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, s.PsqlPath(), append([]string{"-X", "-w"}, args...)...)
	cmd.Env = append(s.Env(user, password, database), extraEnv...)
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	err := cmd.Run()
	res := Result{Stdout: stdout.String(), Stderr: stderr.String(), ExitCode: cmd.ProcessState.ExitCode()}
	if err != nil {
		return res, fmt.Errorf("psql as %s on %s: %w: %s", user, database, err, strings.TrimSpace(res.Stderr))
	}
	return res, nil
}

// Query runs sql (one or more statements, each in its own transaction unless
// it says otherwise) as user and returns the unaligned, tuples-only output
// with fields separated by '|', trimmed. A failure of any statement is an
// error.
func (s *Server) Query(user, password, database, sql string) (string, error) {
	res, err := s.Psql(user, password, database, nil, sql,
		"-q", "-A", "-t", "-F", "|", "-v", "ON_ERROR_STOP=1", "-f", "-")
	return strings.TrimSpace(res.Stdout), err
}

// MustQuery is Query that fails the test on error.
func (s *Server) MustQuery(t testing.TB, user, password, database, sql string) string {
	t.Helper()
	out, err := s.Query(user, password, database, sql)
	if err != nil {
		t.Fatalf("%v\nSQL:\n%s", err, sql)
	}
	return out
}

// SuperQuery runs sql as the superuser in database and fails the test on
// error. With Options.Socket it connects through the Unix socket.
func (s *Server) SuperQuery(t testing.TB, database, sql string) string {
	t.Helper()
	if s.SocketDir == "" {
		return s.MustQuery(t, s.Superuser, s.SuperuserPassword, database, sql)
	}
	res, err := s.Psql(s.Superuser, s.SuperuserPassword, database, []string{"PGHOST=" + s.SocketDir}, sql,
		"-q", "-A", "-t", "-F", "|", "-v", "ON_ERROR_STOP=1", "-f", "-")
	if err != nil {
		t.Fatalf("%v\nSQL:\n%s", err, sql)
	}
	return strings.TrimSpace(res.Stdout)
}

// CanLogin reports whether user can authenticate with password over TCP, and
// the error when it cannot.
func (s *Server) CanLogin(user, password, database string) error {
	out, err := s.Query(user, password, database, "SELECT current_user")
	if err != nil {
		return err
	}
	if out != user {
		return fmt.Errorf("logged in as %q, want %q", out, user)
	}
	return nil
}

// Log is everything the server has logged so far.
func (s *Server) Log() string {
	b, err := os.ReadFile(s.logPath)
	if err != nil {
		return ""
	}
	return string(b)
}

func (s *Server) logTail() string {
	b, err := os.ReadFile(s.logPath)
	if err != nil {
		return "(no server log: " + err.Error() + ")"
	}
	const max = 4000
	if len(b) > max {
		b = b[len(b)-max:]
	}
	return string(b)
}

// writeOwned writes a file the server's user owns (cred nil: ourselves).
func writeOwned(path string, content []byte, mode os.FileMode, cred *syscall.Credential) error {
	if err := os.WriteFile(path, content, mode); err != nil {
		return err
	}
	if err := os.Chmod(path, mode); err != nil {
		return err
	}
	if cred != nil {
		if err := os.Chown(path, int(cred.Uid), int(cred.Gid)); err != nil {
			return fmt.Errorf("chown %s to the postgres user: %w", path, err)
		}
	}
	return nil
}

func missingBinaries(dir string) []string {
	var missing []string
	for _, name := range requiredBinaries {
		fi, err := os.Stat(filepath.Join(dir, name))
		if err != nil || fi.IsDir() || fi.Mode()&0o111 == 0 {
			missing = append(missing, name)
		}
	}
	return missing
}

// serverIdentity returns the command prefix that runs the server's programs
// as a non-root user, and that user's ids for file ownership (nil: run as
// ourselves).
func serverIdentity() ([]string, *syscall.Credential, error) {
	if os.Geteuid() != 0 {
		return nil, nil, nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return nil, nil, fmt.Errorf("running as root, initdb refuses root and there is no postgres OS user: %w", err)
	}
	uid, err1 := strconv.ParseUint(u.Uid, 10, 32)
	gid, err2 := strconv.ParseUint(u.Gid, 10, 32)
	if err1 != nil || err2 != nil {
		return nil, nil, fmt.Errorf("postgres OS user has non-numeric ids %q:%q", u.Uid, u.Gid)
	}
	runuser, err := exec.LookPath("runuser")
	if err != nil {
		return nil, nil, fmt.Errorf("running as root needs runuser to start PostgreSQL as the postgres user: %w", err)
	}
	return []string{runuser, "-u", "postgres", "--"}, &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}, nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("find a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func readPostmasterPid(dataDir string) int {
	b, err := os.ReadFile(filepath.Join(dataDir, "postmaster.pid"))
	if err != nil {
		return 0
	}
	first, _, _ := strings.Cut(string(b), "\n")
	pid, err := strconv.Atoi(strings.TrimSpace(first))
	if err != nil {
		return 0
	}
	return pid
}

func randomHexString(n int) string {
	b := make([]byte, n)
	// crypto/rand.Read never fails on Linux (Go 1.24+ panics instead).
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// A template cluster is initdb'd once and copied for every server that
// overlaps with another in the same test process: initdb is most of a
// server's start-up time (about 2 s on a busy CI machine). The template is
// removed when its last user is cleaned up, so nothing outlives the tests.
type template struct {
	key      string
	root     string
	dataDir  string
	password string
	users    int
}

var (
	templatesMu sync.Mutex
	templates   = map[string]*template{}
)

func acquireTemplate(binDir, superuser string, runAs []string, cred *syscall.Credential) (*template, error) {
	templatesMu.Lock()
	defer templatesMu.Unlock()
	key := binDir + "\x00" + superuser
	if tm, ok := templates[key]; ok {
		tm.users++
		return tm, nil
	}
	root, err := os.MkdirTemp("", "pgtest-template-")
	if err != nil {
		return nil, fmt.Errorf("template dir: %w", err)
	}
	tm := &template{key: key, root: root, dataDir: filepath.Join(root, "data"), password: randomHexString(24), users: 1}
	fail := func(err error) (*template, error) {
		_ = os.RemoveAll(root)
		return nil, err
	}
	if err := os.Chmod(root, 0o700); err != nil {
		return fail(err)
	}
	if cred != nil {
		if err := os.Chown(root, int(cred.Uid), int(cred.Gid)); err != nil {
			return fail(fmt.Errorf("chown %s to the postgres user: %w", root, err))
		}
	}
	pwfile := filepath.Join(root, "pwfile")
	if err := os.WriteFile(pwfile, []byte(tm.password+"\n"), 0o600); err != nil {
		return fail(err)
	}
	if cred != nil {
		if err := os.Chown(pwfile, int(cred.Uid), int(cred.Gid)); err != nil {
			return fail(err)
		}
	}
	initdb := append(append([]string{}, runAs...),
		filepath.Join(binDir, "initdb"),
		"--pgdata="+tm.dataDir,
		"--username="+superuser,
		"--pwfile="+pwfile,
		"--auth=scram-sha-256",
		"--encoding=UTF8",
		"--locale=C",
		"--no-sync",
	)
	out, err := exec.Command(initdb[0], initdb[1:]...).CombinedOutput()
	_ = os.Remove(pwfile)
	if err != nil {
		return fail(fmt.Errorf("initdb failed: %w\n%s", err, out))
	}
	templates[key] = tm
	return tm, nil
}

func releaseTemplate(tm *template) {
	templatesMu.Lock()
	defer templatesMu.Unlock()
	tm.users--
	if tm.users == 0 {
		delete(templates, tm.key)
		_ = os.RemoveAll(tm.root)
	}
}
