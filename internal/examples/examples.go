// Package examples derives the committed example outputs
// (examples/outputs/<env>.json) from an environment's configuration, so
// offline synthesis keeps working after the configuration changes (another
// account, region or VPC). Every identifier is an obvious placeholder.
package examples

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/supabase-eks/supabase-eks/infra/edge"
	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/names"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
)

const placeholderID = "00000000-0000-4000-8000-000000000000"

// Outputs returns what the environment's stack would export, with
// placeholder identifiers where AWS would assign them.
func Outputs(env config.Environment) outputs.Outputs {
	prefix := env.ResourcePrefix()
	arn := func(service, resource string) string {
		return fmt.Sprintf("arn:aws:%s:%s:%s:%s", service, env.Region, env.AccountID, resource)
	}
	plan := env.Subnets()
	o := outputs.Outputs{
		Environment:          env.Name,
		Region:               env.Region,
		AccountID:            env.AccountID,
		ClusterName:          prefix,
		ClusterEndpoint:      fmt.Sprintf("https://EXAMPLE0123456789ABCDEF.gr7.%s.eks.amazonaws.com", env.Region),
		ClusterOIDCIssuerURL: fmt.Sprintf("https://oidc.eks.%s.amazonaws.com/id/EXAMPLE0123456789ABCDEF", env.Region),
		KubernetesVersion:    env.Cluster.KubernetesVersion,
		VpcID:                "vpc-0example0000000001",
		// Security group ids are hex: zeros are the placeholder.
		ClusterSecurityGroupID:  "sg-00000000000000001",
		DBClientSecurityGroupID: "sg-00000000000000002",
		VpcCIDR:                 env.Network.VpcCIDR,
		InterfaceEndpoints:      env.Network.InterfaceEndpoints,
		PublicSubnetCIDRs:       plan.Public,
		PrivateSubnetCIDRs:      plan.Private,
		DatabaseSubnetCIDRs:     plan.Database,
		DBHost:                  fmt.Sprintf("%s.cexample0000.%s.rds.amazonaws.com", env.DBInstanceIdentifier(), env.Region),
		DBPort:                  5432,
		DBEngineVersion:         env.Database.EngineVersion,
		DBName:                  env.Database.DatabaseName,
		DBMasterUsername:        env.Database.MasterUsername,
		DBMasterSecretARN:       arn("secretsmanager", "secret:rds!db-"+placeholderID+"-AbCdEf"),
		StorageBucketName:       names.StorageBucket(prefix, env.AccountID),
		BackupBucketName:        names.BackupBucket(prefix, env.AccountID),
		BackupPrefix:            "pg_dump/",
		KMSKeyARN:               arn("kms", "key/"+placeholderID),
		SecretNames:             map[string]string{},
		SecretARNs:              map[string]string{},
		RoleARNs:                map[string]string{},
		AlarmTopicARN:           arn("sns", prefix+"-alarms"),
		Domain:                  env.Domain.Name,
		CertificateARN:          env.Domain.CertificateARN,
		WAFACLArn:               env.Domain.WAFACLArn,
	}
	if env.Domain.CreateWAF {
		o.WAFACLArn = arn("wafv2", "regional/webacl/"+prefix+"/"+placeholderID)
	}
	if env.Domain.HostedZoneID != "" && env.Domain.CertificateARN == "" {
		o.CertificateARN = arn("acm", "certificate/"+placeholderID)
	}
	if env.Observability.AccessLogs {
		o.ALBLogBucket, o.ALBLogPrefix = names.AccessLogBucket(prefix, env.AccountID), edge.AccessLogPrefix
	}
	for _, s := range outputs.SecretOrder {
		o.SecretNames[s] = prefix + "/" + s
		o.SecretARNs[s] = arn("secretsmanager", "secret:"+prefix+"/"+s+"-AbCdEf")
	}
	roles := append([]string{}, outputs.RequiredRoles...)
	if env.Observability.ContainerInsights {
		roles = append(roles, outputs.RoleCloudWatchObservability)
	}
	for _, r := range roles {
		o.RoleARNs[r] = fmt.Sprintf("arn:aws:iam::%s:role/%s-%s", env.AccountID, prefix, strings.ReplaceAll(r, "_", "-"))
	}
	return o
}

// TerraformJSON renders outputs the way `terraform output -json` does.
func TerraformJSON(o outputs.Outputs) ([]byte, error) {
	type wrapped struct {
		Sensitive bool `json:"sensitive"`
		Type      any  `json:"type"`
		Value     any  `json:"value"`
	}
	doc := map[string]wrapped{}
	values := o.Values()
	names := make([]string, 0, len(values))
	for n := range values {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		var typ any
		switch values[n].(type) {
		case string:
			typ = "string"
		case int:
			typ = "number"
		case bool:
			typ = "bool"
		case []string:
			typ = []string{"list", "string"}
		case map[string]string:
			typ = []string{"map", "string"}
		default:
			return nil, fmt.Errorf("output %s: unsupported type %T", n, values[n])
		}
		doc[n] = wrapped{Type: typ, Value: values[n]}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
