package components

import (
	"fmt"

	"github.com/supabase-eks/supabase-eks/internal/capacity"
	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/internal/contract/pooler"
	"github.com/supabase-eks/supabase-eks/k8s/kubesecrets"
	"github.com/supabase-eks/supabase-eks/k8s/manifest"
	corev1 "k8s.io/api/core/v1"
)

var storageComponent = Descriptor{
	Name: "storage", Image: manifest.ImageStorage, Port: StoragePort, DatabaseRole: "supabase_storage_admin",
	// PostgREST for its own API calls, imgproxy for transformations, the
	// pooler's transaction port for its queries when the pooler runs.
	Calls: []Call{{To: "rest", Ports: []int{RestPort}}, {To: "imgproxy", Ports: []int{ImgproxyPort}},
		{To: pooler.Service, Ports: []int{pooler.TransactionPort}}},
	Internet:   https,
	Routes:     (*Context).storageRoutes,
	Autoscaled: true,
	Size:       func(w config.Workloads) config.Component { return w.Storage },
	Build:      (*Context).Storage,
}

// Storage is the Storage API on S3. Its service account assumes the storage
// IRSA role; the AWS SDK's default chain picks up the web identity token.
func (c *Context) Storage(d Descriptor) {
	c.Deploy(manifest.Workload{
		Name:    d.Name,
		Image:   d.Image,
		UID:     1000,
		RoleARN: c.Out.RoleARNs[outputs.RoleStorage],
		Env: append([]corev1.EnvVar{
			manifest.Env("SERVER_PORT", fmt.Sprint(StoragePort)),
			manifest.SecretEnv("ANON_KEY", kubesecrets.JWT, kubesecrets.KeyAnonKey),
			manifest.SecretEnv("SERVICE_KEY", kubesecrets.JWT, kubesecrets.KeyServiceRoleKey),
			manifest.SecretEnv("AUTH_JWT_SECRET", kubesecrets.JWT, kubesecrets.KeyJWTSecret),
			// Asymmetric tokens by kid; HS256 ones use AUTH_JWT_SECRET.
			manifest.SecretEnv("JWT_JWKS", kubesecrets.JWKS, kubesecrets.KeyJWKS),
			manifest.SecretEnv("DATABASE_URL", kubesecrets.DB, kubesecrets.KeyStorageURL),
			// The knex pool per replica, explicit for internal/capacity
			// (default 20).
			manifest.Env(capacity.EnvStoragePool, fmt.Sprint(c.W.Storage.DBPoolSize)),
			manifest.Env("DB_INSTALL_ROLES", "false"),
			manifest.Env("POSTGREST_URL", c.ServiceURL("rest", RestPort, "")),
			manifest.Env("STORAGE_BACKEND", "s3"),
			manifest.Env("STORAGE_S3_BUCKET", c.Out.StorageBucketName),
			manifest.Env("STORAGE_S3_REGION", c.Out.Region),
			manifest.Env("REGION", c.Out.Region),
			manifest.Env("TENANT_ID", outputs.StorageTenant),
			manifest.Env("UPLOAD_FILE_SIZE_LIMIT", fmt.Sprint(c.W.StorageFileSizeLimitBytes)),
			manifest.Env("IMAGE_TRANSFORMATION_ENABLED", "true"),
			manifest.Env("IMGPROXY_URL", c.ServiceURL("imgproxy", ImgproxyPort, "")),
			manifest.Env("STORAGE_PUBLIC_URL", c.PublicURL+"/storage/v1"),
			manifest.Env("REQUEST_ALLOW_X_FORWARDED_PATH", "true"),
			// node-postgres (8.16 in this image) treats sslmode=require in
			// DATABASE_URL as verify-full against Node's CA list and drops any
			// DATABASE_SSL_ROOT_CERT while the URL has sslmode; the RDS CA is
			// not in that list. Node adds this file to it at process start,
			// for every connection (pool, migrations, pubsub).
			manifest.Env("NODE_EXTRA_CA_CERTS", RDSCAFile),
		}, c.storagePoolEnv()...),
		Ports:          []corev1.ContainerPort{manifest.Port("http", StoragePort)},
		Readiness:      manifest.HTTPProbe("/status", StoragePort, 5, 3),
		Liveness:       manifest.LivenessProbe(StoragePort),
		Startup:        manifest.HTTPProbe("/status", StoragePort, 5, 60),
		InitContainers: []corev1.Container{c.waitURL(kubesecrets.KeyStorageURL)},
		WritableDirs:   []string{"/tmp"},
		Volumes:        []corev1.Volume{rdsCAVolume()},
		Mounts:         []corev1.VolumeMount{rdsCAMount()},
		// NODE_EXTRA_CA_CERTS is read once, at start.
		ReloadConfigMaps: []string{RDSCAConfigMap},
		Size:             d.Size(c.W),
	})
}

// storagePoolEnv sends Storage's queries through the pooler's transaction
// port when the pooler runs. Storage (v1.60.4 src/internal/database/
// client.ts) then opens a connection per request to it ("single_use", the
// default DATABASE_POOL_MODE) and leaves the search path to the role; its
// migrations keep DATABASE_URL, a direct session, as they need.
func (c *Context) storagePoolEnv() []corev1.EnvVar {
	if !c.W.Pooler.Enabled {
		return nil
	}
	return []corev1.EnvVar{manifest.SecretEnv(capacity.EnvStoragePoolURL, kubesecrets.DB, kubesecrets.KeyStoragePoolURL)}
}
