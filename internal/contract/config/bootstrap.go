package config

import (
	"errors"
	"fmt"

	"github.com/supabase-eks/supabase-eks/internal/awsname"
)

// Account describes the one-time account setup that every
// environment's stack depends on: the Terraform state bucket and the
// deployer role. It is applied once, with local state, before any environment.
type Account struct {
	Region    string
	AccountID string
	// StateBucket must equal each environment's State.Bucket.
	StateBucket string
	// Prefix matches Environment.Project: the deployer may manage resources
	// named "<Prefix>-*" only.
	Prefix string
	// DeployerTrustedPrincipals may assume the deployer role (humans' SSO
	// roles, a CI OIDC role). The account root trusts whoever IAM allows.
	DeployerTrustedPrincipals []string
}

// Bootstrap is the account setup shared by dev and prod.
func Bootstrap() Account {
	return Account{
		Region:                    "us-east-1",
		AccountID:                 "111122223333",
		StateBucket:               "supabase-eks-tfstate-111122223333",
		Prefix:                    "supabase",
		DeployerTrustedPrincipals: []string{"arn:aws:iam::111122223333:role/platform-admin"},
	}
}

// RetainedBackupPrefixes are the resource prefixes of the environments whose
// backups outlive a teardown (database.retainBackupsOnDestroy).
func (b Account) RetainedBackupPrefixes() []string {
	var out []string
	for _, name := range Names() {
		if env := registry[name](); env.Database.RetainBackupsOnDestroy {
			out = append(out, env.ResourcePrefix())
		}
	}
	return out
}

// Validate checks the bootstrap configuration and that every environment
// keeps its state in the bucket it creates.
func (b Account) Validate() error {
	var errs []error
	if !awsname.Region.MatchString(b.Region) {
		errs = append(errs, fmt.Errorf("bootstrap.region: %q is not an AWS region", b.Region))
	}
	if !awsname.AccountID.MatchString(b.AccountID) {
		errs = append(errs, fmt.Errorf("bootstrap.accountId: %q is not a 12-digit account id", b.AccountID))
	}
	if !awsname.Bucket.MatchString(b.StateBucket) {
		errs = append(errs, fmt.Errorf("bootstrap.stateBucket: %q is not an S3 bucket name", b.StateBucket))
	}
	if len(b.DeployerTrustedPrincipals) == 0 {
		errs = append(errs, fmt.Errorf("bootstrap.deployerTrustedPrincipals: at least one principal must be able to deploy"))
	}
	for i, p := range b.DeployerTrustedPrincipals {
		if !awsname.ARN.MatchString(p) {
			errs = append(errs, fmt.Errorf("bootstrap.deployerTrustedPrincipals[%d]: %q is not an ARN", i, p))
		}
	}
	for _, name := range Names() {
		env := registry[name]()
		if env.State.Bucket != b.StateBucket || env.AccountID != b.AccountID || env.Project != b.Prefix {
			errs = append(errs, fmt.Errorf("bootstrap.stateBucket: environment %s uses state bucket %q / account %s / project %q, bootstrap creates %q / %s / %q",
				name, env.State.Bucket, env.AccountID, env.Project, b.StateBucket, b.AccountID, b.Prefix))
		}
	}
	return errors.Join(errs...)
}
