package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRestorePITRBadFlagsNameTheFieldAndTouchNothing: a bad restore
// request fails with usage (exit 2) before any command runs or any file is
// written.
func TestRestorePITRBadFlagsNameTheFieldAndTouchNothing(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--env", "dev"}, "--time is required"},
		{[]string{"--env", "dev", "--time", "yesterday"}, "database.pointInTimeRestore.time"},
		{[]string{"--env", "dev", "--time", "2099-01-01T00:00:00Z"}, "database.pointInTimeRestore.time"},
		{[]string{"--env", "dev", "--time", "2026-11-01T00:00:00Z", "--source", "supabase-prod"}, "database.pointInTimeRestore.sourceIdentifier"},
		{[]string{"--env", "dev", "--time", "2026-11-01T00:00:00Z", "--source", "supabase-dev", "--source-dbi-resource-id", "db-ABCDEFGHIJKL"}, "exclude each other"},
		{[]string{"--env", "dev", "--time", "2026-11-01T00:00:00Z", "--only", "roll", "--from", "smoke"}, "exclude each other"},
	}
	for _, c := range cases {
		h := newHarness(t)
		code := h.run(append([]string{"restore", "pitr"}, c.args...)...)
		if code != 2 || !strings.Contains(h.stderr.String(), c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, h.stderr.String(), c.want)
		}
		if len(h.fake.Calls) != 0 {
			t.Errorf("%v: ran %v", c.args, h.fake.Calls)
		}
		if _, err := os.Stat(filepath.Join(h.root, "internal")); err == nil {
			t.Errorf("%v: wrote a restore file", c.args)
		}
	}
}

func TestRestoreDumpNeedsAnS3Object(t *testing.T) {
	for _, args := range [][]string{{"--env", "dev"}, {"--env", "dev", "--object", "/tmp/x.dump"}} {
		h := newHarness(t)
		if code := h.run(append([]string{"restore", "dump"}, args...)...); code != 2 || !strings.Contains(h.stderr.String(), "--object") {
			t.Errorf("%v: exit %d, stderr %q", args, code, h.stderr.String())
		}
		if len(h.fake.Calls) != 0 {
			t.Errorf("%v: ran %v", args, h.fake.Calls)
		}
	}
}
