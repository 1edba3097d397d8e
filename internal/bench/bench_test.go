package bench

import (
	"os"
	"os/exec"
	"testing"
	"time"
)

func TestTreeRSSCountsDescendants(t *testing.T) {
	// A parent shell whose child allocates ~64 MiB: the tree must weigh more
	// than the parent alone.
	cmd := exec.Command("bash", "-c", `python3 -c 'import time; b=bytearray(64<<20); b[::4096]=b"x"*len(b[::4096]); time.sleep(3)' & wait`)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	var tree int64
	for i := 0; i < 100 && tree < 64<<20; i++ {
		time.Sleep(20 * time.Millisecond)
		tree = TreeRSS(cmd.Process.Pid)
	}
	self := TreeRSS(os.Getpid()) // this test process and its children
	if tree < 64<<20 {
		t.Fatalf("tree RSS %d MiB, want >= 64 MiB", tree>>20)
	}
	if self <= 0 {
		t.Fatal("no RSS for the test process")
	}
}

func TestRunSummarizes(t *testing.T) {
	r, err := Run(Case{Name: "sleep", Cmd: "sleep 0.05", Runs: 3})
	if err != nil {
		t.Fatal(err)
	}
	if r.Runs != 3 || r.Min < 50*time.Millisecond || r.Min > r.Median || r.Median > r.Max {
		t.Fatalf("bad summary %+v", r)
	}
	if _, err := Run(Case{Name: "fails", Cmd: "echo boom; exit 3", Runs: 1}); err == nil {
		t.Fatal("a failing command must fail the case")
	}
}
