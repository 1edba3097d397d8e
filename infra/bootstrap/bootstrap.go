// Package bootstrap builds the one-time account stack: the Terraform state
// bucket (S3-native locking, no DynamoDB table) and the least-privilege
// deployer role whose policy is derived from the environment stacks.
package bootstrap

import (
	"fmt"

	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/iampolicy"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/iamrole"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/iamrolepolicyattachment"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/kmsalias"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/kmskey"
	awsprovider "github.com/cdktf/cdktf-provider-aws-go/aws/v19/provider"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/s3bucket"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/s3bucketpolicy"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/s3bucketpublicaccessblock"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/s3bucketserversideencryptionconfiguration"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/s3bucketversioning"
	"github.com/hashicorp/terraform-cdk-go/cdktf"

	"github.com/supabase-eks/supabase-eks/infra/deployer"
	"github.com/supabase-eks/supabase-eks/infra/policy"
	"github.com/supabase-eks/supabase-eks/infra/storage"
	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/names"
)

// StackName is the bootstrap stack's name.
const StackName = "supabase-bootstrap"

// RetainedBuckets are the backups buckets of the environments that keep
// them on destroy, which this stack creates: the deployer role may not
// delete or reconfigure them.
func RetainedBuckets(b config.Account) []string {
	var out []string
	for _, prefix := range b.RetainedBackupPrefixes() {
		out = append(out, names.BackupBucket(prefix, b.AccountID))
	}
	return out
}

// DeployerScope is what the deployer policy is scoped to.
func DeployerScope(b config.Account) deployer.Scope {
	return deployer.Scope{Region: b.Region, AccountID: b.AccountID, Prefix: b.Prefix, StateBucket: b.StateBucket, RetainedBuckets: RetainedBuckets(b)}
}

// BoundaryScope is what the roles' permissions boundary is scoped to.
func BoundaryScope(b config.Account) deployer.BoundaryScope {
	return deployer.BoundaryScope{AccountID: b.AccountID, Prefix: b.Prefix, StateBucket: b.StateBucket}
}

// New builds the bootstrap stack. services are the IAM services the
// environment stacks use (deployer.Services over their resource types).
func New(app constructs.Construct, b config.Account, services []string, providerConstraint string) cdktf.TerraformStack {
	st := cdktf.NewTerraformStack(app, jsii.String(StackName))
	// Local state by necessity (the bucket does not exist yet); a relative
	// path keeps machine paths out of the JSON. Migrate with
	// `terraform init -migrate-state` once the bucket exists, if wanted.
	cdktf.NewLocalBackend(st, &cdktf.LocalBackendConfig{Path: jsii.String("terraform.supabase-bootstrap.tfstate")})
	st.AddOverride(jsii.String("terraform.required_providers.aws.version"), providerConstraint)
	awsprovider.NewAwsProvider(st, jsii.String("aws"), &awsprovider.AwsProviderConfig{
		Region:            jsii.String(b.Region),
		AllowedAccountIds: jsii.Strings(b.AccountID),
		DefaultTags:       &[]*awsprovider.AwsProviderDefaultTags{{Tags: &map[string]*string{config.ProjectTag: jsii.String(b.Prefix), "ManagedBy": jsii.String("supabase-eks")}}},
	})

	// State holds every resource attribute (never secret values, but ARNs,
	// endpoints and topology): a customer key with rotation, whose use is
	// logged in CloudTrail, encrypts it.
	root := fmt.Sprintf("arn:aws:iam::%s:root", b.AccountID)
	key := kmskey.NewKmsKey(st, jsii.String("state-key"), &kmskey.KmsKeyConfig{
		Description:          jsii.String("Terraform state of the supabase-eks environments"),
		EnableKeyRotation:    jsii.Bool(true),
		DeletionWindowInDays: jsii.Number(30),
		Policy: jsii.String(policy.New(policy.Statement{
			Sid: "AccountAdministersKeyThroughIAM", Effect: "Allow",
			Principal: map[string]any{"AWS": root}, Action: []string{"kms:*"},
			// In a key policy "*" means "this key".
			Resource: []string{"*"},
		}).JSON()),
		Lifecycle: &cdktf.TerraformResourceLifecycle{PreventDestroy: jsii.Bool(true)},
	})
	kmsalias.NewKmsAlias(st, jsii.String("state-key-alias"), &kmsalias.KmsAliasConfig{
		Name: jsii.String("alias/" + b.Prefix + "-tfstate"), TargetKeyId: key.KeyId(),
	})

	bucket := s3bucket.NewS3Bucket(st, jsii.String("state"), &s3bucket.S3BucketConfig{
		Bucket:    jsii.String(b.StateBucket),
		Lifecycle: &cdktf.TerraformResourceLifecycle{PreventDestroy: jsii.Bool(true)},
	})
	pab := s3bucketpublicaccessblock.NewS3BucketPublicAccessBlock(st, jsii.String("state-public-access-block"), &s3bucketpublicaccessblock.S3BucketPublicAccessBlockConfig{
		Bucket: bucket.Id(), BlockPublicAcls: jsii.Bool(true), BlockPublicPolicy: jsii.Bool(true),
		IgnorePublicAcls: jsii.Bool(true), RestrictPublicBuckets: jsii.Bool(true),
	})
	// State history: a bad apply can be rolled back to an earlier state version.
	s3bucketversioning.NewS3BucketVersioningA(st, jsii.String("state-versioning"), &s3bucketversioning.S3BucketVersioningAConfig{
		Bucket:                  bucket.Id(),
		VersioningConfiguration: &s3bucketversioning.S3BucketVersioningVersioningConfiguration{Status: jsii.String("Enabled")},
	})
	s3bucketserversideencryptionconfiguration.NewS3BucketServerSideEncryptionConfigurationA(st, jsii.String("state-encryption"), &s3bucketserversideencryptionconfiguration.S3BucketServerSideEncryptionConfigurationAConfig{
		Bucket: bucket.Id(),
		Rule: []*s3bucketserversideencryptionconfiguration.S3BucketServerSideEncryptionConfigurationRuleA{{
			ApplyServerSideEncryptionByDefault: &s3bucketserversideencryptionconfiguration.S3BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultA{
				SseAlgorithm: jsii.String("aws:kms"), KmsMasterKeyId: key.Arn(),
			},
			BucketKeyEnabled: jsii.Bool(true),
		}},
	})
	s3bucketpolicy.NewS3BucketPolicy(st, jsii.String("state-policy"), &s3bucketpolicy.S3BucketPolicyConfig{
		Bucket:    bucket.Id(),
		Policy:    jsii.String(policy.New(policy.DenyInsecureTransport(*bucket.Arn())).JSON()),
		DependsOn: &[]cdktf.ITerraformDependable{pab},
	})

	// The backups bucket of an environment that keeps its backups
	// (database.retainBackupsOnDestroy) is created here, by an
	// administrator: the deployer role can neither delete nor reconfigure
	// it (deployer.Scope.RetainedBuckets), and the environment's teardown
	// never touches it. Objects are encrypted with the environment's key by
	// the backup job; the state key is the bucket's default.
	for _, prefix := range b.RetainedBackupPrefixes() {
		arn := storage.NewBucket(st, "backups-"+prefix, storage.BucketProps{
			Name: names.BackupBucket(prefix, b.AccountID), KMSKeyARN: key.Arn(),
			ExpireDays: storage.BackupExpirationDays, PreventDestroy: true,
		})
		cdktf.NewTerraformOutput(st, jsii.String("backup_bucket_arn_"+prefix), &cdktf.TerraformOutputConfig{Value: arn,
			Description: jsii.String("Backups bucket of " + prefix + ", kept by this stack so that it outlives the environment and the deployer.")})
	}

	trust := policy.New(policy.Statement{
		Effect: "Allow", Principal: map[string]any{"AWS": b.DeployerTrustedPrincipals},
		Action: []string{"sts:AssumeRole", "sts:TagSession"},
	})
	role := iamrole.NewIamRole(st, jsii.String("deployer"), &iamrole.IamRoleConfig{
		Name:               jsii.String(deployer.RoleName(b.Prefix)),
		Description:        jsii.String("Deploys the supabase-eks environment stacks"),
		AssumeRolePolicy:   jsii.String(trust.JSON()),
		MaxSessionDuration: jsii.Number(3600 * 4),
	})
	boundary := iampolicy.NewIamPolicy(st, jsii.String("boundary"), &iampolicy.IamPolicyConfig{
		Name:        jsii.String(deployer.BoundaryName(b.Prefix)),
		Description: jsii.String("Permissions boundary of every role the environment stacks create: no IAM, no key destruction"),
		Policy:      jsii.String(deployer.Boundary(BoundaryScope(b)).JSON()),
	})
	cdktf.NewTerraformOutput(st, jsii.String("boundary_policy_arn"), &cdktf.TerraformOutputConfig{Value: boundary.Arn(), Description: jsii.String("Permissions boundary the environment stacks' roles carry.")})
	// The deployer's policy is larger than one managed policy may be: it is
	// attached as consecutive parts of whole statements.
	parts, err := policy.Split(deployer.Policy(services, DeployerScope(b)), policy.ManagedPolicyLimit)
	if err != nil {
		panic(fmt.Sprintf("deployer policy: %v", err))
	}
	for i, part := range parts {
		n := i + 1
		pol := iampolicy.NewIamPolicy(st, jsii.String(fmt.Sprintf("deployer-policy-%d", n)), &iampolicy.IamPolicyConfig{
			Name:        jsii.String(deployer.PolicyName(b.Prefix, n)),
			Description: jsii.String(fmt.Sprintf("Part %d of %d of the deployer's policy, generated from the resource types of the environment stacks (%d services)", n, len(parts), len(services))),
			Policy:      jsii.String(part.JSON()),
		})
		iamrolepolicyattachment.NewIamRolePolicyAttachment(st, jsii.String(fmt.Sprintf("deployer-attachment-%d", n)), &iamrolepolicyattachment.IamRolePolicyAttachmentConfig{
			Role: role.Name(), PolicyArn: pol.Arn(),
		})
	}
	cdktf.NewTerraformOutput(st, jsii.String("deployer_role_arn"), &cdktf.TerraformOutputConfig{Value: role.Arn(), Description: jsii.String("Role to assume for `make deploy`.")})
	cdktf.NewTerraformOutput(st, jsii.String("state_kms_key_arn"), &cdktf.TerraformOutputConfig{Value: key.Arn(), Description: jsii.String("KMS key encrypting the state; set it as state.kmsKeyId of each environment.")})
	cdktf.NewTerraformOutput(st, jsii.String("state_bucket"), &cdktf.TerraformOutputConfig{Value: bucket.Bucket(), Description: jsii.String("Terraform state bucket.")})
	return st
}
