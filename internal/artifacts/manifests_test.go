package artifacts

import (
	"strings"
	"testing"

	batchv1 "k8s.io/api/batch/v1"
)

func TestReadManifests(t *testing.T) {
	objs, err := ReadManifests("testdata/dist")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range objs {
		got = append(got, o.Kind+"/"+o.Name)
	}
	want := "Namespace/supabase ConfigMap/db-bootstrap-sql Job/db-bootstrap Deployment/kong Deployment/auth StatefulSet/realtime"
	if strings.Join(got, " ") != want {
		t.Errorf("objects in apply order:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	var job batchv1.Job
	if err := objs[2].Decode(&job); err != nil || job.Spec.Template.Spec.RestartPolicy != "OnFailure" || !strings.Contains(string(objs[2].YAML), "restartPolicy: OnFailure") {
		t.Errorf("job: %v %+v", err, job.Spec.Template.Spec)
	}
	if err := objs[3].Decode(&struct{ Kind string }{}); err == nil {
		t.Error("a field the type does not know was accepted")
	}
	files, err := ManifestFiles("testdata/dist")
	if err != nil || len(files) != 3 || !strings.HasSuffix(files[0], "00-namespace.yaml") {
		t.Errorf("manifest files: %v %v", files, err)
	}
}
