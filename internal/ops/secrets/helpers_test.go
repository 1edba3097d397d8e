package secrets

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
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
