package elblogs

import (
	"regexp"
	"strings"
	"testing"

	"github.com/supabase-eks/supabase-eks/infra/policy"
)

func TestWriterByRegion(t *testing.T) {
	for region, want := range map[string]map[string]any{
		// The ELB accounts of two old regions, as AWS lists them.
		"us-east-1": {"AWS": "arn:aws:iam::127311923021:root"},
		"eu-west-1": {"AWS": "arn:aws:iam::156460612806:root"},
		// Launched after August 2022: the service principal, no account.
		"ap-south-2":   {"Service": ServicePrincipal},
		"il-central-1": {"Service": ServicePrincipal},
	} {
		w, err := For(region)
		if err != nil {
			t.Fatalf("%s: %v", region, err)
		}
		got := w.Principal()
		if len(got) != 1 {
			t.Fatalf("%s: principal %v", region, got)
		}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%s: principal %v, want %v", region, got, want)
			}
		}
	}
}

func TestUnknownRegionFailsNamingIt(t *testing.T) {
	for _, region := range []string{"xx-nowhere-1", "us-gov-west-1", "cn-north-1", ""} {
		_, err := For(region)
		if err == nil || !strings.Contains(err.Error(), `"`+region+`"`) {
			t.Errorf("%q: error %v, want one naming the region", region, err)
		}
	}
}

func TestTableIsConsistent(t *testing.T) {
	id := regexp.MustCompile(`^\d{12}$`)
	seen := map[string]string{}
	for region, acct := range accounts {
		if !id.MatchString(acct) {
			t.Errorf("%s: %q is not an account id", region, acct)
		}
		if other, dup := seen[acct]; dup {
			t.Errorf("%s and %s share account %s", region, other, acct)
		}
		seen[acct] = region
	}
	for _, r := range serviceRegions {
		if _, both := accounts[r]; both {
			t.Errorf("%s is listed with an account and as a service-principal region", r)
		}
	}
	if len(Regions()) != len(accounts)+len(serviceRegions) {
		t.Errorf("Regions() has duplicates or misses some")
	}
}

func TestDeliversRecognisesOnlyTheLogWriter(t *testing.T) {
	doc := func(principal map[string]any, action string) policy.Document {
		return policy.New(
			policy.Statement{Sid: "DenyInsecureTransport", Effect: "Deny", Principal: map[string]any{"AWS": "*"}, Action: []string{"s3:*"}, Resource: []string{"arn:aws:s3:::b"}},
			policy.Statement{Effect: "Allow", Principal: principal, Action: []string{action}, Resource: []string{"arn:aws:s3:::b/alb/AWSLogs/111122223333/*"}})
	}
	old, _ := For("us-east-1")
	recent, _ := For("eu-central-2")
	if !Delivers(doc(old.Principal(), "s3:PutObject")) || !Delivers(doc(recent.Principal(), "s3:PutObject")) {
		t.Error("a policy admitting the log writer is not recognised")
	}
	for name, d := range map[string]policy.Document{
		"another account":      doc(map[string]any{"AWS": "arn:aws:iam::444455556666:root"}, "s3:PutObject"),
		"another service":      doc(map[string]any{"Service": "delivery.logs.amazonaws.com"}, "s3:PutObject"),
		"the writer, may read": doc(old.Principal(), "s3:GetObject"),
		"TLS-only policy":      policy.New(doc(nil, "").Statement[0]),
	} {
		if Delivers(d) {
			t.Errorf("%s: taken for an access log bucket", name)
		}
	}
}
