// storage-api v1.60.4's database connections, with the client stack its
// package-lock.json pins (node-postgres 8.16.3, pg-connection-string 2.9.1,
// knex 3.1.0, pg-listen 1.7.0) and its option building:
//   - src/internal/database/ssl.ts: DATABASE_SSL_ROOT_CERT (PEM text) -> { ca }
//     ({ ca, rejectUnauthorized: false } when the URL's host is an address);
//   - src/internal/database/migrate.ts: a pg Client on DATABASE_URL with
//     search_path storage,public,extensions for the tenant migrations;
//   - src/internal/database/pool.ts: knex on DATABASE_POOL_URL || DATABASE_URL
//     with { connectionString, connectionTimeoutMillis, ssl, application_name }
//     and per-request set_config('role', <JWT role>) in a transaction; with
//     DATABASE_POOL_URL (an external pooler) no search path is set: the
//     login role's own applies;
//   - pubsub: pg-listen on DATABASE_URL with no ssl option.
// node-postgres merges the parsed URL over these options, so ?sslmode=require
// replaces ssl with {} (verify the chain and host name against Node's CAs,
// which NODE_EXTRA_CA_CERTS extends at process start).
//
// Reads the storage container's environment; prints one JSON object:
// { steps: [{ name, ok, detail, error, code }] }.
'use strict';
const net = require('net');
const pg = require('pg');
const { knex } = require('knex');
const createSubscriber = require('pg-listen');

const env = process.env;
const databaseURL = env.DATABASE_URL;
const poolURL = env.DATABASE_POOL_URL || databaseURL;
const rootCert = env.DATABASE_SSL_ROOT_CERT;
const connectionTimeoutMillis = Number(env.DATABASE_CONNECTION_TIMEOUT || 3000);
const searchPath = ['storage', 'public', 'extensions', ...(env.DATABASE_SEARCH_PATH || env.DB_SEARCH_PATH || '').split(',').filter(Boolean)];
const roles = {
  anon: env.DB_ANON_ROLE || 'anon',
  authenticated: env.DB_AUTHENTICATED_ROLE || 'authenticated',
  service: env.DB_SERVICE_ROLE || 'service_role',
  superUser: env.DB_SUPER_USER || 'postgres',
};

function sslSettings(connectionString) {
  if (!rootCert) return undefined;
  try {
    if (net.isIP(new URL(connectionString).hostname)) return { ca: rootCert, rejectUnauthorized: false };
  } catch (e) { /* storage ignores unparsable URLs here too */ }
  return { ca: rootCert };
}

const steps = [];
async function step(name, fn) {
  try {
    steps.push({ name, ok: true, detail: await fn() });
  } catch (e) {
    steps.push({ name, ok: false, error: String(e && e.message || e), code: e && e.code });
  }
}

async function main() {
  if (!databaseURL) throw new Error('DATABASE_URL is not set in the storage container');

  await step('migrations connection (DATABASE_URL)', async () => {
    const ssl = sslSettings(databaseURL);
    const client = new pg.Client({
      connectionString: databaseURL,
      connectionTimeoutMillis: 60000,
      options: `-c search_path=${searchPath.join(',')}`,
      ssl,
    });
    await client.connect();
    try {
      const r = await client.query(`SELECT current_user AS user, s.ssl, current_setting('search_path') AS search_path
        FROM pg_stat_ssl s WHERE s.pid = pg_backend_pid()`);
      await client.query('BEGIN');
      // What storage's migration runner does before its migrations.
      await client.query(`SELECT set_config('storage.install_roles', $1, false), set_config('storage.anon_role', $2, false),
        set_config('storage.authenticated_role', $3, false), set_config('storage.service_role', $4, false),
        set_config('storage.super_user', $5, false)`,
        [String(env.DB_INSTALL_ROLES === 'true'), roles.anon, roles.authenticated, roles.service, roles.superUser]);
      // Tables the way its tenant migrations create them (unqualified:
      // they land in storage through the search path), and the grants its
      // later migrations give the API roles and the super user.
      await client.query(`CREATE TABLE IF NOT EXISTS migrations (id integer PRIMARY KEY, name varchar(100) UNIQUE NOT NULL,
        hash varchar(40) NOT NULL, executed_at timestamp DEFAULT current_timestamp)`);
      await client.query(`CREATE TABLE IF NOT EXISTS buckets (id text PRIMARY KEY, name text NOT NULL, owner uuid,
        public boolean DEFAULT false, created_at timestamptz DEFAULT now())`);
      await client.query(`CREATE TABLE IF NOT EXISTS objects (id uuid PRIMARY KEY DEFAULT extensions.gen_random_uuid(),
        bucket_id text REFERENCES buckets (id), name text, owner uuid, metadata jsonb)`);
      await client.query('ALTER TABLE objects ENABLE ROW LEVEL SECURITY');
      await client.query(`GRANT ALL ON buckets, objects TO ${roles.anon}, ${roles.authenticated}, ${roles.service}, ${roles.superUser}`);
      await client.query(`INSERT INTO buckets (id, name, public) VALUES ('conformance', 'conformance', true) ON CONFLICT DO NOTHING`);
      await client.query('COMMIT');
      return r.rows[0];
    } finally {
      await client.end();
    }
  });

  await step('request pool (knex, per-request role)', async () => {
    const ssl = sslSettings(poolURL);
    const db = knex({
      client: 'pg',
      searchPath: env.DATABASE_POOL_URL ? undefined : searchPath,
      pool: { min: 0, max: Number(env.DATABASE_MAX_CONNECTIONS || 20), acquireTimeoutMillis: connectionTimeoutMillis, idleTimeoutMillis: 5000, reapIntervalMillis: 1000 },
      connection: { connectionString: poolURL, connectionTimeoutMillis, ssl: ssl ? { ...ssl } : undefined, application_name: 'storage-conformance' },
    });
    try {
      return await db.transaction(async (trx) => {
        // pg_stat_ssl shows a session's TLS state to its own login role only.
        const tls = await trx.raw('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()');
        await trx.raw(`SELECT set_config('role', ?, true), set_config('request.jwt.claims', ?, true)`,
          [roles.authenticated, JSON.stringify({ role: roles.authenticated, sub: '00000000-0000-4000-8000-000000000001' })]);
        const who = await trx.raw('SELECT current_user AS role');
        const buckets = await trx.raw('SELECT id FROM buckets ORDER BY id');
        const sessionUser = await trx.raw('SELECT session_user AS login');
        return { role: who.rows[0].role, ssl: tls.rows[0].ssl, buckets: buckets.rows.map((b) => b.id), login: sessionUser.rows[0].login, pooled: Boolean(env.DATABASE_POOL_URL) };
      });
    } finally {
      await db.destroy();
    }
  });

  await step('pubsub (pg-listen on DATABASE_URL)', async () => {
    const subscriber = createSubscriber({ connectionString: databaseURL }, { retryLimit: 0 });
    let failure;
    subscriber.events.on('error', (e) => { failure = e; });
    try {
      await subscriber.connect();
      const got = new Promise((resolve, reject) => {
        subscriber.notifications.on('storage_conformance', resolve);
        setTimeout(() => reject(new Error('no notification within 10 s')), 10000).unref();
      });
      await subscriber.listenTo('storage_conformance');
      await subscriber.notify('storage_conformance', { ping: 1 });
      return { payload: await got };
    } finally {
      await subscriber.close().catch(() => {});
      if (failure) throw failure;
    }
  });
}

main()
  .catch((e) => steps.push({ name: 'setup', ok: false, error: String(e && e.message || e), code: e && e.code }))
  .finally(() => {
    process.stdout.write(JSON.stringify({ steps }) + '\n');
  });
