package artifacts

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestStack(t *testing.T) {
	path := filepath.Join(t.TempDir(), "supabase-demo", StackFile)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	doc := `{"resource":{
	  "aws_kms_key":{"key":{"lifecycle":{"prevent_destroy":true}},"other":{"lifecycle":{"prevent_destroy":false}}},
	  "aws_subnet":{"b":{"cidr_block":"10.0.1.0/24"},"a":{"cidr_block":"10.0.0.0/24"}},
	  "aws_s3_bucket":{"backups":{"lifecycle":{"prevent_destroy":true}}}}}`
	if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := LoadStack(path)
	if err != nil {
		t.Fatal(err)
	}
	if s.Name != "supabase-demo" {
		t.Errorf("name %q", s.Name)
	}
	var order []string
	s.Each("aws_subnet", func(n string, r map[string]any) { order = append(order, n+"="+r["cidr_block"].(string)) })
	if strings.Join(order, " ") != "a=10.0.0.0/24 b=10.0.1.0/24" {
		t.Errorf("Each order: %v", order)
	}
	if got := strings.Join(s.Retained(), " "); got != "aws_kms_key.key aws_s3_bucket.backups" {
		t.Errorf("retained: %s", got)
	}
	if _, err := ParseStack([]byte("not json")); err == nil {
		t.Error("not JSON accepted")
	}
}
