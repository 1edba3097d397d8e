// Package secretsflow proves the secrets path of a rendered environment end
// to end: the IAM roles, trust and policies the infrastructure synthesizes,
// the SecretStore and ExternalSecrets in dist/, the real External Secrets
// Operator controller, and the Kubernetes Secrets every workload reads.
//
// Everything AWS is played by internal/testkit/awsfake, configured from the
// synthesized Terraform JSON rather than from the k8s side's own idea of it,
// so a role name, trust subject or policy resource that disagrees between
// the two halves fails here.
package secretsflow

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/supabase-eks/supabase-eks/internal/artifacts"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/internal/testkit/awsfake"
)

// ClusterIssuer stands for the EKS cluster's OIDC provider in trust
// statements read from the stack; the e2e maps it to the local apiserver's
// service-account issuer.
const ClusterIssuer = "cluster-oidc-provider"

// Role is one IAM role of the stack that a Kubernetes service account may assume.
type Role struct {
	Name, ARN string
	// Trusts are its web-identity trust statements (Issuer = ClusterIssuer).
	Trusts []awsfake.Trust
	// Policy is its inline identity policy, resources resolved to ARNs where
	// the stack names a Secrets Manager secret.
	Policy []awsfake.Statement
}

// Infra is what the e2e needs to know of a synthesized stack.
type Infra struct {
	Account string
	// Roles by ARN.
	Roles map[string]*Role
	// SecretNames are the Secrets Manager containers the stack creates.
	SecretNames []string
}

// RoleForServiceAccount returns the roles whose trust admits namespace/name.
func (in *Infra) RoleForServiceAccount(namespace, name string) []string {
	sub := "system:serviceaccount:" + namespace + ":" + name
	var arns []string
	for arn, r := range in.Roles {
		for _, t := range r.Trusts {
			if t.Subject == sub {
				arns = append(arns, arn)
			}
		}
	}
	sort.Strings(arns)
	return arns
}

var tokenRe = regexp.MustCompile(`^\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.(.+)\}$`)

// LoadInfra reads a synthesized cdk.tf.json and resolves the references the
// IRSA roles make, with out supplying what only exists after apply (account,
// secret ARNs, the RDS-managed master secret).
func LoadInfra(stackFile string, out *outputs.Outputs) (*Infra, error) {
	st, err := artifacts.LoadStack(stackFile)
	if err != nil {
		return nil, err
	}
	in := &Infra{Account: out.AccountID, Roles: map[string]*Role{}}

	// secret resource id -> ARN (from the outputs, matched by name)
	secretARN := map[string]string{}
	byName := map[string]string{}
	for logical, name := range out.SecretNames {
		byName[name] = out.SecretARNs[logical]
	}
	for id, r := range st.Resources["aws_secretsmanager_secret"] {
		name, _ := r["name"].(string)
		arn := byName[name]
		if arn == "" {
			return nil, fmt.Errorf("%s: aws_secretsmanager_secret.%s is named %q, which the outputs file's secret_names does not list", stackFile, id, name)
		}
		secretARN[id] = arn
		in.SecretNames = append(in.SecretNames, name)
	}
	sort.Strings(in.SecretNames)

	resolve := func(ref string) string {
		m := tokenRe.FindStringSubmatch(ref)
		if m == nil {
			return ref
		}
		switch {
		case m[1] == "aws_secretsmanager_secret" && m[3] == "arn":
			if a := secretARN[m[2]]; a != "" {
				return a
			}
		case m[1] == "aws_db_instance" && m[3] == "master_user_secret[0].secret_arn":
			return out.DBMasterSecretARN
		}
		return ref // unresolved: matches no fake resource
	}

	roleByID := map[string]*Role{}
	for id, r := range st.Resources["aws_iam_role"] {
		name, _ := r["name"].(string)
		doc, _ := r["assume_role_policy"].(string)
		trusts, err := webIdentityTrusts(doc)
		if err != nil {
			return nil, fmt.Errorf("%s: aws_iam_role.%s assume_role_policy: %w", stackFile, id, err)
		}
		if len(trusts) == 0 {
			continue
		}
		role := &Role{Name: name, ARN: "arn:aws:iam::" + out.AccountID + ":role/" + name}
		for _, t := range trusts {
			t.RoleARN = role.ARN
			role.Trusts = append(role.Trusts, t)
		}
		in.Roles[role.ARN] = role
		roleByID[id] = role
	}
	for id, p := range st.Resources["aws_iam_role_policy"] {
		ref, _ := p["role"].(string)
		m := tokenRe.FindStringSubmatch(ref)
		if m == nil || m[1] != "aws_iam_role" {
			return nil, fmt.Errorf("%s: aws_iam_role_policy.%s: role %q is not a reference to an aws_iam_role", stackFile, id, ref)
		}
		role := roleByID[m[2]]
		if role == nil {
			continue // not an IRSA role
		}
		doc, _ := p["policy"].(string)
		stmts, err := allowStatements(doc, resolve)
		if err != nil {
			return nil, fmt.Errorf("%s: aws_iam_role_policy.%s: %w", stackFile, id, err)
		}
		role.Policy = append(role.Policy, stmts...)
	}
	// The outputs contract must name the same roles the stack trusts.
	for key, arn := range out.RoleARNs {
		if in.Roles[arn] == nil && arn != "" && slices.Contains(outputs.RequiredRoles, key) {
			return nil, fmt.Errorf("outputs role_arns[%q] = %s, but the stack has no IRSA role with that ARN", key, arn)
		}
	}
	return in, nil
}

type policyDoc struct {
	Statement []struct {
		Effect    string
		Action    stringOrList
		Resource  stringOrList
		Principal map[string]stringOrList
		Condition map[string]map[string]stringOrList
	}
}

type stringOrList []string

func (s *stringOrList) UnmarshalJSON(b []byte) error {
	var one string
	if json.Unmarshal(b, &one) == nil {
		*s = []string{one}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return err
	}
	*s = many
	return nil
}

// webIdentityTrusts reads the sts:AssumeRoleWithWebIdentity statements
// federated to the cluster's OIDC provider, with their aud and sub.
func webIdentityTrusts(doc string) ([]awsfake.Trust, error) {
	var p policyDoc
	if err := json.Unmarshal([]byte(doc), &p); err != nil {
		return nil, err
	}
	var out []awsfake.Trust
	for _, s := range p.Statement {
		if s.Effect != "Allow" || !slices.Contains(s.Action, "sts:AssumeRoleWithWebIdentity") {
			continue
		}
		fed := s.Principal["Federated"]
		if len(fed) != 1 || !strings.Contains(fed[0], "aws_iam_openid_connect_provider.") {
			return nil, fmt.Errorf("web identity principal %v is not the cluster's OIDC provider", fed)
		}
		t := awsfake.Trust{Issuer: ClusterIssuer}
		for k, v := range s.Condition["StringEquals"] {
			if len(v) != 1 {
				return nil, fmt.Errorf("condition %s has %d values; IRSA trusts exactly one", k, len(v))
			}
			switch {
			case strings.HasSuffix(k, ":aud"):
				t.Audience = v[0]
			case strings.HasSuffix(k, ":sub"):
				t.Subject = v[0]
			}
		}
		if t.Audience == "" || t.Subject == "" {
			return nil, fmt.Errorf("web identity statement without StringEquals on both aud and sub: any service account could assume it")
		}
		out = append(out, t)
	}
	return out, nil
}

func allowStatements(doc string, resolve func(string) string) ([]awsfake.Statement, error) {
	var p policyDoc
	if err := json.Unmarshal([]byte(doc), &p); err != nil {
		return nil, err
	}
	var out []awsfake.Statement
	for _, s := range p.Statement {
		if s.Effect != "Allow" {
			continue
		}
		st := awsfake.Statement{Actions: s.Action}
		for _, r := range s.Resource {
			st.Resources = append(st.Resources, resolve(r))
		}
		out = append(out, st)
	}
	return out, nil
}
