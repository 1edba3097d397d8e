package synth

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/jsii-runtime-go"
	"github.com/supabase-eks/supabase-eks/internal/artifacts"
	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/internal/nodewarn"
	"github.com/supabase-eks/supabase-eks/internal/rdsca"
)

var update = flag.Bool("update", false, "rewrite the committed dist/ from a fresh synth")

// rendered is one environment synthesized for the tests.
type rendered struct {
	env    config.Environment
	out    *outputs.Outputs
	dir    string
	result Result
	// objs are the manifests in file order.
	objs []obj
}

// obj is one manifest as the artifacts reader returns it.
type obj struct{ artifacts.Object }

// into decodes the manifest strictly into a typed object: a field unknown
// to k8s.io/api fails the test.
func (o obj) into(t *testing.T, v any) {
	t.Helper()
	if err := o.Decode(v); err != nil {
		t.Fatal(err)
	}
}

var (
	envs      = map[string]*rendered{}
	secondRun = map[string]string{}
	synthErr  error
	// exampleCA is the stand-in RDS CA bundle the example renders use.
	exampleCA rdsca.Bundle
)

func TestMain(m *testing.M) {
	flag.Parse()
	nodewarn.Silence()
	code := func() int {
		defer jsii.Close()
		tmp, err := os.MkdirTemp("", "k8s-synth-test-")
		if err != nil {
			synthErr = err
			return m.Run()
		}
		defer os.RemoveAll(tmp)
		if exampleCA, synthErr = rdsca.Load(filepath.Join("..", "..", rdsca.ExamplePath)); synthErr != nil {
			return m.Run()
		}
		for _, name := range config.Names() {
			if synthErr = renderEnv(name, tmp); synthErr != nil {
				break
			}
		}
		return m.Run()
	}()
	os.Exit(code)
}

func renderEnv(name, tmp string) error {
	env, err := config.Load(name)
	if err != nil {
		return err
	}
	out, err := outputs.Load(filepath.Join("..", "..", "examples", "outputs", name+".json"))
	if err != nil {
		return err
	}
	r := &rendered{env: env, out: out, dir: filepath.Join(tmp, name)}
	for i, dir := range []string{r.dir, filepath.Join(tmp, name+"-again")} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		res, err := Render(env, out, exampleCA, dir)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if i == 0 {
			r.result = res
		} else {
			secondRun[name] = dir
		}
	}
	if err := r.load(); err != nil {
		return err
	}
	envs[name] = r
	return nil
}

// load reads the manifests of r.dir into r.objs.
func (r *rendered) load() error {
	objs, err := artifacts.ReadManifests(r.dir)
	if err != nil {
		return err
	}
	for _, o := range objs {
		r.objs = append(r.objs, obj{o})
	}
	return nil
}

// renderVariant synthesizes a modified environment (with the example
// outputs of env.Name) for tests of configurations dist/ does not hold.
func renderVariant(t *testing.T, env config.Environment) (*rendered, error) {
	t.Helper()
	return renderVariantWith(t, env, nil)
}

// renderVariantWith is renderVariant with the example outputs changed by
// mutate first, for what the AWS side decides.
func renderVariantWith(t *testing.T, env config.Environment, mutate func(*outputs.Outputs)) (*rendered, error) {
	t.Helper()
	if synthErr != nil {
		t.Fatalf("synth failed: %v", synthErr)
	}
	out, err := outputs.Load(filepath.Join("..", "..", "examples", "outputs", env.Name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	if mutate != nil {
		mutate(out)
	}
	r := &rendered{env: env, out: out, dir: t.TempDir()}
	if r.result, err = Render(env, out, exampleCA, r.dir); err != nil {
		return r, err
	}
	if err := r.load(); err != nil {
		t.Fatal(err)
	}
	return r, nil
}

// eachEnv runs f once per environment as a subtest.
func eachEnv(t *testing.T, f func(t *testing.T, r *rendered)) {
	t.Helper()
	if synthErr != nil {
		t.Fatalf("synth failed: %v", synthErr)
	}
	for _, name := range config.Names() {
		r := envs[name]
		t.Run(name, func(t *testing.T) { f(t, r) })
	}
}

// kind returns the objects of one kind.
func (r *rendered) kind(k string) []obj {
	var out []obj
	for _, o := range r.objs {
		if o.Kind == k {
			out = append(out, o)
		}
	}
	return out
}

// find returns the object of kind and name.
func (r *rendered) find(t *testing.T, kind, name string) obj {
	t.Helper()
	for _, o := range r.objs {
		if o.Kind == kind && o.Name == name {
			return o
		}
	}
	t.Fatalf("no %s %q rendered", kind, name)
	return obj{}
}

// readTree maps relative path -> content for every file under dir.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if strings.HasPrefix(filepath.Base(rel), ".") {
			return nil
		}
		data, err := os.ReadFile(p)
		files[rel] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
