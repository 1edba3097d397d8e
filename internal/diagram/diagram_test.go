package diagram

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/supabase-eks/supabase-eks/internal/artifacts"
)

const stackJSON = `{"resource": {
 "aws_vpc": {"vpc": {"cidr_block": "10.9.0.0/16"}},
 "aws_subnet": {
  "a": {"availability_zone": "eu-west-1a", "cidr_block": "10.9.0.0/19", "tags": {"tier": "private"}},
  "b": {"availability_zone": "eu-west-1b", "cidr_block": "10.9.128.0/22", "tags": {"tier": "public"}}},
 "aws_db_instance": {"db": {"engine_version": "17.6", "instance_class": "db.m7g.large", "multi_az": true}},
 "aws_eks_cluster": {"c": {"name": "demo", "version": "1.35"}},
 "aws_s3_bucket": {"data": {"bucket": "demo-storage"}, "logs": {"bucket": "demo-alb-logs"}},
 "aws_s3_bucket_logging": {"data": {"bucket": "${trimprefix(aws_s3_bucket.data.arn, \"arn:aws:s3:::\")}", "target_bucket": "${aws_s3_bucket.logs.id}"}},
 "aws_s3_bucket_policy": {"logs": {"bucket": "${aws_s3_bucket.logs.id}",
  "policy": "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"logdelivery.elasticloadbalancing.amazonaws.com\"},\"Action\":\"s3:PutObject\",\"Resource\":\"${aws_s3_bucket.logs.arn}/alb/*\"}]}"}}}}`

const policies = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: rest}
spec:
  podSelector: {matchLabels: {app.kubernetes.io/name: rest}}
  ingress:
    - from: [{podSelector: {matchLabels: {app.kubernetes.io/name: kong}}}]
      ports: [{port: 3000}]
  egress:
    - to: [{ipBlock: {cidr: 10.9.160.0/22}}]
      ports: [{port: 5432}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: kong}
spec:
  podSelector: {matchLabels: {app.kubernetes.io/name: kong}}
  ingress:
    - from: [{ipBlock: {cidr: 10.9.128.0/22}}]
      ports: [{port: 8000}]
`

func TestDiagramFollowsTheInputs(t *testing.T) {
	dir := t.TempDir()
	stackPath := filepath.Join(dir, "supabase-demo", "cdk.tf.json")
	os.MkdirAll(filepath.Dir(stackPath), 0o755)
	os.WriteFile(stackPath, []byte(stackJSON), 0o644)
	os.WriteFile(filepath.Join(dir, "20-access.yaml"), []byte(policies), 0o644)
	st, err := artifacts.LoadStack(stackPath)
	if err != nil {
		t.Fatal(err)
	}
	flows, err := FlowsFromDist(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []Flow{{"alb", "kong", "8000"}, {"kong", "rest", "3000"}, {"rest", "rds", "5432"}}
	if len(flows) != len(want) {
		t.Fatalf("flows %v, want %v", flows, want)
	}
	for i := range want {
		if flows[i] != want[i] {
			t.Fatalf("flows %v, want %v", flows, want)
		}
	}
	dot := DOT(st, flows)
	for _, s := range []string{"VPC 10.9.0.0/16", "eu-west-1a", "10.9.128.0/22", "Multi-AZ", "Kubernetes 1.35", `alb -> "k8s_kong"`, `"k8s_rest" -> rds`,
		`eks -> "data" [label="IRSA"`, `alb -> "logs" [label="access logs"`, `"data" -> "logs" [label="server access logs"`} {
		if !strings.Contains(dot, s) {
			t.Errorf("diagram lacks %q", s)
		}
	}
	if strings.Contains(dot, `eks -> "logs"`) {
		t.Error("the diagram has workloads reaching the access log bucket")
	}
}
