package bench

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// drillLine is what TestRestoreDrill logs about its dump and restore.
var drillLine = regexp.MustCompile(`dump (\d+) bytes in (\S+); restore of \d+ entries in (\S+) `)

// Throughput is one restore drill's dump and restore of the same archive.
type Throughput struct {
	// Bytes is the pg_dump custom-format archive's size (compressed).
	Bytes         int64
	Dump, Restore time.Duration
}

// ParseDrill reads the drill's log line from `go test -v` output.
func ParseDrill(out string) (Throughput, error) {
	m := drillLine.FindStringSubmatch(out)
	if m == nil {
		return Throughput{}, fmt.Errorf("no %q line in the drill's output (did it run?)", "dump N bytes in D; restore of N entries in D")
	}
	n, _ := strconv.ParseInt(m[1], 10, 64)
	d, err1 := time.ParseDuration(m[2])
	r, err2 := time.ParseDuration(m[3])
	if err1 != nil || err2 != nil || n <= 0 || d <= 0 || r <= 0 {
		return Throughput{}, fmt.Errorf("unreadable drill line %q", m[0])
	}
	return Throughput{Bytes: n, Dump: d, Restore: r}, nil
}

func mbps(bytes int64, d time.Duration) float64 { return float64(bytes) / 1e6 / d.Seconds() }

// DrillMarkdown summarizes drills as min/median/max MB/s of archive.
func DrillMarkdown(ts []Throughput) string {
	if len(ts) == 0 {
		return ""
	}
	row := func(name string, f func(Throughput) float64) string {
		v := make([]float64, len(ts))
		for i, t := range ts {
			v[i] = f(t)
		}
		sort.Float64s(v)
		med := v[len(v)/2]
		if len(v)%2 == 0 {
			med = (v[len(v)/2-1] + v[len(v)/2]) / 2
		}
		return fmt.Sprintf("| %s | %d | %.1f MB/s | %.1f MB/s | %.1f MB/s |\n", name, len(v), v[0], med, v[len(v)-1])
	}
	var b strings.Builder
	fmt.Fprintf(&b, "| restore drill (archive %.2f MB, local PostgreSQL) | runs | min | median | max |\n|---|---:|---:|---:|---:|\n", float64(ts[0].Bytes)/1e6)
	b.WriteString(row("pg_dump --format=custom (MB of archive per second)", func(t Throughput) float64 { return mbps(t.Bytes, t.Dump) }))
	b.WriteString(row("restore (internal/ops/restore, MB of archive per second)", func(t Throughput) float64 { return mbps(t.Bytes, t.Restore) }))
	return b.String()
}
