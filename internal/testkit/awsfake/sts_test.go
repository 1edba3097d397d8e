package awsfake

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go"
	"github.com/golang-jwt/jwt/v5"
)

const (
	testIssuer = "https://oidc.test/id/1"
	testRole   = "arn:aws:iam::111122223333:role/reader"
	testSub    = "system:serviceaccount:ns:reader"
)

type testIdP struct {
	key  *ecdsa.PrivateKey
	jwks []byte
}

func newIdP(t *testing.T) testIdP {
	t.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	b64 := func(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }
	jwks, _ := json.Marshal(map[string]any{"keys": []map[string]string{{
		"kty": "EC", "crv": "P-256", "kid": "k1", "x": b64(k.X.FillBytes(make([]byte, 32))), "y": b64(k.Y.FillBytes(make([]byte, 32))),
	}}})
	return testIdP{key: k, jwks: jwks}
}

func (p testIdP) token(t *testing.T, iss, sub string, aud []string, exp time.Time) string {
	t.Helper()
	tok := jwt.NewWithClaims(jwt.SigningMethodES256, jwt.RegisteredClaims{
		Issuer: iss, Subject: sub, Audience: aud, ExpiresAt: jwt.NewNumericDate(exp), IssuedAt: jwt.NewNumericDate(time.Now()),
	})
	tok.Header["kid"] = "k1"
	s, err := tok.SignedString(p.key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// fakeAWS serves a Secrets Manager holding two secrets, an STS trusting
// testSub for testRole, and a policy letting testRole read only "app/db".
func fakeAWS(t *testing.T, idp testIdP) (*httptest.Server, *SecretsManager, *STS) {
	t.Helper()
	iam := NewIAM("111122223333")
	sm := New("us-east-1", "111122223333")
	sm.IAM = iam
	dbARN := sm.AddSecret("app/db", `{"password":"x"}`)
	sm.AddSecret("app/other", `{"password":"y"}`)
	iam.SetPolicy(testRole, []Statement{{Actions: []string{"secretsmanager:GetSecretValue"}, Resources: []string{dbARN}}})
	s := NewSTS(iam)
	if err := s.AddIssuer(testIssuer, idp.jwks); err != nil {
		t.Fatal(err)
	}
	s.AddTrust(Trust{RoleARN: testRole, Issuer: testIssuer, Audience: "sts.amazonaws.com", Subject: testSub})
	srv := httptest.NewServer(Server{SM: sm, STS: s})
	t.Cleanup(srv.Close)
	return srv, sm, s
}

func assume(t *testing.T, url, role, token string) (*sts.AssumeRoleWithWebIdentityOutput, error) {
	t.Helper()
	c := sts.New(sts.Options{Region: "us-east-1", BaseEndpoint: aws.String(url)})
	return c.AssumeRoleWithWebIdentity(context.Background(), &sts.AssumeRoleWithWebIdentityInput{
		RoleArn: aws.String(role), RoleSessionName: aws.String("test"), WebIdentityToken: aws.String(token)})
}

func errorCode(err error) string {
	var ae smithy.APIError
	if errors.As(err, &ae) {
		return ae.ErrorCode()
	}
	return ""
}

// TestAssumeRoleWithWebIdentity drives the fake with the real AWS SDK: only
// a token signed by the issuer, unexpired, for the trusted aud and sub of
// that role gets credentials.
func TestAssumeRoleWithWebIdentity(t *testing.T) {
	idp := newIdP(t)
	srv, _, s := fakeAWS(t, idp)
	hour := time.Now().Add(time.Hour)
	aud := []string{"sts.amazonaws.com"}

	out, err := assume(t, srv.URL, testRole, idp.token(t, testIssuer, testSub, aud, hour))
	if err != nil {
		t.Fatalf("trusted token refused: %v", err)
	}
	if got := aws.ToString(out.Credentials.AccessKeyId); !strings.HasPrefix(got, "ASIA") {
		t.Errorf("access key %q", got)
	}
	if got := aws.ToString(out.AssumedRoleUser.Arn); got != "arn:aws:sts::111122223333:assumed-role/reader/test" {
		t.Errorf("assumed role %q", got)
	}

	other := newIdP(t)
	cases := []struct {
		name, role, token, code string
	}{
		{"another service account", testRole, idp.token(t, testIssuer, "system:serviceaccount:ns:intruder", aud, hour), "AccessDenied"},
		{"another audience", testRole, idp.token(t, testIssuer, testSub, []string{"vault"}, hour), "AccessDenied"},
		{"another role", "arn:aws:iam::111122223333:role/admin", idp.token(t, testIssuer, testSub, aud, hour), "AccessDenied"},
		{"expired", testRole, idp.token(t, testIssuer, testSub, aud, time.Now().Add(-time.Minute)), "InvalidIdentityToken"},
		{"unknown issuer", testRole, idp.token(t, "https://elsewhere", testSub, aud, hour), "InvalidIdentityToken"},
		{"forged signature", testRole, other.token(t, testIssuer, testSub, aud, hour), "InvalidIdentityToken"},
	}
	for _, c := range cases {
		_, err := assume(t, srv.URL, c.role, c.token)
		if got := errorCode(err); got != c.code {
			t.Errorf("%s: error code %q (%v), want %s", c.name, got, err, c.code)
		}
	}
	if n := len(s.Requests()); n != 1+len(cases) {
		t.Errorf("%d requests recorded", n)
	}
}

// TestIssuedCredentials: the credentials STS issued sign Secrets Manager
// calls (the real SDK signer, verified by the fake), and the role's policy
// decides what they may read.
func TestIssuedCredentials(t *testing.T) {
	idp := newIdP(t)
	srv, sm, _ := fakeAWS(t, idp)
	out, err := assume(t, srv.URL, testRole, idp.token(t, testIssuer, testSub, []string{"sts.amazonaws.com"}, time.Now().Add(time.Hour)))
	if err != nil {
		t.Fatal(err)
	}
	c := out.Credentials
	client := func(akid, secret, session string) *secretsmanager.Client {
		return secretsmanager.New(secretsmanager.Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL),
			Credentials: credentials.NewStaticCredentialsProvider(akid, secret, session)})
	}
	get := func(cl *secretsmanager.Client, id string) error {
		_, err := cl.GetSecretValue(context.Background(), &secretsmanager.GetSecretValueInput{SecretId: aws.String(id)})
		return err
	}
	good := client(*c.AccessKeyId, *c.SecretAccessKey, *c.SessionToken)
	if err := get(good, "app/db"); err != nil {
		t.Fatalf("allowed read failed: %v", err)
	}
	if got := errorCode(get(good, "app/other")); got != "AccessDeniedException" {
		t.Errorf("read outside the policy: %q", got)
	}
	if got := errorCode(get(good, "app/missing")); got != "AccessDeniedException" {
		t.Errorf("a missing secret outside the policy must be denied before it is looked up: %q", got)
	}
	if got := errorCode(get(client(*c.AccessKeyId, "wrong-secret", *c.SessionToken), "app/db")); got != "InvalidSignatureException" {
		t.Errorf("wrong secret key: %q", got)
	}
	if got := errorCode(get(client(*c.AccessKeyId, *c.SecretAccessKey, ""), "app/db")); got != "UnrecognizedClientException" {
		t.Errorf("missing session token: %q", got)
	}
	if got := errorCode(get(client("AKIAUNKNOWN", "x", ""), "app/db")); got != "UnrecognizedClientException" {
		t.Errorf("unknown key: %q", got)
	}
	var roles []string
	for _, r := range sm.Requests() {
		if r.Error == "" {
			roles = append(roles, r.RoleARN)
		}
	}
	if len(roles) != 1 || roles[0] != testRole {
		t.Errorf("successful calls by %v", roles)
	}
}
