package deploy

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"sigs.k8s.io/yaml"
)

// Release is one Helm release of a cluster add-on, as rendered by the k8s
// program into dist/<env>/addons/.
type Release struct {
	// Name is the release name.
	Name      string `json:"name"`
	Namespace string `json:"namespace"`
	// Repo is the chart repository URL (https:// or oci://).
	Repo    string `json:"repo"`
	Chart   string `json:"chart"`
	Version string `json:"version"`
	// Values is the values file, relative to the addons directory.
	Values string `json:"values"`
}

// AddonsIndex is the file listing the releases in install order.
const AddonsIndex = "releases.yaml"

var (
	releaseNameRe = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`)
	chartVerRe    = regexp.MustCompile(`^v?\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$`)
)

// AddonsScript is the install script the k8s synth renders next to the
// values files; its helm commands are read when there is no index.
const AddonsScript = "install.sh"

// LoadReleases reads the add-on releases of dir (dist/<env>/addons) in
// install order: from releases.yaml (`releases:` with name, namespace, repo,
// chart, exact version and values file) when present, else from the `helm
// upgrade --install` commands of the rendered install.sh.
func LoadReleases(dir string) ([]Release, error) {
	path := filepath.Join(dir, AddonsIndex)
	var releases []Release
	data, err := os.ReadFile(path)
	switch {
	case err == nil:
		var doc struct {
			Releases []Release `json:"releases"`
		}
		if err := yaml.UnmarshalStrict(data, &doc); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		releases = doc.Releases
	case errors.Is(err, os.ErrNotExist):
		path = filepath.Join(dir, AddonsScript)
		script, err := os.ReadFile(path)
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return nil, fmt.Errorf("neither %s nor %s in %s: render the add-on values first (make k8s-synth)", AddonsIndex, AddonsScript, dir)
			}
			return nil, err
		}
		if releases, err = parseInstallScript(string(script)); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	default:
		return nil, err
	}
	if len(releases) == 0 {
		return nil, fmt.Errorf("%s: no releases", path)
	}
	var errs []error
	for i, r := range releases {
		f := fmt.Sprintf("%s: releases[%d]", path, i)
		if !releaseNameRe.MatchString(r.Name) || !releaseNameRe.MatchString(r.Namespace) {
			errs = append(errs, fmt.Errorf("%s: name %q and namespace %q must be DNS labels", f, r.Name, r.Namespace))
		}
		if r.Repo == "" || r.Chart == "" {
			errs = append(errs, fmt.Errorf("%s (%s): repo and chart are required", f, r.Name))
		}
		if !chartVerRe.MatchString(r.Version) {
			errs = append(errs, fmt.Errorf("%s (%s): version %q must be an exact chart version", f, r.Name, r.Version))
		}
		if r.Values != "" {
			if _, err := os.Stat(filepath.Join(dir, r.Values)); err != nil {
				errs = append(errs, fmt.Errorf("%s (%s): values file %s: %w", f, r.Name, r.Values, err))
			}
		}
	}
	return releases, errors.Join(errs...)
}

// parseInstallScript extracts `helm upgrade --install NAME CHART --repo R
// --version V --namespace N --values F` commands, joining continued lines.
func parseInstallScript(script string) ([]Release, error) {
	joined := strings.ReplaceAll(script, "\\\n", " ")
	var out []Release
	for _, line := range strings.Split(joined, "\n") {
		f := strings.Fields(line)
		if len(f) < 5 || f[0] != "helm" || f[1] != "upgrade" || f[2] != "--install" {
			continue
		}
		r := Release{Name: f[3], Chart: f[4]}
		for i := 5; i < len(f)-1; i++ {
			switch f[i] {
			case "--repo":
				r.Repo = f[i+1]
			case "--version":
				r.Version = f[i+1]
			case "--namespace", "-n":
				r.Namespace = f[i+1]
			case "--values", "-f":
				r.Values = f[i+1]
			}
		}
		out = append(out, r)
	}
	if len(out) == 0 {
		return nil, errors.New("no `helm upgrade --install` commands")
	}
	return out, nil
}
