// Package readme holds the tests that keep README.md true.
package readme

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

var (
	// Only commands count: `make x` in inline code or fenced blocks, not prose.
	codeSpan  = regexp.MustCompile("(?s)```.*?```|`[^`\n]+`")
	makeCall  = regexp.MustCompile(`\bmake\s+([a-z][a-z0-9-]*)`)
	targetDef = regexp.MustCompile(`(?m)^([a-zA-Z0-9][a-zA-Z0-9_ -]*?)\s*:([^=]|$)`)
)

func repoFile(t *testing.T, rel string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", rel))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// targets returns every target defined in the Makefile and mk/*.mk.
func targets(t *testing.T) map[string]bool {
	files := []string{"Makefile"}
	mk, _ := filepath.Glob(filepath.Join("..", "..", "mk", "*.mk"))
	for _, f := range mk {
		files = append(files, filepath.Join("mk", filepath.Base(f)))
	}
	defined := map[string]bool{}
	for _, f := range files {
		for _, m := range targetDef.FindAllStringSubmatch(repoFile(t, f), -1) {
			for _, name := range strings.Fields(m[1]) {
				defined[name] = true
			}
		}
	}
	return defined
}

// TestEveryMakeTargetInTheREADMEExists catches a README that names a target
// the Makefile no longer has (or never had).
func TestEveryMakeTargetInTheREADMEExists(t *testing.T) {
	defined := targets(t)
	readme := repoFile(t, "README.md")
	var missing []string
	seen := map[string]bool{}
	for _, code := range codeSpan.FindAllString(readme, -1) {
		for _, m := range makeCall.FindAllStringSubmatch(code, -1) {
			if !defined[m[1]] && !seen[m[1]] {
				missing = append(missing, m[1])
			}
			seen[m[1]] = true
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Fatalf("README names make targets that do not exist: %v", missing)
	}
	if len(seen) < 10 {
		t.Fatalf("only %d make targets found in the README: is the pattern broken?", len(seen))
	}
}

// TestUserFacingTargetsExist pins the targets operators expect.
func TestUserFacingTargetsExist(t *testing.T) {
	defined := targets(t)
	for _, want := range []string{"synth", "test", "validate", "lint", "bench", "deploy", "destroy", "smoke", "diff", "tools", "cost", "capacity", "diagram", "help"} {
		if !defined[want] {
			t.Errorf("make %s is missing", want)
		}
	}
}
