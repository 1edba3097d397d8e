// Package bench times commands over repeated runs and samples the peak
// resident memory of each run's whole process tree (the Go program and the
// Node.js child jsii starts), reading /proc.
package bench

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Case is one command to measure.
type Case struct {
	Name string
	// Cmd runs through `bash -c` in Dir.
	Cmd  string
	Dir  string
	Runs int
	// Env is added to the environment.
	Env []string
}

// Result summarizes a case.
type Result struct {
	Name             string
	Runs             int
	Min, Median, Max time.Duration
	PeakRSSBytes     int64
}

// Run executes the case Runs times and summarizes it.
func Run(c Case) (Result, error) {
	var times []time.Duration
	var peak int64
	for i := 0; i < c.Runs; i++ {
		d, rss, err := once(c)
		if err != nil {
			return Result{}, fmt.Errorf("%s (run %d): %w", c.Name, i+1, err)
		}
		times = append(times, d)
		if rss > peak {
			peak = rss
		}
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	return Result{Name: c.Name, Runs: c.Runs, Min: times[0], Median: median(times), Max: times[len(times)-1], PeakRSSBytes: peak}, nil
}

func median(sorted []time.Duration) time.Duration {
	n := len(sorted)
	if n%2 == 1 {
		return sorted[n/2]
	}
	return (sorted[n/2-1] + sorted[n/2]) / 2
}

func once(c Case) (time.Duration, int64, error) {
	cmd := exec.Command("bash", "-c", c.Cmd)
	cmd.Dir = c.Dir
	cmd.Env = append(os.Environ(), c.Env...)
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return 0, 0, err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var peak int64
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case err := <-done:
			d := time.Since(start)
			if err != nil {
				return d, peak, fmt.Errorf("%v\n%s", err, tail(out.String(), 2000))
			}
			return d, peak, nil
		case <-tick.C:
			if rss := TreeRSS(cmd.Process.Pid); rss > peak {
				peak = rss
			}
		}
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// TreeRSS sums the resident memory of pid and all its descendants.
func TreeRSS(pid int) int64 {
	children := map[int][]int{}
	rss := map[int]int64{}
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		p, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		// Fields after the parenthesized command name: state, ppid, ...
		s := string(stat)
		close := strings.LastIndexByte(s, ')')
		if close < 0 {
			continue
		}
		fields := strings.Fields(s[close+1:])
		if len(fields) < 22 {
			continue
		}
		ppid, _ := strconv.Atoi(fields[1])
		pages, _ := strconv.ParseInt(fields[21], 10, 64)
		children[ppid] = append(children[ppid], p)
		rss[p] = pages * int64(os.Getpagesize())
	}
	var total int64
	stack := []int{pid}
	for len(stack) > 0 {
		p := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		total += rss[p]
		stack = append(stack, children[p]...)
	}
	return total
}

// Markdown renders results as a table.
func Markdown(results []Result) string {
	var b strings.Builder
	b.WriteString("| measurement | runs | min | median | max | peak RSS (process tree) |\n|---|---:|---:|---:|---:|---:|\n")
	for _, r := range results {
		fmt.Fprintf(&b, "| %s | %d | %s | %s | %s | %d MiB |\n", r.Name, r.Runs, secs(r.Min), secs(r.Median), secs(r.Max), r.PeakRSSBytes>>20)
	}
	return b.String()
}

func secs(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }
