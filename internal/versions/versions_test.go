package versions

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/supabase-eks/supabase-eks/internal/artifacts"
	"github.com/supabase-eks/supabase-eks/internal/contract/config"
)

func repoFile(t *testing.T, rel string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", rel))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestPinsAgreeAcrossTheRepository: what the gate validates with is what
// the project generates from, requires and deploys.
func TestPinsAgreeAcrossTheRepository(t *testing.T) {
	// Generated bindings record the release they were generated from.
	for dir, want := range map[string]string{"imports/externalsecretsio/ESO_VERSION": ExternalSecrets, "imports/vpcresourcesk8saws/VPC_RC_VERSION": VPCResourceController} {
		if got := strings.TrimSpace(repoFile(t, dir)); got != want {
			t.Errorf("%s = %s, versions.env pins %s: run make imports", dir, got, want)
		}
	}
	// The pod security group table comes from the Go module.
	mod := repoFile(t, "go.mod")
	if !strings.Contains(mod, "github.com/aws/amazon-vpc-resource-controller-k8s "+VPCResourceController) {
		t.Errorf("go.mod does not require amazon-vpc-resource-controller-k8s %s", VPCResourceController)
	}
	// The database tests run the engine version the environments deploy,
	// and the validation apiserver the cluster's Kubernetes minor.
	for _, env := range []config.Environment{config.Dev(), config.Prod()} {
		if env.Database.EngineVersion != PostgresRDS {
			t.Errorf("%s runs PostgreSQL %s, the tests run %s", env.Name, env.Database.EngineVersion, PostgresRDS)
		}
		if !strings.HasPrefix(Kubernetes, "v"+env.Cluster.KubernetesVersion+".") {
			t.Errorf("%s runs Kubernetes %s, the gate validates against %s", env.Name, env.Cluster.KubernetesVersion, Kubernetes)
		}
	}
}

// TestDeployedAddonsAreTheValidatedReleases reads the releases the deploy
// installs (dist/<env>/addons/releases.yaml) and requires External Secrets
// and the load balancer controller at the releases the gate validated.
func TestDeployedAddonsAreTheValidatedReleases(t *testing.T) {
	for _, env := range []string{"dev", "prod"} {
		releases, err := artifacts.LoadReleases(filepath.Join("..", "..", "dist", env, "addons"))
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]string{"external-secrets": Chart(ExternalSecrets), "aws-load-balancer-controller": Chart(LoadBalancerController)}
		seen := 0
		for _, r := range releases {
			if v, ok := want[r.Chart]; ok {
				seen++
				if r.Version != v {
					t.Errorf("%s deploys %s %s, the gate validated %s", env, r.Chart, r.Version, v)
				}
			}
		}
		if seen != len(want) {
			t.Errorf("%s: found %d of %d validated add-ons in releases.yaml", env, seen, len(want))
		}
	}
}

func TestParseRejectsWhatMakeCannotInclude(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("a line without = was accepted")
		}
	}()
	parse("ESO_VERSION v1\n")
}
