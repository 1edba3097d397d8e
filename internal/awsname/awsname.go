// Package awsname holds the shapes of AWS identifiers. The configuration
// and the outputs contract both check them; one definition keeps the two
// from drifting apart.
package awsname

import "regexp"

var (
	// Region matches region names such as us-east-1 and us-gov-west-1.
	Region = regexp.MustCompile(`^[a-z]{2}(-gov)?-[a-z]+-\d$`)
	// AccountID matches a 12-digit account id.
	AccountID = regexp.MustCompile(`^\d{12}$`)
	// ARN matches an ARN of any partition whose account field is empty or 12 digits.
	ARN = regexp.MustCompile(`^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12})?:.+$`)
	// DNSName matches a lower-case fully qualified host name.
	DNSName = regexp.MustCompile(`^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$`)
	// Bucket matches an S3 bucket name.
	Bucket = regexp.MustCompile(`^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$`)
)
