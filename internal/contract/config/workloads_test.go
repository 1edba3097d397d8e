package config

import (
	"strings"
	"testing"
)

func TestWorkloadsValid(t *testing.T) {
	if err := devWorkloads().Validate(false); err != nil {
		t.Errorf("dev: %v", err)
	}
	if err := prodWorkloads().Validate(true); err != nil {
		t.Errorf("prod: %v", err)
	}
}

// TestWorkloadsErrorsNameTheField: each broken value is reported with the
// path of the field at fault.
func TestWorkloadsErrorsNameTheField(t *testing.T) {
	cases := []struct {
		field  string
		prod   bool
		mutate func(w *Workloads)
	}{
		{"workloads.kong.replicas", true, func(w *Workloads) { w.Kong.Replicas = 1 }},
		{"workloads.rest.replicas", false, func(w *Workloads) { w.Rest.Replicas = 2 }},
		{"workloads.kong.resources.ephemeralStorageLimit", false, func(w *Workloads) { w.Kong.Resources.EphemeralStorageLimit = "" }},
		{"workloads.studio.resources.ephemeralStorageRequest", true, func(w *Workloads) { w.Studio.Resources.EphemeralStorageRequest = "10Gi" }},
		{"workloads.backup.resources.ephemeralStorageRequest", false, func(w *Workloads) { w.Backup.Resources.EphemeralStorageRequest = "-1Mi" }},
		{"workloads.imgproxy.replicas", true, func(w *Workloads) { w.Imgproxy.Replicas = 1 }},
		{"workloads.rest.minReplicas", true, func(w *Workloads) { w.Rest.MinReplicas = 1 }},
		{"workloads.storage.resources.memoryRequest", false, func(w *Workloads) { w.Storage.Resources.MemoryRequest = "2Gi" }},
		{"workloads.meta.resources.cpuLimit", false, func(w *Workloads) { w.Meta.Resources.CPULimit = "lots" }},
		{"workloads.realtime.targetCpuPercent", false, func(w *Workloads) { w.Realtime.TargetCPUPercent = 0 }},
		{"workloads.albIdleTimeoutSeconds", false, func(w *Workloads) { w.ALBIdleTimeoutSeconds = 60 }},
		{"workloads.kongWorkerProcesses", false, func(w *Workloads) { w.KongWorkerProcesses = 0 }},
		{"workloads.secretRefreshInterval", false, func(w *Workloads) { w.SecretRefreshInterval = "soon" }},
		{"workloads.realtimeTenant", false, func(w *Workloads) { w.RealtimeTenant = "Real Time" }},
		{"workloads.backup.schedule", false, func(w *Workloads) { w.Backup.Schedule = "daily" }},
		{"workloads.backup.scratchGiB", false, func(w *Workloads) { w.Backup.ScratchGiB = 0 }},
		{"workloads.smtpPorts", false, func(w *Workloads) { w.SMTPPorts = nil }},
		{"workloads.studioAllowedCidrs[0]", false, func(w *Workloads) { w.StudioAllowedCIDRs = []string{"10.0.0.1/8"} }},
		{"workloads.studioAllowedCidrs[0]", false, func(w *Workloads) { w.StudioAllowedCIDRs = []string{"0.0.0.0/0"} }},
		{"workloads.authSiteUrl", false, func(w *Workloads) { w.AuthSiteURL = "app.example.com" }},
		{"workloads.authSiteUrl", true, func(w *Workloads) { w.AuthSiteURL = "http://app.example.com" }},
		{"workloads.authRedirectUrls[1]", false, func(w *Workloads) {
			w.AuthRedirectURLs = append(w.AuthRedirectURLs, "https://a.example.com/**, https://b.example.com/**")
		}},
		{"workloads.authRedirectUrls[0]", false, func(w *Workloads) { w.AuthRedirectURLs = []string{"https://**"} }},
		{"workloads.authRedirectUrls[0]", false, func(w *Workloads) { w.AuthRedirectURLs = []string{"/callback"} }},
		{"workloads.functions.replicas", true, func(w *Workloads) { w.FunctionsEnabled = true; w.Functions.Replicas = 1 }},
		{"workloads.zoneSpread", false, func(w *Workloads) { w.ZoneSpread = "Hard" }},
		{"workloads.zoneSpread", false, func(w *Workloads) { w.ZoneSpread = "" }},
		{"workloads.zoneSpread", true, func(w *Workloads) { w.ZoneSpread = SpreadPreferred }},
		{"workloads.addonReplicas", false, func(w *Workloads) { w.AddonReplicas = 0 }},
		{"workloads.addonReplicas", false, func(w *Workloads) { w.AddonReplicas = 6 }},
		{"workloads.addonReplicas", true, func(w *Workloads) { w.AddonReplicas = 1 }},
		{"workloads.auth.dbPoolSize", false, func(w *Workloads) { w.Auth.DBPoolSize = 0 }},
		{"workloads.storage.dbPoolSize", true, func(w *Workloads) { w.Storage.DBPoolSize = MaxDBPoolSize + 1 }},
		{"workloads.meta.dbPoolSize", false, func(w *Workloads) { w.Meta.DBPoolSize = 5 }},
		{"workloads.albDeletionProtection", true, func(w *Workloads) { w.ALBDeletionProtection = false }},
		{"workloads.pooler.tenant", true, func(w *Workloads) { w.Pooler.Tenant = "my.tenant" }},
		{"workloads.supavisor.maxReplicas", true, func(w *Workloads) { w.Supavisor = scaled(2, 4, w.Supavisor.Resources).withPool(3) }},
		{"workloads.supavisor.dbPoolSize", true, func(w *Workloads) { w.Supavisor.DBPoolSize = 0 }},
		{"workloads.supavisor.replicas", true, func(w *Workloads) { w.Supavisor.Replicas = 1 }},
		{"workloads.pooler.storagePoolSize", true, func(w *Workloads) { w.Pooler.StoragePoolSize = 0 }},
		{"workloads.pooler.appPoolSize", true, func(w *Workloads) { w.Pooler.AppPoolSize = MaxDBPoolSize + 1 }},
		{"workloads.pooler.appMaxClients", true, func(w *Workloads) { w.Pooler.AppMaxClients = w.Pooler.AppPoolSize - 1 }},
		{"workloads.pooler.clientNamespaces[0]", true, func(w *Workloads) { w.Pooler.ClientNamespaces = []string{"Apps"} }},
		{"workloads.pooler.loadBalancer.sourceCidrs", true, func(w *Workloads) { w.Pooler.LoadBalancer.Enabled = true }},
		{"workloads.pooler.loadBalancer.sourceCidrs[0]", true, func(w *Workloads) {
			w.Pooler.LoadBalancer = PoolerLoadBalancer{Enabled: true, SourceCIDRs: []string{"0.0.0.0/0"}}
		}},
		{"workloads.pooler.loadBalancer.sourceCidrs[0]", true, func(w *Workloads) {
			w.Pooler.LoadBalancer = PoolerLoadBalancer{Enabled: true, SourceCIDRs: []string{"10.0.0.1/8"}}
		}},
		{"workloads.pooler.loadBalancer.enabled", true, func(w *Workloads) { w.Pooler.LoadBalancer.SourceCIDRs = []string{"10.0.0.0/8"} }},
		// A disabled pooler is not validated, except that dev's settings
		// are checked once it is switched on.
		{"workloads.pooler.tenant", false, func(w *Workloads) { w.Pooler.Enabled = true; w.Pooler.Tenant = "" }},
	}
	for _, tc := range cases {
		t.Run(tc.field, func(t *testing.T) {
			w := devWorkloads()
			if tc.prod {
				w = prodWorkloads()
			}
			tc.mutate(&w)
			err := w.Validate(tc.prod)
			if err == nil || !strings.Contains(err.Error(), tc.field+":") {
				t.Fatalf("error %v, want one naming %s", err, tc.field)
			}
		})
	}
}

// TestLoadRejectsBadWorkloads: the environment loader reports workload
// errors too.
func TestLoadRejectsBadWorkloads(t *testing.T) {
	env := Prod()
	env.Workloads.Studio.Replicas = 1
	if err := env.Validate(); err == nil || !strings.Contains(err.Error(), "workloads.studio.replicas") {
		t.Fatalf("got %v", err)
	}
}
