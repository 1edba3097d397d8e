// Package runner puts every external command the operations tooling starts
// (aws, kubectl, helm, terraform, make) behind one small interface, so the
// orchestration can be tested for order and messages without those tools or
// an AWS account.
package runner

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"
)

// Cmd is one external command.
type Cmd struct {
	Name string
	Args []string
	// Dir is the working directory; empty means the current one.
	Dir string
	// Env is added to the inherited environment (KEY=VALUE).
	Env []string
	// Stdin feeds the command; nil means no input.
	Stdin io.Reader
	// Stream copies the command's output to the user's terminal as it runs
	// (long steps: terraform apply, helm install). Without it the output is
	// captured and returned.
	Stream bool
}

// String renders the command the way the progress line prints it.
func (c Cmd) String() string {
	parts := append([]string{c.Name}, c.Args...)
	for i, p := range parts {
		if p == "" || strings.ContainsAny(p, " \t\"'$`\\|&;<>(){}*?") {
			parts[i] = "'" + strings.ReplaceAll(p, "'", `'\''`) + "'"
		}
	}
	s := strings.Join(parts, " ")
	if c.Dir != "" {
		s = "(cd " + c.Dir + " && " + s + ")"
	}
	return s
}

// Result is what a finished command left behind.
type Result struct {
	// Stdout is the captured standard output (empty when streamed).
	Stdout []byte
	// Stderr is the captured standard error (empty when streamed).
	Stderr []byte
	// ExitCode is the process exit status; -1 when it did not start.
	ExitCode int
}

// Runner starts external commands.
type Runner interface {
	// Run runs c to completion. A non-zero exit is reported as *ExitError
	// together with the Result, so callers that expect specific exit codes
	// (terraform plan -detailed-exitcode, kubectl diff) can inspect it.
	Run(ctx context.Context, c Cmd) (Result, error)
	// LookPath finds an executable on PATH.
	LookPath(name string) (string, error)
}

// ExitError is a command that ran and exited non-zero.
type ExitError struct {
	Cmd    Cmd
	Code   int
	Stderr string
}

func (e *ExitError) Error() string {
	msg := fmt.Sprintf("%s: exit status %d", e.Cmd.Name, e.Code)
	if s := strings.TrimSpace(e.Stderr); s != "" {
		if len(s) > 2000 {
			s = "..." + s[len(s)-2000:]
		}
		msg += ": " + s
	}
	return msg
}

// ExitCode returns the exit status carried by err, 0 for nil and -1 for
// errors that are not exits.
func ExitCode(err error) int {
	if err == nil {
		return 0
	}
	var ee *ExitError
	if errors.As(err, &ee) {
		return ee.Code
	}
	return -1
}

// Exec runs real processes.
type Exec struct {
	// Out and Err receive streamed output and progress lines.
	Out, Err io.Writer
	// Quiet suppresses the "$ command" progress line.
	Quiet bool
}

// NewExec returns a runner writing to the process's stdout and stderr.
func NewExec() *Exec { return &Exec{Out: os.Stdout, Err: os.Stderr} }

// Run implements Runner.
func (e *Exec) Run(ctx context.Context, c Cmd) (Result, error) {
	if !e.Quiet {
		fmt.Fprintf(e.Err, "  $ %s\n", c)
	}
	cmd := exec.CommandContext(ctx, c.Name, c.Args...)
	cmd.Dir = c.Dir
	cmd.Env = append(os.Environ(), c.Env...)
	cmd.Stdin = c.Stdin
	var stdout, stderr bytes.Buffer
	if c.Stream {
		cmd.Stdout = e.Out
		// Keep a copy of stderr for the error message while the user sees it live.
		cmd.Stderr = io.MultiWriter(e.Err, &tail{buf: &stderr, max: 4096})
	} else {
		cmd.Stdout = &stdout
		cmd.Stderr = &stderr
	}
	err := cmd.Run()
	res := Result{Stdout: stdout.Bytes(), Stderr: stderr.Bytes()}
	var xe *exec.ExitError
	switch {
	case err == nil:
		return res, nil
	case errors.As(err, &xe):
		res.ExitCode = xe.ExitCode()
		return res, &ExitError{Cmd: c, Code: res.ExitCode, Stderr: stderr.String()}
	default:
		res.ExitCode = -1
		return res, fmt.Errorf("%s: %w", c.Name, err)
	}
}

// LookPath implements Runner.
func (e *Exec) LookPath(name string) (string, error) { return exec.LookPath(name) }

// tail keeps the last max bytes written to it.
type tail struct {
	buf *bytes.Buffer
	max int
}

func (t *tail) Write(p []byte) (int, error) {
	t.buf.Write(p)
	if over := t.buf.Len() - t.max; over > 0 {
		t.buf.Next(over)
	}
	return len(p), nil
}

// Sleep waits for d, or returns ctx's error as soon as ctx ends. Polling
// loops (rollouts, load balancer deletion) share it.
func Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
