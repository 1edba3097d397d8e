package edge

import (
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/acmcertificate"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/acmcertificatevalidation"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/route53record"
	"github.com/hashicorp/terraform-cdk-go/cdktf"
)

// CertificateProps configures a certificate the stack issues itself.
type CertificateProps struct {
	// DomainName is the API's host name (domain.name).
	DomainName string
	// HostedZoneID is the public Route 53 zone that answers for DomainName.
	HostedZoneID string
}

// Certificate is an ACM certificate for the API's host name.
type Certificate struct {
	// ARN resolves only once ACM has issued the certificate, so the outputs
	// contract never hands the Ingress a certificate still pending
	// validation (the ALB would refuse the HTTPS listener).
	ARN *string
}

// NewCertificate requests a DNS-validated ACM certificate for one name, writes
// its validation record into the hosted zone and waits for the issue.
func NewCertificate(scope constructs.Construct, id string, p CertificateProps) *Certificate {
	c := constructs.NewConstruct(scope, jsii.String(id))
	cert := acmcertificate.NewAcmCertificate(c, jsii.String("certificate"), &acmcertificate.AcmCertificateConfig{
		DomainName:       jsii.String(p.DomainName),
		ValidationMethod: jsii.String("DNS"),
		// A replacement (another name) is issued before the old one goes,
		// which the ALB's listener may still hold.
		Lifecycle: &cdktf.TerraformResourceLifecycle{CreateBeforeDestroy: jsii.Bool(true)},
	})
	// One name, no alternative names: exactly one validation option.
	opt := cert.DomainValidationOptions().Get(jsii.Number(0))
	record := route53record.NewRoute53Record(c, jsii.String("validation-record"), &route53record.Route53RecordConfig{
		ZoneId:  jsii.String(p.HostedZoneID),
		Name:    opt.ResourceRecordName(),
		Type:    opt.ResourceRecordType(),
		Records: &[]*string{opt.ResourceRecordValue()},
		Ttl:     jsii.Number(300),
		// ACM asks for the same record for the same name in the same
		// account: a re-created certificate (or one left by an earlier
		// environment) finds it there, and a plain create would fail.
		AllowOverwrite: jsii.Bool(true),
	})
	validation := acmcertificatevalidation.NewAcmCertificateValidation(c, jsii.String("validation"), &acmcertificatevalidation.AcmCertificateValidationConfig{
		CertificateArn:        cert.Arn(),
		ValidationRecordFqdns: &[]*string{record.Fqdn()},
	})
	return &Certificate{ARN: validation.CertificateArn()}
}
