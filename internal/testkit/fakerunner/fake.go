// Package fakerunner is the operations tests' stand-in for runner.Runner:
// it records commands instead of running them and answers from a script.
package fakerunner

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/supabase-eks/supabase-eks/internal/ops/runner"
)

// Fake records commands instead of running them and answers from a script.
// Tests use it to check the order of the steps and how outputs and failures
// are handled.
type Fake struct {
	mu sync.Mutex
	// Calls is every command run, rendered as "name arg arg ...".
	Calls []string
	// Stdins holds what each call read from its Stdin (same index as Calls).
	Stdins []string
	// Tools are the executables LookPath finds; nil means every name is found.
	Tools map[string]bool
	rules []fakeRule
}

type fakeRule struct {
	prefix string
	fn     func(runner.Cmd) (runner.Result, error)
	times  int // remaining uses; <0 unlimited
}

// On answers commands whose rendered line starts with prefix with stdout and
// exit code (non-zero becomes an *runner.ExitError).
func (f *Fake) On(prefix, stdout string, code int) *Fake {
	return f.OnFunc(prefix, func(c runner.Cmd) (runner.Result, error) { return scripted(c, stdout, code) })
}

// OnFunc answers matching commands with fn. Later rules win over earlier ones.
func (f *Fake) OnFunc(prefix string, fn func(runner.Cmd) (runner.Result, error)) *Fake {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.rules = append(f.rules, fakeRule{prefix: prefix, fn: fn, times: -1})
	return f
}

// Once answers the next matching command only; afterwards earlier rules apply.
func (f *Fake) Once(prefix, stdout string, code int) *Fake {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.rules = append(f.rules, fakeRule{prefix: prefix, times: 1, fn: func(c runner.Cmd) (runner.Result, error) { return scripted(c, stdout, code) }})
	return f
}

func scripted(c runner.Cmd, stdout string, code int) (runner.Result, error) {
	res := runner.Result{Stdout: []byte(stdout), ExitCode: code}
	if code != 0 {
		res.Stderr = []byte("scripted failure")
		return res, &runner.ExitError{Cmd: c, Code: code, Stderr: "scripted failure"}
	}
	return res, nil
}

// Line renders c the way Calls records it.
func Line(c runner.Cmd) string {
	s := strings.Join(append([]string{c.Name}, c.Args...), " ")
	if c.Dir != "" {
		s = "[" + c.Dir + "] " + s
	}
	return s
}

// Run implements Runner.
func (f *Fake) Run(ctx context.Context, c runner.Cmd) (runner.Result, error) {
	if err := ctx.Err(); err != nil {
		return runner.Result{ExitCode: -1}, err
	}
	line := Line(c)
	in := ""
	if c.Stdin != nil {
		b, _ := io.ReadAll(c.Stdin)
		in = string(b)
	}
	f.mu.Lock()
	f.Calls = append(f.Calls, line)
	f.Stdins = append(f.Stdins, in)
	var fn func(runner.Cmd) (runner.Result, error)
	for i := len(f.rules) - 1; i >= 0; i-- {
		r := &f.rules[i]
		if r.times != 0 && strings.HasPrefix(line, r.prefix) {
			if r.times > 0 {
				r.times--
			}
			fn = r.fn
			break
		}
	}
	f.mu.Unlock()
	if fn == nil {
		return runner.Result{}, nil
	}
	return fn(c)
}

// LookPath implements Runner.
func (f *Fake) LookPath(name string) (string, error) {
	if f.Tools == nil || f.Tools[name] {
		return "/usr/bin/" + name, nil
	}
	return "", fmt.Errorf("exec: %q: executable file not found in $PATH", name)
}

// Called reports the recorded calls that start with prefix.
func (f *Fake) Called(prefix string) []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, c := range f.Calls {
		if strings.HasPrefix(c, prefix) {
			out = append(out, c)
		}
	}
	return out
}
