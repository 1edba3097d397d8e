package conformance

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// How each pinned component treats a token, given its rendered settings
// (see docs/design/signing-keys.md for the upstream sources read). Each
// function takes the container's environment, so that what is checked is
// what the rendered manifests give the process.

// jwk is the union of the key shapes the settings hold.
type jwk struct {
	Kty    string   `json:"kty"`
	Kid    string   `json:"kid"`
	Alg    string   `json:"alg"`
	Crv    string   `json:"crv"`
	X      string   `json:"x"`
	Y      string   `json:"y"`
	D      string   `json:"d"`
	K      string   `json:"k"`
	KeyOps []string `json:"key_ops"`
}

func (k jwk) ecPublic() (*ecdsa.PublicKey, error) {
	if k.Kty != "EC" || k.Crv != "P-256" {
		return nil, fmt.Errorf("key %q: not an EC P-256 key", k.Kid)
	}
	x, err1 := base64.RawURLEncoding.DecodeString(k.X)
	y, err2 := base64.RawURLEncoding.DecodeString(k.Y)
	if err := errors.Join(err1, err2); err != nil {
		return nil, fmt.Errorf("key %q: %v", k.Kid, err)
	}
	return ecdsa.ParseUncompressedPublicKey(elliptic.P256(), append(append([]byte{4}, x...), y...))
}

func (k jwk) ecPrivate() (*ecdsa.PrivateKey, error) {
	d, err := base64.RawURLEncoding.DecodeString(k.D)
	if err != nil || k.D == "" {
		return nil, fmt.Errorf("key %q: no private part", k.Kid)
	}
	return ecdsa.ParseRawPrivateKey(elliptic.P256(), d)
}

func (k jwk) octSecret() ([]byte, error) {
	return base64.RawURLEncoding.DecodeString(k.K)
}

// verifyKey checks the token's algorithm against the key and returns the
// Go key to verify with.
func (k jwk) verifyKey(t *jwt.Token) (any, error) {
	switch k.Kty {
	case "oct":
		if t.Method.Alg() != "HS256" {
			return nil, fmt.Errorf("oct key, token alg %s", t.Method.Alg())
		}
		return k.octSecret()
	case "EC":
		if t.Method.Alg() != k.Alg {
			return nil, fmt.Errorf("key %s is %s, token alg %s", k.Kid, k.Alg, t.Method.Alg())
		}
		return k.ecPublic()
	}
	return nil, fmt.Errorf("key type %q", k.Kty)
}

func parseClaims(token string, methods []string, key jwt.Keyfunc) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	_, err := jwt.ParseWithClaims(token, claims, key, jwt.WithValidMethods(methods), jwt.WithExpirationRequired())
	return claims, err
}

// VerifyPostgREST is PostgREST 14 with PGRST_JWT_SECRET holding a JWKS: a
// token with a kid must match a key with that kid; one without is tried
// against every key (the oct key is the legacy secret).
func VerifyPostgREST(token, setting string) (jwt.MapClaims, error) {
	var set struct {
		Keys []jwk `json:"keys"`
	}
	if err := json.Unmarshal([]byte(setting), &set); err != nil || len(set.Keys) == 0 {
		return nil, fmt.Errorf("PGRST_JWT_SECRET is not a JWKS (PostgREST would take it as an HS256 secret): %v", err)
	}
	var errs []error
	for _, k := range set.Keys {
		claims, err := parseClaims(token, []string{"HS256", "ES256"}, func(t *jwt.Token) (any, error) {
			if kid, ok := t.Header["kid"].(string); ok && kid != k.Kid {
				return nil, fmt.Errorf("kid %s is not key %q", kid, k.Kid)
			}
			return k.verifyKey(t)
		})
		if err == nil {
			return claims, nil
		}
		errs = append(errs, err)
	}
	return nil, fmt.Errorf("no key of the JWKS verifies the token: %w", errors.Join(errs...))
}

// VerifyWithJWKSAndSecret is Realtime (API_JWT_JWKS + API_JWT_SECRET) and
// Storage (JWT_JWKS + AUTH_JWT_SECRET): asymmetric tokens by kid, HS256
// tokens with the secret.
func VerifyWithJWKSAndSecret(token, jwks, secret string) (jwt.MapClaims, error) {
	var set struct {
		Keys []jwk `json:"keys"`
	}
	if err := json.Unmarshal([]byte(jwks), &set); err != nil {
		return nil, fmt.Errorf("JWKS setting: %v", err)
	}
	return parseClaims(token, []string{"HS256", "ES256"}, func(t *jwt.Token) (any, error) {
		if t.Method.Alg() == "HS256" {
			return []byte(secret), nil
		}
		kid, _ := t.Header["kid"].(string)
		for _, k := range set.Keys {
			if k.Kid == kid && kid != "" {
				return k.verifyKey(t)
			}
		}
		return nil, fmt.Errorf("no key with kid %q", kid)
	})
}

// GoTrue is GoTrue v2.189.0 as its rendered settings make it.
type GoTrue struct {
	keys         []jwk
	secret       string
	validMethods []string
}

// NewGoTrue reads GOTRUE_JWT_KEYS, GOTRUE_JWT_SECRET and
// GOTRUE_JWT_VALID_METHODS from the auth container, with GoTrue's startup
// checks: keys need kty and alg, exactly one key has "sign" in key_ops;
// without GOTRUE_JWT_VALID_METHODS only the keys' algorithms are accepted.
func NewGoTrue(c *Container) (*GoTrue, error) {
	g := &GoTrue{}
	raw, ok := c.Get("GOTRUE_JWT_KEYS")
	if !ok {
		return nil, errors.New("GOTRUE_JWT_KEYS is not set")
	}
	if err := json.Unmarshal([]byte(raw), &g.keys); err != nil {
		return nil, fmt.Errorf("GOTRUE_JWT_KEYS is not a JSON array of keys: %v", err)
	}
	g.secret, _ = c.Get("GOTRUE_JWT_SECRET")
	signers := 0
	for _, k := range g.keys {
		if k.Kty == "" || k.Alg == "" {
			return nil, fmt.Errorf("GOTRUE_JWT_KEYS: key %q lacks kty or alg", k.Kid)
		}
		if slices.Contains(k.KeyOps, "sign") {
			signers++
		}
	}
	if signers != 1 {
		return nil, fmt.Errorf("GOTRUE_JWT_KEYS: %d signing keys; GoTrue refuses to start unless there is exactly one", signers)
	}
	if v, ok := c.Get("GOTRUE_JWT_VALID_METHODS"); ok {
		g.validMethods = strings.Split(v, ",")
	} else {
		for _, k := range g.keys {
			g.validMethods = append(g.validMethods, k.Alg)
		}
	}
	return g, nil
}

// Sign issues an access token as GoTrue does: with the key marked "sign",
// carrying its kid when it has one.
func (g *GoTrue) Sign(sub string, ttl time.Duration) (string, error) {
	now := time.Now()
	claims := jwt.MapClaims{"sub": sub, "role": "authenticated", "aud": "authenticated", "iat": now.Unix(), "exp": now.Add(ttl).Unix()}
	for _, k := range g.keys {
		if !slices.Contains(k.KeyOps, "sign") {
			continue
		}
		switch k.Kty {
		case "oct":
			secret, err := k.octSecret()
			if err != nil {
				return "", err
			}
			t := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)
			if k.Kid != "" {
				t.Header["kid"] = k.Kid
			}
			return t.SignedString(secret)
		case "EC":
			priv, err := k.ecPrivate()
			if err != nil {
				return "", err
			}
			t := jwt.NewWithClaims(jwt.SigningMethodES256, claims)
			t.Header["kid"] = k.Kid
			return t.SignedString(priv)
		}
	}
	return "", errors.New("no signing key")
}

// Verify is GoTrue's parseJWTClaims: a kid found among the keys selects
// that key; otherwise an HS256 token is checked against the secret.
func (g *GoTrue) Verify(token string) (jwt.MapClaims, error) {
	return parseClaims(token, g.validMethods, func(t *jwt.Token) (any, error) {
		if kid, ok := t.Header["kid"].(string); ok {
			for _, k := range g.keys {
				if k.Kid == kid {
					return k.verifyKey(t)
				}
			}
		}
		if t.Method.Alg() == "HS256" {
			return []byte(g.secret), nil
		}
		return nil, fmt.Errorf("unrecognized kid %v for %s", t.Header["kid"], t.Method.Alg())
	})
}

// forgeWithKid signs an ES256 user token with a fresh key that is not in
// any set, under someone else's kid.
func forgeWithKid(kid, sub string) (string, error) {
	priv, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return "", err
	}
	now := time.Now()
	t := jwt.NewWithClaims(jwt.SigningMethodES256, jwt.MapClaims{"sub": sub, "role": "authenticated", "aud": "authenticated", "iat": now.Unix(), "exp": now.Add(time.Hour).Unix()})
	t.Header["kid"] = kid
	return t.SignedString(priv)
}

// KidOf returns a token's kid header ("" when it has none).
func KidOf(token string) string {
	t, _, err := jwt.NewParser().ParseUnverified(token, jwt.MapClaims{})
	if err != nil {
		return ""
	}
	kid, _ := t.Header["kid"].(string)
	return kid
}
