package capacity

// The settings that bound each component's PostgreSQL connections, checked
// in the upstream source at the tag k8s/manifest/images.go pins. An image
// upgrade must recheck them: a renamed variable is silently ignored by the
// component and its pool falls back to the upstream default.
const (
	// EnvRestPool is PostgREST's db-pool (default 10): the size of its
	// hasql pool. PostgREST/postgrest v14.17 src/PostgREST/Config.hs
	// ("db-pool", fromMaybe 10) and src/PostgREST/AppState.hs (SQL.size
	// configDbPoolSize).
	EnvRestPool = "PGRST_DB_POOL"
	// EnvAuthPool is GoTrue's DB.MaxPoolSize (envconfig prefix GOTRUE,
	// default 0 = unlimited), passed to pop as Pool and to database/sql as
	// MaxOpenConns. supabase/auth v2.189.0 internal/conf/configuration.go
	// (DBConfiguration.MaxPoolSize) and internal/storage/dial.go.
	EnvAuthPool = "GOTRUE_DB_MAX_POOL_SIZE"
	// EnvStoragePool is Storage's databaseMaxConnections (default 20), the
	// knex pool's max for the single tenant; it is divided by the cluster
	// size only when cluster discovery is on, which it is not here.
	// supabase/storage v1.60.4 src/config.ts and
	// src/internal/database/pool.ts (getSettings).
	EnvStoragePool = "DATABASE_MAX_CONNECTIONS"
	// EnvStoragePoolURL, when set, sends Storage's queries to that URL (an
	// external pooler) instead of DATABASE_URL, which then serves only its
	// migrations. supabase/storage v1.60.4 src/config.ts (databasePoolURL)
	// and src/internal/database/client.ts.
	EnvStoragePoolURL = "DATABASE_POOL_URL"
	// EnvRealtimePool is the pool of Realtime.Repo, the _realtime metadata
	// repo every replica opens (default 5; the replica repos are only
	// started when REGION differs from DB_MASTER_REGION, both unset here).
	// supabase/realtime v2.102.3 config/runtime.exs (db_pool_size) and
	// lib/realtime/application.ex (database_connections).
	EnvRealtimePool = "DB_POOL_SIZE"
	// EnvSupavisorPool is the pool of Supavisor.Repo, its metadata
	// repository (default 25), not the pools it holds for its tenant's
	// users. supabase/supavisor v2.7.4 config/runtime.exs (Supavisor.Repo
	// pool_size).
	EnvSupavisorPool = "DB_POOL_SIZE"
)

// pool describes how one component's connections are counted.
type pool struct {
	component string
	// env is the variable read back from the rendered Deployment; empty
	// when the component has none and perReplica is modelled.
	env string
	// extra connections each replica holds beyond its pool.
	extra int
	// perReplica is the modelled connections per replica when env is empty.
	perReplica int
	note       string
}

// pools are the components that log in to PostgreSQL, in table order.
var pools = []pool{
	// PostgREST also holds one LISTEN connection for schema-cache reloads
	// (db-channel-enabled, default true, Config.hs), outside its pool.
	{component: "rest", env: EnvRestPool, extra: 1, note: "+1 LISTEN connection per replica"},
	{component: "auth", env: EnvAuthPool},
	{component: "storage", env: EnvStoragePool},
	{component: "realtime", env: EnvRealtimePool, note: "tenant connections counted once, in reserved"},
	// postgres-meta has no pool setting: every request builds a pg.Pool of
	// max 1 and ends it (postgres-meta v0.96.6 src/server/constants.ts
	// DEFAULT_POOL_CONFIG, src/server/routes/*.ts), so it holds one
	// connection per request in flight. Studio is its only client; 5
	// models the parallel requests of one or two open dashboards.
	{component: "meta", perReplica: MetaConnectionsPerReplica, note: "modelled: one connection per request in flight"},
	// The pooler's metadata repository; the pools it holds for its
	// tenant's users are rows of their own (tenantRows).
	{component: "supavisor", env: EnvSupavisorPool, note: "metadata repository; tenant pools below"},
}

// storageMigrationsOnly replaces Storage's row when its queries go through
// the pooler: its direct URL then serves its migrations, one session at
// start-up (src/internal/database/migrations/migrate.ts).
var storageMigrationsOnly = pool{component: "storage", perReplica: 1, note: "queries via supavisor; 1 direct session for migrations"}

// MetaConnectionsPerReplica is the modelled concurrency of postgres-meta.
const MetaConnectionsPerReplica = 5
