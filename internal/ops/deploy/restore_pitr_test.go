package deploy

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/supabase-eks/supabase-eks/internal/contract/config"
)

// pitrFixture is the deploy fixture with an RDS API that can restore the
// dev instance from 2026-11-20 to 2026-11-26 11:55, and Terraform outputs
// that name the restored instance once applied.
func pitrFixture(t *testing.T) (*fixture, *PITR) {
	t.Helper()
	fx := newFixture(t, "dev")
	fx.fake.On("aws rds describe-db-instance-automated-backups", `{"DBInstanceAutomatedBackups":[{"Status":"active","RestoreWindow":{"EarliestTime":"2026-11-20T03:10:00Z","LatestTime":"2026-11-26T11:55:00Z"}}]}`, 0)
	example, err := os.ReadFile(filepath.Join(repo, "examples", "outputs", "dev.json"))
	if err != nil {
		t.Fatal(err)
	}
	restored := strings.ReplaceAll(string(example), "supabase-dev.cexample0000", "supabase-dev-pitr-20261126t0930z.cexample0000")
	fx.fake.On("["+filepath.Join(fx.root, "cdktf.out/stacks/supabase-dev")+"] terraform output -json", restored, 0)
	// The live bootstrap Job, as RerunJob reads it before re-creating it.
	fx.fake.On("kubectl --context supabase-dev get job db-bootstrap -n supabase -o json", `{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"db-bootstrap","namespace":"supabase","uid":"1"},"spec":{"template":{"spec":{"containers":[]}}},"status":{"conditions":[{"type":"Complete","status":"True"}]}}`, 0)
	fx.fake.On("kubectl --context supabase-dev get deployment -n supabase -o name", "deployment.apps/kong\ndeployment.apps/auth\ndeployment.apps/rest\ndeployment.apps/realtime\ndeployment.apps/storage\ndeployment.apps/imgproxy\ndeployment.apps/meta\ndeployment.apps/studio\n", 0)
	p := &PITR{D: fx.d, Restore: config.PointInTimeRestore{SourceIdentifier: "supabase-dev", Time: "2026-11-26T09:30:00Z"}}
	return fx, p
}

func TestPITRRunsEveryStepInOrder(t *testing.T) {
	fx, p := pitrFixture(t)
	if err := fx.d.RunSteps(context.Background(), "restore pitr", p.Steps(), "", ""); err != nil {
		t.Fatalf("%v\nlog:\n%s", err, fx.log)
	}
	assertOrder(t, fx.milestones(),
		"aws sts get-caller-identity",
		"aws rds describe-db-instance-automated-backups --db-instance-identifier supabase-dev --region us-east-1",
		"make --no-print-directory infra-synth ENVS=dev",
		"terraform init -input=false",
		"terraform plan -input=false -detailed-exitcode -out=supabase.tfplan",
		"terraform apply -input=false supabase.tfplan",
		"terraform output -json",
		"make --no-print-directory k8s-synth ENVS=dev",
		"kubectl --context supabase-dev apply -f dist/dev/10-secrets.yaml",
		"kubectl --context supabase-dev annotate externalsecret --all -n supabase force-sync=",
		"kubectl --context supabase-dev delete job db-bootstrap",
		"kubectl --context supabase-dev create -n supabase -f -",
		"kubectl --context supabase-dev rollout restart deployment/",
		"<smoke>",
	)
	// The restore is configuration, written where config.Load reads it.
	data, err := os.ReadFile(filepath.Join(fx.root, config.RestoreFile("dev")))
	if err != nil {
		t.Fatal(err)
	}
	r, err := config.DecodeRestore(data)
	if err != nil || *r != p.Restore {
		t.Fatalf("restore file %s: %+v, %v", data, r, err)
	}
	// Nothing deletes an instance; the operator is told how.
	for _, c := range fx.fake.Calls {
		if strings.Contains(c, "delete-db-instance") || strings.Contains(c, "terraform destroy") {
			t.Errorf("the restore ran %q", c)
		}
	}
	if !strings.Contains(fx.log.String(), "aws rds delete-db-instance --db-instance-identifier supabase-dev --final-db-snapshot-identifier supabase-dev-before-20261126t0930z") {
		t.Errorf("the finish step does not say how to delete the old instance:\n%s", fx.log)
	}
	// Readers restarted are the database's: not imgproxy, which has no login.
	if len(fx.fake.Called("kubectl --context supabase-dev rollout restart deployment/imgproxy")) != 0 {
		t.Error("imgproxy does not read the database and must not be restarted")
	}
	if len(fx.fake.Called("kubectl --context supabase-dev rollout restart deployment/rest")) != 1 {
		t.Error("rest reads the database and must be restarted")
	}
}

func TestPITRRefusesATimeOutsideTheWindowBeforeWritingAnything(t *testing.T) {
	fx, p := pitrFixture(t)
	p.Restore.Time = "2026-11-26T11:58:00Z"
	err := fx.d.RunSteps(context.Background(), "restore pitr", p.Steps(), "", "")
	if err == nil || !strings.Contains(err.Error(), "outside the restorable window") || !strings.Contains(err.Error(), "2026-11-26T11:55:00Z") {
		t.Fatalf("want the window in the error, got %v", err)
	}
	if _, err := os.Stat(filepath.Join(fx.root, config.RestoreFile("dev"))); err == nil {
		t.Error("the restore file was written for a refused time")
	}
	if len(fx.fake.Called("make --no-print-directory")) != 0 {
		t.Error("nothing may be synthesized after a refused time")
	}
}

func TestPITRAsksAndResumesThroughTheGuards(t *testing.T) {
	fx, p := pitrFixture(t)
	fx.d.Yes = false
	asked := 0
	fx.d.Confirm = func(prompt, answer string) (bool, error) {
		asked++
		return answer == "dev" && strings.Contains(prompt, "restore"), nil
	}
	// A refusal stops before anything is written.
	fx.d.Confirm = func(string, string) (bool, error) { asked++; return false, nil }
	if err := fx.d.RunSteps(context.Background(), "restore pitr", p.Steps(), "", ""); err == nil || !strings.Contains(err.Error(), "aborted") {
		t.Fatalf("a refused confirmation must abort, got %v", err)
	}
	if len(fx.fake.Called("make --no-print-directory")) != 0 {
		t.Error("synthesized after a refusal")
	}
	// Resuming at roll still checks the account and asks again.
	before := asked
	fx.d.Confirm = func(string, string) (bool, error) { asked++; return false, nil }
	err := fx.d.RunSteps(context.Background(), "restore pitr", p.Steps(), "", "roll")
	if err == nil || asked != before+1 {
		t.Fatalf("resume at roll: confirmation asked %d times, err %v", asked-before, err)
	}
	if !strings.Contains(err.Error(), "supabase-eks restore pitr --env dev --from confirm") {
		t.Errorf("resume hint: %v", err)
	}
}

func TestPITRRollRefusesOutputsOfTheOldInstance(t *testing.T) {
	fx, p := pitrFixture(t)
	example, _ := os.ReadFile(filepath.Join(repo, "examples", "outputs", "dev.json"))
	fx.fake.On("["+filepath.Join(fx.root, "cdktf.out/stacks/supabase-dev")+"] terraform output -json", string(example), 0)
	if err := fx.d.WriteOutputs(context.Background()); err != nil {
		t.Fatal(err)
	}
	err := p.Roll(context.Background())
	if err == nil || !strings.Contains(err.Error(), "not the restored instance supabase-dev-pitr-20261126t0930z") {
		t.Fatalf("want a refusal naming the restored instance, got %v", err)
	}
	if len(fx.fake.Called("kubectl")) != 0 {
		t.Error("the cluster was touched with outputs of the old instance")
	}
}
