// Package policy renders IAM and KMS policy documents as deterministic JSON.
// Building documents in Go (rather than with the aws_iam_policy_document data
// source) keeps them visible in the synthesized JSON, lets tests inspect them
// as data, and lets the deployer policy be generated from the same code.
// Values may carry CDKTF tokens; Terraform resolves them inside the string.
package policy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Document is an IAM policy document.
type Document struct {
	Version   string      `json:"Version"`
	Statement []Statement `json:"Statement"`
}

// Statement is one IAM policy statement. Condition maps an operator to
// key/value pairs, e.g. {"StringEquals": {"aws:SourceAccount": "123"}}.
type Statement struct {
	Sid       string                    `json:"Sid,omitempty"`
	Effect    string                    `json:"Effect"`
	Principal map[string]any            `json:"Principal,omitempty"`
	Action    []string                  `json:"Action"`
	Resource  []string                  `json:"Resource,omitempty"`
	Condition map[string]map[string]any `json:"Condition,omitempty"`
}

// New returns a document holding the statements.
func New(statements ...Statement) Document {
	return Document{Version: "2012-10-17", Statement: statements}
}

// Allow is an Allow statement on the resources.
func Allow(sid string, actions, resources []string) Statement {
	return Statement{Sid: sid, Effect: "Allow", Action: actions, Resource: resources}
}

// JSON renders the document; encoding/json sorts map keys, so the output is stable.
func (d Document) JSON() string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(d); err != nil {
		panic(err) // only plain strings and maps: cannot fail
	}
	return string(bytes.TrimSpace(buf.Bytes()))
}

// Parse decodes a rendered document (for tests and generators).
func Parse(s string) (Document, error) {
	var d struct {
		Version   string
		Statement []struct {
			Sid       string
			Effect    string
			Principal map[string]any
			Action    any
			Resource  any
			Condition map[string]map[string]any
		}
	}
	if err := json.Unmarshal([]byte(s), &d); err != nil {
		return Document{}, err
	}
	doc := Document{Version: d.Version}
	for _, st := range d.Statement {
		doc.Statement = append(doc.Statement, Statement{Sid: st.Sid, Effect: st.Effect, Principal: st.Principal, Action: strs(st.Action), Resource: strs(st.Resource), Condition: st.Condition})
	}
	return doc, nil
}

func strs(v any) []string {
	switch t := v.(type) {
	case string:
		return []string{t}
	case []any:
		out := make([]string, 0, len(t))
		for _, x := range t {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// AssumeRoleService is a trust policy for an AWS service principal.
func AssumeRoleService(service string, conditions map[string]map[string]any) Document {
	return New(Statement{
		Effect:    "Allow",
		Principal: map[string]any{"Service": service},
		Action:    []string{"sts:AssumeRole"},
		Condition: conditions,
	})
}

// AssumeRoleWebIdentity trusts exactly one Kubernetes service account of a
// cluster's OIDC provider (IRSA): both `sub` and `aud` are pinned.
func AssumeRoleWebIdentity(oidcProviderARN, issuerHostPath, namespace, serviceAccount string) Document {
	return New(Statement{
		Effect:    "Allow",
		Principal: map[string]any{"Federated": oidcProviderARN},
		Action:    []string{"sts:AssumeRoleWithWebIdentity"},
		Condition: map[string]map[string]any{
			"StringEquals": {
				issuerHostPath + ":sub": "system:serviceaccount:" + namespace + ":" + serviceAccount,
				issuerHostPath + ":aud": "sts.amazonaws.com",
			},
		},
	})
}

// Match reports whether an IAM pattern matches s exactly: * is any run of
// characters (including /), ? is one character, everything else is literal.
func Match(pattern, s string) bool {
	re := "^" + strings.NewReplacer(`\*`, ".*", `\?`, ".").Replace(regexp.QuoteMeta(pattern)) + "$"
	return regexp.MustCompile(re).MatchString(s)
}

// Names reports whether the statement names the action (compared without
// case, as IAM compares actions) and the resource (compared with case).
// Effect and conditions are left to the caller.
func (st Statement) Names(action, resource string) bool {
	return MatchAny(st.Action, action, true) && MatchAny(st.Resource, resource, false)
}

// MatchAny reports whether any pattern matches s; fold compares without case.
func MatchAny(patterns []string, s string, fold bool) bool {
	if fold {
		s = strings.ToLower(s)
	}
	return slices.ContainsFunc(patterns, func(p string) bool {
		if fold {
			p = strings.ToLower(p)
		}
		return Match(p, s)
	})
}

// ManagedPolicyLimit is IAM's size limit of a customer managed policy, in
// characters without white space (JSON renders none outside strings).
const ManagedPolicyLimit = 6144

// Split cuts a document into documents of whole statements, in order, each
// at most limit characters, so a policy too large for one managed policy
// can be attached as several. It fails when one statement alone is larger.
func Split(d Document, limit int) ([]Document, error) {
	var out []Document
	cur := New()
	for _, st := range d.Statement {
		next := New(append(append([]Statement(nil), cur.Statement...), st)...)
		if len(next.JSON()) <= limit {
			cur = next
			continue
		}
		if len(cur.Statement) == 0 {
			return nil, fmt.Errorf("statement %s alone is %d characters, over %d", st.Sid, len(New(st).JSON()), limit)
		}
		out = append(out, cur)
		cur = New(st)
		if len(cur.JSON()) > limit {
			return nil, fmt.Errorf("statement %s alone is %d characters, over %d", st.Sid, len(cur.JSON()), limit)
		}
	}
	if len(cur.Statement) > 0 {
		out = append(out, cur)
	}
	return out, nil
}

// DenyInsecureTransport is the bucket-policy statement that refuses every
// request to the bucket (and its objects) not made over TLS.
func DenyInsecureTransport(bucketARN string) Statement {
	return Statement{
		Sid: "DenyInsecureTransport", Effect: "Deny", Principal: map[string]any{"AWS": "*"}, Action: []string{"s3:*"},
		Resource:  []string{bucketARN, bucketARN + "/*"},
		Condition: map[string]map[string]any{"Bool": {"aws:SecureTransport": "false"}},
	}
}
