package synth

import (
	"slices"
	"testing"

	"github.com/aws/amazon-vpc-resource-controller-k8s/pkg/aws/vpc"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// securityGroupPolicy is the rendered SecurityGroupPolicy's spec.
type securityGroupPolicy struct {
	metav1.TypeMeta `json:",inline"`
	Metadata        metav1.ObjectMeta `json:"metadata"`
	Spec            struct {
		PodSelector            *metav1.LabelSelector `json:"podSelector"`
		ServiceAccountSelector *metav1.LabelSelector `json:"serviceAccountSelector"`
		SecurityGroups         struct {
			GroupIDs []string `json:"groupIds"`
		} `json:"securityGroups"`
	} `json:"spec"`
}

// TestDatabaseClientsCarryTheAdmittedGroup: RDS admits only the database
// clients' security group, so exactly the pods that the rendered
// NetworkPolicies let reach the database port must get it (a pod that
// connects without it times out; a pod that gets it needlessly widens who
// reaches the database), together with the cluster group that keeps the
// rest of their traffic as it is for every pod. The node groups must be able
// to give every such pod its branch interface at full scale-out.
func TestDatabaseClientsCarryTheAdmittedGroup(t *testing.T) {
	eachEnv(t, func(t *testing.T, r *rendered) {
		sgps := r.kind("SecurityGroupPolicy")
		if len(sgps) != 1 {
			t.Fatalf("%d SecurityGroupPolicies, want 1", len(sgps))
		}
		var sgp securityGroupPolicy
		sgps[0].into(t, &sgp)
		if sgp.Metadata.Namespace != outputs.Namespace {
			t.Errorf("policy in namespace %q", sgp.Metadata.Namespace)
		}
		if sgp.Spec.ServiceAccountSelector != nil || sgp.Spec.PodSelector == nil {
			t.Fatal("want a pod selector only")
		}
		if want := []string{r.out.ClusterSecurityGroupID, r.out.DBClientSecurityGroupID}; !slices.Equal(sgp.Spec.SecurityGroups.GroupIDs, want) {
			t.Errorf("groups %v, want the cluster's and the database clients' %v", sgp.Spec.SecurityGroups.GroupIDs, want)
		}
		ps := readPolicies(t, r)
		dbAddr := firstHost(r.out.DatabaseSubnetCIDRs[0])
		selected := 0
		for name, tmpl := range podTemplates(t, r) {
			pod := podRef{ns: "supabase", labels: tmpl.Labels}
			reaches := ps.egressAllowed(pod, nil, dbAddr, r.out.DBPort)
			carries := selectorMatches(sgp.Spec.PodSelector, tmpl.Labels)
			switch {
			case reaches && !carries:
				t.Errorf("%s may reach the database but lacks its security group: its connections would time out", name)
			case carries && !reaches:
				t.Errorf("%s gets the database's security group without a database edge", name)
			}
			if carries {
				selected++
			}
		}
		if selected < 5 {
			t.Fatalf("only %d pods selected; the test reads the wrong thing", selected)
		}

		// Branch interfaces: every database client pod at its maximum
		// (HPA maxReplicas, else its replica count; one each for the Job
		// and the CronJob) must fit the node groups at their maximum.
		need := 2
		hs := hpas(t, r)
		for name, d := range deployments(t, r) {
			if !selectorMatches(sgp.Spec.PodSelector, d.Spec.Template.Labels) {
				continue
			}
			if h, ok := hs[name]; ok {
				need += int(h.Spec.MaxReplicas)
			} else if d.Spec.Replicas != nil {
				need += int(*d.Spec.Replicas)
			}
		}
		have := 0
		for _, ng := range r.env.Cluster.NodeGroups {
			least := -1
			for _, it := range ng.InstanceTypes {
				lim, ok := vpc.Limits[it]
				if !ok || !lim.IsTrunkingCompatible {
					t.Errorf("node group %s: %s has no branch interfaces", ng.Name, it)
					continue
				}
				if least < 0 || lim.BranchInterface < least {
					least = lim.BranchInterface
				}
			}
			if least > 0 {
				have += least * ng.MaxSize
			}
		}
		if need > have {
			t.Errorf("%d database client pods at full scale-out, but the node groups at their maximum offer %d branch interfaces", need, have)
		}
		t.Logf("branch interfaces: %d needed at full scale-out, %d available", need, have)
	})
}
