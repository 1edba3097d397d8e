// Package elblogs knows who writes an Application Load Balancer's access
// logs into an S3 bucket, region by region. The bucket policy has to admit
// that writer: in regions launched before August 2022 it is an Elastic Load
// Balancing account of the region, in later ones a service principal. The
// configuration refuses access logs in a region missing here (a guessed
// principal would fail only at the first apply, as "Access Denied for
// bucket"), and the access log bucket's construct (infra/edge) builds its
// policy from the same table.
//
// Sources: the ELB accounts listed in "Enable access logs for your
// Application Load Balancer" (docs.aws.amazon.com/elasticloadbalancing/
// latest/application/enable-access-logging.html), each cross-checked with
// the aws_elb_service_account table of hashicorp/aws, the provider that
// plans these stacks.
package elblogs

import (
	"fmt"
	"slices"
	"strings"

	"github.com/supabase-eks/supabase-eks/infra/policy"
)

// ServicePrincipal delivers the logs in regions launched in or after
// August 2022.
const ServicePrincipal = "logdelivery.elasticloadbalancing.amazonaws.com"

// accounts are the Elastic Load Balancing accounts of the regions launched
// before August 2022 (commercial partition only: every ARN these stacks
// write is in "aws").
var accounts = map[string]string{
	"us-east-1":      "127311923021",
	"us-east-2":      "033677994240",
	"us-west-1":      "027434742980",
	"us-west-2":      "797873946194",
	"af-south-1":     "098369216593",
	"ap-east-1":      "754344448648",
	"ap-southeast-3": "589379963580",
	"ap-south-1":     "718504428378",
	"ap-northeast-3": "383597477331",
	"ap-northeast-2": "600734575887",
	"ap-southeast-1": "114774131450",
	"ap-southeast-2": "783225319266",
	"ap-northeast-1": "582318560864",
	"ca-central-1":   "985666609251",
	"eu-central-1":   "054676820928",
	"eu-west-1":      "156460612806",
	"eu-west-2":      "652711504416",
	"eu-south-1":     "635631232127",
	"eu-west-3":      "009996457667",
	"eu-north-1":     "897822967062",
	"me-south-1":     "076674570225",
	"sa-east-1":      "507241528517",
}

// serviceRegions launched in or after August 2022; their load balancers
// write as ServicePrincipal.
var serviceRegions = []string{
	"me-central-1", "ap-south-2", "eu-central-2", "eu-south-2", "ap-southeast-4",
	"il-central-1", "ca-west-1", "ap-southeast-5", "ap-southeast-7", "mx-central-1",
}

// Writer is the principal that puts a region's access log objects.
type Writer struct {
	// AccountID is the region's Elastic Load Balancing account; empty where
	// ServicePrincipal writes.
	AccountID string
}

// For returns the writer of region's access logs, or an error naming the
// region when it is in neither list.
func For(region string) (Writer, error) {
	if id, ok := accounts[region]; ok {
		return Writer{AccountID: id}, nil
	}
	if slices.Contains(serviceRegions, region) {
		return Writer{}, nil
	}
	return Writer{}, fmt.Errorf("no access log writer known for region %q: add it to internal/elblogs (the region's Elastic Load Balancing account if it launched before August 2022, else %s)", region, ServicePrincipal)
}

// Principal is the writer as a bucket policy principal.
func (w Writer) Principal() map[string]any {
	if w.AccountID != "" {
		return map[string]any{"AWS": "arn:aws:iam::" + w.AccountID + ":root"}
	}
	return map[string]any{"Service": ServicePrincipal}
}

// Regions lists every region the table knows, sorted.
func Regions() []string {
	out := slices.Clone(serviceRegions)
	for r := range accounts {
		out = append(out, r)
	}
	slices.Sort(out)
	return out
}

// Delivers reports whether a bucket policy lets some region's writer put
// objects: what marks a bucket as an ALB access log bucket to the tools that
// read the synthesized stack (cost estimate, diagram).
func Delivers(doc policy.Document) bool {
	for _, st := range doc.Statement {
		if st.Effect != "Allow" || !policy.MatchAny(st.Action, "s3:PutObject", true) {
			continue
		}
		for kind, v := range st.Principal {
			p, _ := v.(string)
			switch {
			case kind == "Service" && p == ServicePrincipal:
				return true
			case kind == "AWS" && strings.HasPrefix(p, "arn:aws:iam::") && strings.HasSuffix(p, ":root"):
				id := strings.TrimSuffix(strings.TrimPrefix(p, "arn:aws:iam::"), ":root")
				for _, known := range accounts {
					if id == known {
						return true
					}
				}
			}
		}
	}
	return false
}
