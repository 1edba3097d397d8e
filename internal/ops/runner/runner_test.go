package runner

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestExecCapturesAndReportsExitCodes(t *testing.T) {
	var out, errw bytes.Buffer
	e := &Exec{Out: &out, Err: &errw}
	res, err := e.Run(context.Background(), Cmd{Name: "sh", Args: []string{"-c", "echo hello; echo oops >&2; exit 3"}})
	if ExitCode(err) != 3 || res.ExitCode != 3 {
		t.Fatalf("exit code: %v %d", err, res.ExitCode)
	}
	if string(res.Stdout) != "hello\n" || !strings.Contains(err.Error(), "exit status 3: oops") {
		t.Errorf("stdout %q err %v", res.Stdout, err)
	}
	if !strings.Contains(errw.String(), "$ sh -c 'echo hello; echo oops >&2; exit 3'") {
		t.Errorf("progress line: %q", errw.String())
	}
	// Streamed: output reaches the terminal, stderr is still in the error.
	out.Reset()
	_, err = e.Run(context.Background(), Cmd{Name: "sh", Args: []string{"-c", "echo live; echo bad >&2; exit 1"}, Stream: true})
	if out.String() != "live\n" || !strings.Contains(err.Error(), "bad") {
		t.Errorf("stream: %q %v", out.String(), err)
	}
	if _, err := e.Run(context.Background(), Cmd{Name: "definitely-not-a-command-xyz"}); ExitCode(err) != -1 {
		t.Errorf("missing binary: %v", err)
	}
	if _, err := e.Run(context.Background(), Cmd{Name: "sh", Args: []string{"-c", "cat"}, Stdin: strings.NewReader("in")}); err != nil {
		t.Error(err)
	}
}

func TestSleepEndsWithTheContext(t *testing.T) {
	if err := Sleep(context.Background(), time.Millisecond); err != nil {
		t.Fatalf("short sleep: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	start := time.Now()
	if err := Sleep(ctx, time.Hour); !errors.Is(err, context.Canceled) || time.Since(start) > time.Second {
		t.Fatalf("cancelled sleep returned %v after %s", err, time.Since(start))
	}
}
