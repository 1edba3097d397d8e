package synth

import (
	"encoding/json"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/supabase-eks/supabase-eks/internal/artifacts"
	"github.com/supabase-eks/supabase-eks/internal/contract/pooler"
	"github.com/supabase-eks/supabase-eks/internal/esotemplate"
	"sigs.k8s.io/yaml"
)

// externalSecrets decodes the rendered ExternalSecrets.
func externalSecrets(t *testing.T, r *rendered) []artifacts.ExternalSecret {
	t.Helper()
	var objs []artifacts.Object
	for _, o := range r.kind("ExternalSecret") {
		objs = append(objs, o.Object)
	}
	out, err := artifacts.ExternalSecrets(objs)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatal("no ExternalSecret rendered")
	}
	return out
}

// esTemplates maps each target Secret to its key templates.
func esTemplates(t *testing.T, r *rendered) map[string]map[string]string {
	t.Helper()
	out := map[string]map[string]string{}
	for _, es := range externalSecrets(t, r) {
		out[es.Spec.Target.Name] = es.TemplateData()
	}
	return out
}

// hostile is a value for variable v made of what breaks naive substitution:
// YAML and URL delimiters, quotes, backslashes, shell expansions, template
// delimiters (must not be evaluated twice), a newline and non-ASCII.
func hostile(v string) string {
	return v + ` a/b|c&d"e'f\g: #h {{ .x }} $(id) ${HOME} %41+ <é>` + "\n- tail"
}

// TestExternalSecretTemplatesRender runs every ExternalSecret template
// through ESO's engine with hostile values from Secrets Manager: each one
// parses (comments included: ESO parses the whole text), refers only to
// variables the ExternalSecret reads, and carries the values through intact
// (copied keys verbatim, passwords back out of the connection URLs, the
// keys and credentials back out of Kong's declarative YAML).
func TestExternalSecretTemplatesRender(t *testing.T) {
	plain := regexp.MustCompile(`^\{\{ \.([a-z_]+) \}\}$`)
	eachEnv(t, func(t *testing.T, r *rendered) {
		for _, es := range externalSecrets(t, r) {
			name := es.Spec.Target.Name
			tm := es.Spec.Target.Template
			if tm == nil {
				t.Errorf("%s: no target template", name)
				continue
			}
			if tm.EngineVersion != "v2" || len(tm.TemplateFrom) != 0 || len(tm.Data) == 0 {
				t.Errorf("%s: want v2 templates inline in template.data only (engine %q, templateFrom %d, data %d)",
					name, tm.EngineVersion, len(tm.TemplateFrom), len(tm.Data))
			}
			vars := map[string]string{}
			for _, d := range es.Spec.Data {
				vars[d.SecretKey] = hostile(d.SecretKey)
			}
			for key, text := range tm.Data {
				got, err := esotemplate.Execute(name+"/"+key, text, vars)
				if err != nil {
					t.Errorf("%s[%s]: %v", name, key, err)
					continue
				}
				switch {
				case plain.MatchString(text):
					if v := plain.FindStringSubmatch(text)[1]; got != vars[v] {
						t.Errorf("%s[%s] = %q, want the value of %s verbatim", name, key, got, v)
					}
				case key == pooler.TenantBodyKey:
					// Passwords inside JSON: valid JSON, every password exact.
					var body struct {
						Tenant struct {
							Users []struct {
								DBUser     string `json:"db_user"`
								DBPassword string `json:"db_password"`
							} `json:"users"`
						} `json:"tenant"`
					}
					if err := json.Unmarshal([]byte(got), &body); err != nil {
						t.Errorf("%s[%s]: rendered body is not JSON: %v\n%s", name, key, err, got)
						continue
					}
					if len(body.Tenant.Users) == 0 {
						t.Errorf("%s[%s]: no users", name, key)
					}
					for _, u := range body.Tenant.Users {
						if !strings.HasSuffix(u.DBPassword, "_password"+hostile("")) || vars[strings.TrimSuffix(u.DBPassword, hostile(""))] != u.DBPassword {
							t.Errorf("%s[%s]: %s's password does not survive the JSON: %q", name, key, u.DBUser, u.DBPassword)
						}
					}
				case strings.HasPrefix(text, "postgres://"), strings.HasPrefix(text, "ecto://"):
					u, err := url.Parse(got)
					if err != nil {
						t.Errorf("%s[%s]: rendered URL does not parse: %v", name, key, err)
						continue
					}
					pw, _ := u.User.Password()
					if !strings.HasSuffix(pw, "_password"+hostile("")) {
						t.Errorf("%s[%s]: password does not survive the URL: %q", name, key, pw)
					}
				}
			}
		}

		// Kong's declarative config: the rendered file is YAML in which the
		// consumers' keys and the dashboard credentials are exactly the
		// values from Secrets Manager.
		var es artifacts.ExternalSecret
		for _, e := range externalSecrets(t, r) {
			if e.Spec.Target.Name == "supabase-kong" {
				es = e
			}
		}
		vars := map[string]string{}
		for _, d := range es.Spec.Data {
			vars[d.SecretKey] = hostile(d.SecretKey)
		}
		out, err := esotemplate.Execute("kong.yml", kongTemplate(t, r), vars)
		if err != nil {
			t.Fatalf("kong.yml: %v", err)
		}
		var k struct {
			Consumers []struct {
				Username           string
				KeyauthCredentials []struct{ Key string } `json:"keyauth_credentials"`
			}
			BasicauthCredentials []struct {
				Consumer, Username, Password string
			} `json:"basicauth_credentials"`
		}
		if err := yaml.Unmarshal([]byte(out), &k); err != nil {
			t.Fatalf("rendered kong.yml is not YAML: %v", err)
		}
		// Every credential arrives byte for byte, however hostile: the
		// legacy JWT and both opaque key slots of each role.
		keys := map[string][]string{}
		for _, c := range k.Consumers {
			for _, kc := range c.KeyauthCredentials {
				keys[c.Username] = append(keys[c.Username], kc.Key)
			}
		}
		want := map[string][]string{
			"anon":         {vars["anon_key"], vars["publishable_key_1"], vars["publishable_key_2"]},
			"service_role": {vars["service_role_key"], vars["secret_key_1"], vars["secret_key_2"]},
		}
		for user, w := range want {
			if !slices.Equal(keys[user], w) {
				t.Errorf("kong consumer %s's keys are not the Secrets Manager values: %q, want %q", user, keys[user], w)
			}
		}
		if len(k.BasicauthCredentials) != 1 || k.BasicauthCredentials[0].Username != vars["username"] || k.BasicauthCredentials[0].Password != vars["password"] {
			t.Errorf("kong dashboard credentials are not the Secrets Manager values: %+v", k.BasicauthCredentials)
		}

		// Storage bodies (uploads up to the configured limit, and downloads) stream
		// through Kong: buffered, they would be spooled into Kong's size-limited
		// emptyDir and a few concurrent large uploads would get the pod evicted.
		var routes struct {
			Services []struct {
				URL    string
				Routes []struct {
					Name              string
					RequestBuffering  *bool `json:"request_buffering"`
					ResponseBuffering *bool `json:"response_buffering"`
				}
			}
		}
		if err := yaml.Unmarshal([]byte(out), &routes); err != nil {
			t.Fatal(err)
		}
		streamed := 0
		for _, svc := range routes.Services {
			for _, rt := range svc.Routes {
				toStorage := strings.Contains(svc.URL, "//storage.")
				off := rt.RequestBuffering != nil && !*rt.RequestBuffering && rt.ResponseBuffering != nil && !*rt.ResponseBuffering
				switch {
				case toStorage && !off:
					t.Errorf("kong route %s to %s buffers request or response bodies", rt.Name, svc.URL)
				case !toStorage && (rt.RequestBuffering != nil || rt.ResponseBuffering != nil):
					t.Errorf("kong route %s to %s changes buffering; only storage streams", rt.Name, svc.URL)
				case toStorage:
					streamed++
				}
			}
		}
		if streamed == 0 {
			t.Error("no kong route to storage found")
		}
	})
}

// KSV-0109 (trivy, HIGH): a ConfigMap key, or a line of a value, that names
// a password, secret or token is reported as a secret stored in a
// ConfigMap. Stricter than trivy, which skips lines whose value is empty or
// starts with a template or shell reference.
var (
	secretLikeKeyRe  = regexp.MustCompile(`(?i)(pass|pword|secret|token|pswrd|pwd|aws_access_key_id)`)
	secretLikeLineRe = regexp.MustCompile(`(?i)(pass|pword|secret|token|pswrd|pwd|aws_access_key_id)\s*[=:]`)
)

// TestConfigMapsHoldNoSecretLikeEntries: no ConfigMap looks like it stores
// a secret, so the trivy gate passes and nothing secret-shaped (such as
// Kong's template with its password field) is kept in a ConfigMap.
func TestConfigMapsHoldNoSecretLikeEntries(t *testing.T) {
	eachEnv(t, func(t *testing.T, r *rendered) {
		cms := r.kind("ConfigMap")
		if len(cms) == 0 {
			t.Fatal("no ConfigMap rendered")
		}
		for _, o := range cms {
			var cm struct {
				Data map[string]string `json:"data"`
			}
			if err := yaml.Unmarshal(o.YAML, &cm); err != nil {
				t.Fatal(err)
			}
			for k, v := range cm.Data {
				if secretLikeKeyRe.MatchString(k) {
					t.Errorf("%s ConfigMap %s: key %q looks like a secret (trivy KSV-0109)", o.File, o.Name, k)
				}
				for i, line := range strings.Split(v, "\n") {
					if secretLikeLineRe.MatchString(line) {
						t.Errorf("%s ConfigMap %s[%s] line %d looks like a secret assignment (trivy KSV-0109): %q", o.File, o.Name, k, i+1, line)
					}
				}
			}
		}
	})
}
