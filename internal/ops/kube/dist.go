package kube

import (
	"fmt"
	"strings"

	"github.com/supabase-eks/supabase-eks/internal/artifacts"
)

// BootstrapJob finds the database bootstrap Job among objs: the only Job in
// namespace, or the one whose name contains "bootstrap".
func BootstrapJob(objs []artifacts.Object, namespace string) (artifacts.Object, error) {
	var jobs []artifacts.Object
	for _, o := range objs {
		if o.Kind == "Job" && (o.Namespace == namespace || o.Namespace == "") {
			jobs = append(jobs, o)
		}
	}
	if len(jobs) == 1 {
		return jobs[0], nil
	}
	var names []string
	for _, j := range jobs {
		names = append(names, j.Name)
		if strings.Contains(j.Name, "bootstrap") {
			return j, nil
		}
	}
	return artifacts.Object{}, fmt.Errorf("no database bootstrap Job in the rendered manifests (Jobs found: %v)", names)
}

// Workloads lists the Deployments and StatefulSets in namespace, in file order.
func Workloads(objs []artifacts.Object, namespace string) []Workload {
	var out []Workload
	for _, o := range objs {
		if (o.Kind == "Deployment" || o.Kind == "StatefulSet") && (o.Namespace == namespace || o.Namespace == "") {
			out = append(out, Workload(strings.ToLower(o.Kind)+"/"+o.Name))
		}
	}
	return out
}
