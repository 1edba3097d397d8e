package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/internal/ops/kube"
	"github.com/supabase-eks/supabase-eks/internal/ops/secretvalues"
	"github.com/supabase-eks/supabase-eks/internal/ops/smoke"
)

type smokeFlags struct {
	outputs, url, anonKey string
	deadline, timeout     time.Duration
}

func (a *App) smoke(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("smoke", flag.ContinueOnError)
	loadEnv := envFlag(fs)
	var f smokeFlags
	fs.StringVar(&f.outputs, "outputs", "", "outputs file (default outputs/<env>.json)")
	fs.StringVar(&f.url, "url", "", "API gateway URL (default: https://<domain>, else the Ingress's load balancer over http)")
	fs.StringVar(&f.anonKey, "anon-key", "", "anon key (default: $SUPABASE_ANON_KEY, else read from Secrets Manager)")
	fs.DurationVar(&f.deadline, "deadline", 5*time.Minute, "give up after this long, retries included")
	fs.DurationVar(&f.timeout, "timeout", 10*time.Second, "per-request timeout")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	env, err := loadEnv()
	if err != nil {
		return err
	}
	return a.runSmoke(ctx, env, f)
}

func (a *App) runSmoke(ctx context.Context, env config.Environment, f smokeFlags) error {
	key := f.anonKey
	if key == "" {
		key = a.Getenv("SUPABASE_ANON_KEY")
	}
	var o *outputs.Outputs
	if f.url == "" || key == "" {
		var err error
		if o, _, err = a.loadOutputs(env, f.outputs); err != nil {
			return err
		}
	}
	base := f.url
	if base == "" {
		switch {
		case o.Domain != "":
			base = "https://" + o.Domain
		default:
			kc := &kube.Client{R: a.Runner, Context: env.KubeContext(), Namespace: outputs.Namespace}
			hosts, err := kc.IngressHostnames(ctx)
			if err != nil {
				return fmt.Errorf("finding the load balancer through kube context %s: %w (run `make kubeconfig ENV=%s`, or pass the endpoint: make smoke ENV=%s URL=https://...)", kc.Context, err, env.Name, env.Name)
			}
			if len(hosts) == 0 {
				return errors.New("the Ingress has no load balancer address yet (kubectl get ingress -n supabase); pass --url or wait")
			}
			base = "http://" + hosts[0]
			fmt.Fprintf(a.Stderr, "note: no domain configured; testing plain HTTP on the ALB name %s\n", hosts[0])
		}
	}
	// publishable is also tried when the keys come from Secrets Manager: the
	// opaque key's path through Kong (key-auth, the Lua mapping to a JWT,
	// the verifiers' JWKS) is what no test here can run against real Kong.
	var publishable string
	if key == "" {
		store, err := a.NewStore(ctx, o.Region)
		if err != nil {
			return err
		}
		value, ok, err := store.Current(ctx, o.SecretNames[outputs.SecretJWT])
		if err != nil {
			return err
		}
		v, derr := secretvalues.Decode(value)
		if !ok || derr != nil || v["anon_key"] == "" {
			return fmt.Errorf("no anon key in %s: run `supabase-eks secrets init --env %s`", o.SecretNames[outputs.SecretJWT], env.Name)
		}
		key = v["anon_key"]
		value, ok, err = store.Current(ctx, o.SecretNames[outputs.SecretAPIKeys])
		if err != nil {
			return err
		}
		if api, derr := secretvalues.Decode(value); ok && derr == nil {
			if keys, err := secretvalues.APIKeys(api); err == nil {
				for _, k := range keys {
					if k.Type == secretvalues.APIKeyPublishable {
						publishable = k.Key
						break
					}
				}
			}
		}
	}
	runs := []struct{ label, key string }{{"legacy anon key", key}}
	if publishable != "" {
		runs = append(runs, struct{ label, key string }{"publishable key", publishable})
	}
	var errs []error
	for _, r := range runs {
		fmt.Fprintf(a.Stdout, "smoke test of %s at %s with the %s (deadline %s)\n", env.Name, strings.TrimRight(base, "/"), r.label, f.deadline)
		outs, err := smoke.Run(ctx, smoke.Options{BaseURL: base, AnonKey: r.key, Deadline: f.deadline, RequestTimeout: f.timeout, Client: a.HTTPClient, Log: a.Stderr})
		smoke.Print(a.Stdout, outs)
		if err != nil {
			errs = append(errs, fmt.Errorf("with the %s: %w", r.label, err))
		}
	}
	return errors.Join(errs...)
}
