package secretvalues

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
)

// States of a managed signing key.
const (
	// KeySigning: GoTrue signs new tokens with it; every verifier has it.
	KeySigning = "signing"
	// KeyStandby: published to every verifier (GoTrue included) but signs
	// nothing yet, so that caches hold it before the first token does.
	KeyStandby = "standby"
	// KeyPrevious: signed tokens that may still be alive; verifies only.
	KeyPrevious = "previous"
)

// Stage is where an environment is in a signing-key rotation, derived from
// the states of its keys.
type Stage string

const (
	// StageLegacy: no asymmetric key signs; GoTrue signs with the HS256
	// secret (an environment that existed before signing keys), with at
	// most one key in standby.
	StageLegacy Stage = "legacy"
	// StageSteady: one signing key and nothing else.
	StageSteady Stage = "steady"
	// StageStandby: the signing key plus the next one in standby.
	StageStandby Stage = "standby"
	// StagePromoted: the new signing key plus the previous one, whose
	// tokens are still alive.
	StagePromoted Stage = "promoted"
)

// Rotation steps, each idempotent: asked again once done, it changes nothing.
const (
	StepStandby = "standby"
	StepPromote = "promote"
	StepRetire  = "retire"
)

// Steps lists the rotation steps in their order.
var Steps = []string{StepStandby, StepPromote, StepRetire}

// Default rotation timing.
const (
	// DefaultCacheWait: GoTrue serves its JWKS with max-age 600 and client
	// libraries cache it for about as long again, so a key is published
	// for 20 minutes before it signs anything.
	DefaultCacheWait = 20 * time.Minute
	// DefaultRetireMargin is added to the access-token lifetime before the
	// previous key goes: clock skew and tokens issued during GoTrue's rollout.
	DefaultRetireMargin = 15 * time.Minute
)

const signingAlg = outputs.SigningAlgorithm

// JWK is an EC P-256 JSON Web Key; D is set on private keys only.
type JWK struct {
	Kty    string   `json:"kty"`
	Crv    string   `json:"crv"`
	X      string   `json:"x"`
	Y      string   `json:"y"`
	D      string   `json:"d,omitempty"`
	Kid    string   `json:"kid"`
	Alg    string   `json:"alg"`
	Use    string   `json:"use,omitempty"`
	KeyOps []string `json:"key_ops,omitempty"`
}

// ManagedKey is one signing key with its rotation history.
type ManagedKey struct {
	State   string    `json:"state"`
	Private JWK       `json:"private"`
	AddedAt time.Time `json:"added_at"`
	// PromotedAt is when it started signing.
	PromotedAt *time.Time `json:"promoted_at,omitempty"`
	// DemotedAt is when it stopped signing (state previous).
	DemotedAt *time.Time `json:"demoted_at,omitempty"`
}

// KID is the key's id, which every token it signs carries.
func (k ManagedKey) KID() string { return k.Private.Kid }

// SigningState is the canonical record kept in the signing_keys secret
// (property "state"); every other property is derived from it.
type SigningState struct {
	Keys []ManagedKey `json:"keys"`
}

func (s SigningState) byState(state string) []ManagedKey {
	var out []ManagedKey
	for _, k := range s.Keys {
		if k.State == state {
			out = append(out, k)
		}
	}
	return out
}

// Signing returns the signing key, if any.
func (s SigningState) Signing() (ManagedKey, bool) {
	ks := s.byState(KeySigning)
	if len(ks) != 1 {
		return ManagedKey{}, false
	}
	return ks[0], true
}

// Stage says where the rotation is; a combination no step produces is an
// error naming the keys.
func (s SigningState) Stage() (Stage, error) {
	sign, standby, prev := len(s.byState(KeySigning)), len(s.byState(KeyStandby)), len(s.byState(KeyPrevious))
	kids := map[string]bool{}
	for _, k := range s.Keys {
		if k.KID() == "" || kids[k.KID()] {
			return "", fmt.Errorf("signing keys: empty or repeated kid %q", k.KID())
		}
		kids[k.KID()] = true
		if !slices.Contains([]string{KeySigning, KeyStandby, KeyPrevious}, k.State) {
			return "", fmt.Errorf("signing keys: key %s has unknown state %q", k.KID(), k.State)
		}
	}
	switch {
	case sign == 0 && standby <= 1 && prev == 0:
		return StageLegacy, nil
	case sign == 1 && standby == 0 && prev == 0:
		return StageSteady, nil
	case sign == 1 && standby == 1 && prev == 0:
		return StageStandby, nil
	case sign == 1 && standby == 0 && prev == 1:
		return StagePromoted, nil
	}
	return "", fmt.Errorf("signing keys: %d signing, %d standby, %d previous is not a state any step produces; fix the secret's state property or revoke keys until it is", sign, standby, prev)
}

// Timing is what gates the rotation steps.
type Timing struct {
	// CacheWait is how long a standby key is published before it may sign.
	CacheWait time.Duration
	// TokenLifetime is GoTrue's access-token lifetime (GOTRUE_JWT_EXP).
	TokenLifetime time.Duration
	// Margin is added to TokenLifetime before the previous key is retired.
	Margin time.Duration
}

// NotBefore says when step may run on s, given t: the zero time when it may
// run now or is not gated.
func (s SigningState) NotBefore(step string, t Timing) time.Time {
	switch step {
	case StepPromote:
		if ks := s.byState(KeyStandby); len(ks) == 1 {
			return ks[0].AddedAt.Add(t.CacheWait)
		}
	case StepRetire:
		if ks := s.byState(KeyPrevious); len(ks) == 1 && ks[0].DemotedAt != nil {
			return ks[0].DemotedAt.Add(t.TokenLifetime + t.Margin)
		}
	}
	return time.Time{}
}

// NextStep is the step that moves s on.
func (s SigningState) NextStep() (string, error) {
	stage, err := s.Stage()
	if err != nil {
		return "", err
	}
	switch stage {
	case StageLegacy:
		if len(s.byState(KeyStandby)) == 0 {
			return StepStandby, nil
		}
		return StepPromote, nil
	case StageSteady:
		return StepStandby, nil
	case StageStandby:
		return StepPromote, nil
	default:
		return StepRetire, nil
	}
}

// ErrTooEarly is a step asked for before its time; Force overrides it.
var ErrTooEarly = errors.New("too early")

// Apply runs one rotation step on s at now. It returns the new state and
// whether anything changed: a step already done is not an error, so a step
// whose roll failed can be run again.
func (g Generator) Apply(s SigningState, step string, now time.Time, t Timing, force bool) (SigningState, bool, error) {
	stage, err := s.Stage()
	if err != nil {
		return s, false, err
	}
	early := func(at time.Time, why string) error {
		if force || !now.Before(at) {
			return nil
		}
		return fmt.Errorf("%w: %s; earliest at %s (in %s), or pass --force", ErrTooEarly, why, at.UTC().Format(time.RFC3339), at.Sub(now).Round(time.Minute))
	}
	out := SigningState{Keys: slices.Clone(s.Keys)}
	switch step {
	case StepStandby:
		switch {
		case stage == StageStandby, stage == StageLegacy && len(s.byState(KeyStandby)) == 1:
			return s, false, nil
		case stage == StagePromoted:
			return s, false, fmt.Errorf("the previous key %s is still verifying: retire it first (step %s)", s.byState(KeyPrevious)[0].KID(), StepRetire)
		}
		k, err := g.newKey(now)
		if err != nil {
			return s, false, err
		}
		k.State = KeyStandby
		out.Keys = append(out.Keys, k)
		return out, true, nil
	case StepPromote:
		switch stage {
		case StageSteady, StagePromoted:
			return s, false, nil
		case StageLegacy:
			if len(s.byState(KeyStandby)) == 0 {
				return s, false, fmt.Errorf("no key in standby: run step %s first", StepStandby)
			}
		}
		if err := early(s.NotBefore(StepPromote, t), "the standby key must be published for the JWKS caches' lifetime first"); err != nil {
			return s, false, err
		}
		for i := range out.Keys {
			switch out.Keys[i].State {
			case KeySigning:
				out.Keys[i].State, out.Keys[i].DemotedAt = KeyPrevious, ptr(now)
			case KeyStandby:
				out.Keys[i].State, out.Keys[i].PromotedAt = KeySigning, ptr(now)
			}
		}
		return out, true, nil
	case StepRetire:
		switch stage {
		case StageSteady, StageLegacy:
			return s, false, nil
		case StageStandby:
			return s, false, fmt.Errorf("the standby key is not signing yet: run step %s first", StepPromote)
		}
		if err := early(s.NotBefore(StepRetire, t), "tokens the previous key signed may still be alive"); err != nil {
			return s, false, err
		}
		out.Keys = slices.DeleteFunc(out.Keys, func(k ManagedKey) bool { return k.State == KeyPrevious })
		return out, true, nil
	}
	return s, false, fmt.Errorf("unknown step %q (known: %v)", step, Steps)
}

// Revoke removes kid at once. A signing key is replaced by the standby key
// when there is one (verifiers already have it), else by a new key; tokens
// the revoked key signed stop verifying everywhere once the readers roll.
func (g Generator) Revoke(s SigningState, kid string, now time.Time) (SigningState, error) {
	if _, err := s.Stage(); err != nil {
		return s, err
	}
	i := slices.IndexFunc(s.Keys, func(k ManagedKey) bool { return k.KID() == kid })
	if i < 0 {
		var kids []string
		for _, k := range s.Keys {
			kids = append(kids, k.KID()+" ("+k.State+")")
		}
		return s, fmt.Errorf("no signing key with kid %q (keys: %s)", kid, strings.Join(kids, ", "))
	}
	wasSigning := s.Keys[i].State == KeySigning
	out := SigningState{Keys: slices.Delete(slices.Clone(s.Keys), i, i+1)}
	if !wasSigning {
		return out, nil
	}
	if j := slices.IndexFunc(out.Keys, func(k ManagedKey) bool { return k.State == KeyStandby }); j >= 0 {
		out.Keys[j].State, out.Keys[j].PromotedAt = KeySigning, ptr(now)
		return out, nil
	}
	k, err := g.newKey(now)
	if err != nil {
		return s, err
	}
	k.State, k.PromotedAt = KeySigning, ptr(now)
	out.Keys = append(out.Keys, k)
	return out, nil
}

func ptr[T any](v T) *T { return &v }

// newKey creates a P-256 key whose kid is its RFC 7638 thumbprint.
func (g Generator) newKey(now time.Time) (ManagedKey, error) {
	r := g.Rand
	if r == nil {
		r = rand.Reader
	}
	priv, err := ecdsa.GenerateKey(elliptic.P256(), r)
	if err != nil {
		return ManagedKey{}, fmt.Errorf("generating a signing key: %w", err)
	}
	pub, err := priv.PublicKey.Bytes() // 0x04 || X || Y, each 32 bytes
	if err != nil {
		return ManagedKey{}, err
	}
	d, err := priv.Bytes()
	if err != nil {
		return ManagedKey{}, err
	}
	b64 := base64.RawURLEncoding.EncodeToString
	k := JWK{Kty: "EC", Crv: "P-256", X: b64(pub[1:33]), Y: b64(pub[33:]), D: b64(d), Alg: signingAlg}
	thumb := sha256.Sum256([]byte(fmt.Sprintf(`{"crv":"%s","kty":"%s","x":"%s","y":"%s"}`, k.Crv, k.Kty, k.X, k.Y)))
	k.Kid = b64(thumb[:])[:16]
	return ManagedKey{Private: k, AddedAt: now.UTC().Truncate(time.Second)}, nil
}

// public returns the key without its private part, for verifiers.
func (k JWK) public() JWK {
	k.D = ""
	k.Use, k.KeyOps = "sig", []string{"verify"}
	return k
}

// ecdsaKeys turns the JWK into Go keys; priv is nil for a public JWK.
func (k JWK) ecdsaKeys() (*ecdsa.PublicKey, *ecdsa.PrivateKey, error) {
	if k.Kty != "EC" || k.Crv != "P-256" {
		return nil, nil, fmt.Errorf("key %s: want an EC P-256 key, got kty %q crv %q", k.Kid, k.Kty, k.Crv)
	}
	dec := base64.RawURLEncoding.DecodeString
	x, err1 := dec(k.X)
	y, err2 := dec(k.Y)
	if err := errors.Join(err1, err2); err != nil || len(x) != 32 || len(y) != 32 {
		return nil, nil, fmt.Errorf("key %s: bad coordinates", k.Kid)
	}
	// Parsing checks the point is on the curve.
	pub, err := ecdsa.ParseUncompressedPublicKey(elliptic.P256(), append(append([]byte{4}, x...), y...))
	if err != nil {
		return nil, nil, fmt.Errorf("key %s: %w", k.Kid, err)
	}
	if k.D == "" {
		return pub, nil, nil
	}
	d, err := dec(k.D)
	if err != nil {
		return nil, nil, fmt.Errorf("key %s: bad private part", k.Kid)
	}
	priv, err := ecdsa.ParseRawPrivateKey(elliptic.P256(), d)
	if err != nil {
		return nil, nil, fmt.Errorf("key %s: %w", k.Kid, err)
	}
	if !priv.PublicKey.Equal(pub) {
		return nil, nil, fmt.Errorf("key %s: private part does not match x/y", k.Kid)
	}
	return pub, priv, nil
}

// ordered returns the keys signing first, then by age, so derived values
// are stable.
func (s SigningState) ordered() []ManagedKey {
	ks := slices.Clone(s.Keys)
	rank := map[string]int{KeySigning: 0, KeyStandby: 1, KeyPrevious: 2}
	sort.SliceStable(ks, func(i, j int) bool {
		if rank[ks[i].State] != rank[ks[j].State] {
			return rank[ks[i].State] < rank[ks[j].State]
		}
		return ks[i].AddedAt.Before(ks[j].AddedAt)
	})
	return ks
}

// JWKSet is {"keys":[...]}, the shape PostgREST, Realtime and Storage read.
type JWKSet struct {
	Keys []JWK `json:"keys"`
}

// SigningValues derives the signing_keys secret's properties from s: what
// GoTrue, the verifiers and Kong read. The internal anon and service_role
// JWTs are signed again on every call, with the signing key.
func (g Generator) SigningValues(s SigningState) (map[string]string, error) {
	sets, err := s.keySets()
	if err != nil {
		return nil, err
	}
	state, err := json.Marshal(s)
	if err != nil {
		return nil, err
	}
	v := map[string]string{"state": string(state), "anon_jwt": "", "service_role_jwt": ""}
	maps.Copy(v, sets)
	if sk, ok := s.Signing(); ok {
		for role, prop := range map[string]string{"anon": "anon_jwt", "service_role": "service_role_jwt"} {
			if v[prop], err = g.signRoleES256(sk.Private, role); err != nil {
				return nil, err
			}
		}
	}
	return v, CheckKeys(outputs.SecretSigningKeys, v)
}

// keySets derives the properties that follow from the keys alone:
// gotrue_keys, jwks and legacy_signing.
func (s SigningState) keySets() (map[string]string, error) {
	if _, err := s.Stage(); err != nil {
		return nil, err
	}
	// GoTrue: only the signing key's private half; every other key as
	// a public verify-only key (GoTrue accepts those: it derives the public
	// key of whatever it is given). Exactly one key carries "sign".
	gotrue := []JWK{}
	set := JWKSet{Keys: []JWK{}}
	for _, k := range s.ordered() {
		if _, _, err := k.Private.ecdsaKeys(); err != nil {
			return nil, err
		}
		pub := k.Private.public()
		set.Keys = append(set.Keys, pub)
		if k.State == KeySigning {
			priv := k.Private
			priv.Use, priv.KeyOps = "sig", []string{"sign", "verify"}
			gotrue = append(gotrue, priv)
		} else {
			gotrue = append(gotrue, pub)
		}
	}
	gj, err := json.Marshal(gotrue)
	if err != nil {
		return nil, err
	}
	sj, err := json.Marshal(set)
	if err != nil {
		return nil, err
	}
	_, signs := s.Signing()
	return map[string]string{"gotrue_keys": string(gj), "jwks": string(sj), "legacy_signing": fmt.Sprint(!signs)}, nil
}

// signRoleES256 signs an API-role JWT (what Kong forwards for an opaque API
// key) with a private signing key; the token carries the key's kid.
func (g Generator) signRoleES256(k JWK, role string) (string, error) {
	_, priv, err := k.ecdsaKeys()
	if err != nil {
		return "", err
	}
	if priv == nil {
		return "", fmt.Errorf("key %s has no private part", k.Kid)
	}
	t := jwt.NewWithClaims(jwt.SigningMethodES256, g.roleClaims(role))
	t.Header["kid"] = k.Kid
	return t.SignedString(priv)
}

// ParseSigningState reads the state property of a signing_keys value.
func ParseSigningState(values map[string]string) (SigningState, error) {
	var s SigningState
	dec := json.NewDecoder(strings.NewReader(values["state"]))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return s, fmt.Errorf("signing keys: the state property is not a signing-key state: %v", err)
	}
	_, err := s.Stage()
	return s, err
}

// CheckSigningValues checks a signing_keys value is one SigningValues
// would write: the derived properties agree with the state, and the
// internal JWTs verify against the published set with their roles.
func CheckSigningValues(values map[string]string) error {
	s, err := ParseSigningState(values)
	if err != nil {
		return err
	}
	want, err := s.keySets()
	if err != nil {
		return err
	}
	var bad []string
	for _, p := range []string{"gotrue_keys", "jwks", "legacy_signing"} {
		if values[p] != want[p] {
			bad = append(bad, p)
		}
	}
	if len(bad) > 0 {
		return fmt.Errorf("signing keys: %s do not match the state (edited by hand?); run `supabase-eks secrets rotate signing-key` to rewrite them", strings.Join(bad, ", "))
	}
	for role, prop := range map[string]string{"anon": "anon_jwt", "service_role": "service_role_jwt"} {
		if want["legacy_signing"] == "true" {
			if values[prop] != "" {
				return fmt.Errorf("signing keys: %s is set while GoTrue signs with the legacy secret", prop)
			}
			continue
		}
		claims, err := verifyByKid(values[prop], values["jwks"])
		if err != nil {
			return fmt.Errorf("signing keys: %s: %v", prop, err)
		}
		if claims["role"] != role {
			return fmt.Errorf("signing keys: %s has role %v", prop, claims["role"])
		}
	}
	return nil
}

// verifyByKid verifies an ES256 token against the key of the set its kid
// names; expiry is required.
func verifyByKid(token, jwks string) (jwt.MapClaims, error) {
	var set JWKSet
	if err := json.Unmarshal([]byte(jwks), &set); err != nil {
		return nil, fmt.Errorf("JWKS: %v", err)
	}
	claims := jwt.MapClaims{}
	_, err := jwt.ParseWithClaims(token, claims, func(t *jwt.Token) (any, error) {
		kid, _ := t.Header["kid"].(string)
		for _, k := range set.Keys {
			if k.Kid == kid && kid != "" {
				pub, _, err := k.ecdsaKeys()
				return pub, err
			}
		}
		return nil, fmt.Errorf("no key with kid %q in the set", kid)
	}, jwt.WithValidMethods([]string{signingAlg}), jwt.WithExpirationRequired())
	if err != nil {
		return nil, err
	}
	return claims, nil
}
