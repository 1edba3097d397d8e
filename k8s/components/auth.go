package components

import (
	"fmt"
	"strings"

	"github.com/supabase-eks/supabase-eks/internal/capacity"
	"github.com/supabase-eks/supabase-eks/internal/contract/config"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/k8s/kubesecrets"
	"github.com/supabase-eks/supabase-eks/k8s/manifest"
	corev1 "k8s.io/api/core/v1"
)

var authComponent = Descriptor{
	Name: "auth", Image: manifest.ImageAuth, Port: AuthPort, DatabaseRole: "supabase_auth_admin",
	Internet:   func(w config.Workloads) []int { return w.SMTPPorts },
	Routes:     (*Context).authRoutes,
	Autoscaled: true,
	Size:       func(w config.Workloads) config.Component { return w.Auth },
	Build:      (*Context).Auth,
}

// Auth is GoTrue, connecting as supabase_auth_admin.
func (c *Context) Auth(d Descriptor) {
	s := kubesecrets.SMTP
	c.Deploy(manifest.Workload{
		Name:  d.Name,
		Image: d.Image,
		UID:   1000,
		Env: []corev1.EnvVar{
			manifest.Env("GOTRUE_API_HOST", "0.0.0.0"),
			manifest.Env("GOTRUE_API_PORT", fmt.Sprint(AuthPort)),
			manifest.Env("API_EXTERNAL_URL", c.PublicURL),
			manifest.Env("GOTRUE_DB_DRIVER", "postgres"),
			manifest.SecretEnv("GOTRUE_DB_DATABASE_URL", kubesecrets.DB, kubesecrets.KeyAuthURL),
			// Upstream leaves the pool unlimited: a burst of sign-ins could
			// take every connection the instance has (internal/capacity).
			manifest.Env(capacity.EnvAuthPool, fmt.Sprint(c.W.Auth.DBPoolSize)),
			manifest.Env("GOTRUE_SITE_URL", c.authSiteURL()),
			manifest.Env("GOTRUE_URI_ALLOW_LIST", strings.Join(c.W.AuthRedirectURLs, ",")),
			manifest.Env("GOTRUE_DISABLE_SIGNUP", fmt.Sprint(c.W.DisableSignup)),
			manifest.Env("GOTRUE_JWT_ADMIN_ROLES", "service_role"),
			manifest.Env("GOTRUE_JWT_AUD", "authenticated"),
			manifest.Env("GOTRUE_JWT_DEFAULT_GROUP_NAME", "authenticated"),
			manifest.Env("GOTRUE_JWT_EXP", fmt.Sprint(c.W.JWTExpirySeconds)),
			manifest.SecretEnv("GOTRUE_JWT_SECRET", kubesecrets.JWT, kubesecrets.KeyJWTSecret),
			// The signing key (private) and the verify-only ones; GoTrue
			// signs with the key whose key_ops has "sign".
			manifest.SecretEnv("GOTRUE_JWT_KEYS", kubesecrets.SigningKey, kubesecrets.KeyGoTrueKeys),
			// Without it GoTrue accepts only the algorithms of GOTRUE_JWT_KEYS,
			// and the legacy HS256 anon and service_role keys (and sessions
			// issued before the signing key) would stop working.
			manifest.Env("GOTRUE_JWT_VALID_METHODS", "HS256,"+outputs.SigningAlgorithm),
			manifest.Env("GOTRUE_EXTERNAL_EMAIL_ENABLED", "true"),
			manifest.Env("GOTRUE_MAILER_AUTOCONFIRM", "false"),
			manifest.SecretEnv("GOTRUE_SMTP_ADMIN_EMAIL", s, kubesecrets.KeySMTPAdminEmail),
			manifest.SecretEnv("GOTRUE_SMTP_HOST", s, kubesecrets.KeySMTPHost),
			manifest.SecretEnv("GOTRUE_SMTP_PORT", s, kubesecrets.KeySMTPPort),
			manifest.SecretEnv("GOTRUE_SMTP_USER", s, kubesecrets.KeySMTPUser),
			manifest.SecretEnv("GOTRUE_SMTP_PASS", s, kubesecrets.KeySMTPPassword),
			manifest.SecretEnv("GOTRUE_SMTP_SENDER_NAME", s, kubesecrets.KeySMTPSender),
			manifest.Env("GOTRUE_MAILER_URLPATHS_INVITE", "/auth/v1/verify"),
			manifest.Env("GOTRUE_MAILER_URLPATHS_CONFIRMATION", "/auth/v1/verify"),
			manifest.Env("GOTRUE_MAILER_URLPATHS_RECOVERY", "/auth/v1/verify"),
			manifest.Env("GOTRUE_MAILER_URLPATHS_EMAIL_CHANGE", "/auth/v1/verify"),
		},
		Ports:          []corev1.ContainerPort{manifest.Port("http", AuthPort)},
		Readiness:      manifest.HTTPProbe("/health", AuthPort, 5, 3),
		Liveness:       manifest.LivenessProbe(AuthPort),
		Startup:        manifest.HTTPProbe("/health", AuthPort, 5, 60),
		InitContainers: []corev1.Container{c.waitURL(kubesecrets.KeyAuthURL)},
		WritableDirs:   []string{"/tmp"},
		Size:           d.Size(c.W),
	})
}

// authSiteURL is the configured application URL, or the API URL with a
// warning: links in e-mails would then open Studio's login.
func (c *Context) authSiteURL() string {
	if c.W.AuthSiteURL != "" {
		return c.W.AuthSiteURL
	}
	c.Warn("workloads.authSiteUrl is empty: GoTrue's confirmation and magic links land on %s, which serves Studio; set it to your application's URL", c.PublicURL)
	return c.PublicURL
}
