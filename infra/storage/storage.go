// Package storage creates the S3 buckets: one backing Supabase Storage and
// one receiving logical database backups (unless the bootstrap stack owns
// that one, see Props.BackupsInBootstrap). All are private, versioned,
// KMS-encrypted and reachable over TLS only.
package storage

import (
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/s3bucket"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/s3bucketlifecycleconfiguration"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/s3bucketownershipcontrols"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/s3bucketpolicy"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/s3bucketpublicaccessblock"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/s3bucketserversideencryptionconfiguration"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/s3bucketversioning"
	"github.com/hashicorp/terraform-cdk-go/cdktf"
	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/names"

	"github.com/supabase-eks/supabase-eks/infra/policy"
)

// How long the buckets keep what they keep.
const (
	// NoncurrentVersionDays keeps overwritten or deleted objects this long
	// (the storage restore's reach, hence owned by the configuration).
	NoncurrentVersionDays = config.NoncurrentVersionDays
	// BackupExpirationDays deletes logical backups after this many days.
	BackupExpirationDays = 35
	// BackupPrefix is the only key prefix the backup job may write.
	BackupPrefix = "pg_dump/"
)

// Props configures the buckets.
type Props struct {
	// Name prefixes bucket names; the account id is appended for global uniqueness.
	Name      string
	AccountID string
	KMSKeyARN *string
	// ForceDestroy lets `terraform destroy` empty the buckets
	// (teardown.forceDestroyBuckets).
	ForceDestroy bool
	// BackupsInBootstrap: the backups bucket is the bootstrap stack's
	// (database.retainBackupsOnDestroy), created and configured by an
	// administrator; this stack only names it, and the deployer role can
	// neither delete nor reconfigure it, so the dumps outlive a teardown and
	// the deployer.
	BackupsInBootstrap bool
}

// Storage exposes the buckets.
type Storage struct {
	StorageBucket    string
	StorageBucketARN *string
	BackupBucket     string
	BackupBucketARN  *string
	// BackupPrefix is the only key prefix the backup job may write.
	BackupPrefix string
}

// New creates both buckets.
func New(scope constructs.Construct, id string, p Props) *Storage {
	c := constructs.NewConstruct(scope, jsii.String(id))
	s := &Storage{
		StorageBucket: names.StorageBucket(p.Name, p.AccountID),
		BackupBucket:  names.BackupBucket(p.Name, p.AccountID),
		BackupPrefix:  BackupPrefix,
	}
	s.StorageBucketARN = NewBucket(c, "storage", BucketProps{Name: s.StorageBucket, KMSKeyARN: p.KMSKeyARN, ForceDestroy: p.ForceDestroy})
	if p.BackupsInBootstrap {
		s.BackupBucketARN = jsii.String("arn:aws:s3:::" + s.BackupBucket)
	} else {
		s.BackupBucketARN = NewBucket(c, "backups", BucketProps{Name: s.BackupBucket, KMSKeyARN: p.KMSKeyARN, ForceDestroy: p.ForceDestroy, ExpireDays: BackupExpirationDays})
	}
	return s
}

// BucketProps configures one data bucket.
type BucketProps struct {
	Name      string
	KMSKeyARN *string
	// ForceDestroy lets `terraform destroy` empty it.
	ForceDestroy bool
	// ExpireDays deletes objects after this many days (0: never).
	ExpireDays int
	// PreventDestroy marks the bucket and its configuration prevent_destroy.
	PreventDestroy bool
}

// NewBucket creates a private, versioned, KMS-encrypted, TLS-only bucket
// and returns its ARN.
func NewBucket(c constructs.Construct, id string, p BucketProps) *string {
	var lifecycle *cdktf.TerraformResourceLifecycle
	if p.PreventDestroy {
		lifecycle = &cdktf.TerraformResourceLifecycle{PreventDestroy: jsii.Bool(true)}
	}
	b := s3bucket.NewS3Bucket(c, jsii.String(id), &s3bucket.S3BucketConfig{
		Bucket:       jsii.String(p.Name),
		ForceDestroy: jsii.Bool(p.ForceDestroy && !p.PreventDestroy),
		Lifecycle:    lifecycle,
	})
	pab := s3bucketpublicaccessblock.NewS3BucketPublicAccessBlock(c, jsii.String(id+"-public-access-block"), &s3bucketpublicaccessblock.S3BucketPublicAccessBlockConfig{
		Lifecycle:             lifecycle,
		Bucket:                b.Id(),
		BlockPublicAcls:       jsii.Bool(true),
		BlockPublicPolicy:     jsii.Bool(true),
		IgnorePublicAcls:      jsii.Bool(true),
		RestrictPublicBuckets: jsii.Bool(true),
	})
	s3bucketownershipcontrols.NewS3BucketOwnershipControls(c, jsii.String(id+"-ownership"), &s3bucketownershipcontrols.S3BucketOwnershipControlsConfig{
		Lifecycle: lifecycle,
		Bucket:    b.Id(),
		Rule:      &s3bucketownershipcontrols.S3BucketOwnershipControlsRule{ObjectOwnership: jsii.String("BucketOwnerEnforced")},
	})
	versioning := s3bucketversioning.NewS3BucketVersioningA(c, jsii.String(id+"-versioning"), &s3bucketversioning.S3BucketVersioningAConfig{
		Lifecycle:               lifecycle,
		Bucket:                  b.Id(),
		VersioningConfiguration: &s3bucketversioning.S3BucketVersioningVersioningConfiguration{Status: jsii.String("Enabled")},
	})
	s3bucketserversideencryptionconfiguration.NewS3BucketServerSideEncryptionConfigurationA(c, jsii.String(id+"-encryption"), &s3bucketserversideencryptionconfiguration.S3BucketServerSideEncryptionConfigurationAConfig{
		Lifecycle: lifecycle,
		Bucket:    b.Id(),
		Rule: []*s3bucketserversideencryptionconfiguration.S3BucketServerSideEncryptionConfigurationRuleA{{
			ApplyServerSideEncryptionByDefault: &s3bucketserversideencryptionconfiguration.S3BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultA{
				SseAlgorithm:   jsii.String("aws:kms"),
				KmsMasterKeyId: p.KMSKeyARN,
			},
			// Bucket keys cut KMS request costs by orders of magnitude for many small objects.
			BucketKeyEnabled: jsii.Bool(true),
		}},
	})
	rules := []*s3bucketlifecycleconfiguration.S3BucketLifecycleConfigurationRule{{
		Id:     jsii.String("abort-incomplete-multipart-uploads"),
		Status: jsii.String("Enabled"),
		Filter: []*s3bucketlifecycleconfiguration.S3BucketLifecycleConfigurationRuleFilter{{Prefix: jsii.String("")}},
		AbortIncompleteMultipartUpload: []*s3bucketlifecycleconfiguration.S3BucketLifecycleConfigurationRuleAbortIncompleteMultipartUpload{{
			DaysAfterInitiation: jsii.Number(7),
		}},
	}, {
		Id:     jsii.String("expire-noncurrent-versions"),
		Status: jsii.String("Enabled"),
		Filter: []*s3bucketlifecycleconfiguration.S3BucketLifecycleConfigurationRuleFilter{{Prefix: jsii.String("")}},
		NoncurrentVersionExpiration: []*s3bucketlifecycleconfiguration.S3BucketLifecycleConfigurationRuleNoncurrentVersionExpiration{{
			NoncurrentDays: jsii.Number(float64(NoncurrentVersionDays)),
		}},
	}}
	if p.ExpireDays > 0 {
		rules = append(rules, &s3bucketlifecycleconfiguration.S3BucketLifecycleConfigurationRule{
			Id:         jsii.String("expire-old-backups"),
			Status:     jsii.String("Enabled"),
			Filter:     []*s3bucketlifecycleconfiguration.S3BucketLifecycleConfigurationRuleFilter{{Prefix: jsii.String("")}},
			Expiration: []*s3bucketlifecycleconfiguration.S3BucketLifecycleConfigurationRuleExpiration{{Days: jsii.Number(float64(p.ExpireDays))}},
		})
	}
	s3bucketlifecycleconfiguration.NewS3BucketLifecycleConfiguration(c, jsii.String(id+"-lifecycle"), &s3bucketlifecycleconfiguration.S3BucketLifecycleConfigurationConfig{
		Lifecycle: lifecycle,
		Bucket:    b.Id(),
		Rule:      rules,
		DependsOn: &[]cdktf.ITerraformDependable{versioning},
	})
	tlsOnly := policy.New(policy.DenyInsecureTransport(*b.Arn()))
	s3bucketpolicy.NewS3BucketPolicy(c, jsii.String(id+"-policy"), &s3bucketpolicy.S3BucketPolicyConfig{
		Lifecycle: lifecycle,
		Bucket:    b.Id(),
		Policy:    jsii.String(tlsOnly.JSON()),
		// A policy write racing the public access block can be rejected as "public".
		DependsOn: &[]cdktf.ITerraformDependable{pab},
	})
	return b.Arn()
}
