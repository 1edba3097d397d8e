package secretsflow

// The cases one run executes against the live controller: the positive
// checks, the rotation, and the negative cases that prove the checks fail.

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/supabase-eks/supabase-eks/internal/artifacts"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/internal/ops/secretvalues"
	"github.com/supabase-eks/supabase-eks/internal/testkit/awsfake"
)

func (r *run) positive(ctx context.Context) {
	start := time.Now()
	s, problems := r.waitFor(ctx, CheckReady)
	r.record("every SecretStore and ExternalSecret Ready (real ESO controller, IRSA via STS AssumeRoleWithWebIdentity)", start, problems)
	if s == nil {
		return
	}
	start = time.Now()
	r.record(fmt.Sprintf("every Secret and key read by a workload exists (%d references in %d workloads)", len(r.refs), len(r.ws)),
		start, CheckReferences(r.refs, s))
	start = time.Now()
	r.record("templated values exact (URLs with "+strconv.Quote(specialChars)+" in passwords, Kong consumers and basic-auth, Realtime cookie)",
		start, CheckValues(s, r.remote, r.cfg.Outputs))
	start = time.Now()
	problems = CheckServiceAccounts(r.saList, r.infra)
	problems = append(problems, r.checkESOIdentity(s)...)
	r.record(fmt.Sprintf("role ARN of each annotated service account is trusted for it (%d service accounts)", len(r.saList)), start, problems)
	start = time.Now()
	r.record("reads use least privilege: every Secrets Manager call by the ESO role was allowed by its policy", start, r.checkDecisions())
}

// checkESOIdentity: the stores authenticated as their service account's
// role, through STS, and read with the credentials STS issued.
func (r *run) checkESOIdentity(s *State) []string {
	var problems []string
	assumed := map[string]bool{}
	for _, q := range r.fake.STS.Requests() {
		if q.Error == "" {
			assumed[q.RoleARN+"|"+q.Subject] = true
		}
	}
	for _, st := range s.Stores {
		ns, name, _ := strings.Cut(st.ServiceAccount, "/")
		var arn string
		for _, sa := range r.saList {
			if sa.Namespace == ns && sa.Name == name {
				arn = sa.RoleARN
			}
		}
		if arn == "" {
			problems = append(problems, fmt.Sprintf("%s %s authenticates as service account %s, which has no role annotation", st.Kind, st.Name, st.ServiceAccount))
			continue
		}
		if !assumed[arn+"|system:serviceaccount:"+ns+":"+name] {
			problems = append(problems, fmt.Sprintf("%s %s: no successful AssumeRoleWithWebIdentity of %s by %s", st.Kind, st.Name, arn, st.ServiceAccount))
		}
	}
	reads := 0
	for _, q := range r.fake.SM.Requests() {
		if q.Op == "GetSecretValue" && q.Error == "" {
			reads++
			if q.RoleARN == "" {
				problems = append(problems, fmt.Sprintf("GetSecretValue of %s was signed with a long-term key, not STS-issued credentials", q.SecretID))
			}
		}
	}
	if reads == 0 {
		problems = append(problems, "the controller never read a secret")
	}
	return problems
}

func (r *run) checkDecisions() []string {
	var problems []string
	for _, d := range r.iam.Decisions() {
		if d.Principal.RoleARN != "" && !d.Allowed {
			problems = append(problems, fmt.Sprintf("%s denied %s on %s", d.Principal.RoleARN, d.Action, d.Resource))
		}
	}
	return problems
}

func (r *run) annotate(ctx context.Context, resource, namespace, name string) error {
	args := []string{"annotate", resource, name, "force-sync=" + strconv.FormatInt(time.Now().UnixNano(), 10), "--overwrite"}
	if namespace != "" {
		args = append(args, "-n", namespace)
	}
	_, err := r.k.out(ctx, nil, args...)
	return err
}

func (r *run) findES(s *State, name string) *ExternalSecret {
	for i := range s.ExternalSecrets {
		if s.ExternalSecrets[i].Name == name {
			return &s.ExternalSecrets[i]
		}
	}
	return nil
}

const dbExternalSecret = "supabase-db"

// rotation changes a password in Secrets Manager, forces a sync, and checks
// the Secret follows and that Reloader would roll every reader.
func (r *run) rotation(ctx context.Context) {
	start := time.Now()
	o := r.cfg.Outputs
	before, err := r.state(ctx)
	if err != nil {
		r.record("rotation", start, []string{err.Error()})
		return
	}
	es := r.findES(before, dbExternalSecret)
	if es == nil {
		r.record("rotation", start, []string{"no ExternalSecret " + dbExternalSecret})
		return
	}
	target := es.Namespace + "/" + es.Target
	db, _ := r.current(o.SecretNames[outputs.SecretDatabase])
	db["authenticator_password"] = "rotated" + specialChars + strconv.FormatInt(time.Now().Unix(), 10)
	enc, _ := secretvalues.Encode(db)
	if err := r.fake.SM.PutValue(o.SecretNames[outputs.SecretDatabase], enc); err != nil {
		r.record("rotation", start, []string{err.Error()})
		return
	}
	if err := r.annotate(ctx, "externalsecret", es.Namespace, es.Name); err != nil {
		r.record("rotation", start, []string{err.Error()})
		return
	}
	after, problems := r.waitFor(ctx, func(s *State) []string {
		if s.SecretVersions[target] == before.SecretVersions[target] {
			return []string{"Secret " + target + " did not change after the rotation and a forced sync"}
		}
		return CheckValues(s, r.remote, o)
	})
	if len(problems) == 0 {
		changed := []string{}
		for k, v := range after.Secrets[target] {
			if before.Secrets[target][k] != v {
				changed = append(changed, k)
			}
		}
		slices.Sort(changed)
		if !slices.Contains(changed, "rest-url") || !slices.Contains(changed, "authenticator-password") {
			problems = append(problems, fmt.Sprintf("after rotating authenticator_password the keys that changed were %v", changed))
		}
		roll := WouldRoll(r.ws, r.refs, es.Namespace, es.Target)
		readers := Readers(r.refs, es.Namespace, es.Target)
		if !slices.Equal(roll, readers) || len(roll) == 0 {
			problems = append(problems, fmt.Sprintf("Reloader would roll %v, but %v read %s", roll, readers, target))
		}
		reloader, err := artifacts.ReadValues(filepath.Join(r.cfg.Dist, "addons", "reloader.values.yaml"))
		if err != nil {
			problems = append(problems, err.Error())
		} else {
			problems = append(problems, CheckReloadCoverage(r.ws, r.refs, after, reloader)...)
		}
		if len(problems) == 0 {
			r.logf("  rotated %s: keys changed %v; Reloader rolls %v", target, changed, roll)
		}
	}
	r.record("rotation: new value reaches the Secret on a forced sync, and Reloader rolls every reader", start, problems)
}

// expectFailure records a negative case: the check must fail, and its
// message must say why.
func (r *run) expectFailure(name string, start time.Time, problems []string, mustMention ...string) {
	var out []string
	if len(problems) == 0 {
		out = append(out, "the check passed; it must fail")
	} else {
		joined := strings.Join(problems, "\n")
		for _, m := range mustMention {
			if !strings.Contains(joined, m) {
				out = append(out, fmt.Sprintf("the check failed, but its message does not mention %q: %s", m, joined))
			}
		}
		if len(out) == 0 {
			r.logf("  check failed as it must: %s", truncate(problems[0]))
		}
	}
	r.record("negative: "+name, start, out)
}

func truncate(s string) string {
	if len(s) > 400 {
		s = s[:400] + "..."
	}
	return s
}

// restore puts a remote value back and waits until everything is Ready again.
func (r *run) restore(ctx context.Context, name string, fix func() error, kick func() error) {
	start := time.Now()
	var problems []string
	if err := fix(); err != nil {
		problems = append(problems, err.Error())
	} else if err := kick(); err != nil {
		problems = append(problems, err.Error())
	} else {
		_, problems = r.waitFor(ctx, CheckReady)
	}
	if len(problems) > 0 {
		r.record("recovery after "+name, start, problems)
	}
}

func (r *run) negativeMissingKey(ctx context.Context) {
	start := time.Now()
	o := r.cfg.Outputs
	name := o.SecretNames[outputs.SecretDatabase]
	saved, _ := r.fake.SM.Current(name)
	db, _ := secretvalues.Decode(saved)
	const dropped = "supabase_admin_password"
	delete(db, dropped)
	enc, _ := secretvalues.Encode(db)
	kick := func() error { return r.annotate(ctx, "externalsecret", outputs.Namespace, dbExternalSecret) }
	if err := r.fake.SM.PutValue(name, enc); err != nil {
		r.record("negative: missing key", start, []string{err.Error()})
		return
	}
	if err := kick(); err != nil {
		r.record("negative: missing key", start, []string{err.Error()})
		return
	}
	// Wait until the controller has reported the failure (it sets the
	// condition and records the event separately), or the timeout.
	s, _ := r.waitFor(ctx, func(s *State) []string {
		es := r.findES(s, dbExternalSecret)
		if es != nil && es.Ready != nil && es.Ready.Status == "False" && strings.Contains(strings.Join(es.Events, "\n"), dropped) {
			return nil
		}
		return []string{"waiting for " + dbExternalSecret + " to fail"}
	})
	var problems []string
	if s != nil {
		problems = CheckReady(s)
	}
	r.expectFailure("a referenced key missing from the remote secret", start, problems, dbExternalSecret, dropped)
	r.restore(ctx, "missing key", func() error { return r.fake.SM.PutValue(name, saved) }, kick)
}

func (r *run) negativeTrust(ctx context.Context) {
	start := time.Now()
	saved := r.fake.STS.Trusts()
	s0, err := r.state(ctx)
	if err != nil || len(s0.Stores) == 0 {
		r.record("negative: trust mismatch", start, []string{"no store to test"})
		return
	}
	store := s0.Stores[0]
	ns, name, _ := strings.Cut(store.ServiceAccount, "/")
	// The infrastructure's trust names another service account.
	retarget := func(ts []awsfake.Trust) []awsfake.Trust {
		out := make([]awsfake.Trust, 0, len(ts))
		for _, t := range ts {
			if t.Subject == "system:serviceaccount:"+ns+":"+name {
				t.Subject = "system:serviceaccount:" + ns + ":some-other-controller"
			}
			out = append(out, t)
		}
		return out
	}
	r.fake.STS.SetTrusts(retarget(saved))
	resource := strings.ToLower(store.Kind)
	kick := func() error { return r.annotate(ctx, resource, store.Namespace, store.Name) }
	if err := kick(); err != nil {
		r.record("negative: trust mismatch", start, []string{err.Error()})
		return
	}
	s, _ := r.waitFor(ctx, func(s *State) []string {
		for _, st := range s.Stores {
			if st.Name == store.Name && st.Ready != nil && st.Ready.Status == "False" {
				return nil
			}
		}
		return []string{"waiting for the store to fail"}
	})
	var problems []string
	if s != nil {
		problems = CheckReady(s)
	}
	// The static check finds the same mismatch without a controller.
	mismatched := &Infra{Account: r.infra.Account, Roles: map[string]*Role{}}
	for arn, role := range r.infra.Roles {
		cp := *role
		cp.Trusts = retarget(role.Trusts)
		mismatched.Roles[arn] = &cp
	}
	problems = append(problems, CheckServiceAccounts(r.saList, mismatched)...)
	r.expectFailure("a store whose role trust does not match its service account", start, problems, store.Name, "AssumeRoleWithWebIdentity", "whose trust policy admits")
	r.restore(ctx, "trust mismatch", func() error { r.fake.STS.SetTrusts(saved); return nil }, kick)
}

var encodePipeline = regexp.MustCompile(`\s*\|\s*urlquery(\s*\|\s*replace "\+" "%20")?`)

// negativeUnencoded applies the rendered database ExternalSecret with the
// URL encoding stripped from its templates, under another name: the value
// check must catch the passwords with special characters it breaks.
func (r *run) negativeUnencoded(ctx context.Context) {
	start := time.Now()
	var rendered *artifacts.Object
	for i := range r.objs {
		if r.objs[i].Kind == "ExternalSecret" && r.objs[i].Name == dbExternalSecret {
			rendered = &r.objs[i]
		}
	}
	if rendered == nil {
		r.record("negative: unencoded password", start, []string{"no rendered ExternalSecret " + dbExternalSecret})
		return
	}
	const name = dbExternalSecret + "-unencoded"
	doc := string(rendered.YAML)
	if !encodePipeline.MatchString(doc) {
		r.record("negative: unencoded password", start, []string{"the rendered " + dbExternalSecret + " has no urlquery step to remove"})
		return
	}
	doc = encodePipeline.ReplaceAllString(doc, "")
	doc = strings.ReplaceAll(doc, "name: "+dbExternalSecret+"\n", "name: "+name+"\n")
	if _, err := r.k.out(ctx, []byte(doc), "apply", "--server-side", "--field-manager=e2e-secrets", "-f", "-"); err != nil {
		r.record("negative: unencoded password", start, []string{err.Error()})
		return
	}
	s, _ := r.waitFor(ctx, func(s *State) []string {
		if es := r.findES(s, name); es != nil && es.Ready != nil && es.Ready.Status == "True" {
			return nil
		}
		return []string{"waiting for " + name}
	})
	var problems []string
	if s != nil {
		only := *s
		only.ExternalSecrets = nil
		if es := r.findES(s, name); es != nil {
			only.ExternalSecrets = []ExternalSecret{*es}
		}
		problems = CheckValues(&only, r.remote, r.cfg.Outputs)
	}
	r.expectFailure("a password with "+strconv.Quote(specialChars)+" in a URL template without urlquery", start, problems, name, "does not survive the")
	_, _ = r.k.out(ctx, nil, "delete", "externalsecret", name, "-n", rendered.Namespace, "--wait=false")
	_, _ = r.k.out(ctx, nil, "delete", "secret", name, "-n", rendered.Namespace, "--ignore-not-found", "--wait=false")
}
