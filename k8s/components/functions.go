package components

import (
	"fmt"

	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/k8s/kubesecrets"
	"github.com/supabase-eks/supabase-eks/k8s/manifest"
	corev1 "k8s.io/api/core/v1"
)

// FunctionsDir is where the edge runtime expects the functions, main service
// first. The stock image has none: build an image FROM it with your
// functions under this path and set manifest.ImageFunctions to it.
const FunctionsDir = "/home/deno/functions"

// FunctionsHealthPath is the main service's health route.
const FunctionsHealthPath = "/_internal/health"

var functionsComponent = Descriptor{
	Name: "functions", Image: manifest.ImageFunctions, Port: FunctionsPort,
	// Functions call the project's APIs through Kong.
	Calls:   []Call{{To: "kong", Ports: []int{KongPort}}},
	Routes:  (*Context).functionsRoutes,
	Enabled: func(w config.Workloads) bool { return w.FunctionsEnabled },
	Size:    func(w config.Workloads) config.Component { return w.Functions },
	Build:   (*Context).Functions,
}

// Functions is the edge runtime (off by default, workloads.functionsEnabled).
func (c *Context) Functions(d Descriptor) {
	c.Deploy(manifest.Workload{
		Name:  d.Name,
		Image: d.Image,
		UID:   1000,
		Args:  []string{"start", "--main-service", FunctionsDir + "/main", "--port", fmt.Sprint(FunctionsPort)},
		Env: []corev1.EnvVar{
			manifest.SecretEnv("JWT_SECRET", kubesecrets.JWT, kubesecrets.KeyJWTSecret),
			// For the main service: users' tokens are ES256 under these keys
			// once a signing key signs (JWT_SECRET verifies legacy ones).
			manifest.SecretEnv("JWT_JWKS", kubesecrets.JWKS, kubesecrets.KeyJWKS),
			manifest.Env("SUPABASE_URL", c.ServiceURL("kong", KongPort, "")),
			manifest.SecretEnv("SUPABASE_ANON_KEY", kubesecrets.JWT, kubesecrets.KeyAnonKey),
			manifest.SecretEnv("SUPABASE_SERVICE_ROLE_KEY", kubesecrets.JWT, kubesecrets.KeyServiceRoleKey),
			manifest.Env("VERIFY_JWT", "true"),
		},
		Ports: []corev1.ContainerPort{manifest.Port("http", FunctionsPort)},
		// The main service answers /_internal/health itself (the edge
		// runtime's example main and the Supabase CLI's main both do); a
		// custom main must keep that route.
		Readiness:    manifest.HTTPProbe(FunctionsHealthPath, FunctionsPort, 5, 3),
		Liveness:     manifest.LivenessProbe(FunctionsPort),
		WritableDirs: []string{"/tmp", "/root/.cache"},
		Size:         d.Size(c.W),
	})
}
