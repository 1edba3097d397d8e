package secretvalues

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/supabase-eks/supabase-eks/internal/artifacts"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/internal/ops/kube"
	"github.com/supabase-eks/supabase-eks/internal/testkit/fakerunner"
)

type clock struct{ t time.Time }

func (c *clock) Now() time.Time { return c.t }
func (c *clock) Sleep(_ context.Context, d time.Duration) error {
	c.t = c.t.Add(d)
	return nil
}

func rollFixture(t *testing.T) (*kube.Client, *fakerunner.Fake, []artifacts.Object) {
	t.Helper()
	objs, err := artifacts.ReadManifests(filepath.Join("..", "..", "..", "dist", "dev"))
	if err != nil {
		t.Skipf("dist/dev: %v", err)
	}
	clk := &clock{t: time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)}
	es, _ := json.Marshal(map[string]any{"items": []map[string]any{{
		"metadata": map[string]any{"name": "supabase-db"},
		"status": map[string]any{"refreshTime": clk.t.Add(2 * time.Second).Format(time.RFC3339),
			"conditions": []map[string]any{{"type": "Ready", "status": "True"}}},
	}}})
	f := &fakerunner.Fake{}
	k := "kubectl --context supabase-dev "
	f.On(k+"get externalsecret", string(es), 0)
	f.On(k+"get job db-bootstrap -n supabase -o json", `{"status":{"conditions":[{"type":"Complete","status":"True"}]}}`, 0)
	// More specific rules last: the newest matching rule answers.
	f.On(k+"get job db-bootstrap -n supabase -o json --ignore-not-found", `{"kind":"Job","metadata":{"name":"db-bootstrap","namespace":"supabase","uid":"old"},"spec":{"selector":{"matchLabels":{"controller-uid":"old"}}},"status":{"succeeded":1}}`, 0)
	f.On(k+"get deployment -n supabase -o name", "deployment.apps/kong\ndeployment.apps/auth\ndeployment.apps/rest\ndeployment.apps/storage\ndeployment.apps/meta\ndeployment.apps/studio\n", 0)
	f.On(k+"get statefulset -n supabase -o name", "statefulset.apps/realtime\n", 0)
	kc := &kube.Client{R: f, Context: "supabase-dev", Namespace: outputs.Namespace, Sleep: clk.Sleep, Now: clk.Now}
	return kc, f, objs
}

func TestRollDatabaseRerunsBootstrapBeforeRestarts(t *testing.T) {
	kc, f, objs := rollFixture(t)
	if err := Roll(context.Background(), kc, exampleOutputs(t, "dev"), outputs.SecretDatabase, RollOptions{Manifests: objs}); err != nil {
		t.Fatal(err)
	}
	k := "kubectl --context supabase-dev "
	want := []string{
		k + "annotate externalsecret --all -n supabase force-sync=1795694400 --overwrite",
		k + "get externalsecret -n supabase -o json",
		k + "get job db-bootstrap -n supabase -o json --ignore-not-found",
		k + "delete job db-bootstrap -n supabase --cascade=foreground --wait=true --timeout=2m",
		k + "create -n supabase -f -",
		k + "get job db-bootstrap -n supabase -o json",
		k + "get deployment -n supabase -o name",
		k + "get statefulset -n supabase -o name",
		k + "rollout restart deployment/auth -n supabase",
		k + "rollout restart deployment/rest -n supabase",
		k + "rollout restart statefulset/realtime -n supabase",
		k + "rollout restart deployment/storage -n supabase",
		k + "rollout restart deployment/meta -n supabase",
		k + "rollout restart deployment/studio -n supabase",
		k + "rollout status deployment/auth -n supabase --timeout=10m0s",
	}
	got := f.Calls
	if len(got) < len(want) {
		t.Fatalf("calls:\n%s", strings.Join(got, "\n"))
	}
	for i, w := range want {
		if got[i] != w {
			t.Fatalf("call %d:\n got %s\nwant %s\nall:\n%s", i, got[i], w, strings.Join(got, "\n"))
		}
	}
	if n := len(f.Called(k + "rollout status")); n != 6 {
		t.Errorf("%d rollouts awaited, want 6", n)
	}
	if strings.Contains(f.Stdins[4], `"old"`) || !strings.Contains(f.Stdins[4], "db-bootstrap") {
		t.Errorf("re-created job: %s", f.Stdins[4])
	}
	if len(f.Called(k+"rollout restart deployment/kong")) != 0 {
		t.Error("kong does not read the database secret but was restarted")
	}
}

func TestRollJWTSkipsBootstrapAndMissingWorkloads(t *testing.T) {
	kc, f, objs := rollFixture(t)
	if err := Roll(context.Background(), kc, exampleOutputs(t, "dev"), outputs.SecretJWT, RollOptions{Manifests: objs}); err != nil {
		t.Fatal(err)
	}
	k := "kubectl --context supabase-dev "
	if len(f.Called(k+"delete job")) != 0 || len(f.Called(k+"create")) != 0 {
		t.Error("jwt rotation re-ran the bootstrap Job")
	}
	for _, w := range []string{"deployment/kong", "deployment/auth", "statefulset/realtime", "deployment/studio"} {
		if len(f.Called(k+"rollout restart "+w)) != 1 {
			t.Errorf("%s not restarted", w)
		}
	}
	if len(f.Called(k+"rollout restart deployment/functions")) != 0 {
		t.Error("functions is not deployed but was restarted")
	}
}

func TestRollStopsWhenSecretsDoNotSync(t *testing.T) {
	kc, f, objs := rollFixture(t)
	f.On("kubectl --context supabase-dev get externalsecret", `{"items":[{"metadata":{"name":"supabase-db"},"status":{"refreshTime":"2026-11-26T12:00:00Z","conditions":[{"type":"Ready","status":"False","reason":"SecretSyncedError","message":"could not get secret data from provider"}]}}]}`, 0)
	err := Roll(context.Background(), kc, exampleOutputs(t, "dev"), outputs.SecretDatabase, RollOptions{Manifests: objs, SyncTimeout: time.Minute})
	if err == nil || !strings.Contains(err.Error(), "SecretSyncedError") {
		t.Fatalf("err = %v", err)
	}
	if len(f.Called("kubectl --context supabase-dev rollout")) != 0 || len(f.Called("kubectl --context supabase-dev delete")) != 0 {
		t.Error("rolled workloads although the new secret never synced")
	}
}
