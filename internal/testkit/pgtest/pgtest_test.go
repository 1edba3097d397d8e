package pgtest

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

func TestServerLifecycle(t *testing.T) {
	s, other := Start(t), Start(t)

	// Servers copied from the shared initdb template are separate clusters.
	if s.Port == other.Port || s.DataDir == other.DataDir || s.Pid() == other.Pid() {
		t.Fatalf("servers share port, data directory or process: %+v %+v", s, other)
	}
	s.SuperQuery(t, "postgres", "CREATE ROLE only_in_one")
	if got := other.SuperQuery(t, "postgres", "SELECT count(*) FROM pg_roles WHERE rolname = 'only_in_one'"); got != "0" {
		t.Errorf("a role created in one server is visible in the other")
	}

	if got := s.SuperQuery(t, "postgres", "SHOW fsync"); got != "off" {
		t.Errorf("fsync = %q, want off", got)
	}
	if got := s.SuperQuery(t, "postgres", "SHOW listen_addresses"); got != "127.0.0.1" {
		t.Errorf("listen_addresses = %q, want 127.0.0.1", got)
	}
	if got := s.SuperQuery(t, "postgres", "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"); got != "t" {
		t.Errorf("%s is not a superuser: %q", s.Superuser, got)
	}
	// Password authentication is real: a wrong password is refused.
	if err := s.CanLogin(s.Superuser, "wrong-"+s.SuperuserPassword, "postgres"); err == nil {
		t.Error("login with a wrong password succeeded; pg_hba must require a password")
	} else if !strings.Contains(err.Error(), "password authentication failed") {
		t.Errorf("wrong password: unexpected error %v", err)
	}
	if err := s.CanLogin(s.Superuser, s.SuperuserPassword, "postgres"); err != nil {
		t.Errorf("superuser login: %v", err)
	}

	// As root the server must run as the postgres OS user.
	if os.Geteuid() == 0 {
		fi, err := os.Stat(s.DataDir)
		if err != nil {
			t.Fatal(err)
		}
		if uid := fi.Sys().(*syscall.Stat_t).Uid; uid == 0 {
			t.Errorf("data directory owned by root")
		}
		status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.Pid()))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(status), "\nUid:\t0\t") {
			t.Errorf("postmaster %d runs as root", s.Pid())
		}
	}

	pid := s.Pid()
	if !alive(pid) {
		t.Fatalf("postmaster pid %d not alive while the server answers", pid)
	}
	if err := s.Stop(); err != nil {
		t.Fatal(err)
	}
	if alive(pid) {
		t.Errorf("postmaster pid %d alive after Stop", pid)
	}
	if err := s.Stop(); err != nil {
		t.Errorf("second Stop: %v", err)
	}
	if _, err := s.Query(s.Superuser, s.SuperuserPassword, "postgres", "SELECT 1"); err == nil {
		t.Error("query succeeded after Stop")
	}
}

// fakeTB records how Start gave up. Skip and Fatal must stop the calling
// goroutine, as the real ones do.
type fakeTB struct {
	testing.TB
	skipped, fatal string
}

func (f *fakeTB) Helper() {}
func (f *fakeTB) Skipf(format string, args ...any) {
	f.skipped = fmt.Sprintf(format, args...)
	runtime.Goexit()
}
func (f *fakeTB) Fatalf(format string, args ...any) {
	f.fatal = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

func startWith(tb *fakeTB) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		StartWithOptions(tb, Options{BinDir: "/nonexistent/pgtest-bin"})
	}()
	<-done
}

func TestMissingBinariesSkipOrFail(t *testing.T) {
	t.Setenv(EnvRequire, "")
	skip := &fakeTB{TB: t}
	startWith(skip)
	if skip.skipped == "" || skip.fatal != "" {
		t.Fatalf("without %s: skipped=%q fatal=%q, want a skip", EnvRequire, skip.skipped, skip.fatal)
	}
	if !strings.Contains(skip.skipped, "/nonexistent/pgtest-bin") || !strings.Contains(skip.skipped, EnvRequire) {
		t.Errorf("skip message does not name the directory and %s: %q", EnvRequire, skip.skipped)
	}

	t.Setenv(EnvRequire, "1")
	fail := &fakeTB{TB: t}
	startWith(fail)
	if fail.fatal == "" || fail.skipped != "" {
		t.Fatalf("with %s=1: skipped=%q fatal=%q, want a failure", EnvRequire, fail.skipped, fail.fatal)
	}
	if !strings.Contains(fail.fatal, "initdb") {
		t.Errorf("failure does not name the missing binaries: %q", fail.fatal)
	}
}
