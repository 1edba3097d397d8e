package storagepitr

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/supabase-eks/supabase-eks/internal/ops/runner"
	"github.com/supabase-eks/supabase-eks/internal/testkit/awsfake"
	"github.com/supabase-eks/supabase-eks/internal/testkit/pgtest"
)

const bucket = "supabase-dev-storage-111122223333"

// clock is the fake S3's: every write happens a minute after the last.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { c.t = c.t.Add(time.Minute); return c.t }

// newS3 is the real SDK client talking to the loopback fake.
func newS3(t *testing.T) (*awsfake.S3, *s3.Client, *clock) {
	t.Helper()
	clk := &clock{t: time.Date(2026, 11, 29, 8, 0, 0, 0, time.UTC)}
	fake := awsfake.NewS3(bucket)
	fake.Now = clk.now
	fake.PageSize = 3 // every listing spans pages
	srv := httptest.NewServer(fake)
	t.Cleanup(srv.Close)
	c := s3.New(s3.Options{
		Region: "us-east-1", BaseEndpoint: aws.String(srv.URL), UsePathStyle: true,
		Credentials: credentials.NewStaticCredentialsProvider("AKIAFAKES3000000001", "x", ""),
	})
	return fake, c, clk
}

// TestRestoreToAMoment: a day of Storage traffic (uploads, overwrites,
// deletes, a re-upload after a delete, a key created after the moment),
// then a restore to the moment leaves every key as it was then, and
// removes no version.
func TestRestoreToAMoment(t *testing.T) {
	fake, c, clk := newS3(t)
	k := func(name string) string { return "stub/avatars/" + name }
	fake.Put(bucket, k("kept.png"), "kept v1")
	fake.Put(bucket, k("overwritten.png"), "over v1")
	fake.Put(bucket, k("deleted.png"), "del v1")
	fake.Put(bucket, k("twice.png"), "twice v1")
	fake.Put(bucket, k("twice.png"), "twice v2")
	fake.Delete(bucket, k("gone-before.png"))
	at := clk.t // the moment restored to: after the writes above
	fake.Put(bucket, k("overwritten.png"), "over v2")
	fake.Delete(bucket, k("deleted.png"))
	fake.Put(bucket, k("twice.png"), "twice v3")
	fake.Delete(bucket, k("twice.png"))
	fake.Put(bucket, k("twice.png"), "twice v4")
	fake.Put(bucket, k("new.png"), "new v1")
	fake.Put(bucket, k("new-then-deleted.png"), "ntd v1")
	fake.Delete(bucket, k("new-then-deleted.png"))
	fake.Put(bucket, k("name with spaces & ü.png"), "odd v1")
	before := map[string]int{}
	for _, n := range []string{"kept.png", "overwritten.png", "deleted.png", "twice.png", "new.png"} {
		before[n] = fake.Versions(bucket, k(n))
	}

	entries, err := List(context.Background(), c, bucket, "stub/")
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 15 {
		t.Fatalf("listed %d versions and markers across pages, want 15", len(entries))
	}
	plan := Plan(entries, at)
	got := map[string]Kind{}
	for _, a := range plan {
		got[strings.TrimPrefix(a.Key, "stub/avatars/")] = a.Kind
	}
	want := map[string]Kind{"overwritten.png": Revert, "deleted.png": Revert, "twice.png": Revert, "new.png": Hide, "name with spaces & ü.png": Hide}
	if len(got) != len(want) {
		t.Errorf("plan %v, want %v", got, want)
	}
	for n, kind := range want {
		if got[n] != kind {
			t.Errorf("%s: %q, want %q", n, got[n], kind)
		}
	}
	if err := Apply(context.Background(), c, bucket, plan, nil); err != nil {
		t.Fatal(err)
	}
	for n, body := range map[string]string{"kept.png": "kept v1", "overwritten.png": "over v1", "deleted.png": "del v1", "twice.png": "twice v2"} {
		if cur, ok := fake.Current(bucket, k(n)); !ok || cur != body {
			t.Errorf("%s is %q (exists %v), want %q", n, cur, ok, body)
		}
	}
	for _, n := range []string{"new.png", "new-then-deleted.png", "gone-before.png", "name with spaces & ü.png"} {
		if cur, ok := fake.Current(bucket, k(n)); ok {
			t.Errorf("%s exists (%q); it did not at the moment", n, cur)
		}
	}
	// Nothing was deleted for good: each key has its versions plus the
	// restore's own, so the restore can itself be undone.
	for n, v := range before {
		if fake.Versions(bucket, k(n)) < v {
			t.Errorf("%s lost versions", n)
		}
	}
	for _, r := range fake.Requests {
		if strings.HasPrefix(r, "DeleteObjectVersion") {
			t.Errorf("the restore deleted a version: %s", r)
		}
	}
	// A second run finds nothing to do.
	entries, _ = List(context.Background(), c, bucket, "stub/")
	if again := Plan(entries, at); len(again) != 0 {
		t.Errorf("a second restore would do %v", again)
	}
}

func TestPlanReportsWhatOneCopyCannotDo(t *testing.T) {
	at := time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC)
	entries := []Entry{
		{Key: "stub/b/huge", VersionID: "2", LastModified: at.Add(time.Hour), IsLatest: true, Size: 10},
		{Key: "stub/b/huge", VersionID: "1", LastModified: at.Add(-time.Hour), Size: 6 << 30},
		// Written in the moment's own millisecond: before it.
		{Key: "stub/b/edge", VersionID: "e", LastModified: at, IsLatest: true, Size: 1},
	}
	plan := Plan(entries, at)
	if len(plan) != 1 || plan[0].Kind != TooLarge || plan[0].VersionID != "1" {
		t.Fatalf("plan %+v, want the 6 GiB version reported and the edge key kept", plan)
	}
}

// TestCheckAgainstRealPostgres reads storage.objects from a real server
// (names with commas, quotes and new lines) and compares them with the
// bucket.
func TestCheckAgainstRealPostgres(t *testing.T) {
	srv := pgtest.Start(t)
	srv.SuperQuery(t, "postgres", `
CREATE SCHEMA storage;
CREATE TABLE storage.objects (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), bucket_id text, name text, version text);
INSERT INTO storage.objects (bucket_id, name, version) VALUES
  ('avatars', 'a.png', 'ver-1'),
  ('avatars', 'dir/b, "quoted".png', 'ver-2'),
  ('docs', E'line\nbreak.txt', NULL),
  ('docs', 'missing.pdf', 'ver-3');`)
	rows, err := Rows(context.Background(), runner.NewExec(), srv.PsqlPath(), srv.Env(srv.Superuser, srv.SuperuserPassword, "postgres"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || rows[1].Name != `dir/b, "quoted".png` || rows[2].Name != "line\nbreak.txt" || rows[2].Version != "" {
		t.Fatalf("rows %+v", rows)
	}
	fake, c, _ := newS3(t)
	fake.Put(bucket, "stub/avatars/a.png/ver-1", "a")
	fake.Put(bucket, `stub/avatars/dir/b, "quoted".png/ver-2`, "b")
	fake.Put(bucket, "stub/avatars/dir/b, \"quoted\".png/ver-2.info", "sidecar")
	fake.Put(bucket, "stub/docs/line\nbreak.txt", "c")
	fake.Put(bucket, "stub/docs/orphan.pdf/ver-9", "o")
	fake.Put(bucket, "stub/docs/missing.pdf/ver-3", "m")
	fake.Delete(bucket, "stub/docs/missing.pdf/ver-3")
	fake.Put(bucket, "other-tenant/x", "not ours")
	entries, err := List(context.Background(), c, bucket, "")
	if err != nil {
		t.Fatal(err)
	}
	rep := Check(rows, entries, "stub")
	if rep.OK() || len(rep.MissingObjects) != 1 || rep.MissingObjects[0].Name != "missing.pdf" ||
		len(rep.OrphanObjects) != 1 || rep.OrphanObjects[0] != "stub/docs/orphan.pdf/ver-9" {
		t.Fatalf("report %+v; want missing.pdf missing and orphan.pdf orphaned", rep)
	}
	if rep.Rows != 4 || rep.Objects != 5 {
		t.Errorf("counts %d rows, %d objects", rep.Rows, rep.Objects)
	}
	// Once they agree, the check says so.
	fake.Put(bucket, "stub/docs/missing.pdf/ver-3", "m again")
	fake.Delete(bucket, "stub/docs/orphan.pdf/ver-9")
	entries, _ = List(context.Background(), c, bucket, "")
	if rep := Check(rows, entries, "stub"); !rep.OK() {
		t.Errorf("agreeing rows and objects reported %+v", rep)
	}
}
