package platform

import (
	"fmt"
	"strings"

	"github.com/supabase-eks/supabase-eks/k8s/components"
	"github.com/supabase-eks/supabase-eks/k8s/manifest"
	networkingv1 "k8s.io/api/networking/v1"
)

// IngressName is the one Ingress; delete it before destroying the VPC so the
// controller removes the ALB and its security groups first.
const IngressName = "supabase"

// IngressAnnotations configures the ALB through the AWS Load Balancer
// Controller.
func IngressAnnotations(c *manifest.Context) map[string]string {
	attrs := []string{
		fmt.Sprintf("idle_timeout.timeout_seconds=%d", c.W.ALBIdleTimeoutSeconds),
		// Headers that are not valid HTTP (request smuggling, header
		// injection into Kong's and the services' parsers) end at the ALB.
		"routing.http.drop_invalid_header_fields.enabled=true",
	}
	if c.W.ALBDeletionProtection {
		attrs = append(attrs, "deletion_protection.enabled=true")
	}
	if c.Out.ALBLogBucket != "" {
		// ELB itself writes the objects (the bucket policy admits the
		// region's log writer); the controller only sets the attributes.
		attrs = append(attrs, "access_logs.s3.enabled=true",
			"access_logs.s3.bucket="+c.Out.ALBLogBucket, "access_logs.s3.prefix="+c.Out.ALBLogPrefix)
	} else {
		// Said explicitly: the controller leaves attributes the annotation
		// stops naming as they are, so turning logs off would keep the ALB
		// writing to a bucket the stack is about to delete.
		attrs = append(attrs, "access_logs.s3.enabled=false")
	}
	tags := []string{"Environment=" + c.Env.Name, "ManagedBy=supabase-eks", "Project=" + c.Env.Project}
	a := map[string]string{
		"alb.ingress.kubernetes.io/scheme":                   "internet-facing",
		"alb.ingress.kubernetes.io/target-type":              "ip",
		"alb.ingress.kubernetes.io/load-balancer-name":       c.Env.ResourcePrefix(),
		"alb.ingress.kubernetes.io/load-balancer-attributes": strings.Join(attrs, ","),
		"alb.ingress.kubernetes.io/tags":                     strings.Join(tags, ","),
		// Kong's status listener answers without credentials; the proxy
		// port would answer 401 at every path.
		"alb.ingress.kubernetes.io/healthcheck-port":     fmt.Sprint(components.KongStatusPort),
		"alb.ingress.kubernetes.io/healthcheck-path":     "/status/ready",
		"alb.ingress.kubernetes.io/success-codes":        "200",
		"alb.ingress.kubernetes.io/healthcheck-protocol": "HTTP",
		// Drain for as long as a terminating Kong keeps serving (see
		// components.KongPreStopSeconds), not the ALB's 300 s default.
		"alb.ingress.kubernetes.io/target-group-attributes": fmt.Sprintf("deregistration_delay.timeout_seconds=%d", components.KongDeregistrationSeconds),
	}
	if c.Out.Domain != "" {
		a["alb.ingress.kubernetes.io/listen-ports"] = `[{"HTTP": 80}, {"HTTPS": 443}]`
		a["alb.ingress.kubernetes.io/ssl-redirect"] = "443"
		a["alb.ingress.kubernetes.io/certificate-arn"] = c.Out.CertificateARN
		a["alb.ingress.kubernetes.io/ssl-policy"] = "ELBSecurityPolicy-TLS13-1-2-2021-06"
	} else {
		a["alb.ingress.kubernetes.io/listen-ports"] = `[{"HTTP": 80}]`
	}
	if c.Out.WAFACLArn != "" {
		a["alb.ingress.kubernetes.io/wafv2-acl-arn"] = c.Out.WAFACLArn
	}
	return a
}

// Ingress sends every path to Kong.
func Ingress(c *manifest.Context) {
	pathType := networkingv1.PathTypePrefix
	rule := networkingv1.IngressRule{IngressRuleValue: networkingv1.IngressRuleValue{HTTP: &networkingv1.HTTPIngressRuleValue{
		Paths: []networkingv1.HTTPIngressPath{{
			Path:     "/",
			PathType: &pathType,
			Backend: networkingv1.IngressBackend{Service: &networkingv1.IngressServiceBackend{
				Name: "kong", Port: networkingv1.ServiceBackendPort{Name: "http"},
			}},
		}},
	}}}
	if c.Out.Domain != "" {
		rule.Host = c.Out.Domain
	}
	meta := c.ObjectMeta(IngressName, "kong")
	meta.Annotations = IngressAnnotations(c)
	c.Add(manifest.StageIngress, &networkingv1.Ingress{
		TypeMeta:   manifest.Type("networking.k8s.io/v1", "Ingress"),
		ObjectMeta: meta,
		Spec: networkingv1.IngressSpec{
			IngressClassName: manifest.Ptr("alb"),
			Rules:            []networkingv1.IngressRule{rule},
		},
	})
}
