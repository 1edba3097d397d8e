package edge

import (
	"fmt"

	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/s3bucket"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/s3bucketlifecycleconfiguration"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/s3bucketlogging"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/s3bucketownershipcontrols"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/s3bucketpolicy"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/s3bucketpublicaccessblock"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/s3bucketserversideencryptionconfiguration"
	"github.com/hashicorp/terraform-cdk-go/cdktf"

	"github.com/supabase-eks/supabase-eks/infra/policy"
	"github.com/supabase-eks/supabase-eks/internal/contract/names"
	"github.com/supabase-eks/supabase-eks/internal/elblogs"
)

// AccessLogProps configures the access log bucket.
type AccessLogProps struct {
	// Name is the environment's resource prefix.
	Name      string
	AccountID string
	// Region picks the ALB log writer the bucket policy admits (internal/elblogs).
	Region string
	// ExpirationDays deletes log objects after this many days.
	ExpirationDays int
	// ForceDestroy lets `terraform destroy` empty the bucket
	// (teardown.forceDestroyBuckets, as for the storage buckets).
	ForceDestroy bool
	// Logged are the buckets whose S3 server access logs go here too.
	Logged []LoggedBucket
}

// LoggedBucket is a bucket whose S3 server access logs the access log
// bucket receives.
type LoggedBucket struct {
	Name string
	// ARN is the bucket resource's ARN token: the logging configuration
	// refers to the bucket through it, so Terraform creates it after the
	// bucket.
	ARN *string
}

// AccessLogs is where the ALB writes: the Ingress's access_logs.s3.bucket
// and access_logs.s3.prefix attributes (through the outputs contract).
type AccessLogs struct {
	Bucket    string
	BucketARN *string
	// Prefix is the ALB's key prefix.
	Prefix string
}

// AccessLogPrefix is the key prefix the ALB writes under; ELB appends
// AWSLogs/<account>/elasticloadbalancing/<region>/... to it.
const AccessLogPrefix = "alb"

// ServerAccessLogPrefix is the key prefix of the S3 server access logs; each
// logged bucket writes under ServerAccessLogPrefix/<bucket name>/.
const ServerAccessLogPrefix = "s3"

// NewAccessLogs creates the access log bucket and points the S3 server
// access logs of the logged buckets at it. The bucket is private, TLS only,
// and written only by the region's ELB log writer (under this account's
// path) and by S3's log delivery for the logged buckets. It is encrypted
// with S3-managed keys because neither delivery supports any other
// server-side encryption (a KMS default would make every delivery fail), and
// unversioned: nothing overwrites a log object, and the lifecycle rule is
// what deletes them.
func NewAccessLogs(scope constructs.Construct, id string, p AccessLogProps) *AccessLogs {
	writer, err := elblogs.For(p.Region)
	if err != nil {
		// Configuration validation refuses such a region first.
		panic(err)
	}
	c := constructs.NewConstruct(scope, jsii.String(id))
	out := &AccessLogs{Bucket: names.AccessLogBucket(p.Name, p.AccountID), Prefix: AccessLogPrefix}
	b := s3bucket.NewS3Bucket(c, jsii.String("bucket"), &s3bucket.S3BucketConfig{
		Bucket:       jsii.String(out.Bucket),
		ForceDestroy: jsii.Bool(p.ForceDestroy),
	})
	out.BucketARN = b.Arn()
	pab := s3bucketpublicaccessblock.NewS3BucketPublicAccessBlock(c, jsii.String("public-access-block"), &s3bucketpublicaccessblock.S3BucketPublicAccessBlockConfig{
		Bucket:                b.Id(),
		BlockPublicAcls:       jsii.Bool(true),
		BlockPublicPolicy:     jsii.Bool(true),
		IgnorePublicAcls:      jsii.Bool(true),
		RestrictPublicBuckets: jsii.Bool(true),
	})
	// Objects the writers put belong to this account, not to the writer.
	s3bucketownershipcontrols.NewS3BucketOwnershipControls(c, jsii.String("ownership"), &s3bucketownershipcontrols.S3BucketOwnershipControlsConfig{
		Bucket: b.Id(),
		Rule:   &s3bucketownershipcontrols.S3BucketOwnershipControlsRule{ObjectOwnership: jsii.String("BucketOwnerEnforced")},
	})
	s3bucketserversideencryptionconfiguration.NewS3BucketServerSideEncryptionConfigurationA(c, jsii.String("encryption"), &s3bucketserversideencryptionconfiguration.S3BucketServerSideEncryptionConfigurationAConfig{
		Bucket: b.Id(),
		Rule: []*s3bucketserversideencryptionconfiguration.S3BucketServerSideEncryptionConfigurationRuleA{{
			ApplyServerSideEncryptionByDefault: &s3bucketserversideencryptionconfiguration.S3BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultA{
				SseAlgorithm: jsii.String("AES256"),
			},
		}},
	})
	s3bucketlifecycleconfiguration.NewS3BucketLifecycleConfiguration(c, jsii.String("lifecycle"), &s3bucketlifecycleconfiguration.S3BucketLifecycleConfigurationConfig{
		Bucket: b.Id(),
		Rule: []*s3bucketlifecycleconfiguration.S3BucketLifecycleConfigurationRule{{
			Id:         jsii.String("expire-access-logs"),
			Status:     jsii.String("Enabled"),
			Filter:     []*s3bucketlifecycleconfiguration.S3BucketLifecycleConfigurationRuleFilter{{Prefix: jsii.String("")}},
			Expiration: []*s3bucketlifecycleconfiguration.S3BucketLifecycleConfigurationRuleExpiration{{Days: jsii.Number(float64(p.ExpirationDays))}},
		}, {
			Id:     jsii.String("abort-incomplete-multipart-uploads"),
			Status: jsii.String("Enabled"),
			Filter: []*s3bucketlifecycleconfiguration.S3BucketLifecycleConfigurationRuleFilter{{Prefix: jsii.String("")}},
			AbortIncompleteMultipartUpload: []*s3bucketlifecycleconfiguration.S3BucketLifecycleConfigurationRuleAbortIncompleteMultipartUpload{{
				DaysAfterInitiation: jsii.Number(7),
			}},
		}},
	})
	// The ARNs are spelt out rather than taken from the resource, so the
	// document is plain JSON at plan time and scanners can read who may
	// write here.
	arn := "arn:aws:s3:::" + out.Bucket
	statements := []policy.Statement{policy.DenyInsecureTransport(arn), {
		Sid:       "ELBAccessLogDelivery",
		Effect:    "Allow",
		Principal: writer.Principal(),
		Action:    []string{"s3:PutObject"},
		// Another account's load balancer naming this bucket finds its own
		// AWSLogs/<account>/ path closed.
		Resource: []string{fmt.Sprintf("%s/%s/AWSLogs/%s/*", arn, AccessLogPrefix, p.AccountID)},
	}}
	if len(p.Logged) > 0 {
		var sources []string
		for _, l := range p.Logged {
			sources = append(sources, "arn:aws:s3:::"+l.Name)
		}
		statements = append(statements, policy.Statement{
			Sid:       "S3ServerAccessLogDelivery",
			Effect:    "Allow",
			Principal: map[string]any{"Service": []string{"logging.s3.amazonaws.com"}},
			Action:    []string{"s3:PutObject"},
			Resource:  []string{arn + "/" + ServerAccessLogPrefix + "/*"},
			// Only the logged buckets' deliveries, not any bucket's that names this one.
			Condition: map[string]map[string]any{
				"StringEquals": {"aws:SourceAccount": p.AccountID},
				"ArnLike":      {"aws:SourceArn": sources},
			},
		})
	}
	bp := s3bucketpolicy.NewS3BucketPolicy(c, jsii.String("policy"), &s3bucketpolicy.S3BucketPolicyConfig{
		Bucket: b.Id(),
		Policy: jsii.String(policy.New(statements...).JSON()),
		// A policy write racing the public access block can be rejected as "public".
		DependsOn: &[]cdktf.ITerraformDependable{pab},
	})
	for _, l := range p.Logged {
		s3bucketlogging.NewS3BucketLoggingA(c, jsii.String("logging-"+l.Name), &s3bucketlogging.S3BucketLoggingAConfig{
			Bucket:       cdktf.Fn_Trimprefix(l.ARN, jsii.String("arn:aws:s3:::")),
			TargetBucket: b.Id(),
			TargetPrefix: jsii.String(ServerAccessLogPrefix + "/" + l.Name + "/"),
			// Deliveries start at once; the grant must be there first.
			DependsOn: &[]cdktf.ITerraformDependable{bp},
		})
	}
	return out
}
