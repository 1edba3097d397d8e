package kube

import (
	"context"
	"strings"
	"testing"

	"github.com/supabase-eks/supabase-eks/internal/ops/runner"
	"github.com/supabase-eks/supabase-eks/internal/testkit/fakerunner"
)

func TestExecRunnerRunsInThePod(t *testing.T) {
	f := &fakerunner.Fake{}
	e := &ExecRunner{Client: &Client{R: f, Context: "supabase-dev", Namespace: "supabase"}, Pod: "db-restore", Container: "restore"}
	if _, err := e.Run(context.Background(), runner.Cmd{Name: "psql", Args: []string{"-f", "-"}, Env: []string{"PGDATABASE=postgres"}, Stdin: strings.NewReader("select 1")}); err != nil {
		t.Fatal(err)
	}
	want := "kubectl --context supabase-dev exec -n supabase db-restore -c restore -i -- env PGDATABASE=postgres psql -f -"
	if len(f.Calls) != 1 || f.Calls[0] != want || f.Stdins[0] != "select 1" {
		t.Fatalf("calls %q stdin %q, want %q with the input", f.Calls, f.Stdins, want)
	}
	// A secret never goes on a command line.
	if _, err := e.Run(context.Background(), runner.Cmd{Name: "psql", Env: []string{"PGPASSWORD=x"}}); err == nil || !strings.Contains(err.Error(), "PGPASSWORD") {
		t.Errorf("PGPASSWORD passed through: %v", err)
	}
	if len(f.Calls) != 1 {
		t.Errorf("ran %v", f.Calls[1:])
	}
}
