package platform

import (
	"fmt"

	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/k8s/manifest"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Backup is a CronJob taking a logical pg_dump (custom format) into a
// gp3 ephemeral volume sized by workloads.backup.scratchGiB and uploading it
// under the backups prefix with SSE-KMS. It complements RDS automated
// backups and point-in-time recovery with a portable copy. The service
// account assumes the db_backup IRSA role, which may only write there.
func Backup(c *manifest.Context) {
	sa := outputs.ServiceAccounts[outputs.RoleDBBackup]
	if sa.Namespace != c.Namespace || sa.Name != BackupName {
		panic(fmt.Sprintf("backup service account %s/%s does not match %s/%s", sa.Namespace, sa.Name, c.Namespace, BackupName))
	}
	meta := c.ObjectMeta(sa.Name, BackupName)
	meta.Annotations = map[string]string{manifest.IRSAAnnotation: c.Out.RoleARNs[outputs.RoleDBBackup]}
	c.Add(manifest.StageBackup, &corev1.ServiceAccount{
		TypeMeta:                     manifest.Type("v1", "ServiceAccount"),
		ObjectMeta:                   meta,
		AutomountServiceAccountToken: manifest.Ptr(false),
	})
	b := c.W.Backup
	scratch := corev1.Volume{Name: "scratch", VolumeSource: corev1.VolumeSource{Ephemeral: &corev1.EphemeralVolumeSource{
		VolumeClaimTemplate: &corev1.PersistentVolumeClaimTemplate{
			ObjectMeta: metav1.ObjectMeta{Labels: manifest.Labels(BackupName)},
			Spec: corev1.PersistentVolumeClaimSpec{
				AccessModes:      []corev1.PersistentVolumeAccessMode{corev1.ReadWriteOnce},
				StorageClassName: manifest.Ptr(StorageClassName),
				Resources: corev1.VolumeResourceRequirements{Requests: corev1.ResourceList{
					corev1.ResourceStorage: resource.MustParse(fmt.Sprintf("%dGi", b.ScratchGiB)),
				}},
			},
		},
	}}}
	// HOME of the AWS CLI (its config and credential cache).
	tmpSize := resource.MustParse("256Mi")
	tmp := corev1.Volume{Name: "tmp", VolumeSource: corev1.VolumeSource{EmptyDir: &corev1.EmptyDirVolumeSource{SizeLimit: &tmpSize}}}
	// upload writes logs and /tmp; the dump itself is on the scratch claim,
	// which is a PersistentVolume and not the node's ephemeral storage.
	uploadRes := manifest.LogOnlyResources("100m", "128Mi", "1", "256Mi")
	uploadLimit := manifest.EphemeralLimit(tmpSize)
	uploadRes.EphemeralStorageLimit = uploadLimit.String()
	dumpFile := "/backup/" + c.Out.DBName + ".dump"
	// After the upload, the success metric the missed-backup alarm watches.
	upload := fmt.Sprintf(`aws s3 cp %s "s3://$BUCKET/${PREFIX}%s/$(date -u +%%Y/%%m/%%d/%%H%%M%%SZ).dump" --sse aws:kms --sse-kms-key-id "$KMS_KEY_ARN" --only-show-errors && echo uploaded && `+
		`aws cloudwatch put-metric-data --namespace %s --metric-name %s --dimensions %s=%s --value 1 && echo reported`,
		dumpFile, c.Env.Name, outputs.BackupMetricNamespace, outputs.BackupMetricName, outputs.BackupMetricDimension, c.Env.Name)
	dump := corev1.Container{
		Name:            "pg-dump",
		Image:           c.PostgresClientImage(),
		ImagePullPolicy: corev1.PullIfNotPresent,
		Command:         []string{"pg_dump", "--format=custom", "--no-password", "--file=" + dumpFile},
		Env:             masterEnv(c),
		Resources:       manifest.ResourceRequirements(b.Resources),
		VolumeMounts:    []corev1.VolumeMount{{Name: "scratch", MountPath: "/backup"}},
		SecurityContext: manifest.WithUID(manifest.PostgresClientUID),
	}
	c.CheckEphemeralLimit("workloads.backup.resources.ephemeralStorageLimit", []corev1.Volume{scratch, tmp}, dump)
	c.Add(manifest.StageBackup, &batchv1.CronJob{
		TypeMeta:   manifest.Type("batch/v1", "CronJob"),
		ObjectMeta: c.ObjectMeta(BackupName, BackupName),
		Spec: batchv1.CronJobSpec{
			Schedule:                   b.Schedule,
			TimeZone:                   manifest.Ptr("Etc/UTC"),
			ConcurrencyPolicy:          batchv1.ForbidConcurrent,
			StartingDeadlineSeconds:    manifest.Ptr(int64(3600)),
			SuccessfulJobsHistoryLimit: manifest.Ptr(int32(3)),
			FailedJobsHistoryLimit:     manifest.Ptr(int32(3)),
			JobTemplate: batchv1.JobTemplateSpec{Spec: batchv1.JobSpec{
				BackoffLimit:          manifest.Ptr(int32(2)),
				ActiveDeadlineSeconds: manifest.Ptr(int64(b.TimeoutMinutes * 60)),
				Template: corev1.PodTemplateSpec{
					ObjectMeta: metav1.ObjectMeta{Labels: manifest.Labels(BackupName)},
					Spec: corev1.PodSpec{
						RestartPolicy:                corev1.RestartPolicyNever,
						ServiceAccountName:           sa.Name,
						AutomountServiceAccountToken: manifest.Ptr(false),
						SecurityContext:              manifest.PodSecurity(manifest.PostgresClientUID),
						InitContainers:               []corev1.Container{dump},
						Containers: []corev1.Container{{
							Name:            "upload",
							Image:           manifest.ImageAWSCLI,
							ImagePullPolicy: corev1.PullIfNotPresent,
							Command:         []string{"sh", "-c", upload},
							Env: []corev1.EnvVar{
								manifest.Env("BUCKET", c.Out.BackupBucketName),
								manifest.Env("PREFIX", c.Out.BackupPrefix),
								manifest.Env("KMS_KEY_ARN", c.Out.KMSKeyARN),
								manifest.Env("AWS_REGION", c.Out.Region),
								manifest.Env("HOME", "/tmp"),
							},
							Resources: manifest.ResourceRequirements(uploadRes),
							VolumeMounts: []corev1.VolumeMount{
								{Name: "scratch", MountPath: "/backup", ReadOnly: true},
								{Name: "tmp", MountPath: "/tmp"},
							},
							SecurityContext: manifest.WithUID(manifest.PostgresClientUID),
						}},
						Volumes: []corev1.Volume{scratch, tmp},
					},
				},
			}},
		},
	})
}
