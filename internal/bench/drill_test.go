package bench

import (
	"strings"
	"testing"
	"time"
)

func TestParseDrill(t *testing.T) {
	out := "    restore_drill_test.go:224: dump 639087 bytes in 329ms; restore of 63 entries in 1.204s (skipped 13 the bootstrap made: [])\n"
	got, err := ParseDrill(out)
	if err != nil || got.Bytes != 639087 || got.Dump != 329*time.Millisecond || got.Restore != 1204*time.Millisecond {
		t.Fatalf("%+v, %v", got, err)
	}
	if _, err := ParseDrill("--- SKIP: TestRestoreDrill"); err == nil {
		t.Error("a drill that did not run must be an error, not a zero throughput")
	}
	md := DrillMarkdown([]Throughput{got, {Bytes: 639087, Dump: time.Second, Restore: 2 * time.Second}})
	if !strings.Contains(md, "| 2 | 0.6 MB/s | 1.3 MB/s | 1.9 MB/s |") || !strings.Contains(md, "| 2 | 0.3 MB/s | 0.4 MB/s | 0.5 MB/s |") {
		t.Errorf("table:\n%s", md)
	}
}
