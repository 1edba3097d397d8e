package awsfake

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/supabase-eks/supabase-eks/infra/policy"
)

// Statement is one Allow statement of an identity policy. Actions and
// Resources may use IAM's * and ? wildcards. Conditions are not modelled:
// the policies the project writes only put them on kms:Decrypt, which no
// fake service checks.
type Statement struct {
	Actions   []string
	Resources []string
}

// Principal is who signed a request.
type Principal struct {
	// AccessKeyID is the key the request was signed with.
	AccessKeyID string
	// RoleARN is the assumed role, empty for an operator's long-term key.
	RoleARN string
	// ARN is the caller identity AWS would report.
	ARN string
	// Subject is the web identity (sub claim) the role was assumed with.
	Subject string
}

// DeniedError is an authentication or authorization failure; Type is the
// AWS error code the service returns.
type DeniedError struct {
	Type, Message string
}

func (e *DeniedError) Error() string { return e.Type + ": " + e.Message }

// IAM authenticates requests signed with keys it knows (verifying the SigV4
// signature and, for temporary keys, the session token) and authorizes them
// against the assumed role's identity policy. Operator keys (AddOperator) are
// allowed everything, the way the deploying administrator is.
type IAM struct {
	Account string

	mu        sync.Mutex
	keys      map[string]*key
	policies  map[string][]Statement // by role ARN
	decisions []Decision
}

type key struct {
	secret, sessionToken string
	principal            Principal
}

// Decision is one authorization the fake made, for tests to inspect.
type Decision struct {
	Principal        Principal
	Action, Resource string
	Allowed          bool
}

// NewIAM returns an IAM with no keys and no policies.
func NewIAM(account string) *IAM {
	return &IAM{Account: account, keys: map[string]*key{}, policies: map[string][]Statement{}}
}

// AddOperator registers a long-term access key that may do anything.
func (m *IAM) AddOperator(accessKeyID, secretKey string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.keys[accessKeyID] = &key{secret: secretKey, principal: Principal{
		AccessKeyID: accessKeyID, ARN: "arn:aws:iam::" + m.Account + ":user/operator"}}
}

// SetPolicy replaces the identity policy of a role.
func (m *IAM) SetPolicy(roleARN string, statements []Statement) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.policies[roleARN] = statements
}

// issue registers temporary credentials for an assumed role.
func (m *IAM) issue(p Principal, secret, token string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.keys[p.AccessKeyID] = &key{secret: secret, sessionToken: token, principal: p}
}

// Decisions returns every authorization made so far.
func (m *IAM) Decisions() []Decision {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]Decision(nil), m.decisions...)
}

// Authenticate verifies a SigV4-signed request (body is its payload) and
// returns who signed it.
func (m *IAM) Authenticate(r *http.Request, body []byte) (Principal, error) {
	auth, err := parseAuthorization(r.Header.Get("Authorization"))
	if err != nil {
		return Principal{}, &DeniedError{"IncompleteSignature", err.Error()}
	}
	m.mu.Lock()
	k := m.keys[auth.accessKeyID]
	m.mu.Unlock()
	if k == nil {
		return Principal{}, &DeniedError{"UnrecognizedClientException", "The security token included in the request is invalid."}
	}
	if k.sessionToken != "" && r.Header.Get("X-Amz-Security-Token") != k.sessionToken {
		return Principal{}, &DeniedError{"UnrecognizedClientException", "The security token included in the request is invalid (session token does not match the access key)."}
	}
	want := signature(r, body, auth, k.secret)
	if !hmac.Equal([]byte(want), []byte(auth.signature)) {
		return Principal{}, &DeniedError{"InvalidSignatureException", "The request signature we calculated does not match the signature you provided."}
	}
	return k.principal, nil
}

// Authorize decides whether p may perform action on resource.
func (m *IAM) Authorize(p Principal, action, resource string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	allowed := p.RoleARN == "" // operator keys
	if !allowed {
		for _, st := range m.policies[p.RoleARN] {
			if policy.MatchAny(st.Actions, action, true) && policy.MatchAny(st.Resources, resource, false) {
				allowed = true
				break
			}
		}
	}
	m.decisions = append(m.decisions, Decision{Principal: p, Action: action, Resource: resource, Allowed: allowed})
	if allowed {
		return nil
	}
	return &DeniedError{"AccessDeniedException", fmt.Sprintf(
		"User: %s is not authorized to perform: %s on resource: %s because no identity-based policy allows the %s action",
		p.ARN, action, resource, action)}
}

type sigv4 struct {
	accessKeyID, date, region, service string
	signedHeaders                      []string
	signature                          string
}

var authRe = regexp.MustCompile(`^AWS4-HMAC-SHA256 Credential=([^/]+)/(\d{8})/([^/]+)/([^/]+)/aws4_request,\s*SignedHeaders=([^,]+),\s*Signature=([0-9a-f]+)$`)

func parseAuthorization(h string) (sigv4, error) {
	m := authRe.FindStringSubmatch(h)
	if m == nil {
		return sigv4{}, fmt.Errorf("request is not SigV4-signed")
	}
	return sigv4{accessKeyID: m[1], date: m[2], region: m[3], service: m[4],
		signedHeaders: strings.Split(m[5], ";"), signature: m[6]}, nil
}

// signature recomputes a SigV4 signature the way AWS does, from the headers
// the client said it signed.
func signature(r *http.Request, body []byte, a sigv4, secret string) string {
	var canon strings.Builder
	canon.WriteString(r.Method + "\n")
	uri := r.URL.EscapedPath()
	if uri == "" {
		uri = "/"
	}
	canon.WriteString(path.Clean(uri) + "\n")
	q := r.URL.Query()
	names := make([]string, 0, len(q))
	for n := range q {
		names = append(names, n)
	}
	sort.Strings(names)
	var qs []string
	for _, n := range names {
		for _, v := range q[n] {
			qs = append(qs, awsEscape(n)+"="+awsEscape(v))
		}
	}
	canon.WriteString(strings.Join(qs, "&") + "\n")
	for _, h := range a.signedHeaders {
		var v string
		switch h {
		case "host":
			v = r.Host
		case "content-length":
			v = strconv.FormatInt(int64(len(body)), 10)
		default:
			v = strings.Join(r.Header.Values(h), ",")
		}
		canon.WriteString(h + ":" + strings.Join(strings.Fields(v), " ") + "\n")
	}
	canon.WriteString("\n" + strings.Join(a.signedHeaders, ";") + "\n")
	payload := r.Header.Get("X-Amz-Content-Sha256")
	if payload == "" {
		sum := sha256.Sum256(body)
		payload = hex.EncodeToString(sum[:])
	}
	canon.WriteString(payload)
	creq := sha256.Sum256([]byte(canon.String()))
	scope := a.date + "/" + a.region + "/" + a.service + "/aws4_request"
	toSign := "AWS4-HMAC-SHA256\n" + r.Header.Get("X-Amz-Date") + "\n" + scope + "\n" + hex.EncodeToString(creq[:])
	k := hmacSHA256([]byte("AWS4"+secret), a.date)
	k = hmacSHA256(k, a.region)
	k = hmacSHA256(k, a.service)
	k = hmacSHA256(k, "aws4_request")
	return hex.EncodeToString(hmacSHA256(k, toSign))
}

func hmacSHA256(k []byte, s string) []byte {
	h := hmac.New(sha256.New, k)
	h.Write([]byte(s))
	return h.Sum(nil)
}

// awsEscape is SigV4's URI encoding: everything but unreserved characters.
func awsEscape(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~' {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}
