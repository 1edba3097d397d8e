package deploy

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/supabase-eks/supabase-eks/internal/ops/runner"
)

const dumpObject = "s3://supabase-dev-backups-111122223333/pg_dump/dev/2026/11/29/043000Z.dump"

// dumpFixture: a cluster whose restore pod becomes ready and holds what
// was streamed into it, an S3 that has the dump, and outputs in place.
func dumpFixture(t *testing.T) (*fixture, *DumpRestore) {
	t.Helper()
	fx := newFixture(t, "dev")
	if err := fx.d.WriteOutputs(context.Background()); err != nil {
		t.Fatal(err)
	}
	const dump = "PGDMP fake archive bytes"
	fx.fake.On("aws s3api head-object --bucket supabase-dev-backups-111122223333 --key pg_dump/dev/2026/11/29/043000Z.dump", `{"ContentLength":24,"LastModified":"2026-11-29T04:31:02+00:00"}`, 0)
	fx.fake.OnFunc("aws s3 cp "+dumpObject, func(c runner.Cmd) (runner.Result, error) {
		return runner.Result{}, os.WriteFile(c.Args[3], []byte(dump), 0o600)
	})
	k := "kubectl --context supabase-dev exec -n supabase db-restore -c restore "
	fx.fake.On(k+"-- stat -c %s /backup/postgres.dump", "24\n", 0)
	fx.fake.On(k+"-- env PGDATABASE=postgres pg_restore --list /backup/postgres.dump", toc15, 0)
	return fx, &DumpRestore{D: fx.d, Object: dumpObject}
}

const toc15 = ";\n; Archive\n;\n250; 1259 16480 TABLE public todos supabase_admin\n3400; 0 16480 TABLE DATA public todos supabase_admin\n"

func TestDumpRestoreRunsInThePodInOrder(t *testing.T) {
	fx, r := dumpFixture(t)
	if err := fx.d.RunSteps(context.Background(), "restore dump", r.Steps(), "", ""); err != nil {
		t.Fatalf("%v\nlog:\n%s", err, fx.log)
	}
	k := "kubectl --context supabase-dev "
	x := k + "exec -n supabase db-restore -c restore "
	assertOrder(t, fx.milestones(),
		"aws sts get-caller-identity",
		"aws s3api head-object --bucket supabase-dev-backups-111122223333",
		"aws s3 cp "+dumpObject+" .cache/restore/dev/043000Z.dump",
		k+"delete pod db-restore -n supabase --ignore-not-found --wait=true",
		k+"create -f -",
		k+"wait --for=condition=Ready pod/db-restore",
		x+"-i -- sh -c cat > /backup/postgres.dump",
		x+"-- stat -c %s /backup/postgres.dump",
		x+"-- env PGDATABASE=postgres pg_restore --list /backup/postgres.dump",
		x+"-i -- env PGDATABASE=postgres psql -X -w -q -A -t -v ON_ERROR_STOP=1 -f -",
		x+"-i -- env PGDATABASE=postgres pg_restore --use-list=/dev/stdin --file=/backup/restore.sql /backup/postgres.dump",
		x+"-i -- env PGDATABASE=postgres psql -X -w -q -v ON_ERROR_STOP=1 --single-transaction -f - -f /backup/restore.sql",
		k+"delete pod db-restore -n supabase --ignore-not-found --wait=false",
	)
	// The bytes downloaded are the bytes streamed into the pod.
	for i, c := range fx.fake.Calls {
		if strings.Contains(c, "sh -c cat > /backup/postgres.dump") && fx.fake.Stdins[i] != "PGDMP fake archive bytes" {
			t.Errorf("streamed %q", fx.fake.Stdins[i])
		}
		if strings.Contains(c, "PGPASSWORD") {
			t.Errorf("a password on a command line: %s", c)
		}
	}
	if _, err := os.Stat(filepath.Join(fx.root, ".cache/restore/dev/043000Z.dump")); !os.IsNotExist(err) {
		t.Error("the local copy of the dump (users' data) was left behind")
	}
	// The pod is the backup's: same labels, service account, image and credentials.
	var pod map[string]any
	for i, c := range fx.fake.Calls {
		if strings.HasSuffix(c, "create -f -") {
			if err := json.Unmarshal([]byte(fx.fake.Stdins[i]), &pod); err != nil {
				t.Fatal(err)
			}
		}
	}
	spec := pod["spec"].(map[string]any)
	ctr := spec["containers"].([]any)[0].(map[string]any)
	if pod["metadata"].(map[string]any)["labels"].(map[string]any)["app.kubernetes.io/name"] != "db-backup" ||
		spec["serviceAccountName"] != "db-backup" || ctr["image"] != "postgres:17.6-alpine" || spec["restartPolicy"] != "Never" {
		t.Errorf("restore pod is not the backup's: %v", pod)
	}
	if env, _ := json.Marshal(ctr["env"]); !strings.Contains(string(env), `"name":"PGPASSWORD","valueFrom":{"secretKeyRef":{"key":"password","name":"supabase-db-master"}}`) {
		t.Errorf("the pod does not read the master's password from its Secret: %s", env)
	}
	if spec["activeDeadlineSeconds"] == nil || spec["initContainers"] != nil || len(spec["containers"].([]any)) != 1 {
		t.Errorf("pod must be one container with a deadline: %v", spec)
	}
}

func TestDumpRestoreRefusesAForeignObjectBeforeDownloading(t *testing.T) {
	for _, obj := range []string{
		"s3://supabase-prod-backups-111122223333/pg_dump/prod/x.dump",
		"s3://supabase-dev-backups-111122223333/pg_dump/prod/x.dump",
		"s3://supabase-dev-backups-111122223333/other/x.dump",
		"s3://supabase-dev-backups-111122223333/pg_dump/dev/../prod/x.dump",
		"/tmp/x.dump",
	} {
		fx, r := dumpFixture(t)
		r.Object = obj
		err := fx.d.RunSteps(context.Background(), "restore dump", r.Steps(), "", "")
		if err == nil || !strings.Contains(err.Error(), "--object") {
			t.Errorf("%s: %v, want a refusal naming --object", obj, err)
		}
		if len(fx.fake.Called("aws s3")) != 0 || len(fx.fake.Called("kubectl --context")) != 0 {
			t.Errorf("%s: touched S3 or the cluster: %v", obj, fx.fake.Calls)
		}
	}
}

func TestDumpRestoreStopsOnAShortTransfer(t *testing.T) {
	fx, r := dumpFixture(t)
	fx.fake.On("kubectl --context supabase-dev exec -n supabase db-restore -c restore -- stat -c %s /backup/postgres.dump", "12\n", 0)
	err := fx.d.RunSteps(context.Background(), "restore dump", r.Steps(), "", "")
	if err == nil || !strings.Contains(err.Error(), "cut short") {
		t.Fatalf("want a short transfer refused, got %v", err)
	}
	if len(fx.fake.Called("kubectl --context supabase-dev exec -n supabase db-restore -c restore -i -- env PGDATABASE=postgres pg_restore")) != 0 {
		t.Error("restored a partial dump")
	}
}
