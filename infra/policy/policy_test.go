package policy

import (
	"fmt"
	"testing"
)

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

func TestSplitKeepsWholeStatementsInOrderUnderTheLimit(t *testing.T) {
	var sts []Statement
	for i := 0; i < 20; i++ {
		sts = append(sts, Allow(fmt.Sprintf("S%02d", i), []string{"s3:GetObject"}, []string{fmt.Sprintf("arn:aws:s3:::bucket-%02d/*", i)}))
	}
	doc := New(sts...)
	parts, err := Split(doc, 400)
	if err != nil {
		t.Fatal(err)
	}
	if len(parts) < 3 {
		t.Fatalf("%d parts of a %d-character document at 400", len(parts), len(doc.JSON()))
	}
	var joined []Statement
	for i, p := range parts {
		if n := len(p.JSON()); n > 400 {
			t.Errorf("part %d: %d characters", i, n)
		}
		joined = append(joined, p.Statement...)
	}
	if New(joined...).JSON() != doc.JSON() {
		t.Error("the parts do not add up to the document, in order")
	}
	if _, err := Split(doc, 50); err == nil {
		t.Error("a statement larger than the limit was accepted")
	}
}
