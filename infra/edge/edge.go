// Package edge creates what the ALB in front of Kong uses but the load
// balancer controller does not create: the WAFv2 web ACL (the Ingress's
// wafv2-acl-arn annotation, from the outputs contract's waf_acl_arn), the
// bucket of its access logs (accesslogs.go) and, for an environment with a
// Route 53 zone, its certificate (certificate.go).
//
// Web ACL rules, in order: a per-address rate limit, AWS's known-bad-inputs group,
// the common rule set and the SQL injection set. Supabase's APIs carry user
// data and SQL by design (Storage uploads and object names, PostgREST
// inserts of any text, Studio's SQL editor), so the managed rules that
// would block such traffic only count (CountOnlyRules: most body rules,
// body/query/path size limits, restricted path extensions). The rest block,
// Log4j-style bodies and path traversal included.
package edge

import (
	"encoding/json"
	"fmt"

	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/wafv2webacl"
)

// Props configures the web ACL.
type Props struct {
	// Name is the ACL's name (the environment's resource prefix).
	Name string
	// RateLimit is the number of requests one client address may send in
	// any 5 minutes before it is blocked.
	RateLimit int
}

// Edge exposes the web ACL.
type Edge struct {
	ACLARN *string
}

// CountOnlyRules are the managed rules that only count, by rule group.
// Storage object keys are user data in the URI path, hence the path
// extension and size rules.
var CountOnlyRules = map[string][]string{
	"AWSManagedRulesCommonRuleSet": {
		"SizeRestrictions_BODY", "SizeRestrictions_QUERYSTRING", "SizeRestrictions_URIPATH",
		"CrossSiteScripting_BODY", "GenericLFI_BODY", "GenericRFI_BODY", "EC2MetaDataSSRF_BODY",
		"RestrictedExtensions_URIPATH",
	},
	"AWSManagedRulesKnownBadInputsRuleSet": {"JavaDeserializationRCE_BODY"},
	"AWSManagedRulesSQLiRuleSet":           {"SQLi_BODY", "SQLiExtendedPatterns_BODY"},
}

// ManagedRuleGroups are the AWS managed rule groups, in evaluation order.
var ManagedRuleGroups = []string{"AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesCommonRuleSet", "AWSManagedRulesSQLiRuleSet"}

type obj = map[string]any

func visibility(metric string) obj {
	return obj{"SampledRequestsEnabled": true, "CloudWatchMetricsEnabled": true, "MetricName": metric}
}

// Rules is the ACL's rule list in the WAF API's JSON shape.
func Rules(p Props) []obj {
	rules := []obj{{
		"Name": "rate-limit-per-address", "Priority": 0,
		"Action":           obj{"Block": obj{}},
		"Statement":        obj{"RateBasedStatement": obj{"Limit": p.RateLimit, "AggregateKeyType": "IP"}},
		"VisibilityConfig": visibility(p.Name + "-rate-limit"),
	}}
	for i, group := range ManagedRuleGroups {
		stmt := obj{"VendorName": "AWS", "Name": group}
		if counts := CountOnlyRules[group]; len(counts) > 0 {
			var overrides []obj
			for _, r := range counts {
				overrides = append(overrides, obj{"Name": r, "ActionToUse": obj{"Count": obj{}}})
			}
			stmt["RuleActionOverrides"] = overrides
		}
		rules = append(rules, obj{
			"Name": group, "Priority": i + 1,
			"OverrideAction":   obj{"None": obj{}},
			"Statement":        obj{"ManagedRuleGroupStatement": stmt},
			"VisibilityConfig": visibility(fmt.Sprintf("%s-%s", p.Name, group)),
		})
	}
	return rules
}

// New creates the web ACL.
func New(scope constructs.Construct, id string, p Props) *Edge {
	c := constructs.NewConstruct(scope, jsii.String(id))
	rules, err := json.Marshal(Rules(p))
	if err != nil {
		panic(err)
	}
	acl := wafv2webacl.NewWafv2WebAcl(c, jsii.String("web-acl"), &wafv2webacl.Wafv2WebAclConfig{
		Name:          jsii.String(p.Name),
		Description:   jsii.String("Supabase API gateway (" + p.Name + "): rate limit and AWS managed rules"),
		Scope:         jsii.String("REGIONAL"),
		DefaultAction: &wafv2webacl.Wafv2WebAclDefaultAction{Allow: &wafv2webacl.Wafv2WebAclDefaultActionAllow{}},
		RuleJson:      jsii.String(string(rules)),
		VisibilityConfig: &wafv2webacl.Wafv2WebAclVisibilityConfig{
			CloudwatchMetricsEnabled: jsii.Bool(true), SampledRequestsEnabled: jsii.Bool(true), MetricName: jsii.String(p.Name),
		},
	})
	return &Edge{ACLARN: acl.Arn()}
}
