package fakerunner

import (
	"context"
	"testing"

	"github.com/supabase-eks/supabase-eks/internal/ops/runner"
)

func TestFakeRulesNewestFirst(t *testing.T) {
	f := &Fake{}
	f.On("kubectl get", "general", 0)
	f.Once("kubectl get", "first", 0)
	a, _ := f.Run(context.Background(), runner.Cmd{Name: "kubectl", Args: []string{"get", "x"}})
	b, _ := f.Run(context.Background(), runner.Cmd{Name: "kubectl", Args: []string{"get", "x"}})
	if string(a.Stdout) != "first" || string(b.Stdout) != "general" {
		t.Errorf("got %q then %q", a.Stdout, b.Stdout)
	}
	if _, err := f.Run(context.Background(), runner.Cmd{Name: "x"}); err != nil {
		t.Error("unscripted commands succeed")
	}
	f.On("fail", "", 2)
	if _, err := f.Run(context.Background(), runner.Cmd{Name: "fail"}); runner.ExitCode(err) != 2 {
		t.Errorf("scripted exit: %v", err)
	}
}
