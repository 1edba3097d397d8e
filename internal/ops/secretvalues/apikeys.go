package secretvalues

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
)

// API key types and their prefixes. The prefixes are Supabase's, so client
// libraries and secret scanners recognise the keys.
const (
	APIKeyPublishable = "publishable"
	APIKeySecret      = "secret"
)

// APIKeyTypes lists the types in a stable order.
var APIKeyTypes = []string{APIKeyPublishable, APIKeySecret}

// APIKeyRandomLen is the random part's length (~190 bits).
const APIKeyRandomLen = 32

// apiKeyPattern is what a key must look like: it is pasted into Kong's
// declarative config and into a Lua expression there, so nothing but the
// prefix and alphanumerics is allowed.
var apiKeyPattern = regexp.MustCompile(`^sb_(publishable|secret)_[A-Za-z0-9]{32}$`)

// apiKeySlots are the api_keys properties of one type, in order.
func apiKeySlots(typ string) []string {
	return []string{typ + "_key_1", typ + "_key_2"}
}

// NewAPIKey returns a fresh opaque key of typ.
func (g Generator) NewAPIKey(typ string) (string, error) {
	if typ != APIKeyPublishable && typ != APIKeySecret {
		return "", fmt.Errorf("unknown API key type %q (known: %v)", typ, APIKeyTypes)
	}
	r, err := g.randomString(APIKeyRandomLen)
	if err != nil {
		return "", err
	}
	return "sb_" + typ + "_" + r, nil
}

// APIKey is one slot of the api_keys secret.
type APIKey struct {
	Type, Slot, Key string
}

// Masked shows a secret key's prefix only; publishable keys are public.
func (k APIKey) Masked() string {
	if k.Type == APIKeyPublishable || len(k.Key) < 16 {
		return k.Key
	}
	return k.Key[:14] + "…"
}

// APIKeys lists the keys present in an api_keys value, checking each.
func APIKeys(values map[string]string) ([]APIKey, error) {
	if err := CheckKeys(outputs.SecretAPIKeys, values); err != nil {
		return nil, err
	}
	var out []APIKey
	for _, typ := range APIKeyTypes {
		for _, slot := range apiKeySlots(typ) {
			v := values[slot]
			if v == "" {
				continue
			}
			if !apiKeyPattern.MatchString(v) || !strings.HasPrefix(v, "sb_"+typ+"_") {
				return nil, fmt.Errorf("api keys: %s is not a %s key (sb_%s_ and %d letters or digits)", slot, typ, typ, APIKeyRandomLen)
			}
			out = append(out, APIKey{Type: typ, Slot: slot, Key: v})
		}
	}
	return out, nil
}

// AddAPIKey puts a new key of typ in a free slot of values (changed in
// place) and returns it. Both slots taken is an error: revoke one first.
func (g Generator) AddAPIKey(values map[string]string, typ string) (APIKey, error) {
	if _, err := APIKeys(values); err != nil {
		return APIKey{}, err
	}
	key, err := g.NewAPIKey(typ)
	if err != nil {
		return APIKey{}, err
	}
	for _, slot := range apiKeySlots(typ) {
		if values[slot] == "" {
			values[slot] = key
			return APIKey{Type: typ, Slot: slot, Key: key}, nil
		}
	}
	return APIKey{}, fmt.Errorf("both %s key slots are in use: revoke one first (`supabase-eks secrets api-key revoke --key <prefix>`)", typ)
}

// RevokeAPIKey empties the slot holding the key that key (the whole key or
// a prefix of at least 16 characters) names, and returns it. Revoking the
// last key of a type needs allowNone: every client using it stops working.
func RevokeAPIKey(values map[string]string, key string, allowNone bool) (APIKey, error) {
	keys, err := APIKeys(values)
	if err != nil {
		return APIKey{}, err
	}
	if len(key) < 16 {
		return APIKey{}, fmt.Errorf("--key %q: give the key or a prefix of at least 16 characters", key)
	}
	var hits []APIKey
	for _, k := range keys {
		if strings.HasPrefix(k.Key, key) {
			hits = append(hits, k)
		}
	}
	switch len(hits) {
	case 0:
		return APIKey{}, fmt.Errorf("no API key starts with %q", key)
	case 1:
	default:
		return APIKey{}, fmt.Errorf("%q matches %d keys; give more of it", key, len(hits))
	}
	k := hits[0]
	left := 0
	for _, o := range keys {
		if o.Type == k.Type && o.Slot != k.Slot {
			left++
		}
	}
	if left == 0 && !allowNone {
		return APIKey{}, fmt.Errorf("%s is the last %s key: every client using it stops working; add its successor first (`secrets api-key add --type %s`) or pass --allow-none", k.Masked(), k.Type, k.Type)
	}
	values[k.Slot] = ""
	return k, nil
}
