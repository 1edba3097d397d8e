package outputs

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"

	"github.com/supabase-eks/supabase-eks/internal/awsname"
)

// Field describes one output of the contract.
type Field struct {
	// Name is the Terraform output name.
	Name string
	// Doc becomes the output's description.
	Doc string
	// Optional outputs may be absent or empty.
	Optional bool
	index    int
}

// Fields lists the contract's outputs in declaration order.
// securityGroupID is an EC2 security group id.
var securityGroupID = regexp.MustCompile(`^sg-[0-9a-f]{8,17}$`)

func Fields() []Field {
	t := reflect.TypeOf(Outputs{})
	fields := make([]Field, 0, t.NumField())
	for i := 0; i < t.NumField(); i++ {
		tag := t.Field(i).Tag.Get("output")
		name, opt, _ := strings.Cut(tag, ",")
		fields = append(fields, Field{Name: name, Doc: t.Field(i).Tag.Get("doc"), Optional: opt == "optional", index: i})
	}
	return fields
}

// Values returns each output's value keyed by output name, in the Go types of
// the struct (string, int, bool, []string, map[string]string). The infrastructure
// program turns each into a Terraform output.
func (o *Outputs) Values() map[string]any {
	v := reflect.ValueOf(o).Elem()
	values := make(map[string]any)
	for _, f := range Fields() {
		values[f.Name] = v.Field(f.index).Interface()
	}
	return values
}

// DefaultPath is where an environment's outputs are read from when no file
// is named: outputs/<env>.json (written after a real apply), else the
// committed example, examples/outputs/<env>.json; example says which.
func DefaultPath(env string) (path string, example bool) {
	path = filepath.Join("outputs", env+".json")
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return filepath.Join("examples", "outputs", env+".json"), true
	}
	return path, false
}

// Load reads an outputs file from path; see Parse for the accepted shapes.
func Load(path string) (*Outputs, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("outputs: %w", err)
	}
	o, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("outputs file %s: %w", path, err)
	}
	return o, nil
}

// Parse decodes outputs in any of three shapes and validates them:
//   - `terraform output -json`: {"name": {"value": ..., "type": ..., "sensitive": false}}
//   - `cdktf deploy --outputs-file`: {"<stack>": {"name": value}}
//   - flat: {"name": value}
func Parse(data []byte) (*Outputs, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return nil, fmt.Errorf("not a JSON object: %w", err)
	}
	flat, err := flatten(top)
	if err != nil {
		return nil, err
	}
	o := &Outputs{}
	v := reflect.ValueOf(o).Elem()
	for _, f := range Fields() {
		raw, ok := flat[f.Name]
		if !ok || bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
			if f.Optional {
				continue
			}
			return nil, fmt.Errorf("missing output %q (%s)", f.Name, f.Doc)
		}
		target := v.Field(f.index).Addr().Interface()
		dec := json.NewDecoder(bytes.NewReader(raw))
		if err := dec.Decode(target); err != nil {
			return nil, fmt.Errorf("output %q: want %s: %v", f.Name, v.Field(f.index).Type(), err)
		}
	}
	if err := o.Validate(); err != nil {
		return nil, err
	}
	return o, nil
}

func flatten(top map[string]json.RawMessage) (map[string]json.RawMessage, error) {
	if len(top) == 0 {
		return nil, fmt.Errorf("no outputs in file")
	}
	// cdktf --outputs-file: a single stack name whose value holds the outputs.
	if len(top) == 1 {
		for name, raw := range top {
			if _, isOutput := fieldNames()[name]; !isOutput {
				var inner map[string]json.RawMessage
				if err := json.Unmarshal(raw, &inner); err != nil {
					return nil, fmt.Errorf("stack %q: not an object of outputs", name)
				}
				top = inner
			}
		}
	}
	flat := make(map[string]json.RawMessage, len(top))
	for name, raw := range top {
		// terraform output -json wraps every value.
		var wrapped struct {
			Value     json.RawMessage `json:"value"`
			Type      json.RawMessage `json:"type"`
			Sensitive *bool           `json:"sensitive"`
		}
		if json.Unmarshal(raw, &wrapped) == nil && wrapped.Value != nil && wrapped.Type != nil {
			raw = wrapped.Value
		}
		flat[name] = raw
	}
	return flat, nil
}

func fieldNames() map[string]struct{} {
	names := map[string]struct{}{}
	for _, f := range Fields() {
		names[f.Name] = struct{}{}
	}
	return names
}

var (
	k8sNameRe    = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`)
	k8sVersionRe = regexp.MustCompile(`^1\.\d+$`)
	pgVersionRe  = regexp.MustCompile(`^\d+\.\d+$`)
	// logPrefixRe keeps the prefix to characters the Ingress's comma- and
	// equals-separated attribute list carries unquoted.
	logPrefixRe = regexp.MustCompile(`^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$`)
)

// Validate checks each value's shape, naming the output at fault.
func (o *Outputs) Validate() error {
	var errs []string
	bad := func(name, format string, args ...any) {
		errs = append(errs, fmt.Sprintf("output %q: %s", name, fmt.Sprintf(format, args...)))
	}
	if !k8sNameRe.MatchString(o.Environment) {
		bad("environment", "%q is not a lower-case name", o.Environment)
	}
	if !awsname.Region.MatchString(o.Region) {
		bad("region", "%q is not an AWS region", o.Region)
	}
	if !awsname.AccountID.MatchString(o.AccountID) {
		bad("account_id", "%q is not a 12-digit account id", o.AccountID)
	}
	if o.ClusterName == "" {
		bad("cluster_name", "empty")
	}
	for name, u := range map[string]string{"cluster_endpoint": o.ClusterEndpoint, "cluster_oidc_issuer_url": o.ClusterOIDCIssuerURL} {
		if p, err := url.Parse(u); err != nil || p.Scheme != "https" || p.Host == "" {
			bad(name, "%q is not an https URL", u)
		}
	}
	if !k8sVersionRe.MatchString(o.KubernetesVersion) {
		bad("kubernetes_version", "%q: want 1.<minor>", o.KubernetesVersion)
	}
	if o.VpcID == "" {
		bad("vpc_id", "empty")
	}
	for name, id := range map[string]string{"cluster_security_group_id": o.ClusterSecurityGroupID, "db_client_security_group_id": o.DBClientSecurityGroupID} {
		if !securityGroupID.MatchString(id) {
			bad(name, "%q is not a security group id (sg-...)", id)
		}
	}
	checkCIDR := func(name, c string) {
		if _, _, err := net.ParseCIDR(c); err != nil {
			bad(name, "%q is not a CIDR", c)
		}
	}
	checkCIDR("vpc_cidr", o.VpcCIDR)
	for name, list := range map[string][]string{"public_subnet_cidrs": o.PublicSubnetCIDRs, "private_subnet_cidrs": o.PrivateSubnetCIDRs, "database_subnet_cidrs": o.DatabaseSubnetCIDRs} {
		if len(list) < 2 {
			bad(name, "want at least 2 subnets (one per AZ), got %d", len(list))
		}
		for _, c := range list {
			checkCIDR(name, c)
		}
	}
	if o.DBHost == "" || strings.Contains(o.DBHost, ":") {
		bad("db_host", "%q must be a host name without port", o.DBHost)
	}
	if o.DBPort < 1 || o.DBPort > 65535 {
		bad("db_port", "%d is not a TCP port", o.DBPort)
	}
	if !pgVersionRe.MatchString(o.DBEngineVersion) {
		bad("db_engine_version", "%q: want <major>.<minor>", o.DBEngineVersion)
	}
	if !k8sNameRe.MatchString(strings.ReplaceAll(o.DBName, "_", "-")) {
		bad("db_name", "%q is not a database name", o.DBName)
	}
	if o.DBMasterUsername == "" {
		bad("db_master_username", "empty")
	}
	if !awsname.ARN.MatchString(o.DBMasterSecretARN) {
		bad("db_master_secret_arn", "%q is not an ARN", o.DBMasterSecretARN)
	}
	for name, b := range map[string]string{"storage_bucket_name": o.StorageBucketName, "backup_bucket_name": o.BackupBucketName} {
		if !awsname.Bucket.MatchString(b) {
			bad(name, "%q is not an S3 bucket name", b)
		}
	}
	if o.BackupPrefix == "" || !strings.HasSuffix(o.BackupPrefix, "/") || strings.HasPrefix(o.BackupPrefix, "/") {
		bad("backup_prefix", "%q must be a relative key prefix ending in /", o.BackupPrefix)
	}
	if !awsname.ARN.MatchString(o.KMSKeyARN) {
		bad("kms_key_arn", "%q is not an ARN", o.KMSKeyARN)
	}
	for _, logical := range SecretOrder {
		if o.SecretNames[logical] == "" {
			bad("secret_names", "missing key %q", logical)
		}
		if !awsname.ARN.MatchString(o.SecretARNs[logical]) {
			bad("secret_arns", "key %q: %q is not an ARN", logical, o.SecretARNs[logical])
		}
	}
	for _, role := range RequiredRoles {
		if !awsname.ARN.MatchString(o.RoleARNs[role]) {
			bad("irsa_role_arns", "key %q: %q is not an ARN", role, o.RoleARNs[role])
		}
	}
	if !awsname.ARN.MatchString(o.AlarmTopicARN) {
		bad("alarm_topic_arn", "%q is not an ARN", o.AlarmTopicARN)
	}
	if o.Domain != "" && !awsname.DNSName.MatchString(o.Domain) {
		bad("domain", "%q is not a DNS name", o.Domain)
	}
	if (o.Domain == "") != (o.CertificateARN == "") {
		bad("certificate_arn", "domain and certificate_arn must be set together")
	}
	if o.CertificateARN != "" && !awsname.ARN.MatchString(o.CertificateARN) {
		bad("certificate_arn", "%q is not an ARN", o.CertificateARN)
	}
	if o.WAFACLArn != "" && !awsname.ARN.MatchString(o.WAFACLArn) {
		bad("waf_acl_arn", "%q is not an ARN", o.WAFACLArn)
	}
	if (o.ALBLogBucket == "") != (o.ALBLogPrefix == "") {
		bad("alb_log_prefix", "alb_log_bucket and alb_log_prefix must be set together")
	}
	if o.ALBLogBucket != "" && !awsname.Bucket.MatchString(o.ALBLogBucket) {
		bad("alb_log_bucket", "%q is not an S3 bucket name", o.ALBLogBucket)
	}
	// ELB appends AWSLogs/<account>/... itself and refuses a prefix holding it.
	if o.ALBLogPrefix != "" && (!logPrefixRe.MatchString(o.ALBLogPrefix) || strings.Contains(o.ALBLogPrefix, "AWSLogs")) {
		bad("alb_log_prefix", "%q must be a relative key prefix without leading or trailing /, commas, = or AWSLogs", o.ALBLogPrefix)
	}
	if len(errs) > 0 {
		sort.Strings(errs)
		return fmt.Errorf("invalid outputs:\n  %s", strings.Join(errs, "\n  "))
	}
	return nil
}

// RequiredRoles are the IRSA roles every environment has; the CloudWatch
// observability role exists only when that add-on is enabled.
var RequiredRoles = []string{RoleExternalSecrets, RoleStorage, RoleLoadBalancerController, RoleClusterAutoscaler, RoleEBSCSI, RoleDBBackup}

// HasRole reports whether the environment created the named IRSA role.
func (o *Outputs) HasRole(role string) bool { return o.RoleARNs[role] != "" }
