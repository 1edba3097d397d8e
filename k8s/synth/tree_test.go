package synth

import (
	"testing"

	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk8s-team/cdk8s-core-go/cdk8s/v2"
	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/k8s/components"
	"github.com/supabase-eks/supabase-eks/k8s/manifest"
	"path/filepath"
)

// TestConstructTreeShowsTheComponents: each component is a construct of
// its own in the charts it renders into (stage / component / object), with
// the objects it owns, its ExternalSecrets included.
func TestConstructTreeShowsTheComponents(t *testing.T) {
	env := config.Dev()
	out, err := outputs.Load(filepath.Join("..", "..", "examples", "outputs", env.Name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	app := cdk8s.NewApp(&cdk8s.AppProps{Outdir: jsii.String(t.TempDir())})
	c := build(app, env, out, exampleCA)
	if err := c.Err(); err != nil {
		t.Fatal(err)
	}
	child := func(scope constructs.Construct, id string) constructs.Construct {
		if scope == nil {
			return nil
		}
		n := scope.Node().TryFindChild(jsii.String(id))
		if n == nil {
			return nil
		}
		return n.(constructs.Construct)
	}
	workloads := child(app, string(manifest.StageWorkloads))
	for _, d := range components.Enabled(env.Workloads) {
		if child(child(workloads, d.Name), "Deployment-"+d.Name) == nil {
			t.Errorf("no %s/%s/Deployment-%s in the construct tree", manifest.StageWorkloads, d.Name, d.Name)
		}
	}
	if child(child(child(app, string(manifest.StageSecrets)), "kong"), "ExternalSecret-"+components.KongSecret) == nil {
		t.Errorf("Kong's ExternalSecret is not under kong in %s", manifest.StageSecrets)
	}
	if child(workloads, "Deployment-kong") != nil {
		t.Error("kong's Deployment sits at the chart's root, outside its component")
	}
}
