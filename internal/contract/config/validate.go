package config

import (
	"errors"
	"fmt"
	"net/netip"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/aws/amazon-vpc-resource-controller-k8s/pkg/aws/vpc"
	"github.com/supabase-eks/supabase-eks/internal/awsname"
	"github.com/supabase-eks/supabase-eks/internal/contract/names"
	"github.com/supabase-eks/supabase-eks/internal/elblogs"
	"github.com/supabase-eks/supabase-eks/internal/pricetable"
	"github.com/supabase-eks/supabase-eks/internal/rdsca"
	"github.com/supabase-eks/supabase-eks/internal/rdsclass"
)

var (
	nameRe      = regexp.MustCompile(`^[a-z][a-z0-9-]{1,20}$`)
	k8sVerRe    = regexp.MustCompile(`^1\.(\d+)$`)
	pgVerRe     = regexp.MustCompile(`^(\d+)\.\d+$`)
	windowRe    = regexp.MustCompile(`^\d{2}:\d{2}-\d{2}:\d{2}$`)
	maintRe     = regexp.MustCompile(`^(mon|tue|wed|thu|fri|sat|sun):\d{2}:\d{2}-(mon|tue|wed|thu|fri|sat|sun):\d{2}:\d{2}$`)
	acmARNRe    = regexp.MustCompile(`^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate/[0-9a-f-]{36}$`)
	zoneIDRe    = regexp.MustCompile(`^Z[0-9A-Z]{1,32}$`)
	instanceRe  = regexp.MustCompile(`^[a-z][a-z0-9-]*\.[a-z0-9]+$`)
	dbClassRe   = regexp.MustCompile(`^db\.[a-z0-9-]+\.[a-z0-9]+$`)
	dbIdentRe   = regexp.MustCompile(`^[a-z][a-z0-9_]{0,62}$`)
	awsCronRe   = regexp.MustCompile(`^cron\([0-9*,/-]+ [0-9*,/-]+ [0-9*?,/LW#-]+ [0-9A-Z*,/-]+ [0-9A-Z*?,/L#-]+ [0-9*,/-]+\)$`)
	retentionOK = map[int]bool{1: true, 3: true, 5: true, 7: true, 14: true, 30: true, 60: true, 90: true, 120: true, 150: true, 180: true, 365: true, 400: true, 545: true, 731: true, 1096: true, 1827: true, 2192: true, 2557: true, 2922: true, 3288: true, 3653: true}
)

// Supported version ranges. EKS 1.34 leaves standard support in December 2026,
// so 1.35 is the oldest minor worth deploying now.
const (
	minKubernetesMinor = 35
	maxKubernetesMinor = 36
	minPostgresMajor   = 16
	maxPostgresMajor   = 17
	// Backup retention floors: a week everywhere, two weeks in production.
	minBackupRetention     = 7
	minProdBackupRetention = 14
)

// Validate checks the whole environment and reports every problem, each
// prefixed with the field at fault.
func (e Environment) Validate() error {
	var errs []error
	add := func(field, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", field, fmt.Sprintf(format, args...)))
	}
	if !nameRe.MatchString(e.Name) {
		add("name", "%q must be lower-case letters, digits and dashes", e.Name)
	}
	if !nameRe.MatchString(e.Project) {
		add("project", "%q must be lower-case letters, digits and dashes", e.Project)
	}
	if !awsname.Region.MatchString(e.Region) {
		add("region", "%q is not an AWS region", e.Region)
	}
	if !awsname.AccountID.MatchString(e.AccountID) {
		add("accountId", "%q is not a 12-digit AWS account id", e.AccountID)
	}
	seenAZ := map[string]bool{}
	for i, az := range e.AvailabilityZones {
		if !strings.HasPrefix(az, e.Region) || len(az) != len(e.Region)+1 {
			add(fmt.Sprintf("availabilityZones[%d]", i), "%q is not a zone of %s", az, e.Region)
		}
		if seenAZ[az] {
			add(fmt.Sprintf("availabilityZones[%d]", i), "%q listed twice", az)
		}
		seenAZ[az] = true
	}
	if _, err := PlanSubnets(e.Network.VpcCIDR, len(e.AvailabilityZones)); err != nil {
		errs = append(errs, err)
	}
	if e.IsProd() && len(e.AvailabilityZones) < 3 {
		add("availabilityZones", "prod needs 3 zones for a zone failure to leave a majority, got %d", len(e.AvailabilityZones))
	}

	// State backend.
	if !awsname.Bucket.MatchString(e.State.Bucket) {
		add("state.bucket", "%q is not an S3 bucket name", e.State.Bucket)
	}
	if e.State.Key == "" || strings.HasPrefix(e.State.Key, "/") {
		add("state.key", "%q must be a relative object key", e.State.Key)
	}
	if !awsname.Region.MatchString(e.State.Region) {
		add("state.region", "%q is not an AWS region", e.State.Region)
	}
	if e.State.KMSKeyID != "" && !awsname.ARN.MatchString(e.State.KMSKeyID) {
		add("state.kmsKeyId", "%q is not a KMS key ARN", e.State.KMSKeyID)
	}

	// Network.
	switch e.Network.NAT {
	case NATSingle, NATPerAZ:
	default:
		add("network.nat", "%q: want %q or %q", e.Network.NAT, NATSingle, NATPerAZ)
	}
	if e.IsProd() && e.Network.NAT != NATPerAZ {
		add("network.nat", "prod needs %q so one zone's outage does not cut egress", NATPerAZ)
	}
	if !retentionOK[e.Network.FlowLogRetentionDays] {
		add("network.flowLogRetentionDays", "%d is not a CloudWatch Logs retention value", e.Network.FlowLogRetentionDays)
	}

	// Cluster.
	c := e.Cluster
	if m := k8sVerRe.FindStringSubmatch(c.KubernetesVersion); m == nil {
		add("cluster.kubernetesVersion", "%q: want 1.<minor>", c.KubernetesVersion)
	} else if minor := atoi(m[1]); minor < minKubernetesMinor || minor > maxKubernetesMinor {
		add("cluster.kubernetesVersion", "%q is outside the supported 1.%d..1.%d", c.KubernetesVersion, minKubernetesMinor, maxKubernetesMinor)
	}
	if p, err := netip.ParsePrefix(c.ServiceCIDR); err != nil || p.Masked() != p {
		add("cluster.serviceCidr", "%q is not a network CIDR", c.ServiceCIDR)
	} else if overlaps(c.ServiceCIDR, e.Network.VpcCIDR) {
		add("cluster.serviceCidr", "%s overlaps network.vpcCidr %s", c.ServiceCIDR, e.Network.VpcCIDR)
	}
	for i, cidr := range c.PublicAccessCIDRs {
		p, err := netip.ParsePrefix(cidr)
		switch {
		case err != nil:
			add(fmt.Sprintf("cluster.publicAccessCidrs[%d]", i), "%q is not a CIDR", cidr)
		case p.Bits() == 0:
			add(fmt.Sprintf("cluster.publicAccessCidrs[%d]", i), "%q opens the API to the internet; list admin networks", cidr)
		}
	}
	if len(c.AdminPrincipalARNs) == 0 {
		add("cluster.adminPrincipalArns", "at least one admin principal is needed: the cluster grants no creator access")
	}
	for i, arn := range c.AdminPrincipalARNs {
		if !awsname.ARN.MatchString(arn) || !strings.Contains(arn, ":iam::") {
			add(fmt.Sprintf("cluster.adminPrincipalArns[%d]", i), "%q is not an IAM principal ARN", arn)
		}
	}
	if !retentionOK[c.LogRetentionDays] {
		add("cluster.logRetentionDays", "%d is not a CloudWatch Logs retention value", c.LogRetentionDays)
	}
	if len(c.NodeGroups) == 0 {
		add("cluster.nodeGroups", "at least one node group is needed")
	}
	seenNG := map[string]bool{}
	for i, ng := range c.NodeGroups {
		f := fmt.Sprintf("cluster.nodeGroups[%d]", i)
		if !nameRe.MatchString(ng.Name) || seenNG[ng.Name] {
			add(f+".name", "%q must be a unique lower-case name", ng.Name)
		}
		seenNG[ng.Name] = true
		if len(ng.InstanceTypes) == 0 {
			add(f+".instanceTypes", "at least one instance type is needed")
		}
		for j, it := range ng.InstanceTypes {
			if !instanceRe.MatchString(it) {
				add(fmt.Sprintf("%s.instanceTypes[%d]", f, j), "%q is not an EC2 instance type", it)
			} else if !knownEC2[it] {
				add(fmt.Sprintf("%s.instanceTypes[%d]", f, j), "%q is not in the price table (%s): a typo, or add its price there", it, pricetable.File)
			} else if lim, ok := vpc.Limits[it]; !ok || !lim.IsTrunkingCompatible {
				add(fmt.Sprintf("%s.instanceTypes[%d]", f, j), "%q cannot carry pod security groups (no branch network interfaces in the VPC Resource Controller's table): the database clients' pods would never start; use a non-t family such as c7g, m7g", it)
			}
		}
		// Cluster Autoscaler simulates a new node from one shape per group: a
		// mix scales up wrongly sized nodes (or none).
		shapes := map[pricetable.Shape][]string{}
		for _, it := range ng.InstanceTypes {
			if s, ok := ec2Shapes[it]; ok {
				shapes[s] = append(shapes[s], it)
			}
		}
		if len(shapes) > 1 {
			var desc []string
			for s, types := range shapes {
				desc = append(desc, fmt.Sprintf("%s: %d vCPU %d GiB", strings.Join(types, ", "), s[0], s[1]))
			}
			sort.Strings(desc)
			add(f+".instanceTypes", "types of different shapes (%s); Cluster Autoscaler needs one vCPU/memory shape per node group", strings.Join(desc, "; "))
		}
		if ng.CapacityType != "ON_DEMAND" && ng.CapacityType != "SPOT" {
			add(f+".capacityType", "%q: want ON_DEMAND or SPOT", ng.CapacityType)
		}
		if ng.MinSize < 0 || ng.MaxSize < 1 {
			add(f+".maxSize", "sizes must be min >= 0 and max >= 1")
		}
		if ng.MinSize > ng.MaxSize {
			add(f+".minSize", "%d is greater than maxSize %d", ng.MinSize, ng.MaxSize)
		}
		if ng.DesiredSize < ng.MinSize || ng.DesiredSize > ng.MaxSize {
			add(f+".desiredSize", "%d is outside minSize..maxSize (%d..%d)", ng.DesiredSize, ng.MinSize, ng.MaxSize)
		}
		if ng.DiskGiB < 20 || ng.DiskGiB > 16384 {
			add(f+".diskGiB", "%d is outside 20..16384", ng.DiskGiB)
		}
		if e.IsProd() && ng.MinSize < 2 {
			add(f+".minSize", "prod keeps at least 2 nodes so a node loss does not stop the stack, got %d", ng.MinSize)
		}
	}

	// Database.
	d := e.Database
	if m := pgVerRe.FindStringSubmatch(d.EngineVersion); m == nil {
		add("database.engineVersion", "%q: want <major>.<minor>", d.EngineVersion)
	} else if major := atoi(m[1]); major < minPostgresMajor || major > maxPostgresMajor {
		add("database.engineVersion", "%q: major %d is outside %d..%d", d.EngineVersion, major, minPostgresMajor, maxPostgresMajor)
	}
	if !dbClassRe.MatchString(d.InstanceClass) {
		add("database.instanceClass", "%q is not an RDS instance class", d.InstanceClass)
	} else if !knownRDS[d.InstanceClass] {
		add("database.instanceClass", "%q is not in the price table (%s): a typo, or add its price there", d.InstanceClass, pricetable.File)
	} else if _, err := rdsclass.MaxConnections(d.InstanceClass); err != nil {
		// The connection budget (internal/capacity) and the RDS
		// connections alarm both need the class's max_connections.
		add("database.instanceClass", "%v", err)
	}
	if d.AllocatedStorageGiB < 20 {
		add("database.allocatedStorageGiB", "%d is below the gp3 minimum of 20", d.AllocatedStorageGiB)
	}
	if d.MaxAllocatedStorageGiB <= d.AllocatedStorageGiB {
		add("database.maxAllocatedStorageGiB", "%d must exceed allocatedStorageGiB %d to enable storage autoscaling", d.MaxAllocatedStorageGiB, d.AllocatedStorageGiB)
	}
	floor := minBackupRetention
	if e.IsProd() {
		floor = minProdBackupRetention
	}
	if d.BackupRetentionDays < floor || d.BackupRetentionDays > 35 {
		add("database.backupRetentionDays", "%d is outside %d..35", d.BackupRetentionDays, floor)
	}
	// RDS wants both windows at least 30 minutes long and apart from each other.
	bs, be, berr := dailyWindow(d.BackupWindow)
	switch {
	case !windowRe.MatchString(d.BackupWindow) || berr != nil:
		add("database.backupWindow", "%q: want hh:mm-hh:mm (UTC)%s", d.BackupWindow, errSuffix(berr))
	case be-bs < 30:
		add("database.backupWindow", "%q is shorter than the 30 minutes RDS requires", d.BackupWindow)
	}
	ms, me, merr := weeklyWindow(d.MaintenanceWindow)
	switch {
	case !maintRe.MatchString(d.MaintenanceWindow) || merr != nil:
		add("database.maintenanceWindow", "%q: want ddd:hh:mm-ddd:hh:mm (UTC)%s", d.MaintenanceWindow, errSuffix(merr))
	case me-ms < 30:
		add("database.maintenanceWindow", "%q is shorter than the 30 minutes RDS requires", d.MaintenanceWindow)
	case berr == nil && windowsOverlap(bs, be, ms, me):
		add("database.maintenanceWindow", "%q overlaps the daily backup window %q; RDS refuses that", d.MaintenanceWindow, d.BackupWindow)
	}
	if e.IsProd() && (!d.MultiAZ || !d.DeletionProtection || d.SkipFinalSnapshot) {
		add("database", "prod needs multiAz, deletionProtection and a final snapshot")
	}
	if e.IsProd() && !d.RetainBackupsOnDestroy {
		add("database.retainBackupsOnDestroy", "prod's logical backups must outlive a teardown and the deployer: set it")
	}
	if d.RetainBackupsOnDestroy && !d.RetainKeyOnDestroy {
		add("database.retainKeyOnDestroy", "the retained backups are encrypted with the environment's key: keep it too")
	}
	if !d.SkipFinalSnapshot && !d.RetainKeyOnDestroy {
		add("database.retainKeyOnDestroy", "a final snapshot is kept, but the key that decrypts it would be deleted 30 days after a teardown: set it")
	}
	if !dbIdentRe.MatchString(d.DatabaseName) {
		add("database.databaseName", "%q is not a PostgreSQL identifier", d.DatabaseName)
	}
	if !dbIdentRe.MatchString(d.MasterUsername) || d.MasterUsername == "postgres" || d.MasterUsername == "supabase_admin" {
		add("database.masterUsername", "%q must be an identifier and not a role Supabase creates", d.MasterUsername)
	}
	if d.MaxSlotWALKeepSizeMB < 1024 {
		add("database.maxSlotWalKeepSizeMb", "%d is below 1024; Realtime's slot would be invalidated on short outages", d.MaxSlotWALKeepSizeMB)
	}
	if !slices.Contains(rdsca.Identifiers, d.CACertIdentifier) {
		add("database.caCertIdentifier", "%q: want one of %s", d.CACertIdentifier, strings.Join(rdsca.Identifiers, ", "))
	}
	switch d.MonitoringIntervalSeconds {
	case 1, 5, 10, 15, 30, 60:
	default:
		add("database.monitoringIntervalSeconds", "%d: want 1, 5, 10, 15, 30 or 60", d.MonitoringIntervalSeconds)
	}

	if r := d.PointInTimeRestore; r != nil {
		r.validate(e, time.Now(), add)
	}

	// Backup vault.
	if v := e.BackupVault; v.Enabled {
		if !awsCronRe.MatchString(v.Schedule) {
			add("backupVault.schedule", "%q: want an AWS Backup cron expression such as cron(0 7 * * ? *)", v.Schedule)
		}
		if v.RetentionDays < 7 || v.RetentionDays > 3653 {
			add("backupVault.retentionDays", "%d is outside 7..3653", v.RetentionDays)
		}
		switch v.Lock {
		case VaultLockNone, VaultLockGovernance:
		case VaultLockCompliance:
			if v.ChangeableForDays < 3 || v.ChangeableForDays > 36500 {
				add("backupVault.changeableForDays", "%d: a compliance lock needs a grace period of 3..36500 days", v.ChangeableForDays)
			}
		default:
			add("backupVault.lock", "%q: want %q, %q or %q", v.Lock, VaultLockNone, VaultLockGovernance, VaultLockCompliance)
		}
	}
	if e.IsProd() && (!e.BackupVault.Enabled || e.BackupVault.Lock != VaultLockCompliance) {
		add("backupVault", "prod's backups must survive a compromised deployer or administrator: enable the vault with a compliance lock")
	}

	// Teardown.
	if w := e.Teardown.SecretRecoveryWindowDays; w != 0 && (w < 7 || w > 30) {
		add("teardown.secretRecoveryWindowDays", "%d: want 0 (delete at once) or 7..30, the recovery windows Secrets Manager allows", w)
	}
	if e.IsProd() && e.Teardown.ForceDestroyBuckets {
		add("teardown.forceDestroyBuckets", "prod's buckets hold the users' files and the backups: a teardown must not delete them with their contents")
	}
	if e.IsProd() && e.Teardown.SecretRecoveryWindowDays == 0 {
		add("teardown.secretRecoveryWindowDays", "prod's deleted secrets must stay recoverable: want 7..30")
	}

	// Domain.
	dom := e.Domain
	if dom.Name != "" && !awsname.DNSName.MatchString(dom.Name) {
		add("domain.name", "%q is not a DNS name", dom.Name)
	}
	switch {
	case dom.Name != "" && dom.CertificateARN == "" && dom.HostedZoneID == "":
		add("domain.certificateArn", "domain.name needs a certificate for HTTPS: set certificateArn, or hostedZoneId for the stack to issue one")
	case dom.Name == "" && dom.CertificateARN != "":
		add("domain.certificateArn", "set together with domain.name (HTTPS needs both)")
	case dom.Name == "" && dom.HostedZoneID != "":
		add("domain.hostedZoneId", "set together with domain.name: the zone validates the certificate for that name")
	case dom.CertificateARN != "" && dom.HostedZoneID != "":
		add("domain.hostedZoneId", "set either certificateArn (your certificate) or hostedZoneId (the stack issues one), not both")
	}
	if dom.HostedZoneID != "" && !zoneIDRe.MatchString(dom.HostedZoneID) {
		add("domain.hostedZoneId", "%q is not a Route 53 hosted zone id (Z followed by upper-case letters and digits, no /hostedzone/ prefix)", dom.HostedZoneID)
	}
	if dom.CertificateARN != "" && !acmARNRe.MatchString(dom.CertificateARN) {
		add("domain.certificateArn", "%q is not an ACM certificate ARN", dom.CertificateARN)
	} else if dom.CertificateARN != "" && !strings.Contains(dom.CertificateARN, ":"+e.Region+":") {
		add("domain.certificateArn", "certificate must be in %s, the ALB's region", e.Region)
	}
	if dom.WAFACLArn != "" && !strings.HasPrefix(dom.WAFACLArn, "arn:aws:wafv2:") {
		add("domain.wafAclArn", "%q is not a WAFv2 ARN", dom.WAFACLArn)
	}
	if dom.CreateWAF && dom.WAFACLArn != "" {
		add("domain.createWaf", "set either createWaf or wafAclArn: the ALB takes one web ACL")
	}
	if dom.CreateWAF && (dom.WAFRateLimit < 100 || dom.WAFRateLimit > 2000000000) {
		add("domain.wafRateLimit", "%d: want 100..2000000000 requests per client address in 5 minutes", dom.WAFRateLimit)
	}
	if e.IsProd() && !dom.CreateWAF && dom.WAFACLArn == "" {
		add("domain.createWaf", "prod's ALB faces the internet without a web ACL: set createWaf (or wafAclArn)")
	}
	if obs := e.Observability; obs.AccessLogs {
		if _, err := elblogs.For(e.Region); err != nil {
			add("observability.accessLogs", "%v", err)
		}
		if obs.AccessLogDays < 1 || obs.AccessLogDays > 3653 {
			add("observability.accessLogDays", "%d: want 1..3653 days before access logs expire", obs.AccessLogDays)
		}
	}
	if e.IsProd() && !e.Observability.AccessLogs {
		add("observability.accessLogs", "prod would keep no record of the requests its ALB and buckets served: set it")
	}
	if e.Observability.AlarmEmail != "" && !strings.Contains(e.Observability.AlarmEmail, "@") {
		add("observability.alarmEmail", "%q is not an e-mail address", e.Observability.AlarmEmail)
	}
	if e.IsProd() && e.Observability.AlarmEmail == "" {
		add("observability.alarmEmail", "prod needs someone to notify: alarms and RDS events go to an SNS topic with no other subscriber")
	}
	if e.Tags[ProjectTag] != e.Project {
		add("tags."+ProjectTag, "%q, want the project %q: the deployer and the permissions boundary recognise the project's KMS keys by this tag", e.Tags[ProjectTag], e.Project)
	}
	for k := range e.Tags {
		if strings.HasPrefix(strings.ToLower(k), "aws:") {
			add("tags", "key %q uses the reserved aws: prefix", k)
		}
	}
	if err := e.Workloads.Validate(e.IsProd()); err != nil {
		errs = append(errs, err)
	}
	if n := names.PoolerLoadBalancer(e.ResourcePrefix()); e.Workloads.Pooler.Enabled && e.Workloads.Pooler.LoadBalancer.Enabled && len(n) > names.MaxLoadBalancerName {
		add("workloads.pooler.loadBalancer.enabled", "the NLB would be named %q, %d characters; ELB allows %d: shorten the environment's name", n, len(n), names.MaxLoadBalancerName)
	}
	if len(errs) > 0 {
		return fmt.Errorf("environment %q is invalid:\n%w", e.Name, errors.Join(errs...))
	}
	return nil
}

func errSuffix(err error) string {
	if err == nil {
		return ""
	}
	return ": " + err.Error()
}

// knownEC2 and knownRDS are the instance types the price table lists.
var knownEC2, knownRDS = pricetable.KnownInstanceTypes()

var ec2Shapes = pricetable.Shapes()

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}
