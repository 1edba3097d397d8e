// Package secrets names the Kubernetes Secrets the workloads read and says
// how External Secrets builds each one from Secrets Manager. Components refer
// to Secrets only through the constants here; Register declares them all.
package kubesecrets

import (
	"fmt"
	"strings"

	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
	"github.com/supabase-eks/supabase-eks/internal/contract/pooler"
	"github.com/supabase-eks/supabase-eks/k8s/dbbootstrap"
	"github.com/supabase-eks/supabase-eks/k8s/manifest"
)

// Kubernetes Secret names and their keys.
const (
	JWT               = "supabase-jwt"
	KeyJWTSecret      = "jwt-secret"
	KeyAnonKey        = "anon-key"
	KeyServiceRoleKey = "service-role-key"

	// SigningKey is GOTRUE_JWT_KEYS: the signing key's private half. Only
	// GoTrue reads it.
	SigningKey    = "supabase-signing-key"
	KeyGoTrueKeys = "jwt-keys"
	// JWKS holds the public keys every verifier reads: jwks as Realtime and
	// Storage take it, postgrest-jwks with the legacy secret as an oct key
	// (PostgREST has one JWT setting for both).
	JWKS             = "supabase-jwks"
	KeyJWKS          = "jwks"
	KeyPostgRESTJWKS = "postgrest-jwks"

	// DB holds the component roles' passwords and connection URLs.
	DB               = "supabase-db"
	KeyAuthURL       = "auth-url"
	KeyRestURL       = "rest-url"
	KeyStorageURL    = "storage-url"
	KeyAdminPassword = "supabase-admin-password"

	// DBMaster is the RDS-managed master credential (bootstrap and backups).
	DBMaster          = "supabase-db-master"
	KeyMasterUsername = "username"
	KeyMasterPassword = "password"

	Realtime         = "supabase-realtime"
	KeySecretKeyBase = "secret-key-base"
	KeyDBEncKey      = "db-enc-key"
	// KeyReleaseCookie is the Erlang distribution cookie, derived from
	// secret_key_base: the cookie baked into the public image must not be
	// what guards the cluster ports.
	KeyReleaseCookie = "release-cookie"

	Meta         = "supabase-meta"
	KeyCryptoKey = "crypto-key"

	SMTP              = "supabase-smtp"
	KeySMTPHost       = "host"
	KeySMTPPort       = "port"
	KeySMTPUser       = "user"
	KeySMTPPassword   = "password"
	KeySMTPAdminEmail = "admin-email"
	KeySMTPSender     = "sender-name"

	// KeyStoragePoolURL is Storage's URL through the pooler's transaction
	// port (rendered only when the pooler runs).
	KeyStoragePoolURL = "storage-pool-url"

	// Pooler is Supavisor's own Secret; PoolerTenant what its tenant Job
	// reads (the tenant's definition, passwords included, and the API key).
	Pooler              = "supabase-pooler"
	PoolerTenant        = "supabase-pooler-tenant"
	KeyPoolerMetadata   = "metadata-url"
	KeyVaultEncKey      = "vault-enc-key"
	KeyAPIJWTSecret     = "api-jwt-secret"
	KeyMetricsJWTSecret = "metrics-jwt-secret"
	KeyTenantBody       = pooler.TenantBodyKey
	KeyPoolerTLSCert    = "tls.crt"
	KeyPoolerTLSKey     = "tls.key"

	Analytics          = "supabase-analytics"
	KeyLogflarePublic  = "public-access-token"
	KeyLogflarePrivate = "private-access-token"
	KeyAnalyticsDBURL  = "db-url"
	analyticsTokenSalt = "logflare-"
)

// octFromSecret is the template of the legacy secret as an oct JWK
// (base64url without padding of its bytes, no kid, as GoTrue and PostgREST
// treat a plain secret); extra is spliced in after "kty" (e.g. key_ops).
func octFromSecret(extra string) string {
	return `{"kty":"oct","alg":"HS256",` + extra + `"k":"{{ .jwt_secret | b64enc | replace "+" "-" | replace "/" "_" | trimSuffix "=" | trimSuffix "=" }}"}`
}

// goTrueKeysTemplate renders GOTRUE_JWT_KEYS. While no asymmetric key signs
// (legacy_signing), the legacy secret is the signing key, so GoTrue keeps
// issuing the HS256 tokens live sessions have while it already verifies
// the standby key.
const goTrueKeysTemplate = `{{ if eq .legacy_signing "true" }}[` + "%s" + `{{ if ne .gotrue_keys "[]" }},{{ .gotrue_keys | trimPrefix "[" }}{{ else }}]{{ end }}{{ else }}{{ .gotrue_keys }}{{ end }}`

// BootstrapKey is the DB Secret key holding the password the bootstrap SQL
// reads from environment variable env (see dbbootstrap.RequiredEnv).
func BootstrapKey(env string) string {
	return strings.ReplaceAll(dbbootstrap.SecretKeyForEnv[env], "_", "-")
}

// Value copies one variable into a Secret key.
func Value(v string) string { return "{{ ." + v + " }}" }

// URLPart percent-encodes a value for the user-info part of a URL. urlquery
// encodes a space as "+", which libpq and Go's URL parser read literally, so
// spaces become %20 (a literal "+" is already %2B at that point).
func URLPart(v string) string { return "{{ ." + v + ` | urlquery | replace "+" "%20" }}` }

// PostgresURL is a template for a TLS connection URL of role, password from
// variable passVar. RDS forces TLS (rds.force_ssl), so sslmode=require.
func PostgresURL(out *outputs.Outputs, role, passVar string) string {
	return fmt.Sprintf("postgres://%s:%s@%s:%d/%s?sslmode=require", role, URLPart(passVar), out.DBHost, out.DBPort, out.DBName)
}

// Ref is the reference to property of a logical Secrets Manager secret.
func Ref(out *outputs.Outputs, logical, property string) manifest.SecretRef {
	return manifest.SecretRef{Var: property, Key: out.SecretNames[logical], Property: property}
}

// Register declares every Secret the standard components read.
func Register(c *manifest.Context) {
	out := c.Out
	c.AddSecret(manifest.SecretSpec{
		Name: JWT,
		Refs: []manifest.SecretRef{Ref(out, outputs.SecretJWT, "jwt_secret"), Ref(out, outputs.SecretJWT, "anon_key"), Ref(out, outputs.SecretJWT, "service_role_key")},
		Templates: map[string]string{
			KeyJWTSecret: Value("jwt_secret"), KeyAnonKey: Value("anon_key"), KeyServiceRoleKey: Value("service_role_key"),
		},
	})

	c.AddSecret(manifest.SecretSpec{
		Name: SigningKey,
		Refs: []manifest.SecretRef{Ref(out, outputs.SecretJWT, "jwt_secret"), Ref(out, outputs.SecretSigningKeys, "gotrue_keys"), Ref(out, outputs.SecretSigningKeys, "legacy_signing")},
		Templates: map[string]string{
			KeyGoTrueKeys: fmt.Sprintf(goTrueKeysTemplate, octFromSecret(`"key_ops":["sign","verify"],`)),
		},
	})
	c.AddSecret(manifest.SecretSpec{
		Name: JWKS,
		Refs: []manifest.SecretRef{Ref(out, outputs.SecretJWT, "jwt_secret"), Ref(out, outputs.SecretSigningKeys, "jwks")},
		Templates: map[string]string{
			KeyJWKS: Value("jwks"),
			// A token with a kid must match an asymmetric key; one without
			// (legacy anon/service_role keys, HS256 sessions) matches the
			// oct key.
			KeyPostgRESTJWKS: `{"keys":[` + octFromSecret("") + `{{ if ne .jwks "{\"keys\":[]}" }},{{ .jwks | trimPrefix "{\"keys\":[" }}{{ else }}]}{{ end }}`,
		},
	})

	db := manifest.SecretSpec{Name: DB, Templates: map[string]string{}}
	for _, env := range dbbootstrap.RequiredEnv {
		prop := dbbootstrap.SecretKeyForEnv[env]
		logical := outputs.SecretDatabase
		if l, ok := dbbootstrap.LogicalSecretForEnv[env]; ok {
			logical = l
		}
		db.Refs = append(db.Refs, Ref(out, logical, prop))
		db.Templates[BootstrapKey(env)] = Value(prop)
	}
	db.Templates[KeyAuthURL] = PostgresURL(out, "supabase_auth_admin", "supabase_auth_admin_password")
	db.Templates[KeyRestURL] = PostgresURL(out, "authenticator", "authenticator_password")
	db.Templates[KeyStorageURL] = PostgresURL(out, "supabase_storage_admin", "supabase_storage_admin_password")
	if c.W.Pooler.Enabled {
		db.Templates[KeyStoragePoolURL] = pooler.URL("supabase_storage_admin", c.W.Pooler.Tenant, URLPart("supabase_storage_admin_password"),
			pooler.ServiceHost(), pooler.TransactionPort, out.DBName)
	}
	c.AddSecret(db)

	// The RDS-managed secret is JSON {"username","password"}; it is read by
	// ARN because its name is generated by RDS.
	c.AddSecret(manifest.SecretSpec{
		Name: DBMaster,
		Refs: []manifest.SecretRef{
			{Var: "username", Key: out.DBMasterSecretARN, Property: "username"},
			{Var: "password", Key: out.DBMasterSecretARN, Property: "password"},
		},
		Templates: map[string]string{KeyMasterUsername: Value("username"), KeyMasterPassword: Value("password")},
	})

	c.AddSecret(manifest.SecretSpec{
		Name: Realtime,
		Refs: []manifest.SecretRef{Ref(out, outputs.SecretRealtime, "secret_key_base"), Ref(out, outputs.SecretRealtime, "db_enc_key")},
		Templates: map[string]string{
			KeySecretKeyBase: Value("secret_key_base"),
			KeyDBEncKey:      Value("db_enc_key"),
			KeyReleaseCookie: `{{ printf "erlang-cookie:%s" .secret_key_base | sha256sum }}`,
		},
	})

	c.AddSecret(manifest.SecretSpec{
		Name:      Meta,
		Refs:      []manifest.SecretRef{Ref(out, outputs.SecretMeta, "crypto_key")},
		Templates: map[string]string{KeyCryptoKey: Value("crypto_key")},
	})

	smtp := manifest.SecretSpec{Name: SMTP, Templates: map[string]string{}}
	for prop, key := range map[string]string{"host": KeySMTPHost, "port": KeySMTPPort, "user": KeySMTPUser, "password": KeySMTPPassword, "admin_email": KeySMTPAdminEmail, "sender_name": KeySMTPSender} {
		smtp.Templates[key] = Value(prop)
	}
	for _, prop := range outputs.SecretKeys[outputs.SecretSMTP] {
		smtp.Refs = append(smtp.Refs, Ref(out, outputs.SecretSMTP, prop))
	}
	c.AddSecret(smtp)

	if c.W.AnalyticsEnabled {
		// Logflare's access tokens are derived from the JWT secret so that
		// enabling analytics needs no new Secrets Manager keys.
		c.AddSecret(manifest.SecretSpec{
			Name: Analytics,
			Refs: []manifest.SecretRef{Ref(out, outputs.SecretJWT, "jwt_secret"), Ref(out, outputs.SecretDatabase, "supabase_admin_password")},
			Templates: map[string]string{
				KeyLogflarePublic:  `{{ printf "` + analyticsTokenSalt + `public:%s" .jwt_secret | sha256sum }}`,
				KeyLogflarePrivate: `{{ printf "` + analyticsTokenSalt + `private:%s" .jwt_secret | sha256sum }}`,
				KeyAnalyticsDBURL:  PostgresURL(out, "supabase_admin", "supabase_admin_password"),
			},
		})
	}
}

// DashboardRefs are the Studio basic-auth credentials Kong's config needs.
func DashboardRefs(out *outputs.Outputs) []manifest.SecretRef {
	return []manifest.SecretRef{Ref(out, outputs.SecretDashboard, "username"), Ref(out, outputs.SecretDashboard, "password")}
}

// JWTRefs are the API keys Kong's config needs: the legacy JWTs, the
// opaque keys' slots, and the internal JWTs Kong forwards for the opaque
// keys (the legacy JWTs while GoTrue signs with the legacy secret).
func JWTRefs(out *outputs.Outputs) []manifest.SecretRef {
	refs := []manifest.SecretRef{Ref(out, outputs.SecretJWT, "anon_key"), Ref(out, outputs.SecretJWT, "service_role_key")}
	for _, p := range []string{"legacy_signing", "anon_jwt", "service_role_jwt"} {
		refs = append(refs, Ref(out, outputs.SecretSigningKeys, p))
	}
	for _, p := range outputs.SecretKeys[outputs.SecretAPIKeys] {
		refs = append(refs, Ref(out, outputs.SecretAPIKeys, p))
	}
	return refs
}
