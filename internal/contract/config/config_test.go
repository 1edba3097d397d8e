package config

import (
	"strconv"
	"strings"
	"testing"
)

func TestShippedEnvironmentsAreValid(t *testing.T) {
	for _, name := range Names() {
		if _, err := Load(name); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestProdDefaults(t *testing.T) {
	p := Prod()
	if len(p.AvailabilityZones) != 3 || p.Network.NAT != NATPerAZ || !p.Database.MultiAZ || p.Database.BackupRetentionDays < 14 {
		t.Fatalf("prod must default to 3 AZs, NAT per AZ, Multi-AZ and >= 14 days of backups: %+v", p)
	}
	if Dev().Network.NAT != NATSingle {
		t.Fatal("dev should share one NAT gateway")
	}
}

// TestTeardownDefaults: dev leaves nothing behind after a destroy, prod
// keeps its buckets' data and keeps deleted secrets recoverable for the
// longest window Secrets Manager allows.
func TestTeardownDefaults(t *testing.T) {
	if d := Dev().Teardown; !d.ForceDestroyBuckets || d.SecretRecoveryWindowDays != 0 {
		t.Errorf("dev teardown %+v, want force-destroyed buckets and secrets deleted at once", d)
	}
	if p := Prod().Teardown; p.ForceDestroyBuckets || p.SecretRecoveryWindowDays != 30 {
		t.Errorf("prod teardown %+v, want kept buckets and a 30-day secret recovery window", p)
	}
}

// TestBadInputNamesTheField mutates a valid environment and expects the
// error to name the field at fault.
func TestBadInputNamesTheField(t *testing.T) {
	cases := []struct {
		name  string
		field string
		env   func() Environment
		mut   func(*Environment)
	}{
		{"one AZ", "availabilityZones", Dev, func(e *Environment) { e.AvailabilityZones = e.AvailabilityZones[:1] }},
		{"AZ from another region", "availabilityZones[1]", Dev, func(e *Environment) { e.AvailabilityZones[1] = "eu-west-1b" }},
		{"prod with two AZs", "availabilityZones", Prod, func(e *Environment) { e.AvailabilityZones = e.AvailabilityZones[:2] }},
		{"VPC too small", "network.vpcCidr", Dev, func(e *Environment) { e.Network.VpcCIDR = "10.0.0.0/24" }},
		{"VPC not a network", "network.vpcCidr", Dev, func(e *Environment) { e.Network.VpcCIDR = "10.0.0.1/16" }},
		{"service CIDR overlaps VPC", "cluster.serviceCidr", Dev, func(e *Environment) { e.Cluster.ServiceCIDR = "10.20.128.0/20" }},
		{"public endpoint open to the world", "cluster.publicAccessCidrs[0]", Dev, func(e *Environment) { e.Cluster.PublicAccessCIDRs = []string{"0.0.0.0/0"} }},
		{"node group min > max", "cluster.nodeGroups[0].minSize", Dev, func(e *Environment) { e.Cluster.NodeGroups[0].MinSize = 5 }},
		{"desired outside range", "cluster.nodeGroups[0].desiredSize", Dev, func(e *Environment) { e.Cluster.NodeGroups[0].DesiredSize = 9 }},
		{"bad capacity type", "cluster.nodeGroups[0].capacityType", Dev, func(e *Environment) { e.Cluster.NodeGroups[0].CapacityType = "RESERVED" }},
		{"no admin", "cluster.adminPrincipalArns", Dev, func(e *Environment) { e.Cluster.AdminPrincipalARNs = nil }},
		{"unsupported kubernetes", "cluster.kubernetesVersion", Dev, func(e *Environment) { e.Cluster.KubernetesVersion = "1.29" }},
		{"dev retention below floor", "database.backupRetentionDays", Dev, func(e *Environment) { e.Database.BackupRetentionDays = 3 }},
		{"prod retention below floor", "database.backupRetentionDays", Prod, func(e *Environment) { e.Database.BackupRetentionDays = 7 }},
		{"postgres 15", "database.engineVersion", Dev, func(e *Environment) { e.Database.EngineVersion = "15.8" }},
		{"no storage autoscaling", "database.maxAllocatedStorageGiB", Dev, func(e *Environment) { e.Database.MaxAllocatedStorageGiB = 20 }},
		{"prod without multi-AZ", "database", Prod, func(e *Environment) { e.Database.MultiAZ = false }},
		{"bad backup window", "database.backupWindow", Dev, func(e *Environment) { e.Database.BackupWindow = "3am" }},
		{"misspelt instance class", "database.instanceClass", Dev, func(e *Environment) { e.Database.InstanceClass = "db.t4g.micor" }},
		{"node types of two shapes", "cluster.nodeGroups[0].instanceTypes", Dev, func(e *Environment) { e.Cluster.NodeGroups[0].InstanceTypes = []string{"t4g.medium", "m7g.medium"} }},
		{"misspelt node type", "cluster.nodeGroups[0].instanceTypes[0]", Dev, func(e *Environment) { e.Cluster.NodeGroups[0].InstanceTypes[0] = "t4g.meduim" }},
		{"backup window hour 25", "database.backupWindow", Dev, func(e *Environment) { e.Database.BackupWindow = "25:00-26:00" }},
		{"backup window of 10 minutes", "database.backupWindow", Dev, func(e *Environment) { e.Database.BackupWindow = "03:00-03:10" }},
		{"maintenance on day funday", "database.maintenanceWindow", Dev, func(e *Environment) { e.Database.MaintenanceWindow = "fun:05:00-fun:06:00" }},
		{"maintenance overlapping backups", "database.maintenanceWindow", Dev, func(e *Environment) {
			e.Database.BackupWindow, e.Database.MaintenanceWindow = "03:00-04:00", "sun:03:30-sun:04:30"
		}},
		{"maintenance across midnight into backups", "database.maintenanceWindow", Dev, func(e *Environment) {
			e.Database.BackupWindow, e.Database.MaintenanceWindow = "00:00-00:30", "sun:23:45-mon:00:15"
		}},
		{"final snapshot without its key", "database.retainKeyOnDestroy", Prod, func(e *Environment) { e.Database.RetainKeyOnDestroy = false }},
		{"burstable nodes cannot carry pod security groups", "cluster.nodeGroups[0].instanceTypes[0]", Prod, func(e *Environment) { e.Cluster.NodeGroups[0].InstanceTypes = []string{"t4g.large"} }},
		{"project tag missing", "tags.Project", Dev, func(e *Environment) { delete(e.Tags, "Project") }},
		{"prod backups not retained", "database.retainBackupsOnDestroy", Prod, func(e *Environment) { e.Database.RetainBackupsOnDestroy = false }},
		{"retained backups without their key", "database.retainKeyOnDestroy", Dev, func(e *Environment) { e.Database.RetainBackupsOnDestroy = true }},
		{"prod without a web ACL", "domain.createWaf", Prod, func(e *Environment) { e.Domain.CreateWAF = false }},
		{"two web ACLs", "domain.createWaf", Prod, func(e *Environment) {
			e.Domain.WAFACLArn = "arn:aws:wafv2:us-east-1:111122223333:regional/webacl/x/00000000-0000-4000-8000-000000000000"
		}},
		{"WAF rate limit too low", "domain.wafRateLimit", Prod, func(e *Environment) { e.Domain.WAFRateLimit = 10 }},
		{"prod alarms to nobody", "observability.alarmEmail", Prod, func(e *Environment) { e.Observability.AlarmEmail = "" }},
		{"unknown RDS CA", "database.caCertIdentifier", Dev, func(e *Environment) { e.Database.CACertIdentifier = "rds-ca-2019" }},
		{"domain without certificate", "domain.certificateArn", Dev, func(e *Environment) { e.Domain.Name = "api.example.com" }},
		{"certificate in another region", "domain.certificateArn", Prod, func(e *Environment) {
			e.Domain.CertificateARN = strings.Replace(e.Domain.CertificateARN, "us-east-1", "eu-west-1", 1)
		}},
		{"domain with a certificate and a zone", "domain.hostedZoneId", Prod, func(e *Environment) { e.Domain.HostedZoneID = "Z0123456789ABCDEFGHIJ" }},
		{"zone without a domain", "domain.hostedZoneId", Dev, func(e *Environment) { e.Domain.HostedZoneID = "Z0123456789ABCDEFGHIJ" }},
		{"zone id with its path prefix", "domain.hostedZoneId", Dev, func(e *Environment) {
			e.Domain.Name, e.Domain.HostedZoneID = "api.example.com", "/hostedzone/Z0123456789ABCDEFGHIJ"
		}},
		{"lower-case zone id", "domain.hostedZoneId", Dev, func(e *Environment) {
			e.Domain.Name, e.Domain.HostedZoneID = "api.example.com", "z0123456789abcdefghij"
		}},
		{"prod without access logs", "observability.accessLogs", Prod, func(e *Environment) { e.Observability.AccessLogs = false }},
		{"access logs kept zero days", "observability.accessLogDays", Dev, func(e *Environment) { e.Observability.AccessLogDays = 0 }},
		{"access logs in a region without a known writer", "observability.accessLogs", Dev, func(e *Environment) {
			e.Region, e.State.Region = "xx-nowhere-1", "xx-nowhere-1"
			e.AvailabilityZones = []string{"xx-nowhere-1a", "xx-nowhere-1b"}
		}},
		{"bad account", "accountId", Dev, func(e *Environment) { e.AccountID = "1234" }},
		{"bad NAT mode", "network.nat", Dev, func(e *Environment) { e.Network.NAT = "none" }},
		{"prod single NAT", "network.nat", Prod, func(e *Environment) { e.Network.NAT = NATSingle }},
		{"bad flow log retention", "network.flowLogRetentionDays", Dev, func(e *Environment) { e.Network.FlowLogRetentionDays = 10 }},
		{"reserved tag", "tags", Dev, func(e *Environment) { e.Tags["aws:owner"] = "x" }},
		{"secret recovery window of 3 days", "teardown.secretRecoveryWindowDays", Dev, func(e *Environment) { e.Teardown.SecretRecoveryWindowDays = 3 }},
		{"secret recovery window of 31 days", "teardown.secretRecoveryWindowDays", Prod, func(e *Environment) { e.Teardown.SecretRecoveryWindowDays = 31 }},
		{"negative secret recovery window", "teardown.secretRecoveryWindowDays", Dev, func(e *Environment) { e.Teardown.SecretRecoveryWindowDays = -1 }},
		{"prod secrets deleted at once", "teardown.secretRecoveryWindowDays", Prod, func(e *Environment) { e.Teardown.SecretRecoveryWindowDays = 0 }},
		{"prod buckets force-destroyed", "teardown.forceDestroyBuckets", Prod, func(e *Environment) { e.Teardown.ForceDestroyBuckets = true }},
		{"prod ALB without deletion protection", "workloads.albDeletionProtection", Prod, func(e *Environment) { e.Workloads.ALBDeletionProtection = false }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			env := tc.env()
			tc.mut(&env)
			err := env.Validate()
			if err == nil {
				t.Fatal("accepted")
			}
			if !strings.Contains(err.Error(), tc.field+":") {
				t.Fatalf("error does not name %q:\n%v", tc.field, err)
			}
		})
	}
}

// TestDomainTakesACertificateOrAZone: a domain with a hosted zone and no
// certificate is valid (the stack issues one); the region's access log
// writer being unknown is the only objection to an otherwise valid region.
func TestDomainTakesACertificateOrAZone(t *testing.T) {
	e := Dev()
	e.Domain.Name, e.Domain.HostedZoneID = "api.example.com", "Z0123456789ABCDEFGHIJ"
	if err := e.Validate(); err != nil {
		t.Fatalf("a domain with a hosted zone is refused: %v", err)
	}
	e = Dev()
	e.Region, e.State.Region = "xx-nowhere-1", "xx-nowhere-1"
	e.AvailabilityZones = []string{"xx-nowhere-1a", "xx-nowhere-1b"}
	e.Observability.AccessLogs = false
	if err := e.Validate(); err != nil {
		t.Fatalf("without access logs the region needs no log writer: %v", err)
	}
}

func TestUnknownEnvironment(t *testing.T) {
	_, err := Load("staging")
	if err == nil || !strings.Contains(err.Error(), `"staging"`) || !strings.Contains(err.Error(), "dev, prod") {
		t.Fatalf("want an error naming the environment and the known ones, got %v", err)
	}
}

func TestSubnetPlan(t *testing.T) {
	plan, err := PlanSubnets("10.20.0.0/16", 3)
	if err != nil {
		t.Fatal(err)
	}
	want := SubnetPlan{
		Public:   []string{"10.20.128.0/22", "10.20.132.0/22", "10.20.136.0/22"},
		Private:  []string{"10.20.0.0/19", "10.20.32.0/19", "10.20.64.0/19"},
		Database: []string{"10.20.160.0/22", "10.20.164.0/22", "10.20.168.0/22"},
	}
	if strings.Join(plan.Public, ",") != strings.Join(want.Public, ",") ||
		strings.Join(plan.Private, ",") != strings.Join(want.Private, ",") ||
		strings.Join(plan.Database, ",") != strings.Join(want.Database, ",") {
		t.Fatalf("got %+v", plan)
	}
	// No two subnets of any plan overlap, for every allowed VPC size and AZ count.
	for bits := minVPCPrefix; bits <= maxVPCPrefix; bits++ {
		for azs := 2; azs <= maxAZs; azs++ {
			p, err := PlanSubnets("10.0.0.0/"+strconv.Itoa(bits), azs)
			if err != nil {
				t.Fatal(err)
			}
			all := append(append(append([]string{}, p.Public...), p.Private...), p.Database...)
			for i := range all {
				if !overlaps(all[i], "10.0.0.0/"+strconv.Itoa(bits)) {
					t.Fatalf("/%d: %s outside the VPC", bits, all[i])
				}
				for j := i + 1; j < len(all); j++ {
					if overlaps(all[i], all[j]) {
						t.Fatalf("/%d x%d: %s overlaps %s", bits, azs, all[i], all[j])
					}
				}
			}
		}
	}
}

// The pooler's NLB is named after the cluster with a suffix, and ELB caps
// names at 32 characters: an environment whose name leaves no room is
// refused when the NLB is on, and only then.
func TestPoolerLoadBalancerNameFits(t *testing.T) {
	e := Prod()
	e.Name = "production-eu-west"
	if err := e.Validate(); err != nil && strings.Contains(err.Error(), "workloads.pooler.loadBalancer.enabled") {
		t.Fatalf("NLB off, yet: %v", err)
	}
	e.Workloads.Pooler.LoadBalancer = PoolerLoadBalancer{Enabled: true, SourceCIDRs: []string{"10.200.0.0/16"}}
	err := e.Validate()
	if err == nil || !strings.Contains(err.Error(), "workloads.pooler.loadBalancer.enabled:") || !strings.Contains(err.Error(), "supabase-production-eu-west-pooler") {
		t.Fatalf("a 34-character NLB name: error %v, want one naming workloads.pooler.loadBalancer.enabled", err)
	}
}
