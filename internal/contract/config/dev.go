package config

// Dev is a small, cheap environment: two zones, one NAT gateway, a
// single-AZ burstable database. It keeps prod's security controls except
// at the edge: without a domain it serves plain HTTP on the ALB's name
// (API keys, passwords and tokens then cross the internet unencrypted), and
// it has no web ACL. Give it a domain and a certificate (or the domain's
// Route 53 zone, domain.hostedZoneId, for the stack to issue one) before
// real data.
func Dev() Environment {
	return Environment{
		Name:              "dev",
		Project:           "supabase",
		Region:            "us-east-1",
		AccountID:         "111122223333",
		AvailabilityZones: []string{"us-east-1a", "us-east-1b"},
		State: State{
			Bucket: "supabase-eks-tfstate-111122223333",
			Key:    "supabase-dev/terraform.tfstate",
			Region: "us-east-1",
		},
		Network: Network{
			VpcCIDR:              "10.20.0.0/16",
			NAT:                  NATSingle,
			InterfaceEndpoints:   false,
			FlowLogRetentionDays: 30,
		},
		Cluster: Cluster{
			KubernetesVersion:  "1.35",
			ServiceCIDR:        "172.20.0.0/16",
			AdminPrincipalARNs: []string{"arn:aws:iam::111122223333:role/platform-admin"},
			LogRetentionDays:   30,
			NodeGroups: []NodeGroup{{
				Name: "general",
				// Spot keeps dev cheap; two Graviton types of one shape (2 vCPU,
				// 4 GiB: Cluster Autoscaler sizes a group by one) widen the Spot
				// pools, and PDBs ride out interruptions. No t4g: burstable
				// types have no branch interfaces for pod security groups.
				InstanceTypes: []string{"c6g.large", "c7g.large"},
				CapacityType:  "SPOT",
				MinSize:       2,
				DesiredSize:   2,
				MaxSize:       4,
				DiskGiB:       40,
			}},
		},
		Database: Database{
			EngineVersion:             "17.6",
			InstanceClass:             "db.t4g.micro",
			AllocatedStorageGiB:       20,
			MaxAllocatedStorageGiB:    100,
			MultiAZ:                   false,
			BackupRetentionDays:       7,
			BackupWindow:              "03:00-04:00",
			MaintenanceWindow:         "sun:05:00-sun:06:00",
			DeletionProtection:        false,
			SkipFinalSnapshot:         true,
			DatabaseName:              "postgres",
			MasterUsername:            "supabase_master",
			MaxSlotWALKeepSizeMB:      4096,
			MonitoringIntervalSeconds: 60,
			CACertIdentifier:          "rds-ca-rsa2048-g1",
		},
		// A dev stack is torn down and rebuilt: nothing in it is kept.
		Teardown: Teardown{
			ForceDestroyBuckets:      true,
			SecretRecoveryWindowDays: 0,
		},
		Observability: Observability{
			ContainerInsights: false,
			// Cents a month, and the first thing to read when the ALB answers
			// 502 or 504 while Kong's own logs are quiet.
			AccessLogs:    true,
			AccessLogDays: 30,
		},
		// Off: dev's data is throwaway and a locked vault outlives every
		// teardown. Set Enabled (Lock governance, say) to try it.
		BackupVault: BackupVault{
			Schedule:      "cron(0 7 * * ? *)",
			RetentionDays: 7,
		},
		Tags: map[string]string{
			"Project":     "supabase",
			"Environment": "dev",
			"ManagedBy":   "supabase-eks",
		},
		Workloads: devWorkloads(),
	}
}
