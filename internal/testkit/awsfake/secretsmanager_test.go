package awsfake

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func call(t *testing.T, h http.Handler, op, body string, signed bool) (int, map[string]any, http.Header) {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
	req.Header.Set("X-Amz-Target", "secretsmanager."+op)
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	if signed {
		req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDTEST/20261126/us-east-1/secretsmanager/aws4_request, SignedHeaders=host, Signature=00")
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var out map[string]any
	_ = json.Unmarshal(rec.Body.Bytes(), &out)
	return rec.Code, out, rec.Header()
}

func TestStagesAndErrors(t *testing.T) {
	sm := New("us-east-1", "111122223333")
	arn := sm.AddContainer("app/jwt")
	code, out, hdr := call(t, sm, "GetSecretValue", `{"SecretId":"app/jwt"}`, true)
	if code != 400 || out["__type"] != "ResourceNotFoundException" || hdr.Get("X-Amzn-ErrorType") != "ResourceNotFoundException" {
		t.Errorf("empty container: %d %v", code, out)
	}
	if code, out, _ := call(t, sm, "DescribeSecret", `{"SecretId":"`+arn+`"}`, true); code != 200 || out["Name"] != "app/jwt" {
		t.Errorf("describe by ARN: %d %v", code, out)
	}
	call(t, sm, "PutSecretValue", `{"SecretId":"app/jwt","SecretString":"v1","ClientRequestToken":"t1"}`, true)
	call(t, sm, "PutSecretValue", `{"SecretId":"app/jwt","SecretString":"v2","ClientRequestToken":"t2"}`, true)
	// Retrying a token with the same value is idempotent; with another value it is refused.
	if code, _, _ := call(t, sm, "PutSecretValue", `{"SecretId":"app/jwt","SecretString":"v2","ClientRequestToken":"t2"}`, true); code != 200 || sm.Versions("app/jwt") != 2 {
		t.Errorf("idempotent retry: %d, %d versions", code, sm.Versions("app/jwt"))
	}
	if code, out, _ := call(t, sm, "PutSecretValue", `{"SecretId":"app/jwt","SecretString":"v3","ClientRequestToken":"t2"}`, true); code != 400 || out["__type"] != "ResourceExistsException" {
		t.Errorf("token reuse: %d %v", code, out)
	}
	if _, out, _ := call(t, sm, "GetSecretValue", `{"SecretId":"app/jwt"}`, true); out["SecretString"] != "v2" || out["VersionId"] != "t2" {
		t.Errorf("current: %v", out)
	}
	if _, out, _ := call(t, sm, "GetSecretValue", `{"SecretId":"app/jwt","VersionStage":"AWSPREVIOUS"}`, true); out["SecretString"] != "v1" {
		t.Errorf("previous: %v", out)
	}
	if code, out, _ := call(t, sm, "GetSecretValue", `{"SecretId":"app/jwt"}`, false); code != 400 || out["__type"] != "MissingAuthenticationTokenException" {
		t.Errorf("unsigned request: %d %v", code, out)
	}
	if code, out, _ := call(t, sm, "RotateSecret", `{"SecretId":"app/jwt"}`, true); code != 400 || !strings.Contains(out["Message"].(string), "unsupported") {
		t.Errorf("unsupported op: %d %v", code, out)
	}
	sm.MarkDeleted("app/jwt")
	if code, _, _ := call(t, sm, "PutSecretValue", `{"SecretId":"app/jwt","SecretString":"x"}`, true); code != 400 {
		t.Error("write to a secret scheduled for deletion accepted")
	}
	if reqs := sm.Requests(); reqs[0].AccessKeyID != "AKIDTEST" || reqs[0].Region != "us-east-1" {
		t.Errorf("recorded: %+v", reqs[0])
	}
}
