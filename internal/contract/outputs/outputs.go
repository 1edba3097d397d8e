// Package outputs is the contract between the AWS layer (infra/) and the
// Kubernetes layer (k8s/, cmd/). The infrastructure program fills an Outputs
// value and exports every field as a Terraform output named by its `output`
// tag; the Kubernetes program and the operations CLI read those outputs back
// into the same struct. Adding a field here is the only change needed for a
// new value to cross the boundary.
package outputs

// Outputs is everything the Kubernetes side and the operations tooling need to
// know about one environment's AWS resources. None of it is secret: secret
// values live in Secrets Manager and only their names and ARNs appear here.
type Outputs struct {
	// Environment is the configuration name (dev, prod).
	Environment string `output:"environment" doc:"Environment name the stack was synthesized for."`
	// Region is the AWS region of every resource.
	Region string `output:"region" doc:"AWS region."`
	// AccountID is the 12-digit AWS account id.
	AccountID string `output:"account_id" doc:"AWS account id."`

	ClusterName          string `output:"cluster_name" doc:"EKS cluster name (also the Cluster Autoscaler discovery tag)."`
	ClusterEndpoint      string `output:"cluster_endpoint" doc:"EKS API server endpoint URL."`
	ClusterOIDCIssuerURL string `output:"cluster_oidc_issuer_url" doc:"OIDC issuer URL of the cluster (IRSA)."`
	KubernetesVersion    string `output:"kubernetes_version" doc:"Kubernetes minor version of the control plane."`

	// ClusterSecurityGroupID and DBClientSecurityGroupID are the groups the
	// database clients' pods carry (a SecurityGroupPolicy): the cluster's,
	// for everything every pod may do, and the one RDS admits.
	ClusterSecurityGroupID  string `output:"cluster_security_group_id" doc:"EKS-created cluster security group (every node and pod)."`
	DBClientSecurityGroupID string `output:"db_client_security_group_id" doc:"Security group of the pods that may reach RDS (security groups for pods); RDS admits only it."`

	VpcID               string   `output:"vpc_id" doc:"VPC id."`
	VpcCIDR             string   `output:"vpc_cidr" doc:"VPC IPv4 CIDR."`
	PublicSubnetCIDRs   []string `output:"public_subnet_cidrs" doc:"Public subnet CIDRs (ALB); NetworkPolicies admit the ALB from these."`
	PrivateSubnetCIDRs  []string `output:"private_subnet_cidrs" doc:"Private subnet CIDRs (nodes and pods)."`
	DatabaseSubnetCIDRs []string `output:"database_subnet_cidrs" doc:"Isolated database subnet CIDRs; NetworkPolicies allow 5432 egress to these."`

	// InterfaceEndpoints puts STS (among others) at addresses inside the
	// VPC, which the NetworkPolicies' internet egress must then not exclude.
	InterfaceEndpoints bool `output:"interface_endpoints" doc:"Whether the VPC has interface endpoints (sts, secretsmanager, ecr.api, ecr.dkr, logs), whose private DNS names resolve inside the VPC."`

	DBHost            string `output:"db_host" doc:"RDS endpoint host name (no port)."`
	DBPort            int    `output:"db_port" doc:"RDS port."`
	DBName            string `output:"db_name" doc:"Initial database name."`
	DBMasterUsername  string `output:"db_master_username" doc:"RDS master user name (the bootstrap Job logs in as this user)."`
	DBMasterSecretARN string `output:"db_master_secret_arn" doc:"ARN of the RDS-managed master user secret."`
	// DBEngineVersion picks the cluster's psql and pg_dump image: pg_dump
	// refuses to dump a server newer than itself.
	DBEngineVersion string `output:"db_engine_version" doc:"PostgreSQL engine version of the RDS instance (major.minor); the cluster's psql and pg_dump images match it."`

	StorageBucketName string `output:"storage_bucket_name" doc:"S3 bucket backing Supabase Storage."`
	BackupBucketName  string `output:"backup_bucket_name" doc:"S3 bucket receiving logical pg_dump backups."`
	BackupPrefix      string `output:"backup_prefix" doc:"Key prefix the backup job may write under (ends with /)."`

	KMSKeyARN string `output:"kms_key_arn" doc:"Customer-managed KMS key for secrets, S3, RDS, logs and EBS."`

	// SecretNames maps a logical secret (see SecretJWT and friends) to its
	// Secrets Manager name.
	SecretNames map[string]string `output:"secret_names" doc:"Secrets Manager secret names keyed by logical name."`
	// SecretARNs maps the same logical names to ARNs.
	SecretARNs map[string]string `output:"secret_arns" doc:"Secrets Manager secret ARNs keyed by logical name."`

	// RoleARNs maps an IRSA role (see RoleExternalSecrets and friends) to its ARN.
	RoleARNs map[string]string `output:"irsa_role_arns" doc:"IRSA role ARNs keyed by logical role name."`

	// AlarmTopicARN receives CloudWatch alarms.
	AlarmTopicARN string `output:"alarm_topic_arn" doc:"SNS topic for CloudWatch alarms."`

	// Domain is the public host name, empty when none is configured.
	Domain string `output:"domain,optional" doc:"Public host name for the API gateway (empty: use the ALB DNS name)."`
	// CertificateARN is the ACM certificate for Domain, empty when none.
	CertificateARN string `output:"certificate_arn,optional" doc:"ACM certificate ARN for the domain (empty without a domain)."`
	// WAFACLArn optionally attaches a WAFv2 web ACL to the ALB.
	WAFACLArn string `output:"waf_acl_arn,optional" doc:"WAFv2 web ACL ARN for the ALB (empty: none)."`

	// ALBLogBucket receives the ALB's access logs under ALBLogPrefix; both
	// are empty when access logs are off.
	ALBLogBucket string `output:"alb_log_bucket,optional" doc:"S3 bucket the ALB writes its access logs to (empty: access logs off)."`
	ALBLogPrefix string `output:"alb_log_prefix,optional" doc:"Key prefix of the ALB access logs in alb_log_bucket (no leading or trailing /)."`
}

// Logical secret names: keys of Outputs.SecretNames and Outputs.SecretARNs.
// Each secret is a JSON object; its keys are listed in SecretKeys.
const (
	SecretJWT       = "jwt"
	SecretDatabase  = "database"
	SecretDashboard = "dashboard"
	SecretRealtime  = "realtime"
	SecretMeta      = "meta"
	SecretSMTP      = "smtp"
	// SecretSigningKeys holds the asymmetric JWT signing keys and what is
	// derived from them (internal/ops/secretvalues, signingkeys.go).
	SecretSigningKeys = "signing_keys"
	// SecretAPIKeys holds the opaque publishable and secret API keys, two
	// slots each so that one can be replaced while the other works.
	SecretAPIKeys = "api_keys"
	// SecretPooler holds Supavisor's own keys and the passwords of the two
	// roles only the pooler uses (its metadata role and the application
	// role): generated by `secrets init` like the others.
	SecretPooler = "pooler"
	// SecretPoolerConnection is what application teams read: the pooled
	// connection strings (user <role>.<tenant>), written by `secrets init`
	// from SecretPooler's application password.
	SecretPoolerConnection = "pooler_connection"
)

// SecretKeys lists the JSON keys each Secrets Manager secret holds. The
// infrastructure creates empty containers, the operations CLI writes these
// keys, and the ExternalSecrets read them: all three use this table.
var SecretKeys = map[string][]string{
	SecretJWT:       {"jwt_secret", "anon_key", "service_role_key"},
	SecretDatabase:  {"authenticator_password", "supabase_auth_admin_password", "supabase_storage_admin_password", "supabase_admin_password"},
	SecretDashboard: {"username", "password"},
	SecretRealtime:  {"secret_key_base", "db_enc_key"},
	SecretMeta:      {"crypto_key"},
	SecretSMTP:      {"host", "port", "user", "password", "admin_email", "sender_name"},
	// state is the rotation state (private keys included) only the CLI
	// reads; gotrue_keys is GOTRUE_JWT_KEYS; jwks the public set every
	// verifier gets; legacy_signing says GoTrue still signs with the HS256
	// secret; anon_jwt and service_role_jwt are what Kong forwards for the
	// opaque API keys.
	SecretSigningKeys: {"state", "gotrue_keys", "jwks", "legacy_signing", "anon_jwt", "service_role_jwt"},
	// An empty slot is a key that does not exist.
	SecretAPIKeys: {"publishable_key_1", "publishable_key_2", "secret_key_1", "secret_key_2"},
	// tls_*: the private CA and the certificate Supavisor presents to
	// clients that ask for TLS (issued by `secrets init`).
	SecretPooler: {"secret_key_base", "vault_enc_key", "api_jwt_secret", "metrics_jwt_secret", "supavisor_password", "app_user_password",
		"tls_ca", "tls_cert", "tls_key"},
	// The URLs of the pooler's in-cluster Service; username and password
	// apart too, for clients configured field by field, and the CA that
	// verifies the pooler's certificate (sslmode=verify-full).
	SecretPoolerConnection: {"transaction_url", "session_url", "username", "password", "ca_cert"},
}

// SigningAlgorithm is the algorithm of the asymmetric signing keys
// `secrets` creates: ES256, which every pinned verifier and the Supabase
// client libraries support.
const SigningAlgorithm = "ES256"

// SecretOrder is SecretKeys' keys in a stable order.
// SecretJWT comes before SecretSigningKeys: `secrets init` decides from
// whether the legacy secret already existed how the first signing key starts.
var SecretOrder = []string{SecretJWT, SecretDatabase, SecretDashboard, SecretRealtime, SecretMeta, SecretSMTP, SecretSigningKeys, SecretAPIKeys,
	// SecretPoolerConnection after SecretPooler: it is derived from it.
	SecretPooler, SecretPoolerConnection}

// Logical IRSA role names: keys of Outputs.RoleARNs. Each role trusts exactly
// one service account, given by ServiceAccounts.
const (
	RoleExternalSecrets         = "external_secrets"
	RoleStorage                 = "storage"
	RoleLoadBalancerController  = "aws_load_balancer_controller"
	RoleClusterAutoscaler       = "cluster_autoscaler"
	RoleEBSCSI                  = "ebs_csi_driver"
	RoleDBBackup                = "db_backup"
	RoleCloudWatchObservability = "cloudwatch_observability"
)

// ServiceAccount identifies the one Kubernetes service account an IRSA role trusts.
type ServiceAccount struct {
	Namespace string
	Name      string
}

// Namespace holds the Supabase workloads.
const Namespace = "supabase"

// StorageTenant is Storage's TENANT_ID: the first segment of every S3 key
// it writes (<tenant>/<bucket id>/<name>/<version>), which the storage
// restore and check read back.
const StorageTenant = "stub"

// ServiceAccounts is the single source for which service account assumes
// which role: infra writes the trust policies from it, k8s names the service
// accounts and Helm values from it.
var ServiceAccounts = map[string]ServiceAccount{
	RoleExternalSecrets:         {Namespace: "external-secrets", Name: "external-secrets"},
	RoleStorage:                 {Namespace: Namespace, Name: "storage"},
	RoleLoadBalancerController:  {Namespace: "kube-system", Name: "aws-load-balancer-controller"},
	RoleClusterAutoscaler:       {Namespace: "kube-system", Name: "cluster-autoscaler"},
	RoleEBSCSI:                  {Namespace: "kube-system", Name: "ebs-csi-controller-sa"},
	RoleDBBackup:                {Namespace: Namespace, Name: "db-backup"},
	RoleCloudWatchObservability: {Namespace: "amazon-cloudwatch", Name: "cloudwatch-agent"},
}

// RoleOrder is ServiceAccounts' keys in a stable order.
var RoleOrder = []string{RoleExternalSecrets, RoleStorage, RoleLoadBalancerController, RoleClusterAutoscaler, RoleEBSCSI, RoleDBBackup, RoleCloudWatchObservability}

// The logical backup reports each successful upload as this CloudWatch
// metric (dimension BackupMetricDimension = the environment name); the AWS
// layer alarms when a day passes without one, and lets the backup role put
// metrics into this namespace only.
const (
	BackupMetricNamespace = "Supabase/Backups"
	BackupMetricName      = "BackupSucceeded"
	BackupMetricDimension = "Environment"
)
