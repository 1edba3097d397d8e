package outputs

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// CheckOwner reports every output that belongs to another account, region
// or environment than the one given: the account id, the account and region
// of every ARN (global IAM ARNs have no region), the cluster's name and each
// secret's name. A file from another account or environment is refused
// before anything is rendered from it or written with it; each problem
// names the output at fault.
func (o *Outputs) CheckOwner(accountID, region, resourcePrefix string) error {
	var problems []string
	add := func(output, format string, args ...any) {
		problems = append(problems, fmt.Sprintf("output %q: %s", output, fmt.Sprintf(format, args...)))
	}
	if o.AccountID != accountID {
		add("account_id", "%q, but the configuration names account %s", o.AccountID, accountID)
	}
	if o.Region != region {
		add("region", "%q, but the configuration names region %s", o.Region, region)
	}
	arn := func(output, value string) {
		if value == "" {
			return
		}
		parts := strings.SplitN(value, ":", 6)
		if len(parts) < 6 || parts[0] != "arn" {
			add(output, "%q is not an ARN", value)
			return
		}
		if parts[4] != accountID {
			add(output, "%s belongs to account %s, not %s", value, parts[4], accountID)
		}
		if parts[3] != "" && parts[3] != region {
			add(output, "%s is in region %s, not %s", value, parts[3], region)
		}
	}
	arn("db_master_secret_arn", o.DBMasterSecretARN)
	arn("kms_key_arn", o.KMSKeyARN)
	arn("alarm_topic_arn", o.AlarmTopicARN)
	arn("certificate_arn", o.CertificateARN)
	arn("waf_acl_arn", o.WAFACLArn)
	for _, m := range []struct {
		output string
		values map[string]string
	}{{"secret_arns", o.SecretARNs}, {"irsa_role_arns", o.RoleARNs}} {
		keys := make([]string, 0, len(m.values))
		for k := range m.values {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			arn(m.output+"."+k, m.values[k])
		}
	}
	// The ALB writes wherever the Ingress points it; another environment's
	// bucket would collect this one's logs.
	if o.ALBLogBucket != "" && !strings.HasPrefix(o.ALBLogBucket, resourcePrefix+"-") {
		add("alb_log_bucket", "%q is not one of this environment's buckets (%s-...)", o.ALBLogBucket, resourcePrefix)
	}
	if o.ClusterName != resourcePrefix {
		add("cluster_name", "%q, but this environment's cluster is %s", o.ClusterName, resourcePrefix)
	}
	keys := make([]string, 0, len(o.SecretNames))
	for k := range o.SecretNames {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !strings.HasPrefix(o.SecretNames[k], resourcePrefix+"/") {
			add("secret_names."+k, "%q is not one of this environment's secrets (%s/...)", o.SecretNames[k], resourcePrefix)
		}
	}
	if len(problems) > 0 {
		return errors.New("the outputs belong to another account or environment:\n  " + strings.Join(problems, "\n  "))
	}
	return nil
}
