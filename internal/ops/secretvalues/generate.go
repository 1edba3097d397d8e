// Package secrets generates Supabase's secret values and keeps them in the
// AWS Secrets Manager containers the infrastructure creates. Values never
// pass through Terraform state, the outputs file, logs or dist/: they are
// generated here, written with PutSecretValue, and read in-cluster by the
// External Secrets Operator.
package secretvalues

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"math/big"
	"sort"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
)

// Lengths of the generated values. Alphanumeric only, so a value survives
// URLs, shell quoting, Kong's declarative file and sed-based entrypoints
// without escaping; 62 symbols give ~5.95 bits per character.
const (
	// JWTSecretLen: Supabase requires at least 32 characters; GoTrue and
	// PostgREST use it as an HS256 key.
	JWTSecretLen = 64
	// PasswordLen (~190 bits) for database roles and the dashboard.
	PasswordLen = 32
	// SecretKeyBaseLen: Phoenix (Realtime) refuses fewer than 64 bytes.
	SecretKeyBaseLen = 64
	// DBEncKeyLen: Realtime uses DB_ENC_KEY as an AES-128 key, so exactly 16.
	DBEncKeyLen = 16
	// CryptoKeyLen for postgres-meta's CRYPTO_KEY.
	CryptoKeyLen = 32
)

// DefaultJWTExpiry is how long the generated anon and service_role keys
// stay valid. They are long-lived API keys embedded in clients; rotating the
// JWT secret is how they are revoked.
const DefaultJWTExpiry = 5 * 365 * 24 * time.Hour

// DefaultDashboardUser is the Studio basic-auth user name.
const DefaultDashboardUser = "supabase"

// DefaultSMTPPort is written as a placeholder: GoTrue parses the port as an
// integer at start-up, so an empty string would crash it.
const DefaultSMTPPort = "587"

const alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

// Generator produces secret values.
type Generator struct {
	// Rand is the entropy source; nil means crypto/rand.
	Rand io.Reader
	// Now stamps iat; nil means time.Now.
	Now func() time.Time
	// JWTExpiry is the lifetime of the anon and service_role keys; zero means DefaultJWTExpiry.
	JWTExpiry time.Duration
	// DashboardUser overrides DefaultDashboardUser.
	DashboardUser string
	// SMTP holds operator-supplied SMTP settings keyed like
	// outputs.SecretKeys[outputs.SecretSMTP]; nil writes placeholders.
	SMTP map[string]string
	// PoolerTenant is the pooler's tenant (workloads.pooler.tenant): the
	// application connection secret's user names are <role>.<tenant>.
	PoolerTenant string
	// Region names the NLBs the pooler's certificate is valid for; Init
	// and Rotate take it from the outputs.
	Region string

	// pooler is the pooler secret's current value and database the
	// outputs' database name: what pooler_connection is derived from (set
	// by bind and by Init once it writes the pooler secret).
	pooler   map[string]string
	database string
}

// Generate returns fresh values for one logical secret, with exactly the
// keys outputs.SecretKeys lists for it.
func (g Generator) Generate(logical string) (map[string]string, error) {
	var (
		v   = map[string]string{}
		err error
	)
	str := func(n int) string {
		if err != nil {
			return ""
		}
		var s string
		s, err = g.randomString(n)
		return s
	}
	switch logical {
	case outputs.SecretJWT:
		secret := str(JWTSecretLen)
		if err != nil {
			return nil, err
		}
		v["jwt_secret"] = secret
		if v["anon_key"], err = g.SignKey(secret, "anon"); err != nil {
			return nil, err
		}
		if v["service_role_key"], err = g.SignKey(secret, "service_role"); err != nil {
			return nil, err
		}
	case outputs.SecretDatabase:
		for _, k := range outputs.SecretKeys[outputs.SecretDatabase] {
			v[k] = str(PasswordLen)
		}
	case outputs.SecretDashboard:
		v["username"] = g.DashboardUser
		if v["username"] == "" {
			v["username"] = DefaultDashboardUser
		}
		v["password"] = str(PasswordLen)
	case outputs.SecretRealtime:
		v["secret_key_base"] = str(SecretKeyBaseLen)
		v["db_enc_key"] = str(DBEncKeyLen)
	case outputs.SecretMeta:
		v["crypto_key"] = str(CryptoKeyLen)
	case outputs.SecretPooler:
		pv, perr := g.poolerValues(str, g.Region)
		if err == nil {
			err = perr
		}
		v = pv
	case outputs.SecretPoolerConnection:
		// Derived, not random: the application password and CA of the
		// pooler secret.
		if g.pooler == nil {
			return nil, fmt.Errorf("%s is derived from the %s secret, which has no value yet: run secrets init (or rotate %s) first", outputs.SecretPoolerConnection, outputs.SecretPooler, outputs.SecretPooler)
		}
		return PoolerConnection(g.pooler, g.PoolerTenant, g.database)
	case outputs.SecretSMTP:
		for _, k := range outputs.SecretKeys[outputs.SecretSMTP] {
			v[k] = g.SMTP[k]
		}
		if v["port"] == "" {
			v["port"] = DefaultSMTPPort
		}
	case outputs.SecretSigningKeys:
		return g.InitialSigningKeys(false)
	case outputs.SecretAPIKeys:
		for _, k := range outputs.SecretKeys[outputs.SecretAPIKeys] {
			v[k] = ""
		}
		for _, typ := range APIKeyTypes {
			if _, err := g.AddAPIKey(v, typ); err != nil {
				return nil, err
			}
		}
	default:
		return nil, fmt.Errorf("unknown secret %q (known: %v)", logical, outputs.SecretOrder)
	}
	if err != nil {
		return nil, err
	}
	if err := CheckKeys(logical, v); err != nil {
		return nil, err
	}
	return v, nil
}

// InitialSigningKeys is the first signing_keys value. A new environment
// signs with an asymmetric key from the start. One whose legacy secret
// already signs live sessions (legacy) gets its first key in standby:
// GoTrue keeps signing with the secret until `secrets rotate signing-key`
// promotes the key, after every verifier has had it for the cache wait.
func (g Generator) InitialSigningKeys(legacy bool) (map[string]string, error) {
	k, err := g.newKey(g.now())
	if err != nil {
		return nil, err
	}
	if legacy {
		k.State = KeyStandby
	} else {
		k.State, k.PromotedAt = KeySigning, ptr(k.AddedAt)
	}
	return g.SigningValues(SigningState{Keys: []ManagedKey{k}})
}

// SignKey returns an HS256 JWT for a Supabase API role (anon or
// service_role) signed with secret: the claims GoTrue, PostgREST, Storage
// and Kong expect of the project's API keys.
func (g Generator) SignKey(secret, role string) (string, error) {
	if len(secret) < 32 {
		return "", errors.New("jwt secret shorter than 32 characters")
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, g.roleClaims(role)).SignedString([]byte(secret))
}

// roleClaims are the claims of an API-role token (anon or service_role)
// that GoTrue, PostgREST, Storage and Kong expect, stamped now.
func (g Generator) roleClaims(role string) jwt.MapClaims {
	iat, exp := g.stamps()
	return jwt.MapClaims{"role": role, "iss": "supabase", "iat": iat.Unix(), "exp": exp.Unix()}
}

// stamps are iat and exp of a generated API-role token.
func (g Generator) stamps() (time.Time, time.Time) {
	exp := g.JWTExpiry
	if exp == 0 {
		exp = DefaultJWTExpiry
	}
	iat := g.now().UTC().Truncate(time.Second)
	return iat, iat.Add(exp)
}

// now is the generator's clock.
func (g Generator) now() time.Time {
	if g.Now != nil {
		return g.Now()
	}
	return time.Now()
}

// ParseKey verifies an API key against secret and returns its claims.
func ParseKey(token, secret string) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	_, err := jwt.ParseWithClaims(token, claims, func(*jwt.Token) (any, error) { return []byte(secret), nil },
		jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}), jwt.WithIssuer("supabase"), jwt.WithIssuedAt(), jwt.WithExpirationRequired())
	if err != nil {
		return nil, err
	}
	return claims, nil
}

// randomString draws n characters uniformly from alphanumeric.
func (g Generator) randomString(n int) (string, error) {
	r := g.Rand
	if r == nil {
		r = rand.Reader
	}
	max := big.NewInt(int64(len(alphanumeric)))
	b := make([]byte, n)
	for i := range b {
		// rand.Int rejects out-of-range draws, so there is no modulo bias.
		idx, err := rand.Int(r, max)
		if err != nil {
			return "", fmt.Errorf("reading random bytes: %w", err)
		}
		b[i] = alphanumeric[idx.Int64()]
	}
	return string(b), nil
}

// CheckKeys reports keys missing from or unknown to a secret's value.
func CheckKeys(logical string, v map[string]string) error {
	want, ok := outputs.SecretKeys[logical]
	if !ok {
		return fmt.Errorf("unknown secret %q", logical)
	}
	var missing, extra []string
	seen := map[string]bool{}
	for _, k := range want {
		seen[k] = true
		if _, has := v[k]; !has {
			missing = append(missing, k)
		}
	}
	for k := range v {
		if !seen[k] {
			extra = append(extra, k)
		}
	}
	sort.Strings(extra)
	if len(missing) > 0 || len(extra) > 0 {
		return fmt.Errorf("secret %q: missing keys %v, unexpected keys %v", logical, missing, extra)
	}
	return nil
}
