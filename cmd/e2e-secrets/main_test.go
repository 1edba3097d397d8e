package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBadFlagsNameTheField: every refusal names the flag at fault, before any tool runs.
func TestBadFlagsNameTheField(t *testing.T) {
	if err := os.Chdir("../.."); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "f")
	if err := os.WriteFile(file, []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	ok := []string{"--kubeconfig", file, "--eso-controller", file, "--eso-chart", dir}
	cases := []struct {
		args []string
		want string
	}{
		{nil, "--env is required"},
		{[]string{"--env", "dev"}, "--kubeconfig is required"},
		{append([]string{"--env", "staging"}, ok...), `--env: environment "staging": unknown`},
		{[]string{"--env", "dev", "--kubeconfig", file, "--eso-controller", filepath.Join(dir, "missing"), "--eso-chart", dir}, "--eso-controller: stat"},
		{append([]string{"--env", "dev", "--outputs", file}, ok...), "--outputs: outputs file " + file},
		{append([]string{"--env", "dev", "--stacks", dir}, ok...), "cdk.tf.json missing (run: make synth)"},
		{append(append([]string{"--env", "dev"}, ok...), "extra"), "unexpected arguments: [extra]"},
	}
	for _, c := range cases {
		err := run(c.args)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("run(%q) = %v, want an error containing %q", c.args, err, c.want)
		}
	}
}
