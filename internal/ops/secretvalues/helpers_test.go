package secretvalues

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/supabase-eks/supabase-eks/internal/testkit/awsfake"
)

func clientFor(t *testing.T, url string) *secretsmanager.Client {
	t.Helper()
	s, err := NewSecretsManager(context.Background(), "us-east-1", url,
		awsconfig.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(fakeAccessKey, "fakeSecretKey", "")),
		awsconfig.WithSharedConfigFiles([]string{}), awsconfig.WithSharedCredentialsFiles([]string{}))
	if err != nil {
		t.Fatal(err)
	}
	return s.Client
}

func getPrevious(name string) *secretsmanager.GetSecretValueInput {
	return &secretsmanager.GetSecretValueInput{SecretId: aws.String(name), VersionStage: aws.String("AWSPREVIOUS")}
}

// TestEndpointFromEnvironment: the standard AWS_ENDPOINT_URL_SECRETS_MANAGER
// variable redirects the CLI (local e2e runs, VPC endpoints) without a flag.
func TestEndpointFromEnvironment(t *testing.T) {
	fake := awsfake.New("us-east-1", "111122223333")
	fake.AddSecret("x/jwt", `{"a":"b"}`)
	srv := httptest.NewServer(fake)
	defer srv.Close()
	t.Setenv("AWS_ENDPOINT_URL_SECRETS_MANAGER", srv.URL)
	t.Setenv("AWS_ACCESS_KEY_ID", "AKIAFAKEENV000000001")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "x")
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(t.TempDir(), "none"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(t.TempDir(), "none"))
	s, err := NewSecretsManager(context.Background(), "us-east-1", "")
	if err != nil {
		t.Fatal(err)
	}
	v, ok, err := s.Current(context.Background(), "x/jwt")
	if err != nil || !ok || v != `{"a":"b"}` {
		t.Fatalf("%q %v %v", v, ok, err)
	}
	if r := fake.Requests(); r[0].AccessKeyID != "AKIAFAKEENV000000001" {
		t.Errorf("signed with %s", r[0].AccessKeyID)
	}
}
