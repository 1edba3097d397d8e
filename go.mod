module github.com/supabase-eks/supabase-eks

go 1.26

require (
	github.com/Masterminds/semver/v3 v3.3.1 // indirect
	github.com/aws/constructs-go/constructs/v10 v10.4.2 // indirect
	github.com/aws/jsii-runtime-go v1.112.0 // indirect
	github.com/cdk8s-team/cdk8s-core-go/cdk8s/v2 v2.69.10 // indirect
	github.com/cdk8s-team/cdk8s-plus-go/cdk8splus28/v2 v2.5.6 // indirect
	github.com/cdktf/cdktf-provider-aws-go/aws/v19 v19.65.1 // indirect
	github.com/hashicorp/terraform-cdk-go/cdktf v0.21.0 // indirect
)
