package artifacts

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestReleasesRoundTrip(t *testing.T) {
	dir := t.TempDir()
	want := []Release{
		{Name: "external-secrets", Namespace: "external-secrets", Repo: "https://charts.external-secrets.io", Chart: "external-secrets", Version: "0.16.2", Values: "external-secrets.values.yaml"},
		{Name: "metrics-server", Namespace: "kube-system", Repo: "oci://registry.example/charts", Chart: "metrics-server", Version: "3.13.0"},
	}
	if err := os.WriteFile(filepath.Join(dir, "external-secrets.values.yaml"), []byte("a: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteReleases(dir, want); err != nil {
		t.Fatal(err)
	}
	got, err := LoadReleases(dir)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("read back %+v, %v", got, err)
	}
	if v, err := ReadValues(filepath.Join(dir, got[0].Values)); err != nil || v["a"] != float64(1) {
		t.Errorf("values %v, %v", v, err)
	}
}

func TestLoadReleasesRejects(t *testing.T) {
	for name, body := range map[string]string{
		"exact chart version":   "releases:\n- name: x\n  namespace: y\n  repo: r\n  chart: c\n  version: latest\n",
		"must be DNS labels":    "releases:\n- name: X_1\n  namespace: y\n  repo: r\n  chart: c\n  version: 1.0.0\n",
		"repo and chart":        "releases:\n- name: x\n  namespace: y\n  version: 1.0.0\n",
		"values file nope.yaml": "releases:\n- name: x\n  namespace: y\n  repo: r\n  chart: c\n  version: 1.0.0\n  values: nope.yaml\n",
		"no releases":           "releases: []\n",
		"unknown field":         "releases:\n- name: x\n  namespace: y\n  repo: r\n  chart: c\n  version: 1.0.0\n  valuse: x.yaml\n",
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, ReleasesFile), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := LoadReleases(dir); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: got %v", name, err)
		}
	}
	// install.sh is for people: without the index there is nothing to read.
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "install.sh"), []byte("helm upgrade --install x c --repo r --version 1.0.0\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadReleases(dir); err == nil || !strings.Contains(err.Error(), "make k8s-synth") {
		t.Errorf("a directory without %s: %v", ReleasesFile, err)
	}
}
