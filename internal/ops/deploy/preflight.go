// Package deploy orchestrates a deployment and a teardown of one
// environment: the AWS layer with plain Terraform on the synthesized stack,
// secrets, the cluster add-ons, the Supabase manifests, and the checks in
// between. Every external command goes through runner.Runner, so the order
// of the steps and every message can be tested without AWS.
package deploy

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/ops/runner"
)

// Tool is an external CLI the workflows need, with the versions that work.
type Tool struct {
	Name string
	// Min is the oldest version accepted (inclusive).
	Min string
	// Below, when set, is the first version no longer accepted.
	Below string
	// Why the tool is needed, for the error message.
	Why string
	// Install tells the user where to get it.
	Install string
	// VersionArgs print the version.
	VersionArgs []string
	// Parse extracts the version from the command's output.
	Parse func(out string) (string, error)
}

// Wanted renders the accepted range.
func (t Tool) Wanted() string {
	if t.Below != "" {
		return fmt.Sprintf(">= %s, < %s", t.Min, t.Below)
	}
	return ">= " + t.Min
}

var semverRe = regexp.MustCompile(`v?(\d+)\.(\d+)(?:\.(\d+))?`)

func firstSemver(out string) (string, error) {
	m := semverRe.FindStringSubmatch(out)
	if m == nil {
		return "", fmt.Errorf("no version in %q", strings.TrimSpace(out))
	}
	patch := m[3]
	if patch == "" {
		patch = "0"
	}
	return m[1] + "." + m[2] + "." + patch, nil
}

// compareVersions compares dotted numeric versions.
func compareVersions(a, b string) int {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < max(len(pa), len(pb)); i++ {
		var x, y int
		if i < len(pa) {
			x, _ = strconv.Atoi(pa[i])
		}
		if i < len(pb) {
			y, _ = strconv.Atoi(pb[i])
		}
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return 0
}

// Tool definitions. The minimums are what the workflows rely on:
// Terraform 1.10 for the S3 backend's native lockfile, Helm 3.14 for
// `upgrade --install --repo` with OCI-free repositories and --kube-context,
// AWS CLI for eks get-token/update-kubeconfig, and kubectl within one minor
// of the cluster (Kubernetes' supported skew).
var (
	ToolTerraform = Tool{
		Name: "terraform", Min: "1.10.0", Below: "2.0.0",
		Why:         "applies the synthesized stack (S3 backend with use_lockfile needs >= 1.10)",
		Install:     "https://developer.hashicorp.com/terraform/install",
		VersionArgs: []string{"version", "-json"},
		Parse: func(out string) (string, error) {
			var v struct {
				Version string `json:"terraform_version"`
			}
			if json.Unmarshal([]byte(out), &v) == nil && v.Version != "" {
				return firstSemver(v.Version)
			}
			return firstSemver(out)
		},
	}
	ToolHelm = Tool{
		Name: "helm", Min: "3.14.0", Below: "5.0.0",
		Why:         "installs the cluster add-ons (and the Supabase chart)",
		Install:     "https://helm.sh/docs/intro/install/",
		VersionArgs: []string{"version", "--template", "{{.Version}}"},
		Parse:       firstSemver,
	}
	ToolAWS = Tool{
		Name: "aws", Min: "2.0.0",
		Why:         "writes the kubeconfig (eks update-kubeconfig), authenticates kubectl (eks get-token), checks the RDS CA and load balancers; AWS CLI v2 (the README's requirement: v1 is in maintenance only)",
		Install:     "https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html",
		VersionArgs: []string{"--version"},
		Parse: func(out string) (string, error) {
			if i := strings.Index(out, "aws-cli/"); i >= 0 {
				return firstSemver(out[i:])
			}
			return firstSemver(out)
		},
	}
	ToolGo = Tool{
		Name: "go", Min: "1.26.0",
		Why:         "runs the CDKTF and cdk8s programs (make synth)",
		Install:     "https://go.dev/dl/",
		VersionArgs: []string{"env", "GOVERSION"},
		Parse:       firstSemver,
	}
	ToolNode = Tool{
		Name: "node", Min: "20.0.0",
		Why:         "hosts the jsii runtime behind CDKTF and cdk8s (Node 22 recommended)",
		Install:     "https://nodejs.org/en/download",
		VersionArgs: []string{"--version"},
		Parse:       firstSemver,
	}
	ToolMake = Tool{
		Name: "make", Min: "3.81.0",
		Why:         "runs the synth targets",
		Install:     "your OS package manager (e.g. apt-get install make)",
		VersionArgs: []string{"--version"},
		Parse:       firstSemver,
	}
)

// ToolKubectl accepts kubectl within one minor version of the cluster.
func ToolKubectl(clusterVersion string) Tool {
	minor := 0
	if _, after, ok := strings.Cut(clusterVersion, "."); ok {
		minor, _ = strconv.Atoi(after)
	}
	return Tool{
		Name: "kubectl", Min: fmt.Sprintf("1.%d.0", minor-1), Below: fmt.Sprintf("1.%d.0", minor+2),
		Why:         fmt.Sprintf("applies and inspects the manifests; the cluster is %s and kubectl supports one minor of skew", clusterVersion),
		Install:     "https://kubernetes.io/docs/tasks/tools/",
		VersionArgs: []string{"version", "--client", "-o", "json"},
		Parse: func(out string) (string, error) {
			var v struct {
				Client struct {
					GitVersion string `json:"gitVersion"`
				} `json:"clientVersion"`
			}
			if json.Unmarshal([]byte(out), &v) == nil && v.Client.GitVersion != "" {
				return firstSemver(v.Client.GitVersion)
			}
			return firstSemver(out)
		},
	}
}

// DeployTools are the tools `deploy` needs.
func DeployTools(env config.Environment) []Tool {
	return []Tool{ToolAWS, ToolTerraform, ToolKubectl(env.Cluster.KubernetesVersion), ToolHelm, ToolMake, ToolGo, ToolNode}
}

// DestroyTools are the tools `destroy` needs (the stack is re-synthesized
// when cdktf.out is missing, hence go, node and make).
func DestroyTools(env config.Environment) []Tool { return DeployTools(env) }

// ToolStatus is one tool's preflight result.
type ToolStatus struct {
	Tool    Tool
	Path    string
	Version string
	// Problem is empty when the tool is usable.
	Problem string
}

// CheckTools finds each tool and checks its version. It reports every
// problem at once, each naming the tool, what was found and what is wanted.
func CheckTools(ctx context.Context, r runner.Runner, tools []Tool) ([]ToolStatus, error) {
	var (
		statuses []ToolStatus
		problems []string
	)
	for _, t := range tools {
		st := ToolStatus{Tool: t}
		path, err := r.LookPath(t.Name)
		if err != nil {
			st.Problem = fmt.Sprintf("%s: not found on PATH; want %s (%s). Install: %s", t.Name, t.Wanted(), t.Why, t.Install)
		} else {
			st.Path = path
			res, err := r.Run(ctx, runner.Cmd{Name: t.Name, Args: t.VersionArgs})
			out := string(res.Stdout) + string(res.Stderr) // aws-cli v1 prints its version on stderr
			var v string
			if err == nil {
				v, err = t.Parse(out)
			}
			switch {
			case err != nil:
				st.Problem = fmt.Sprintf("%s: cannot read its version (%v); want %s", t.Name, err, t.Wanted())
			case compareVersions(v, t.Min) < 0 || (t.Below != "" && compareVersions(v, t.Below) >= 0):
				st.Version = v
				st.Problem = fmt.Sprintf("%s: version %s found at %s; want %s (%s). Install: %s", t.Name, v, path, t.Wanted(), t.Why, t.Install)
			default:
				st.Version = v
			}
		}
		if st.Problem != "" {
			problems = append(problems, st.Problem)
		}
		statuses = append(statuses, st)
	}
	if len(problems) > 0 {
		return statuses, errors.New("preflight failed:\n  " + strings.Join(problems, "\n  "))
	}
	return statuses, nil
}

// CheckIdentity verifies the AWS credentials belong to the environment's
// account, so a deploy or destroy can never run against the wrong one.
func CheckIdentity(ctx context.Context, r runner.Runner, env config.Environment) (string, error) {
	res, err := r.Run(ctx, runner.Cmd{Name: "aws", Args: []string{"sts", "get-caller-identity", "--output", "json", "--region", env.Region}})
	if err != nil {
		return "", fmt.Errorf("no usable AWS credentials (aws sts get-caller-identity failed): %w; log in (aws sso login, AWS_PROFILE=...) and retry", err)
	}
	var id struct {
		Account string `json:"Account"`
		Arn     string `json:"Arn"`
	}
	if err := json.Unmarshal(res.Stdout, &id); err != nil {
		return "", fmt.Errorf("parsing aws sts get-caller-identity: %w", err)
	}
	if id.Account != env.AccountID {
		return id.Arn, fmt.Errorf("AWS credentials are for account %s (%s), but environment %s is configured for account %s (internal/contract/config/%s.go): switch profile", id.Account, id.Arn, env.Name, env.AccountID, env.Name)
	}
	return id.Arn, nil
}
