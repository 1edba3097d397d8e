// Package kube drives kubectl for the operations that need a live cluster:
// forcing External Secrets to sync, re-running the database bootstrap Job,
// rolling Deployments and waiting for them. Every call names the kubeconfig
// context explicitly so a stale current-context can never point an
// operation at the wrong cluster.
package kube

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/supabase-eks/supabase-eks/internal/ops/runner"
)

// Client runs kubectl through a runner.
type Client struct {
	R runner.Runner
	// Context is the kubeconfig context (empty: current context).
	Context string
	// Namespace of the Supabase workloads.
	Namespace string
	// Poll is the interval between status checks; zero means 5s.
	Poll time.Duration
	// Sleep waits between polls; nil sleeps for real (tests make it instant).
	Sleep func(ctx context.Context, d time.Duration) error
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Log receives progress lines; nil discards them.
	Log io.Writer
}

func (c *Client) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

func (c *Client) logf(format string, args ...any) {
	if c.Log != nil {
		fmt.Fprintf(c.Log, format+"\n", args...)
	}
}

func (c *Client) sleep(ctx context.Context) error {
	d := c.Poll
	if d == 0 {
		d = 5 * time.Second
	}
	if c.Sleep != nil {
		return c.Sleep(ctx, d)
	}
	return runner.Sleep(ctx, d)
}

// Cmd builds a kubectl command with the context flag.
func (c *Client) Cmd(args ...string) runner.Cmd {
	var full []string
	if c.Context != "" {
		full = append(full, "--context", c.Context)
	}
	return runner.Cmd{Name: "kubectl", Args: append(full, args...)}
}

func (c *Client) run(ctx context.Context, args ...string) (runner.Result, error) {
	return c.R.Run(ctx, c.Cmd(args...))
}

func (c *Client) ns() string {
	if c.Namespace == "" {
		return "supabase"
	}
	return c.Namespace
}

// ForceSyncExternalSecrets asks ESO to refresh every ExternalSecret in the
// namespace now (ESO re-reads an ExternalSecret whose force-sync annotation
// changes) and returns the time the request was made.
func (c *Client) ForceSyncExternalSecrets(ctx context.Context) (time.Time, error) {
	t := c.now().Truncate(time.Second)
	c.logf("  forcing External Secrets sync in namespace %s", c.ns())
	_, err := c.run(ctx, "annotate", "externalsecret", "--all", "-n", c.ns(), "force-sync="+strconv.FormatInt(t.Unix(), 10), "--overwrite")
	return t, err
}

type condition struct {
	Type    string `json:"type"`
	Status  string `json:"status"`
	Reason  string `json:"reason"`
	Message string `json:"message"`
}

type externalSecretList struct {
	Items []struct {
		Metadata struct {
			Name string `json:"name"`
		} `json:"metadata"`
		Status struct {
			RefreshTime *time.Time  `json:"refreshTime"`
			Conditions  []condition `json:"conditions"`
		} `json:"status"`
	} `json:"items"`
}

// WaitExternalSecretsSynced waits until every ExternalSecret in the
// namespace refreshed at or after since and is Ready.
func (c *Client) WaitExternalSecretsSynced(ctx context.Context, since time.Time, timeout time.Duration) error {
	deadline := c.now().Add(timeout)
	for {
		res, err := c.run(ctx, "get", "externalsecret", "-n", c.ns(), "-o", "json")
		if err != nil {
			return err
		}
		var list externalSecretList
		if err := json.Unmarshal(res.Stdout, &list); err != nil {
			return fmt.Errorf("parsing kubectl get externalsecret: %w", err)
		}
		var pending []string
		for _, it := range list.Items {
			ready := findCondition(it.Status.Conditions, "Ready")
			switch {
			case it.Status.RefreshTime == nil || it.Status.RefreshTime.Before(since):
				pending = append(pending, it.Metadata.Name+" (not refreshed yet)")
			case ready == nil || ready.Status != "True":
				msg := "not Ready"
				if ready != nil {
					msg = fmt.Sprintf("Ready=%s %s: %s", ready.Status, ready.Reason, ready.Message)
				}
				pending = append(pending, it.Metadata.Name+" ("+msg+")")
			}
		}
		if len(list.Items) == 0 {
			return fmt.Errorf("no ExternalSecrets in namespace %s: apply the manifests first", c.ns())
		}
		if len(pending) == 0 {
			c.logf("  %d ExternalSecrets synced", len(list.Items))
			return nil
		}
		if !c.now().Before(deadline) {
			return fmt.Errorf("ExternalSecrets not synced after %s: %s (kubectl describe externalsecret -n %s shows the events)", timeout, strings.Join(pending, "; "), c.ns())
		}
		if err := c.sleep(ctx); err != nil {
			return err
		}
	}
}

func findCondition(cs []condition, t string) *condition {
	for i := range cs {
		if cs[i].Type == t {
			return &cs[i]
		}
	}
	return nil
}

// Existing returns the names of the objects of kind (e.g. "deployment") in
// the namespace.
func (c *Client) Existing(ctx context.Context, kind string) (map[string]bool, error) {
	res, err := c.run(ctx, "get", kind, "-n", c.ns(), "-o", "name")
	if err != nil {
		return nil, err
	}
	names := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(res.Stdout)), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			_, name, _ := strings.Cut(line, "/")
			names[name] = true
		}
	}
	return names, nil
}

// Workload is a Deployment or StatefulSet, as kubectl names it ("deployment/kong").
type Workload string

// RestartAndWait rolls each workload (kubectl rollout restart) and then
// waits for every rollout to finish.
func (c *Client) RestartAndWait(ctx context.Context, workloads []Workload, timeout time.Duration) error {
	for _, w := range workloads {
		c.logf("  restarting %s", w)
		if _, err := c.run(ctx, "rollout", "restart", string(w), "-n", c.ns()); err != nil {
			return err
		}
	}
	return c.WaitRollouts(ctx, workloads, timeout)
}

// WaitRollouts waits for each workload's rollout to complete.
func (c *Client) WaitRollouts(ctx context.Context, workloads []Workload, timeout time.Duration) error {
	var errs []error
	for _, w := range workloads {
		c.logf("  waiting for %s", w)
		if _, err := c.run(ctx, "rollout", "status", string(w), "-n", c.ns(), "--timeout="+timeout.String()); err != nil {
			errs = append(errs, fmt.Errorf("%s did not become ready: %w (kubectl describe %s -n %s)", w, err, w, c.ns()))
		}
	}
	return errors.Join(errs...)
}

// RerunJob deletes and re-creates a Job so it runs again. The live object is
// the template when it exists (it carries any Helm ownership metadata);
// otherwise manifest (the Job as rendered into dist/) is used.
func (c *Client) RerunJob(ctx context.Context, name string, manifest []byte) error {
	res, err := c.run(ctx, "get", "job", name, "-n", c.ns(), "-o", "json", "--ignore-not-found")
	if err != nil {
		return err
	}
	body := manifest
	if len(bytes.TrimSpace(res.Stdout)) > 0 {
		if body, err = CleanJobForRerun(res.Stdout); err != nil {
			return fmt.Errorf("job %s: %w", name, err)
		}
		c.logf("  deleting job/%s", name)
		if _, err := c.run(ctx, "delete", "job", name, "-n", c.ns(), "--cascade=foreground", "--wait=true", "--timeout=2m"); err != nil {
			return err
		}
	}
	if len(body) == 0 {
		return fmt.Errorf("job %s: not in the cluster and no manifest to create it from", name)
	}
	c.logf("  creating job/%s", name)
	_, err = c.R.Run(ctx, runner.Cmd{Name: "kubectl", Args: c.Cmd("create", "-n", c.ns(), "-f", "-").Args, Stdin: bytes.NewReader(body)})
	return err
}

// CleanJobForRerun turns a live Job (kubectl get -o json) into a manifest
// that creates an identical new Job: it drops the status, server-set
// metadata and the controller-generated selector and labels, which the API
// server refuses on create.
func CleanJobForRerun(live []byte) ([]byte, error) {
	var job map[string]any
	if err := json.Unmarshal(live, &job); err != nil {
		return nil, fmt.Errorf("parsing job: %w", err)
	}
	if job["kind"] != "Job" {
		return nil, fmt.Errorf("not a Job: kind %v", job["kind"])
	}
	delete(job, "status")
	if md, ok := job["metadata"].(map[string]any); ok {
		for _, k := range []string{"uid", "resourceVersion", "creationTimestamp", "managedFields", "generation", "selfLink", "ownerReferences"} {
			delete(md, k)
		}
		cleanLabels(md)
		if ann, ok := md["annotations"].(map[string]any); ok {
			delete(ann, "kubectl.kubernetes.io/last-applied-configuration")
			delete(ann, "batch.kubernetes.io/job-tracking")
		}
	}
	if spec, ok := job["spec"].(map[string]any); ok {
		delete(spec, "selector")
		delete(spec, "manualSelector")
		if tpl, ok := spec["template"].(map[string]any); ok {
			if md, ok := tpl["metadata"].(map[string]any); ok {
				cleanLabels(md)
			}
		}
	}
	return json.Marshal(job)
}

// Labels the Job controller adds and that would tie the new pods to the old Job.
var controllerLabels = []string{"controller-uid", "batch.kubernetes.io/controller-uid", "job-name", "batch.kubernetes.io/job-name"}

func cleanLabels(md map[string]any) {
	labels, ok := md["labels"].(map[string]any)
	if !ok {
		return
	}
	for _, k := range controllerLabels {
		delete(labels, k)
	}
	if len(labels) == 0 {
		delete(md, "labels")
	}
}

type jobStatus struct {
	Status struct {
		Conditions []condition `json:"conditions"`
		Failed     int         `json:"failed"`
		Active     int         `json:"active"`
	} `json:"status"`
}

// WaitJob waits until a Job completes; a Failed condition ends the wait with
// the Job's logs command in the error.
func (c *Client) WaitJob(ctx context.Context, name string, timeout time.Duration) error {
	deadline := c.now().Add(timeout)
	c.logf("  waiting for job/%s", name)
	for {
		res, err := c.run(ctx, "get", "job", name, "-n", c.ns(), "-o", "json")
		if err != nil {
			return err
		}
		var st jobStatus
		if err := json.Unmarshal(res.Stdout, &st); err != nil {
			return fmt.Errorf("parsing job %s: %w", name, err)
		}
		if cd := findCondition(st.Status.Conditions, "Complete"); cd != nil && cd.Status == "True" {
			c.logf("  job/%s complete", name)
			return nil
		}
		if cd := findCondition(st.Status.Conditions, "Failed"); cd != nil && cd.Status == "True" {
			return fmt.Errorf("job %s failed (%s: %s); see `kubectl logs job/%s -n %s`", name, cd.Reason, cd.Message, name, c.ns())
		}
		if !c.now().Before(deadline) {
			return fmt.Errorf("job %s not complete after %s (active=%d failed=%d); see `kubectl logs job/%s -n %s`", name, timeout, st.Status.Active, st.Status.Failed, name, c.ns())
		}
		if err := c.sleep(ctx); err != nil {
			return err
		}
	}
}

// IngressHostnames returns the load balancer host names (or IPs) published
// in the status of the namespace's Ingresses, sorted.
func (c *Client) IngressHostnames(ctx context.Context) ([]string, error) {
	res, err := c.run(ctx, "get", "ingress", "-n", c.ns(), "-o", "json")
	if err != nil {
		return nil, err
	}
	var list struct {
		Items []struct {
			Status struct {
				LoadBalancer struct {
					Ingress []struct {
						Hostname string `json:"hostname"`
						IP       string `json:"ip"`
					} `json:"ingress"`
				} `json:"loadBalancer"`
			} `json:"status"`
		} `json:"items"`
	}
	if err := json.Unmarshal(res.Stdout, &list); err != nil {
		return nil, fmt.Errorf("parsing kubectl get ingress: %w", err)
	}
	var hosts []string
	for _, it := range list.Items {
		for _, lb := range it.Status.LoadBalancer.Ingress {
			if lb.Hostname != "" {
				hosts = append(hosts, lb.Hostname)
			} else if lb.IP != "" {
				hosts = append(hosts, lb.IP)
			}
		}
	}
	sort.Strings(hosts)
	return hosts, nil
}
