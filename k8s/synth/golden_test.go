package synth

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// TestGoldenDist: the committed dist/<env>/ is exactly what a fresh synth
// of the committed configuration and example outputs produces. Refresh with
// `go test ./k8s/synth -run TestGoldenDist -update` (or make k8s-synth).
func TestGoldenDist(t *testing.T) {
	eachEnv(t, func(t *testing.T, r *rendered) {
		committed := filepath.Join("..", "..", "dist", r.env.Name)
		if *update {
			if err := os.RemoveAll(committed); err != nil {
				t.Fatal(err)
			}
			if err := os.CopyFS(committed, os.DirFS(r.dir)); err != nil {
				t.Fatal(err)
			}
			_ = os.Chmod(filepath.Join(committed, "addons", "install.sh"), 0o755)
		}
		want, got := readTree(t, committed), readTree(t, r.dir)
		var names []string
		for n := range want {
			names = append(names, n)
		}
		for n := range got {
			if _, ok := want[n]; !ok {
				names = append(names, n)
			}
		}
		sort.Strings(names)
		for _, n := range names {
			switch {
			case want[n] == nil:
				t.Errorf("dist/%s/%s is missing from the committed tree (run make k8s-synth)", r.env.Name, n)
			case got[n] == nil:
				t.Errorf("dist/%s/%s is committed but no longer rendered (run make k8s-synth)", r.env.Name, n)
			case !bytes.Equal(want[n], got[n]):
				t.Errorf("dist/%s/%s differs from a fresh synth (run make k8s-synth and review the diff)", r.env.Name, n)
			}
		}
	})
}

// TestDeterministic: two syntheses of the same input are byte-identical.
func TestDeterministic(t *testing.T) {
	eachEnv(t, func(t *testing.T, r *rendered) {
		a, b := readTree(t, r.dir), readTree(t, secondRun[r.env.Name])
		if len(a) != len(b) {
			t.Fatalf("file count differs: %d vs %d", len(a), len(b))
		}
		for n, data := range a {
			if !bytes.Equal(data, b[n]) {
				t.Errorf("%s differs between two syntheses", n)
			}
		}
	})
}
