package kube

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/supabase-eks/supabase-eks/internal/artifacts"
	"github.com/supabase-eks/supabase-eks/internal/testkit/fakerunner"
)

func instant(context.Context, time.Duration) error { return nil }

// clock is a fake time source that Sleep advances, so polling loops end at
// their deadline instantly.
type clock struct{ t time.Time }

func (c *clock) Now() time.Time { return c.t }
func (c *clock) Sleep(_ context.Context, d time.Duration) error {
	c.t = c.t.Add(d)
	return nil
}

func TestBootstrapJobAndWorkloads(t *testing.T) {
	objs := []artifacts.Object{
		{Kind: "Namespace", Name: "supabase"},
		{Kind: "ConfigMap", Name: "db-bootstrap-sql", Namespace: "supabase"},
		{Kind: "Job", Name: "db-bootstrap", Namespace: "supabase"},
		{Kind: "Deployment", Name: "kong", Namespace: "supabase"},
		{Kind: "Deployment", Name: "auth", Namespace: "supabase"},
		{Kind: "StatefulSet", Name: "realtime", Namespace: "supabase"},
	}
	job, err := BootstrapJob(objs, "supabase")
	if err != nil || job.Name != "db-bootstrap" {
		t.Errorf("bootstrap job: %v %q", err, job.Name)
	}
	if w := Workloads(objs, "supabase"); len(w) != 3 || w[0] != "deployment/kong" || w[2] != "statefulset/realtime" {
		t.Errorf("workloads: %v", w)
	}
	if _, err := BootstrapJob(objs[:2], "supabase"); err == nil {
		t.Error("missing Job not reported")
	}
}

func TestCleanJobForRerun(t *testing.T) {
	live := `{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"db-bootstrap","namespace":"supabase","uid":"u1","resourceVersion":"42","creationTimestamp":"2026-01-01T00:00:00Z","managedFields":[{}],
	  "labels":{"app.kubernetes.io/name":"bootstrap","controller-uid":"u1","batch.kubernetes.io/controller-uid":"u1","job-name":"db-bootstrap","batch.kubernetes.io/job-name":"db-bootstrap"},
	  "annotations":{"meta.helm.sh/release-name":"supabase","kubectl.kubernetes.io/last-applied-configuration":"{}"}},
	  "spec":{"selector":{"matchLabels":{"batch.kubernetes.io/controller-uid":"u1"}},"template":{"metadata":{"labels":{"controller-uid":"u1","job-name":"db-bootstrap","app.kubernetes.io/name":"bootstrap"}},"spec":{"containers":[{"name":"psql"}]}}},
	  "status":{"succeeded":1}}`
	out, err := CleanJobForRerun([]byte(live))
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	for _, gone := range []string{"u1", `"42"`, "status", "managedFields", "creationTimestamp", "selector", "last-applied", "job-name"} {
		if strings.Contains(s, gone) {
			t.Errorf("%s left in the re-run manifest: %s", gone, s)
		}
	}
	for _, kept := range []string{`"meta.helm.sh/release-name":"supabase"`, `"app.kubernetes.io/name":"bootstrap"`, `"name":"psql"`} {
		if !strings.Contains(s, kept) {
			t.Errorf("%s lost: %s", kept, s)
		}
	}
	if _, err := CleanJobForRerun([]byte(`{"kind":"Deployment"}`)); err == nil {
		t.Error("non-Job accepted")
	}
}

func esList(refreshed time.Time, ready string) string {
	items := []map[string]any{}
	for _, n := range []string{"jwt", "database"} {
		items = append(items, map[string]any{
			"metadata": map[string]any{"name": n},
			"status": map[string]any{"refreshTime": refreshed.Format(time.RFC3339),
				"conditions": []map[string]any{{"type": "Ready", "status": ready, "reason": "SecretSynced"}}},
		})
	}
	b, _ := json.Marshal(map[string]any{"items": items})
	return string(b)
}

func TestForceSyncAndWait(t *testing.T) {
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	f := &fakerunner.Fake{}
	f.On("kubectl --context supabase-dev get externalsecret", esList(now.Add(-time.Hour), "True"), 0)
	f.Once("kubectl --context supabase-dev get externalsecret", esList(now.Add(-time.Hour), "True"), 0)
	f.Once("kubectl --context supabase-dev get externalsecret", esList(now.Add(-time.Hour), "True"), 0)
	clk := &clock{t: now}
	kc := &Client{R: f, Context: "supabase-dev", Namespace: "supabase", Sleep: clk.Sleep, Now: clk.Now}
	since, err := kc.ForceSyncExternalSecrets(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if f.Calls[0] != "kubectl --context supabase-dev annotate externalsecret --all -n supabase force-sync=1795694400 --overwrite" {
		t.Errorf("annotate call: %s", f.Calls[0])
	}
	// Stale refresh times never satisfy the wait.
	if err := kc.WaitExternalSecretsSynced(context.Background(), since, time.Minute); err == nil || !strings.Contains(err.Error(), "not refreshed") {
		t.Fatalf("stale: %v", err)
	}
	f.On("kubectl --context supabase-dev get externalsecret", esList(now, "True"), 0)
	if err := kc.WaitExternalSecretsSynced(context.Background(), since, time.Minute); err != nil {
		t.Fatal(err)
	}
	f.On("kubectl --context supabase-dev get externalsecret", esList(now, "False"), 0)
	if err := kc.WaitExternalSecretsSynced(context.Background(), since, time.Minute); err == nil || !strings.Contains(err.Error(), "Ready=False") {
		t.Errorf("not ready: %v", err)
	}
}

func TestWaitJob(t *testing.T) {
	f := &fakerunner.Fake{}
	f.On("kubectl get job db-bootstrap", `{"status":{"conditions":[{"type":"Complete","status":"True"}]}}`, 0)
	f.Once("kubectl get job db-bootstrap", `{"status":{"active":1}}`, 0)
	clk := &clock{t: time.Now()}
	kc := &Client{R: f, Namespace: "supabase", Sleep: clk.Sleep, Now: clk.Now}
	if err := kc.WaitJob(context.Background(), "db-bootstrap", time.Minute); err != nil {
		t.Fatal(err)
	}
	if n := len(f.Called("kubectl get job")); n != 2 {
		t.Errorf("polled %d times, want 2", n)
	}
	f.On("kubectl get job db-bootstrap", `{"status":{"failed":3,"conditions":[{"type":"Failed","status":"True","reason":"BackoffLimitExceeded"}]}}`, 0)
	if err := kc.WaitJob(context.Background(), "db-bootstrap", time.Minute); err == nil || !strings.Contains(err.Error(), "BackoffLimitExceeded") || !strings.Contains(err.Error(), "kubectl logs job/db-bootstrap") {
		t.Errorf("failed job: %v", err)
	}
}

func TestRerunJobUsesLiveObjectElseManifest(t *testing.T) {
	f := &fakerunner.Fake{}
	f.On("kubectl get job db-bootstrap", `{"kind":"Job","metadata":{"name":"db-bootstrap","uid":"u9"},"spec":{"selector":{}},"status":{}}`, 0)
	kc := &Client{R: f, Namespace: "supabase"}
	if err := kc.RerunJob(context.Background(), "db-bootstrap", []byte("kind: Job")); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"kubectl get job db-bootstrap -n supabase -o json --ignore-not-found",
		"kubectl delete job db-bootstrap -n supabase --cascade=foreground --wait=true --timeout=2m",
		"kubectl create -n supabase -f -",
	}
	if strings.Join(f.Calls, "\n") != strings.Join(want, "\n") {
		t.Errorf("calls:\n%s", strings.Join(f.Calls, "\n"))
	}
	if strings.Contains(f.Stdins[2], "u9") || !strings.Contains(f.Stdins[2], `"name":"db-bootstrap"`) {
		t.Errorf("created from %s", f.Stdins[2])
	}
	// Not in the cluster: created from the rendered manifest, nothing deleted.
	g := &fakerunner.Fake{}
	kc.R = g
	if err := kc.RerunJob(context.Background(), "db-bootstrap", []byte("kind: Job\n")); err != nil {
		t.Fatal(err)
	}
	if len(g.Called("kubectl delete")) != 0 || g.Stdins[1] != "kind: Job\n" {
		t.Errorf("calls %v stdin %q", g.Calls, g.Stdins)
	}
}

func TestIngressHostnames(t *testing.T) {
	f := &fakerunner.Fake{}
	f.On("kubectl get ingress", `{"items":[{"status":{"loadBalancer":{"ingress":[{"hostname":"k8s-supabase-abc.us-east-1.elb.amazonaws.com"}]}}},{"status":{}}]}`, 0)
	hosts, err := (&Client{R: f}).IngressHostnames(context.Background())
	if err != nil || len(hosts) != 1 || hosts[0] != "k8s-supabase-abc.us-east-1.elb.amazonaws.com" {
		t.Errorf("%v %v", hosts, err)
	}
}
