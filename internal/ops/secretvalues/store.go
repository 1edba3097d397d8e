package secretvalues

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
)

// ErrNotFound is a secret container that does not exist.
var ErrNotFound = errors.New("secret not found")

// Description is what the operations tooling needs to know about a container.
type Description struct {
	ARN string
	// Deleted is set when the secret is scheduled for deletion.
	Deleted bool
}

// Store is the slice of Secrets Manager the tooling uses.
type Store interface {
	// Describe returns the container's metadata, or ErrNotFound.
	Describe(ctx context.Context, name string) (Description, error)
	// Current returns the AWSCURRENT SecretString; ok is false when the
	// container has no current version yet.
	Current(ctx context.Context, name string) (value string, ok bool, err error)
	// Put writes a new version and makes it AWSCURRENT; token makes a retry
	// of the same write idempotent.
	Put(ctx context.Context, name, value, token string) (versionID string, err error)
}

// SecretsManager is the Store backed by AWS Secrets Manager.
type SecretsManager struct {
	Client *secretsmanager.Client
}

// NewSecretsManager loads the default AWS configuration (environment,
// shared config, SSO, IRSA...) for region. An endpoint override, when
// non-empty, replaces the service endpoint (tests, VPC endpoints); the
// standard AWS_ENDPOINT_URL_SECRETS_MANAGER variable works as well.
func NewSecretsManager(ctx context.Context, region, endpoint string, opts ...func(*awsconfig.LoadOptions) error) (*SecretsManager, error) {
	cfg, err := awsconfig.LoadDefaultConfig(ctx, append([]func(*awsconfig.LoadOptions) error{awsconfig.WithRegion(region)}, opts...)...)
	if err != nil {
		return nil, fmt.Errorf("loading AWS configuration: %w", err)
	}
	client := secretsmanager.NewFromConfig(cfg, func(o *secretsmanager.Options) {
		if endpoint != "" {
			o.BaseEndpoint = aws.String(endpoint)
		}
	})
	return &SecretsManager{Client: client}, nil
}

// Describe implements Store.
func (s *SecretsManager) Describe(ctx context.Context, name string) (Description, error) {
	out, err := s.Client.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String(name)})
	if err != nil {
		var nf *types.ResourceNotFoundException
		if errors.As(err, &nf) {
			return Description{}, fmt.Errorf("%s: %w", name, ErrNotFound)
		}
		return Description{}, fmt.Errorf("describing %s: %w", name, err)
	}
	return Description{ARN: aws.ToString(out.ARN), Deleted: out.DeletedDate != nil}, nil
}

// Current implements Store.
func (s *SecretsManager) Current(ctx context.Context, name string) (string, bool, error) {
	out, err := s.Client.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String(name)})
	if err != nil {
		// A container without a version answers ResourceNotFoundException too;
		// Describe has already established that the container exists.
		var nf *types.ResourceNotFoundException
		if errors.As(err, &nf) {
			return "", false, nil
		}
		return "", false, fmt.Errorf("reading %s: %w", name, err)
	}
	return aws.ToString(out.SecretString), true, nil
}

// Put implements Store.
func (s *SecretsManager) Put(ctx context.Context, name, value, token string) (string, error) {
	in := &secretsmanager.PutSecretValueInput{SecretId: aws.String(name), SecretString: aws.String(value)}
	if token != "" {
		in.ClientRequestToken = aws.String(token)
	}
	out, err := s.Client.PutSecretValue(ctx, in)
	if err != nil {
		return "", fmt.Errorf("writing %s: %w", name, err)
	}
	return aws.ToString(out.VersionId), nil
}
