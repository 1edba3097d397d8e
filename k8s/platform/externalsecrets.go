package platform

import (
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk8s-team/cdk8s-core-go/cdk8s/v2"
	eso "github.com/supabase-eks/supabase-eks/imports/externalsecretsio"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/k8s/manifest"
)

// SecretStoreName is the ClusterSecretStore every ExternalSecret uses.
const SecretStoreName = "aws-secrets-manager"

// SecretStore reads AWS Secrets Manager with the External Secrets
// controller's IRSA role: ESO requests a token for the controller's service
// account (the one the role trusts) and exchanges it at STS. Only the
// Supabase namespace may use the store.
func SecretStore(c *manifest.Context) {
	sa := outputs.ServiceAccounts[outputs.RoleExternalSecrets]
	eso.NewClusterSecretStore(c.Chart(manifest.StageSecrets), jsii.String("cluster-ClusterSecretStore-"+SecretStoreName), &eso.ClusterSecretStoreProps{
		Metadata: &cdk8s.ApiObjectMetadata{Name: jsii.String(SecretStoreName), Labels: stringMap(manifest.Labels("external-secrets"))},
		Spec: &eso.ClusterSecretStoreSpec{
			Provider: &eso.ClusterSecretStoreSpecProvider{
				Aws: &eso.ClusterSecretStoreSpecProviderAws{
					Service: eso.ClusterSecretStoreSpecProviderAwsService_SECRETS_MANAGER,
					Region:  jsii.String(c.Out.Region),
					Auth: &eso.ClusterSecretStoreSpecProviderAwsAuth{
						Jwt: &eso.ClusterSecretStoreSpecProviderAwsAuthJwt{
							ServiceAccountRef: &eso.ClusterSecretStoreSpecProviderAwsAuthJwtServiceAccountRef{
								Name:      jsii.String(sa.Name),
								Namespace: jsii.String(sa.Namespace),
							},
						},
					},
				},
			},
			Conditions: &[]*eso.ClusterSecretStoreSpecConditions{{
				Namespaces: &[]*string{jsii.String(c.Namespace)},
			}},
		},
	})
}

// scopeOf is where a spec's ExternalSecret goes: the construct of the
// component that registered it, else the secrets chart.
func scopeOf(c *manifest.Context, s manifest.SecretSpec) constructs.Construct {
	if s.Owner != nil {
		return s.Owner.Scope(manifest.StageSecrets)
	}
	return c.Chart(manifest.StageSecrets)
}

// ExternalSecrets renders one ExternalSecret per registered SecretSpec.
//
// Rotation: External Secrets re-reads Secrets Manager every
// workloads.secretRefreshInterval and updates the Secret when a value
// changed; Stakater Reloader then rolls every Deployment that lists the
// Secret in its secret.reloader.stakater.com/reload annotation. Rolling
// updates never drop below the desired replica count, and each new pod waits
// for its database role to accept the new password, so a rotated database
// password takes effect after the db-bootstrap Job has run again.
func ExternalSecrets(c *manifest.Context) {
	for _, s := range c.Secrets() {
		data := make([]*eso.ExternalSecretSpecData, 0, len(s.Refs))
		for _, r := range s.Refs {
			data = append(data, &eso.ExternalSecretSpecData{
				SecretKey: jsii.String(r.Var),
				RemoteRef: &eso.ExternalSecretSpecDataRemoteRef{Key: jsii.String(r.Key), Property: jsii.String(r.Property)},
			})
		}
		tmpl := &eso.ExternalSecretSpecTargetTemplate{
			EngineVersion: eso.ExternalSecretSpecTargetTemplateEngineVersion_V2,
			Type:          jsii.String("Opaque"),
			Metadata: &eso.ExternalSecretSpecTargetTemplateMetadata{
				Labels: stringMap(manifest.Labels("external-secrets")),
			},
		}
		if len(s.Templates) > 0 {
			tm := map[string]*string{}
			for k, v := range s.Templates {
				tm[k] = jsii.String(v)
			}
			tmpl.Data = &tm
		}
		eso.NewExternalSecret(scopeOf(c, s), jsii.String("ExternalSecret-"+s.Name), &eso.ExternalSecretProps{
			Metadata: &cdk8s.ApiObjectMetadata{Name: jsii.String(s.Name), Namespace: jsii.String(c.Namespace), Labels: stringMap(manifest.Labels("external-secrets"))},
			Spec: &eso.ExternalSecretSpec{
				RefreshInterval: jsii.String(c.W.SecretRefreshInterval),
				SecretStoreRef: &eso.ExternalSecretSpecSecretStoreRef{
					Kind: eso.ExternalSecretSpecSecretStoreRefKind_CLUSTER_SECRET_STORE,
					Name: jsii.String(SecretStoreName),
				},
				Target: &eso.ExternalSecretSpecTarget{
					Name:           jsii.String(s.Name),
					CreationPolicy: eso.ExternalSecretSpecTargetCreationPolicy_OWNER,
					DeletionPolicy: eso.ExternalSecretSpecTargetDeletionPolicy_RETAIN,
					Template:       tmpl,
				},
				Data: &data,
			},
		})
	}
}

func stringMap(m map[string]string) *map[string]*string {
	out := make(map[string]*string, len(m))
	for k, v := range m {
		out[k] = jsii.String(v)
	}
	return &out
}
