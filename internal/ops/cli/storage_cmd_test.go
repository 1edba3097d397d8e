package cli

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/supabase-eks/supabase-eks/internal/ops/storagepitr"
	"github.com/supabase-eks/supabase-eks/internal/testkit/awsfake"
)

const devStorage = "supabase-dev-storage-111122223333"

// withS3 points the harness's S3 at a loopback fake with a versioned
// storage bucket; writes happen a minute apart from 08:00 on 2026-11-29.
func withS3(t *testing.T, h *harness) (*awsfake.S3, *time.Time) {
	t.Helper()
	clk := time.Date(2026, 11, 29, 8, 0, 0, 0, time.UTC)
	fake := awsfake.NewS3(devStorage)
	fake.Now = func() time.Time { clk = clk.Add(time.Minute); return clk }
	srv := httptest.NewServer(fake)
	t.Cleanup(srv.Close)
	h.app.NewS3 = func(ctx context.Context, region string) (storagepitr.API, error) {
		return s3.New(s3.Options{Region: region, BaseEndpoint: aws.String(srv.URL), UsePathStyle: true,
			Credentials: credentials.NewStaticCredentialsProvider("AKIAFAKES3000000001", "x", "")}), nil
	}
	h.app.Now = func() time.Time { return time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC) }
	return fake, &clk
}

func TestStorageRestoreThroughTheCLI(t *testing.T) {
	h := newHarness(t)
	fake, clk := withS3(t, h)
	fake.Put(devStorage, "stub/avatars/a.png/v1", "before")
	at := clk.UTC().Format(time.RFC3339)
	fake.Put(devStorage, "stub/avatars/a.png/v1", "after")
	fake.Put(devStorage, "stub/avatars/new.png/v2", "new")
	// A dry run changes nothing and lists the changes.
	if code := h.run("storage", "restore", "--env", "dev", "--time", at, "--dry-run"); code != 0 {
		t.Fatalf("dry run exit %d: %s", code, h.stderr)
	}
	if !strings.Contains(h.stdout.String(), "revert") || !strings.Contains(h.stdout.String(), "hide") {
		t.Errorf("dry run listed %q", h.stdout)
	}
	if cur, _ := fake.Current(devStorage, "stub/avatars/a.png/v1"); cur != "after" {
		t.Fatal("the dry run changed an object")
	}
	// Without a terminal and without --yes nothing changes either.
	if code := h.run("storage", "restore", "--env", "dev", "--time", at); code != 1 || !strings.Contains(h.stderr.String(), "--yes") {
		t.Fatalf("unconfirmed: exit %d %s", code, h.stderr)
	}
	if code := h.run("storage", "restore", "--env", "dev", "--time", at, "--yes"); code != 0 {
		t.Fatalf("exit %d: %s", code, h.stderr)
	}
	if cur, _ := fake.Current(devStorage, "stub/avatars/a.png/v1"); cur != "before" {
		t.Errorf("a.png is %q, want it as it was", cur)
	}
	if _, ok := fake.Current(devStorage, "stub/avatars/new.png/v2"); ok {
		t.Error("new.png was created after the moment and is still visible")
	}
}

func TestStorageRestoreBadTimeNamesTheFlag(t *testing.T) {
	for _, at := range []string{"", "yesterday", "2026-12-01T00:00:00Z", "2026-10-01T00:00:00Z", "2026-11-30T08:00:00+02:00"} {
		h := newHarness(t)
		fake, _ := withS3(t, h)
		if code := h.run("storage", "restore", "--env", "dev", "--time", at, "--yes"); code != 2 || !strings.Contains(h.stderr.String(), "--time") {
			t.Errorf("--time %q: exit %d, %s", at, code, h.stderr)
		}
		if len(fake.Requests) != 0 {
			t.Errorf("--time %q: S3 was called", at)
		}
	}
}

func TestStorageCheckReadsRowsInThePod(t *testing.T) {
	h := newHarness(t)
	fake, _ := withS3(t, h)
	fake.Put(devStorage, "stub/avatars/a.png/v1", "a")
	fake.Put(devStorage, "stub/avatars/orphan.png/v9", "o")
	k := "kubectl --context supabase-dev exec -n supabase storage-check -c restore -- env PGDATABASE=postgres psql"
	h.fake.On(k, "avatars,a.png,v1\navatars,\"gone, really.png\",v2\n", 0)
	code := h.run("storage", "check", "--env", "dev")
	if code != 1 || !strings.Contains(h.stdout.String(), `row without object: bucket "avatars" name "gone, really.png"`) ||
		!strings.Contains(h.stdout.String(), "object without row: s3://"+devStorage+"/stub/avatars/orphan.png/v9") {
		t.Fatalf("exit %d\nstdout %s\nstderr %s", code, h.stdout, h.stderr)
	}
	if len(h.fake.Called("kubectl --context supabase-dev create -f -")) != 1 || len(h.fake.Called("kubectl --context supabase-dev delete pod storage-check -n supabase --ignore-not-found --wait=false")) != 1 {
		t.Errorf("the pod was not created and removed: %v", h.fake.Calls)
	}
	// Agreement exits 0.
	h.fake.On(k, "avatars,a.png,v1\navatars,orphan.png,v9\n", 0)
	if code := h.run("storage", "check", "--env", "dev"); code != 0 {
		t.Errorf("agreeing rows and objects: exit %d %s", code, h.stderr)
	}
}
