package components

import (
	"fmt"

	"github.com/supabase-eks/supabase-eks/k8s/manifest"
	"github.com/supabase-eks/supabase-eks/k8s/secrets"
	corev1 "k8s.io/api/core/v1"
)

// FunctionsDir is where the edge runtime expects the functions, main service
// first. The stock image has none: build an image FROM it with your
// functions under this path and set manifest.ImageFunctions to it.
const FunctionsDir = "/home/deno/functions"

// Functions is the edge runtime (off by default, workloads.functionsEnabled).
func (c *Context) Functions() {
	c.Deploy(manifest.Workload{
		Name:  "functions",
		Image: manifest.ImageFunctions,
		UID:   1000,
		Args:  []string{"start", "--main-service", FunctionsDir + "/main", "--port", fmt.Sprint(FunctionsPort)},
		Env: []corev1.EnvVar{
			manifest.SecretEnv("JWT_SECRET", secrets.JWT, secrets.KeyJWTSecret),
			manifest.Env("SUPABASE_URL", c.ServiceURL("kong", KongPort, "")),
			manifest.SecretEnv("SUPABASE_ANON_KEY", secrets.JWT, secrets.KeyAnonKey),
			manifest.SecretEnv("SUPABASE_SERVICE_ROLE_KEY", secrets.JWT, secrets.KeyServiceRoleKey),
			manifest.Env("VERIFY_JWT", "true"),
		},
		Ports:        []corev1.ContainerPort{manifest.Port("http", FunctionsPort)},
		Readiness:    tcpProbe(FunctionsPort, 5),
		Liveness:     tcpProbe(FunctionsPort, 10),
		WritableDirs: []string{"/tmp", "/root/.cache"},
		Size:         c.W.Functions,
	})
}

func tcpProbe(port int, period int32) *corev1.Probe {
	p := manifest.HTTPProbe("/", port, period, 3)
	p.HTTPGet = nil
	p.TCPSocket = &corev1.TCPSocketAction{Port: manifest.HTTPProbe("/", port, 0, 0).HTTPGet.Port}
	return p
}
