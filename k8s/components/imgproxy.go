package components

import (
	"fmt"

	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/k8s/manifest"
	corev1 "k8s.io/api/core/v1"
)

var imgproxyComponent = Descriptor{
	Name: "imgproxy", Image: manifest.ImageImgproxy, Port: ImgproxyPort,
	Internet: https,
	Size:     func(w config.Workloads) config.Component { return w.Imgproxy },
	Build:    (*Context).Imgproxy,
}

// Imgproxy transforms images for Storage. It fetches originals over HTTPS
// from the presigned S3 URLs Storage hands it.
func (c *Context) Imgproxy(d Descriptor) {
	c.Deploy(manifest.Workload{
		Name:  d.Name,
		Image: d.Image,
		UID:   999,
		Env: []corev1.EnvVar{
			manifest.Env("IMGPROXY_BIND", fmt.Sprintf(":%d", ImgproxyPort)),
			manifest.Env("IMGPROXY_USE_ETAG", "true"),
			manifest.Env("IMGPROXY_ENABLE_WEBP_DETECTION", "true"),
		},
		Ports:        []corev1.ContainerPort{manifest.Port("http", ImgproxyPort)},
		Readiness:    manifest.HTTPProbe("/health", ImgproxyPort, 5, 3),
		Liveness:     manifest.LivenessProbe(ImgproxyPort),
		WritableDirs: []string{"/tmp"},
		Size:         d.Size(c.W),
	})
}
