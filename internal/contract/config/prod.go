package config

// Prod is highly available: three zones, a NAT gateway per zone, Multi-AZ
// RDS with deletion protection, two weeks of backups and a final snapshot.
func Prod() Environment {
	return Environment{
		Name:              "prod",
		Project:           "supabase",
		Region:            "us-east-1",
		AccountID:         "111122223333",
		AvailabilityZones: []string{"us-east-1a", "us-east-1b", "us-east-1c"},
		State: State{
			Bucket: "supabase-eks-tfstate-111122223333",
			Key:    "supabase-prod/terraform.tfstate",
			Region: "us-east-1",
		},
		Network: Network{
			VpcCIDR: "10.30.0.0/16",
			NAT:     NATPerAZ,
			// The free S3 gateway endpoint already carries ECR image layers;
			// interface endpoints would add ~$110/month across three zones.
			InterfaceEndpoints:   false,
			FlowLogRetentionDays: 90,
		},
		Cluster: Cluster{
			KubernetesVersion:  "1.35",
			ServiceCIDR:        "172.20.0.0/16",
			AdminPrincipalARNs: []string{"arn:aws:iam::111122223333:role/platform-admin"},
			LogRetentionDays:   90,
			NodeGroups: []NodeGroup{{
				Name:          "general",
				InstanceTypes: []string{"m7g.large"},
				CapacityType:  "ON_DEMAND",
				MinSize:       3,
				DesiredSize:   3,
				MaxSize:       9,
				DiskGiB:       50,
			}},
		},
		Database: Database{
			EngineVersion:             "17.6",
			InstanceClass:             "db.m7g.large",
			AllocatedStorageGiB:       100,
			MaxAllocatedStorageGiB:    1000,
			MultiAZ:                   true,
			BackupRetentionDays:       14,
			BackupWindow:              "03:00-04:00",
			MaintenanceWindow:         "sun:05:00-sun:06:00",
			DeletionProtection:        true,
			SkipFinalSnapshot:         false,
			DatabaseName:              "postgres",
			MasterUsername:            "supabase_master",
			MaxSlotWALKeepSizeMB:      16384,
			MonitoringIntervalSeconds: 30,
			RetainKeyOnDestroy:        true,
			RetainBackupsOnDestroy:    true,
			CACertIdentifier:          "rds-ca-rsa2048-g1",
		},
		Teardown: Teardown{
			ForceDestroyBuckets:      false,
			SecretRecoveryWindowDays: 30,
		},
		Domain: Domain{
			Name:           "api.supabase.example.com",
			CertificateARN: "arn:aws:acm:us-east-1:111122223333:certificate/00000000-0000-4000-8000-000000000000",
			CreateWAF:      true,
			// Per client address and 5 minutes; an office behind one NAT
			// address shares it: raise it for such users.
			WAFRateLimit: 5000,
		},
		Observability: Observability{
			ContainerInsights: true,
			// Placeholder like the account id: set your on-call address. AWS
			// e-mails a confirmation link; alarms reach it once confirmed.
			AlarmEmail: "platform-alerts@example.com",
			// Who called what, from where, with which answer: kept a quarter.
			AccessLogs:    true,
			AccessLogDays: 90,
		},
		// A daily copy of the database and the storage bucket, locked for
		// the retention: after three days' grace nobody can delete it early.
		BackupVault: BackupVault{
			Enabled:           true,
			Schedule:          "cron(0 7 * * ? *)",
			RetentionDays:     35,
			Lock:              VaultLockCompliance,
			ChangeableForDays: 3,
		},
		Tags: map[string]string{
			"Project":     "supabase",
			"Environment": "prod",
			"ManagedBy":   "supabase-eks",
		},
		Workloads: prodWorkloads(),
	}
}
