package secretvalues

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
)

// Action says what Init did with one secret.
type Action string

const (
	// Written: the container had no value and got a generated one.
	Written Action = "written"
	// Kept: the container already had a value, which was left alone.
	Kept Action = "kept"
)

// Result is Init's account of one logical secret. It never holds a value.
type Result struct {
	Logical string
	Name    string
	Action  Action
	// VersionID of the version written (Written only).
	VersionID string
	// Note explains anything the operator should act on.
	Note string
}

// Init gives every secret container named in o a value, generating it with
// g. A container that already has a non-empty value is never overwritten,
// so Init can run on every deploy. All containers are checked before
// anything is written: a missing container, one scheduled for deletion or
// one whose ARN differs from the outputs file (wrong account or region)
// stops Init with nothing changed.
func Init(ctx context.Context, store Store, o *outputs.Outputs, g Generator, log io.Writer) ([]Result, error) {
	if err := checkContainers(ctx, store, o, outputs.SecretOrder); err != nil {
		return nil, err
	}
	var (
		results []Result
		errs    []error
		// legacyJWT: the legacy secret existed before this run, so tokens
		// signed with it are live (see InitialSigningKeys).
		legacyJWT bool
	)
	g.bind(ctx, store, o)
	for _, logical := range outputs.SecretOrder {
		name := o.SecretNames[logical]
		current, ok, err := store.Current(ctx, name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if ok && current != "" {
			if logical == outputs.SecretJWT {
				legacyJWT = true
			}
			r := Result{Logical: logical, Name: name, Action: Kept, Note: "already has a value"}
			if err := validValue(logical, current); err != nil {
				errs = append(errs, fmt.Errorf("%s (%s) has a value that the cluster cannot use: %v; fix it in Secrets Manager or run `supabase-eks secrets rotate %s --env %s`", logical, name, err, logical, o.Environment))
				r.Note = "INVALID existing value (see error)"
			}
			if logical == outputs.SecretSMTP && g.SMTP != nil {
				r.Note = "already has a value; --smtp-from-env ignored (use `secrets rotate smtp` to replace it)"
			}
			results = append(results, r)
			fmt.Fprintf(log, "  %-12s %-32s kept (%s)\n", logical, name, r.Note)
			continue
		}
		var values map[string]string
		if logical == outputs.SecretSigningKeys && legacyJWT {
			values, err = g.InitialSigningKeys(true)
		} else {
			values, err = g.Generate(logical)
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		body, err := Encode(values)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		// An empty token lets the SDK generate one, so its own retries of this
		// call cannot create two versions.
		vid, err := store.Put(ctx, name, body, "")
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if logical == outputs.SecretPooler {
			// pooler_connection, later in SecretOrder, derives from it.
			g.pooler = values
		}
		r := Result{Logical: logical, Name: name, Action: Written, VersionID: vid}
		switch {
		case logical == outputs.SecretSMTP && g.SMTP == nil:
			r.Note = "placeholders: fill in with `SMTP_HOST=... supabase-eks secrets rotate smtp`"
		case logical == outputs.SecretSigningKeys && legacyJWT:
			r.Note = "first key in standby: GoTrue keeps signing with the legacy secret until `supabase-eks secrets rotate signing-key --env " + o.Environment + "` promotes it (after the readers rolled and the cache wait)"
		}
		results = append(results, r)
		fmt.Fprintf(log, "  %-12s %-32s written (version %s)%s\n", logical, name, vid, prefixed(" ", r.Note))
	}
	return results, errors.Join(errs...)
}

func prefixed(p, s string) string {
	if s == "" {
		return ""
	}
	return p + s
}

// checkContainers verifies that each logical secret's container exists, is
// not being deleted, and is the one the outputs file names.
func checkContainers(ctx context.Context, store Store, o *outputs.Outputs, logicals []string) error {
	var errs []error
	for _, logical := range logicals {
		name := o.SecretNames[logical]
		if name == "" {
			errs = append(errs, fmt.Errorf("outputs: secret_names has no %q entry", logical))
			continue
		}
		d, err := store.Describe(ctx, name)
		switch {
		case errors.Is(err, ErrNotFound):
			errs = append(errs, fmt.Errorf("secret container %s (%s) does not exist in %s: apply the infrastructure first (make infra-apply ENV=%s), or check the AWS account and region", name, logical, o.Region, o.Environment))
		case err != nil:
			errs = append(errs, err)
		case d.Deleted:
			errs = append(errs, fmt.Errorf("secret container %s is scheduled for deletion: restore it with `aws secretsmanager restore-secret --secret-id %s` first", name, name))
		case o.SecretARNs[logical] != "" && d.ARN != o.SecretARNs[logical]:
			errs = append(errs, fmt.Errorf("secret %s: ARN is %s but the outputs file says %s (stale outputs file, or credentials for another account/region)", name, d.ARN, o.SecretARNs[logical]))
		}
	}
	return errors.Join(errs...)
}

// Encode renders a secret value as the JSON object ESO reads, with sorted
// keys so equal values encode equally.
func Encode(values map[string]string) (string, error) {
	b, err := json.Marshal(values) // encoding/json sorts map keys
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// Decode parses a secret value written by Encode (or by hand).
func Decode(value string) (map[string]string, error) {
	var raw map[string]any
	if err := json.Unmarshal([]byte(value), &raw); err != nil {
		return nil, errors.New("not a JSON object")
	}
	out := make(map[string]string, len(raw))
	var bad []string
	for k, v := range raw {
		switch t := v.(type) {
		case string:
			out[k] = t
		case float64:
			out[k] = fmt.Sprint(t)
		default:
			bad = append(bad, k)
		}
	}
	if len(bad) > 0 {
		sort.Strings(bad)
		return nil, fmt.Errorf("keys %s are not strings", strings.Join(bad, ", "))
	}
	return out, nil
}

// validValue checks an existing value has every key the ExternalSecrets read.
func validValue(logical, value string) error {
	v, err := Decode(value)
	if err != nil {
		return err
	}
	var missing []string
	for _, k := range outputs.SecretKeys[logical] {
		if _, ok := v[k]; !ok {
			missing = append(missing, k)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("missing keys %s", strings.Join(missing, ", "))
	}
	switch logical {
	case outputs.SecretSigningKeys:
		return CheckSigningValues(v)
	case outputs.SecretAPIKeys:
		_, err := APIKeys(v)
		return err
	}
	return nil
}
