package artifacts

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A pod that reads Secrets every way Kubernetes offers, and an
// ExternalSecret that writes one of them.
const readers = `apiVersion: batch/v1
kind: CronJob
metadata: {name: backup, namespace: ns, annotations: {a: b}}
spec:
  jobTemplate:
    spec:
      template:
        spec:
          initContainers: [{name: init, env: [{name: P, valueFrom: {secretKeyRef: {name: db, key: password, optional: true}}}]}]
          containers: [{name: main, envFrom: [{secretRef: {name: all}}]}]
          volumes:
            - {name: ca, secret: {secretName: ca}}
            - {name: two, secret: {secretName: db, items: [{key: user, path: u}, {key: host, path: h}]}}
            - {name: p, projected: {sources: [{secret: {name: proj, items: [{key: k, path: k}]}}, {configMap: {name: cm}}]}}
---
apiVersion: external-secrets.io/v1
kind: ExternalSecret
metadata: {name: db, namespace: ns}
spec:
  data: [{secretKey: password, remoteRef: {key: env/database, property: password}}]
  target: {template: {data: {url: "postgres://{{ .password }}"}}}
`

func TestWorkloadsAndTheSecretsTheyRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.yaml")
	if err := os.WriteFile(path, []byte(readers), 0o644); err != nil {
		t.Fatal(err)
	}
	objs, err := ReadManifests(path)
	if err != nil {
		t.Fatal(err)
	}
	ws, err := Workloads(objs)
	if err != nil || len(ws) != 1 || ws[0].ID() != "cronjob/backup" || ws[0].Annotations["a"] != "b" {
		t.Fatalf("workloads %+v, %v", ws, err)
	}
	var got []string
	for _, r := range SecretReads(ws) {
		got = append(got, r.String())
	}
	want := []string{
		"cronjob/backup (env init.P) reads ns/db[password]",
		"cronjob/backup (envFrom main) reads ns/all[*]",
		"cronjob/backup (volume ca) reads ns/ca[*]",
		"cronjob/backup (volume two) reads ns/db[user]",
		"cronjob/backup (volume two) reads ns/db[host]",
		"cronjob/backup (projected volume p) reads ns/proj[k]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("secret reads:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if refs := PodSecretReads(ws[0].Pod); !refs[0].Optional || refs[1].Optional {
		t.Errorf("optional not carried: %+v", refs[:2])
	}
	if names := strings.Join(SecretNames(ws[0].Pod), ","); names != "all,ca,db,proj" {
		t.Errorf("secret names %s", names)
	}
	ess, err := ExternalSecrets(objs)
	if err != nil || len(ess) != 1 {
		t.Fatalf("external secrets %+v, %v", ess, err)
	}
	es := ess[0]
	if es.Target() != "db" || !es.Reads("env/database") || es.Reads("env/jwt") || es.TemplateData()["url"] == "" {
		t.Errorf("external secret %+v", es)
	}
}
