// Package secrets creates the project's customer-managed KMS key and the
// Secrets Manager containers for Supabase's secrets. Terraform never holds a
// secret value: the containers are created empty and the operations CLI
// (`supabase-eks secrets init`) writes their first version out of band.
package secretstore

import (
	"fmt"

	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/kmsalias"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/kmskey"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/secretsmanagersecret"
	"github.com/hashicorp/terraform-cdk-go/cdktf"

	"github.com/supabase-eks/supabase-eks/infra/policy"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
)

// Props configures the key and the secrets.
type Props struct {
	// Name prefixes the alias and the secret names ("<Name>/<logical>").
	Name      string
	Region    string
	AccountID string
	// RecoveryWindowDays delays secret deletion (0 deletes at once).
	RecoveryWindowDays int
	// RetainKey marks the key prevent_destroy: it decrypts what outlives
	// the stack (final snapshot, retained backups).
	RetainKey bool
}

// Secrets exposes the key and the secret containers.
type Secrets struct {
	KeyARN *string
	KeyID  *string
	// Names and ARNs are keyed by logical name (outputs.SecretJWT, ...).
	Names map[string]string
	ARNs  map[string]*string
}

// New creates the CMK and one secret per logical secret in outputs.SecretOrder.
func New(scope constructs.Construct, id string, p Props) *Secrets {
	c := constructs.NewConstruct(scope, jsii.String(id))
	root := fmt.Sprintf("arn:aws:iam::%s:root", p.AccountID)
	keyPolicy := policy.New(
		// Without this the key could become unmanageable; IAM policies in the
		// account then decide who may use it (least privilege lives there).
		policy.Statement{
			Sid: "AccountAdministersKeyThroughIAM", Effect: "Allow",
			Principal: map[string]any{"AWS": root},
			Action:    []string{"kms:*"},
			// In a key policy "*" means "this key".
			Resource: []string{"*"},
		},
		policy.Statement{
			Sid: "CloudWatchLogsEncryptsThisAccountsGroups", Effect: "Allow",
			Principal: map[string]any{"Service": "logs." + p.Region + ".amazonaws.com"},
			Action:    []string{"kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"},
			Resource:  []string{"*"},
			Condition: map[string]map[string]any{
				"ArnLike": {"kms:EncryptionContext:aws:logs:arn": fmt.Sprintf("arn:aws:logs:%s:%s:log-group:*", p.Region, p.AccountID)},
			},
		},
		policy.Statement{
			Sid: "SNSAndCloudWatchAlarmsUseKeyForTopic", Effect: "Allow",
			// RDS publishes its event subscription (failover, low storage)
			// to the same encrypted alarm topic.
			Principal: map[string]any{"Service": []string{"cloudwatch.amazonaws.com", "events.rds.amazonaws.com", "sns.amazonaws.com"}},
			Action:    []string{"kms:Decrypt", "kms:GenerateDataKey*"},
			Resource:  []string{"*"},
			Condition: map[string]map[string]any{
				"StringEquals": {"aws:SourceAccount": p.AccountID},
			},
		},
	)
	key := kmskey.NewKmsKey(c, jsii.String("key"), &kmskey.KmsKeyConfig{
		Description:          jsii.String("Supabase " + p.Name + ": secrets, RDS, S3, EKS secrets, logs"),
		EnableKeyRotation:    jsii.Bool(true),
		DeletionWindowInDays: jsii.Number(30),
		Policy:               jsii.String(keyPolicy.JSON()),
	})
	if p.RetainKey {
		key.SetLifecycle(&cdktf.TerraformResourceLifecycle{PreventDestroy: jsii.Bool(true)})
	}
	kmsalias.NewKmsAlias(c, jsii.String("alias"), &kmsalias.KmsAliasConfig{
		Name:        jsii.String("alias/" + p.Name),
		TargetKeyId: key.KeyId(),
	})

	s := &Secrets{KeyARN: key.Arn(), KeyID: key.KeyId(), Names: map[string]string{}, ARNs: map[string]*string{}}
	for _, logical := range outputs.SecretOrder {
		name := p.Name + "/" + logical
		secret := secretsmanagersecret.NewSecretsmanagerSecret(c, jsii.String(logical), &secretsmanagersecret.SecretsmanagerSecretConfig{
			Name:                 jsii.String(name),
			Description:          jsii.String(fmt.Sprintf("Supabase %s: JSON object with keys %v; written by `supabase-eks secrets init`, never by Terraform", logical, outputs.SecretKeys[logical])),
			KmsKeyId:             key.Arn(),
			RecoveryWindowInDays: jsii.Number(float64(p.RecoveryWindowDays)),
		})
		s.Names[logical] = name
		s.ARNs[logical] = secret.Arn()
	}
	return s
}
