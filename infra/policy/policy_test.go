package policy

import "testing"

func TestMatch(t *testing.T) {
	for _, c := range []struct {
		pattern, s string
		want       bool
	}{
		{"arn:aws:secretsmanager:*:1:secret:app/*", "arn:aws:secretsmanager:us-east-1:1:secret:app/db-AbCdEf", true},
		{"arn:aws:secretsmanager:*:1:secret:app/*", "arn:aws:secretsmanager:us-east-1:1:secret:other/db", false},
		{"secret-??", "secret-ab", true},
		{"secret-??", "secret-abc", false},
		{"a.b", "aXb", false},
	} {
		if got := Match(c.pattern, c.s); got != c.want {
			t.Errorf("Match(%q, %q) = %v", c.pattern, c.s, got)
		}
	}
}

func TestNamesFoldsActionsNotResources(t *testing.T) {
	st := Statement{Effect: "Allow", Action: []string{"s3:Get*"}, Resource: []string{"arn:aws:s3:::Bucket/*"}}
	if !st.Names("S3:GETOBJECT", "arn:aws:s3:::Bucket/key") {
		t.Error("action case should not matter")
	}
	if st.Names("s3:GetObject", "arn:aws:s3:::bucket/key") {
		t.Error("resource case should matter")
	}
	if st.Names("s3:PutObject", "arn:aws:s3:::Bucket/key") {
		t.Error("s3:Get* should not name s3:PutObject")
	}
}
