package awsfake

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// Trust is one web-identity trust statement of a role, the shape IRSA
// writes: Federated by the cluster's OIDC provider, StringEquals on the
// token's aud and sub.
type Trust struct {
	RoleARN string
	// Issuer is the OIDC issuer URL the provider stands for (the token's iss).
	Issuer   string
	Audience string
	Subject  string
}

// STSRequest is one recorded AssumeRoleWithWebIdentity call.
type STSRequest struct {
	RoleARN, Issuer, Subject string
	Audience                 []string
	// Error is the AWS error code returned, empty on success.
	Error, Message string
	// AccessKeyID is the temporary key issued on success.
	AccessKeyID string
}

// STS is a fake of AWS STS AssumeRoleWithWebIdentity (query protocol, XML
// answers). It verifies the web identity token the way STS does for an IAM
// OIDC provider: signature against the issuer's published keys, iss, exp,
// and the role's trust conditions on aud and sub. Credentials it issues are
// registered with IAM, which then authenticates and authorizes them.
type STS struct {
	IAM *IAM

	mu       sync.Mutex
	trusts   []Trust
	issuers  map[string]map[string]crypto.PublicKey // issuer -> kid -> key
	requests []STSRequest
	now      func() time.Time
}

// NewSTS returns an STS that registers the credentials it issues with iam.
func NewSTS(iam *IAM) *STS {
	return &STS{IAM: iam, issuers: map[string]map[string]crypto.PublicKey{}, now: time.Now}
}

// AddTrust adds a trust statement.
func (s *STS) AddTrust(t Trust) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.trusts = append(s.trusts, t)
}

// SetTrusts replaces every trust statement.
func (s *STS) SetTrusts(ts []Trust) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.trusts = append([]Trust(nil), ts...)
}

// Trusts returns the trust statements.
func (s *STS) Trusts() []Trust {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Trust(nil), s.trusts...)
}

// AddIssuer registers an OIDC issuer and its JSON Web Key Set (the document
// at the issuer's jwks_uri).
func (s *STS) AddIssuer(issuer string, jwks []byte) error {
	keys, err := ParseJWKS(jwks)
	if err != nil {
		return fmt.Errorf("issuer %s: %w", issuer, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.issuers[issuer] = keys
	return nil
}

// Requests returns every AssumeRoleWithWebIdentity call so far.
func (s *STS) Requests() []STSRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]STSRequest(nil), s.requests...)
}

// ServeHTTP implements http.Handler for the STS query protocol.
func (s *STS) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	form, _ := url.ParseQuery(string(body))
	for k, v := range r.URL.Query() {
		form[k] = v
	}
	if form.Get("Action") != "AssumeRoleWithWebIdentity" {
		writeSTSError(w, http.StatusBadRequest, "InvalidAction", "awsfake STS: unsupported action "+form.Get("Action"))
		return
	}
	rec := STSRequest{RoleARN: form.Get("RoleArn")}
	creds, code, msg := s.assume(&rec, form.Get("WebIdentityToken"), form.Get("RoleSessionName"))
	rec.Error, rec.Message = code, msg
	s.mu.Lock()
	s.requests = append(s.requests, rec)
	s.mu.Unlock()
	if code != "" {
		status := http.StatusBadRequest
		if code == "AccessDenied" {
			status = http.StatusForbidden
		}
		writeSTSError(w, status, code, msg)
		return
	}
	w.Header().Set("Content-Type", "text/xml")
	_ = xml.NewEncoder(w).Encode(creds)
}

type assumeResponse struct {
	XMLName xml.Name `xml:"https://sts.amazonaws.com/doc/2011-06-15/ AssumeRoleWithWebIdentityResponse"`
	Result  struct {
		Credentials struct {
			AccessKeyID     string `xml:"AccessKeyId"`
			SecretAccessKey string
			SessionToken    string
			Expiration      string
		}
		SubjectFromWebIdentityToken string
		AssumedRoleUser             struct {
			Arn           string
			AssumedRoleID string `xml:"AssumedRoleId"`
		}
		Audience string
		Provider string
	} `xml:"AssumeRoleWithWebIdentityResult"`
	RequestID string `xml:"ResponseMetadata>RequestId"`
}

func (s *STS) assume(rec *STSRequest, token, session string) (*assumeResponse, string, string) {
	var claims jwt.RegisteredClaims
	_, err := jwt.ParseWithClaims(token, &claims, func(t *jwt.Token) (any, error) {
		iss, _ := t.Claims.GetIssuer()
		s.mu.Lock()
		keys := s.issuers[iss]
		s.mu.Unlock()
		if keys == nil {
			return nil, fmt.Errorf("no OpenIDConnect provider found for issuer %q", iss)
		}
		kid, _ := t.Header["kid"].(string)
		if k := keys[kid]; k != nil {
			return k, nil
		}
		return nil, fmt.Errorf("issuer %q publishes no key %q", iss, kid)
	}, jwt.WithValidMethods([]string{"RS256", "ES256"}), jwt.WithTimeFunc(s.now), jwt.WithExpirationRequired())
	// Recorded even when the token is refused: the claims are decoded first.
	rec.Issuer, rec.Subject, rec.Audience = claims.Issuer, claims.Subject, claims.Audience
	if err != nil {
		return nil, "InvalidIdentityToken", "Couldn't verify the web identity token: " + err.Error()
	}
	s.mu.Lock()
	trusted := slices.ContainsFunc(s.trusts, func(t Trust) bool {
		return t.RoleARN == rec.RoleARN && t.Issuer == claims.Issuer && t.Subject == claims.Subject &&
			slices.Contains(claims.Audience, t.Audience)
	})
	s.mu.Unlock()
	if !trusted {
		return nil, "AccessDenied", fmt.Sprintf("Not authorized to perform sts:AssumeRoleWithWebIdentity: role %s does not trust sub %q aud %q from %s",
			rec.RoleARN, claims.Subject, strings.Join(claims.Audience, ","), claims.Issuer)
	}
	if session == "" {
		session = "session"
	}
	roleName := rec.RoleARN[strings.LastIndex(rec.RoleARN, "/")+1:]
	account := strings.Split(rec.RoleARN, ":")[4]
	p := Principal{
		AccessKeyID: "ASIA" + strings.ToUpper(randomHex(8)),
		RoleARN:     rec.RoleARN,
		ARN:         "arn:aws:sts::" + account + ":assumed-role/" + roleName + "/" + session,
		Subject:     claims.Subject,
	}
	secret, tok := randomHex(20), randomHex(32)
	s.IAM.issue(p, secret, tok)
	rec.AccessKeyID = p.AccessKeyID
	out := &assumeResponse{RequestID: newUUID()}
	out.Result.Credentials.AccessKeyID = p.AccessKeyID
	out.Result.Credentials.SecretAccessKey = secret
	out.Result.Credentials.SessionToken = tok
	out.Result.Credentials.Expiration = s.now().Add(time.Hour).UTC().Format(time.RFC3339)
	out.Result.SubjectFromWebIdentityToken = claims.Subject
	out.Result.AssumedRoleUser.Arn = p.ARN
	out.Result.AssumedRoleUser.AssumedRoleID = "AROA" + strings.ToUpper(randomHex(8)) + ":" + session
	out.Result.Audience = strings.Join(claims.Audience, ",")
	out.Result.Provider = claims.Issuer
	return out, "", ""
}

func writeSTSError(w http.ResponseWriter, status int, code, msg string) {
	type errorResponse struct {
		XMLName xml.Name `xml:"https://sts.amazonaws.com/doc/2011-06-15/ ErrorResponse"`
		Error   struct {
			Type, Code, Message string
		}
		RequestID string `xml:"RequestId"`
	}
	var e errorResponse
	e.Error.Type, e.Error.Code, e.Error.Message, e.RequestID = "Sender", code, msg, newUUID()
	w.Header().Set("Content-Type", "text/xml")
	w.WriteHeader(status)
	_ = xml.NewEncoder(w).Encode(e)
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// ParseJWKS reads the RSA and P-256 keys of a JSON Web Key Set, by kid.
func ParseJWKS(doc []byte) (map[string]crypto.PublicKey, error) {
	var set struct {
		Keys []struct {
			Kty, Kid, Crv, N, E, X, Y string
		} `json:"keys"`
	}
	if err := json.Unmarshal(doc, &set); err != nil {
		return nil, fmt.Errorf("JWKS: %w", err)
	}
	keys := map[string]crypto.PublicKey{}
	b64 := func(s string) *big.Int {
		b, _ := base64.RawURLEncoding.DecodeString(s)
		return new(big.Int).SetBytes(b)
	}
	for _, k := range set.Keys {
		switch {
		case k.Kty == "RSA":
			keys[k.Kid] = &rsa.PublicKey{N: b64(k.N), E: int(b64(k.E).Int64())}
		case k.Kty == "EC" && k.Crv == "P-256":
			keys[k.Kid] = &ecdsa.PublicKey{Curve: elliptic.P256(), X: b64(k.X), Y: b64(k.Y)}
		default:
			return nil, fmt.Errorf("JWKS: key %q: unsupported kty %q crv %q", k.Kid, k.Kty, k.Crv)
		}
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("JWKS: no keys")
	}
	return keys, nil
}

// Server routes the JSON protocol (X-Amz-Target) to Secrets Manager and the
// query protocol (Action=) to STS, so one loopback endpoint stands in for
// both, as AWS_SECRETSMANAGER_ENDPOINT and AWS_STS_ENDPOINT.
type Server struct {
	SM  *SecretsManager
	STS *STS
}

// ServeHTTP implements http.Handler.
func (s Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.Header.Get("X-Amz-Target"), "secretsmanager.") {
		s.SM.ServeHTTP(w, r)
		return
	}
	if r.Method == http.MethodGet && r.URL.Path == "/healthz" {
		_, _ = io.WriteString(w, "ok")
		return
	}
	s.STS.ServeHTTP(w, r)
}
