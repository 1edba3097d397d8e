package examples

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
)

var update = flag.Bool("update", false, "rewrite examples/outputs from the configuration")

// TestCommittedExamplesFollowTheConfiguration keeps examples/outputs equal
// to what the configuration implies; refresh with `make examples`.
func TestCommittedExamplesFollowTheConfiguration(t *testing.T) {
	for _, name := range config.Names() {
		env, err := config.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		want, err := TerraformJSON(Outputs(env))
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("..", "..", "examples", "outputs", name+".json")
		if *update {
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run `make examples` (the configuration changed)", path)
		}
		// The generated file must satisfy the contract it stands in for.
		o, err := outputs.Parse(want)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if o.HasRole(outputs.RoleCloudWatchObservability) != env.Observability.ContainerInsights {
			t.Errorf("%s: cloudwatch role presence disagrees with observability.containerInsights", name)
		}
	}
}

func TestExamplesFollowAChangedConfiguration(t *testing.T) {
	env := config.Dev()
	env.Region, env.AccountID = "eu-west-1", "444455556666"
	env.AvailabilityZones = []string{"eu-west-1a", "eu-west-1b"}
	data, err := TerraformJSON(Outputs(env))
	if err != nil {
		t.Fatal(err)
	}
	o, err := outputs.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if o.Region != "eu-west-1" || o.AccountID != "444455556666" || o.KMSKeyARN != "arn:aws:kms:eu-west-1:444455556666:key/"+placeholderID {
		t.Fatalf("outputs do not follow the configuration: %+v", o)
	}
}
