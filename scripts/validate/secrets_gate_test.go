package validate_test

import (
	"os"
	"path/filepath"
	"testing"
)

// copyDist copies dist/dev (manifests and add-on values) into <tmp>/dev and returns <tmp>,
// the DIST_DIR for the check.
func copyDist(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	err := filepath.WalkDir("dist/dev", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel("dist", p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Join(root, filepath.Dir(rel)), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(root, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// TestSecretsE2EFailsOnBrokenManifests: the secrets e2e passes dist/dev as rendered (the
// `secrets` check) and fails, naming each cause, on a copy where a workload reads a key no
// ExternalSecret writes, an ExternalSecret reads a property Secrets Manager does not hold,
// and a ServiceAccount is annotated with a role that trusts another ServiceAccount.
func TestSecretsE2EFailsOnBrokenManifests(t *testing.T) {
	needTools(t, toolPath(t, "ESO_CONTROLLER"), toolPath(t, "KUBE_APISERVER"), toolPath(t, "HELM"),
		"cdktf.out/stacks/supabase-dev/cdk.tf.json")
	backupRole := ""
	broken := copyDist(t)
	mutateDistInPlace(t, filepath.Join(broken, "dev"), func(o map[string]any) bool {
		md, _ := o["metadata"].(map[string]any)
		name, _ := md["name"].(string)
		switch {
		case o["kind"] == "Deployment" && name == "rest":
			for _, c := range field(t, o, "spec", "template", "spec")["containers"].([]any) {
				for _, e := range c.(map[string]any)["env"].([]any) {
					if ref, ok := e.(map[string]any)["valueFrom"].(map[string]any)["secretKeyRef"].(map[string]any); ok {
						ref["key"] = "no-such-key"
						return true
					}
				}
			}
		case o["kind"] == "ExternalSecret" && name == "supabase-meta":
			field(t, o, "spec", "data", 0, "remoteRef")["property"] = "crypto_key_typo"
			return true
		case o["kind"] == "ServiceAccount" && name == "db-backup":
			backupRole = md["annotations"].(map[string]any)["eks.amazonaws.com/role-arn"].(string)
		}
		return false
	})
	// The storage ServiceAccount annotated with the backup role (written in a second pass,
	// once the backup role's ARN is known).
	mutateDistInPlace(t, filepath.Join(broken, "dev"), func(o map[string]any) bool {
		md, _ := o["metadata"].(map[string]any)
		if o["kind"] == "ServiceAccount" && md["name"] == "storage" && backupRole != "" {
			md["annotations"].(map[string]any)["eks.amazonaws.com/role-arn"] = backupRole
			return true
		}
		return false
	})
	t.Setenv("DIST_DIR", broken)
	t.Setenv("NEGATIVES", "none")
	// A broken ExternalSecret never becomes Ready: do not wait the default minute for it.
	t.Setenv("E2E_TIMEOUT", "15s")
	out, code := runCheck(t, "check-secrets.sh", "dev")
	if code == 0 {
		t.Fatal("check-secrets.sh passed broken manifests")
	}
	expectLine(t, out, `deployment/rest .*reads supabase/\S+\[no-such-key\].*has no key "no-such-key"`)
	expectLine(t, out, `ExternalSecret supabase/supabase-meta not Ready: .*crypto_key_typo`)
	expectLine(t, out, `service account supabase/storage .* whose trust policy admits system:serviceaccount:supabase:db-backup, not system:serviceaccount:supabase:storage`)
}

// mutateDistInPlace applies mutate to every object of the manifest files of dir; it fails
// the test when nothing changed (the fixture no longer matches the manifests).
func mutateDistInPlace(t *testing.T, dir string, mutate func(obj map[string]any) bool) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	changed := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		objs := docs(t, data)
		n := 0
		for _, o := range objs {
			if mutate(o) {
				n++
			}
		}
		if n > 0 {
			writeDocs(t, f, objs)
			changed += n
		}
	}
	if changed == 0 {
		t.Fatal("no object changed: the fixture no longer matches the manifests")
	}
}
