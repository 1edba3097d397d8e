package deploy

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/supabase-eks/supabase-eks/internal/artifacts"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/internal/ops/kube"
	"github.com/supabase-eks/supabase-eks/internal/ops/runner"
	"github.com/supabase-eks/supabase-eks/internal/rdsca"
)

// PlanFile is the saved plan infra-apply applies, so what was shown is
// exactly what is applied.
const PlanFile = "supabase.tfplan"

// Synth targets of the repository Makefile (mk/synth.mk), run for one
// environment with ENVS=<env>. k8s-synth reads outputs/<env>.json when it
// exists, so after the outputs step it renders the real values.
var (
	SynthInfraTarget = "infra-synth"
	SynthK8sTarget   = "k8s-synth"
)

// DeploySteps is the deploy workflow in order.
func (d *Deployer) DeploySteps() []Step {
	return []Step{
		{Name: "preflight", Desc: "check tools, versions and AWS identity", Run: d.Preflight, Guard: true},
		{Name: "infra-synth", Desc: "synthesize the Terraform JSON of " + d.Env.StackName(), Run: d.SynthInfra},
		{Name: "infra-init", Desc: "terraform init in " + d.StackDir(), Run: d.InfraInit},
		{Name: "infra-apply", Desc: "terraform plan, then apply the saved plan when it has changes", Run: d.InfraApply},
		{Name: "outputs", Desc: "terraform output -json into " + d.OutputsPath(), Run: d.WriteOutputs},
		{Name: "rds-ca", Desc: "download the RDS CA bundle, check it against aws rds describe-certificates, into " + d.RDSCAPath(), Run: d.RDSCA},
		{Name: "secrets", Desc: "generate and store the secrets that have no value yet", Run: d.Secrets},
		{Name: "kubeconfig", Desc: "aws eks update-kubeconfig (context " + d.KubeContext() + ")", Run: d.Kubeconfig},
		{Name: "k8s-synth", Desc: "render dist/" + d.Env.Name + " from the real outputs", Run: d.SynthK8s},
		{Name: "addons", Desc: "helm upgrade --install of the cluster add-ons", Run: d.Addons},
		{Name: "apply", Desc: "install the Supabase manifests (" + d.method() + ")", Run: d.Apply},
		{Name: "wait", Desc: "wait for the bootstrap Job, the rollouts and the load balancer", Run: d.Wait},
		{Name: "alb-alarms", Desc: "point the ALB alarms at the load balancer and re-apply the AWS layer", Run: d.ALBAlarms},
		{Name: "smoke", Desc: "check REST, Auth and Storage through the load balancer", Run: d.SmokeStep},
	}
}

func (d *Deployer) method() string {
	if d.Method == "" {
		return "kubectl"
	}
	return d.Method
}

// Preflight checks tools and credentials before anything changes.
func (d *Deployer) Preflight(ctx context.Context) error {
	statuses, err := CheckTools(ctx, d.R, DeployTools(d.Env))
	for _, s := range statuses {
		if s.Problem == "" {
			d.logf("    %-10s %-8s %s", s.Tool.Name, s.Version, s.Path)
		}
	}
	if err != nil {
		return err
	}
	return d.checkIdentity(ctx)
}

// checkIdentity requires credentials of the environment's account and
// says whose they are.
func (d *Deployer) checkIdentity(ctx context.Context) error {
	arn, err := CheckIdentity(ctx, d.R, d.Env)
	if err != nil {
		return err
	}
	d.logf("    AWS identity %s (account %s)", arn, d.Env.AccountID)
	return nil
}

func (d *Deployer) make(ctx context.Context, target string) error {
	_, err := d.run(ctx, runner.Cmd{Name: "make", Args: []string{"--no-print-directory", target, "ENVS=" + d.Env.Name}, Dir: ".", Stream: true})
	return err
}

// SynthInfra synthesizes the environment's stack.
func (d *Deployer) SynthInfra(ctx context.Context) error { return d.make(ctx, SynthInfraTarget) }

// SynthK8s renders dist/<env> (it reads outputs/<env>.json once it exists)
// and, for Method "helm", the chart built from it.
func (d *Deployer) SynthK8s(ctx context.Context) error {
	if _, err := os.Stat(d.abs(d.OutputsPath())); err != nil {
		return fmt.Errorf("%s missing: the manifests would be rendered from the example outputs; run the outputs step first", d.OutputsPath())
	}
	if err := d.make(ctx, SynthK8sTarget); err != nil {
		return err
	}
	if d.method() != "helm" || d.ChartDir != "" {
		return nil
	}
	_, err := d.run(ctx, runner.Cmd{Name: "make", Args: []string{"--no-print-directory", "chart", "ENV=" + d.Env.Name}, Dir: ".", Stream: true})
	return err
}

func (d *Deployer) terraform(args ...string) runner.Cmd {
	return runner.Cmd{Name: "terraform", Args: args, Dir: d.StackDir(), Stream: true}
}

func (d *Deployer) requireStack() error {
	if _, err := os.Stat(d.abs(filepath.Join(d.StackDir(), artifacts.StackFile))); err != nil {
		return fmt.Errorf("%s/cdk.tf.json not found: run `make %s ENVS=%s` first", d.StackDir(), SynthInfraTarget, d.Env.Name)
	}
	return nil
}

// InfraInit initializes the S3 backend and providers (idempotent).
func (d *Deployer) InfraInit(ctx context.Context) error {
	if err := d.requireStack(); err != nil {
		return err
	}
	_, err := d.run(ctx, d.terraform("init", "-input=false"))
	return err
}

// InfraApply plans and applies. A plan without changes applies nothing, so a
// second deploy is a no-op for the AWS layer.
func (d *Deployer) InfraApply(ctx context.Context) error {
	if err := d.requireStack(); err != nil {
		return err
	}
	_, err := d.run(ctx, d.terraform(append([]string{"plan", "-input=false", "-detailed-exitcode", "-out=" + PlanFile}, d.varFileArgs()...)...))
	switch runner.ExitCode(err) {
	case 0:
		d.logf("    no changes: the AWS layer already matches the configuration")
		return nil
	case 2:
	default:
		return err
	}
	if err := d.approve(fmt.Sprintf("Apply the plan above to %s (account %s)? Type yes", d.Env.Name, d.Env.AccountID), "yes", "re-run with --yes (make deploy ENV="+d.Env.Name+" AUTO_APPROVE=1) after reviewing `make diff`"); err != nil {
		return err
	}
	_, err = d.run(ctx, d.terraform("apply", "-input=false", PlanFile))
	return err
}

// WriteOutputs saves `terraform output -json` after validating it against the contract.
func (d *Deployer) WriteOutputs(ctx context.Context) error {
	if err := d.requireStack(); err != nil {
		return err
	}
	c := d.terraform("output", "-json")
	c.Stream = false
	res, err := d.run(ctx, c)
	if err != nil {
		return err
	}
	o, err := outputs.Parse(res.Stdout)
	if err != nil {
		return fmt.Errorf("terraform outputs of %s do not satisfy the contract: %w", d.Env.StackName(), err)
	}
	if o.Environment != d.Env.Name {
		return fmt.Errorf("terraform outputs are for environment %q, not %q", o.Environment, d.Env.Name)
	}
	if err := writeFileAtomic(d.abs(d.OutputsPath()), res.Stdout, 0o644); err != nil {
		return err
	}
	d.logf("    wrote %s (cluster %s, region %s)", d.OutputsPath(), o.ClusterName, o.Region)
	return nil
}

// Secrets runs secrets init.
func (d *Deployer) Secrets(ctx context.Context) error {
	if d.InitSecrets == nil {
		return fmt.Errorf("secrets init is not wired")
	}
	return d.InitSecrets(ctx, d.abs(d.OutputsPath()))
}

// Kubeconfig writes a context named after the environment.
func (d *Deployer) Kubeconfig(ctx context.Context) error {
	o, err := d.loadOutputs()
	if err != nil {
		return err
	}
	_, err = d.run(ctx, runner.Cmd{Name: "aws", Args: []string{"eks", "update-kubeconfig", "--name", o.ClusterName, "--region", o.Region, "--alias", d.KubeContext()}})
	if err != nil {
		return fmt.Errorf("%w (the API endpoint is private unless cluster.publicAccessCidrs lists your network: run from inside the VPC, e.g. over a VPN or SSM port forward)", err)
	}
	return nil
}

// Addons installs each add-on release with its rendered values.
func (d *Deployer) Addons(ctx context.Context) error {
	dir := d.abs(filepath.Join(d.DistDir(), "addons"))
	releases, err := artifacts.LoadReleases(dir)
	if err != nil {
		return err
	}
	for _, r := range releases {
		d.logf("    %s %s@%s -> %s", r.Name, r.Chart, r.Version, r.Namespace)
		args := []string{"upgrade", "--install", r.Name, r.Chart, "--repo", r.Repo, "--version", r.Version,
			"--namespace", r.Namespace, "--create-namespace", "--kube-context", d.KubeContext(),
			"--wait", "--timeout", d.timeout().String()}
		if strings.HasPrefix(r.Repo, "oci://") {
			args = []string{"upgrade", "--install", r.Name, strings.TrimSuffix(r.Repo, "/") + "/" + r.Chart, "--version", r.Version,
				"--namespace", r.Namespace, "--create-namespace", "--kube-context", d.KubeContext(),
				"--wait", "--timeout", d.timeout().String()}
		}
		if r.Values != "" {
			args = append(args, "--values", filepath.Join(dir, r.Values))
		}
		if _, err := d.run(ctx, runner.Cmd{Name: "helm", Args: args, Stream: true}); err != nil {
			return fmt.Errorf("add-on %s: %w", r.Name, err)
		}
	}
	return nil
}

// manifestFiles lists the top-level manifest files of dist/<env> in apply order.
func (d *Deployer) manifestFiles() ([]string, error) {
	files, err := artifacts.ManifestFiles(d.abs(d.DistDir()))
	if err != nil {
		return nil, fmt.Errorf("%s: %w (run make %s ENVS=%s)", d.DistDir(), err, SynthK8sTarget, d.Env.Name)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s has no manifests", d.DistDir())
	}
	return files, nil
}

// Apply installs the Supabase objects: kubectl apply of each dist file in
// name order (namespace, secrets, access, bootstrap, workloads, ingress,
// backup), waiting for External Secrets after the file that declares them;
// or, with Method "helm", the namespace file and then a Helm release of the
// chart built from dist/ (its bootstrap Job is a post-install hook).
func (d *Deployer) Apply(ctx context.Context) error {
	files, err := d.manifestFiles()
	if err != nil {
		return err
	}
	kc := d.Kube()
	if d.method() == "helm" {
		// Helm keeps its release record in the namespace, so it must exist first.
		objs, err := artifacts.ReadManifests(files[0])
		if err != nil {
			return err
		}
		if err := d.applyFile(ctx, kc, files[0], objs); err != nil {
			return err
		}
		o, err := d.loadOutputs()
		if err != nil {
			return err
		}
		return d.helmInstall(ctx, o.Domain)
	}
	for _, f := range files {
		objs, err := artifacts.ReadManifests(f)
		if err != nil {
			return err
		}
		if err := d.applyFile(ctx, kc, f, objs); err != nil {
			return err
		}
		if hasKind(objs, "ExternalSecret") {
			// Workloads applied before their Secrets exist would crash-loop.
			if err := kc.WaitExternalSecretsSynced(ctx, time.Time{}, d.timeout()); err != nil {
				return err
			}
		}
	}
	return nil
}

func (d *Deployer) applyFile(ctx context.Context, kc *kube.Client, file string, objs []artifacts.Object) error {
	rel, _ := filepath.Rel(d.abs(""), file)
	_, err := d.R.Run(ctx, kc.Cmd("apply", "-f", file))
	if err == nil || !strings.Contains(err.Error(), "field is immutable") {
		if err != nil {
			return fmt.Errorf("kubectl apply -f %s: %w", rel, err)
		}
		return nil
	}
	// A Job's pod template cannot change in place: replace the Jobs of this
	// file (the bootstrap is idempotent, so running it again is safe).
	for _, o := range objs {
		if o.Kind == "Job" {
			d.logf("    job/%s changed: replacing it", o.Name)
			if _, err := d.R.Run(ctx, kc.Cmd("delete", "job", o.Name, "-n", o.Namespace, "--ignore-not-found", "--wait=true")); err != nil {
				return err
			}
		}
	}
	if _, err := d.R.Run(ctx, kc.Cmd("apply", "-f", file)); err != nil {
		return fmt.Errorf("kubectl apply -f %s: %w", rel, err)
	}
	return nil
}

func hasKind(objs []artifacts.Object, kind string) bool {
	for _, o := range objs {
		if o.Kind == kind {
			return true
		}
	}
	return false
}

// chartDir is the chart `make chart` builds from dist/<env>.
func (d *Deployer) chartDir() string {
	if d.ChartDir != "" {
		return d.ChartDir
	}
	return filepath.Join(".cache", "chart", d.Env.Name)
}

func (d *Deployer) helmInstall(ctx context.Context, host string) error {
	if _, err := os.Stat(d.abs(filepath.Join(d.chartDir(), "Chart.yaml"))); err != nil {
		return fmt.Errorf("no chart in %s: build it with `make chart ENV=%s` (the k8s-synth step does when --method helm)", d.chartDir(), d.Env.Name)
	}
	args := []string{"upgrade", "--install", "supabase", d.abs(d.chartDir()), "--namespace", outputs.Namespace,
		"--kube-context", d.KubeContext(), "--timeout", d.timeout().String()}
	if host != "" {
		args = append(args, "--set-string", "host="+host)
	}
	_, err := d.run(ctx, runner.Cmd{Name: "helm", Args: args, Stream: true})
	return err
}

// Wait waits for the bootstrap Job, every Deployment/StatefulSet and the
// load balancer's address.
func (d *Deployer) Wait(ctx context.Context) error {
	objs, err := artifacts.ReadManifests(d.abs(d.DistDir()))
	if err != nil {
		return err
	}
	kc := d.Kube()
	job, err := kube.BootstrapJob(objs, outputs.Namespace)
	if err != nil {
		return err
	}
	if err := kc.WaitJob(ctx, job.Name, d.timeout()); err != nil {
		return err
	}
	if err := kc.WaitRollouts(ctx, kube.Workloads(objs, outputs.Namespace), d.timeout()); err != nil {
		return err
	}
	host, err := d.waitIngress(ctx, kc)
	if err != nil {
		return err
	}
	o, err := d.loadOutputs()
	if err != nil {
		return err
	}
	if o.Domain == "" {
		if d.method() == "helm" {
			d.logf("    no domain: setting the chart's host to the ALB name %s", host)
			return d.helmInstall(ctx, host)
		}
		d.logf("    WARNING: no domain configured; the public URLs inside GoTrue, Storage and Studio use a placeholder host. Deploy with --method helm (sets host=%s) or configure a domain.", host)
	} else {
		d.logf("    point DNS %s at %s (CNAME or Route 53 alias) if not done yet", o.Domain, host)
	}
	return nil
}

func (d *Deployer) waitIngress(ctx context.Context, kc *kube.Client) (string, error) {
	deadline := d.now().Add(d.timeout())
	for {
		hosts, err := kc.IngressHostnames(ctx)
		if err != nil {
			return "", err
		}
		if len(hosts) > 0 {
			d.logf("    load balancer: %s", hosts[0])
			return hosts[0], nil
		}
		if !d.now().Before(deadline) {
			return "", fmt.Errorf("the Ingress has no load balancer address after %s: check `kubectl describe ingress -n %s` and the aws-load-balancer-controller logs (make logs COMPONENT=alb)", d.timeout(), outputs.Namespace)
		}
		if err := d.sleep(ctx, 10*time.Second); err != nil {
			return "", err
		}
	}
}

// SmokeStep runs the smoke test.
func (d *Deployer) SmokeStep(ctx context.Context) error {
	if d.Smoke == nil {
		return fmt.Errorf("smoke test is not wired")
	}
	return d.Smoke(ctx, d.abs(d.OutputsPath()))
}

// maxBundleSize bounds the CA bundle download (the regional bundles are a
// few KiB; the global one about 200 KiB).
const maxBundleSize = 1 << 20

// RDSCA downloads the region's RDS CA bundle, checks that it holds the CA
// the instance uses as the RDS API describes it (thumbprint), and writes it
// next to the outputs, where the k8s render reads it. Pods never fetch it.
func (d *Deployer) RDSCA(ctx context.Context) error {
	o, err := d.loadOutputs()
	if err != nil {
		return err
	}
	id := d.Env.Database.CACertIdentifier
	res, err := d.run(ctx, runner.Cmd{Name: "aws", Args: []string{"rds", "describe-certificates", "--certificate-identifier", id, "--region", o.Region, "--output", "json"}})
	if err != nil {
		return err
	}
	var described struct {
		Certificates []rdsca.Certificate `json:"Certificates"`
	}
	if err := json.Unmarshal(res.Stdout, &described); err != nil {
		return fmt.Errorf("parsing aws rds describe-certificates: %w", err)
	}
	url := rdsca.BundleURL(o.Region)
	fetch := d.Fetch
	if fetch == nil {
		fetch = httpFetch
	}
	data, err := fetch(ctx, url)
	if err != nil {
		return fmt.Errorf("download %s: %w", url, err)
	}
	b, err := rdsca.Verify(data, described.Certificates, id)
	if err != nil {
		return fmt.Errorf("%s: %w", url, err)
	}
	path := d.RDSCAPath()
	if err := writeFileAtomic(d.abs(path), []byte(b.PEM), 0o644); err != nil {
		return err
	}
	d.logf("    wrote %s (%d certificates, sha256 %s; %s verified by thumbprint)", path, len(b.Subjects), b.SHA256[:16], id)
	return nil
}

// RDSCAPath is where the RDS CA bundle of the environment is kept.
func (d *Deployer) RDSCAPath() string { return rdsca.DefaultPath(d.Env.Name, d.OutputsPath(), false) }

func httpFetch(ctx context.Context, url string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("HTTP %d", resp.StatusCode)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxBundleSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxBundleSize {
		return nil, fmt.Errorf("larger than %d bytes", maxBundleSize)
	}
	return data, nil
}
