// An emulation of PostgREST's database side, for what the harness cannot run
// (no PostgREST build is reachable here). PostgREST connects with libpq, so
// TLS follows libpq's sslmode=require: encrypted, not verified. Per request
// it verifies the JWT with its JWT setting (a JWKS: ES256 signing keys by
// kid, the legacy HS256 secret as an oct key), takes the role claim (the
// anonymous role without a token), and in one transaction does
// SET LOCAL ROLE <role> and set_config('request.jwt.claims', <claims>), then
// runs the query. It listens on channel pgrst for schema reloads.
//
// Environment: the rest container's (PGRST_DB_URI, PGRST_JWT_SECRET,
// PGRST_DB_ANON_ROLE). argv[2]:
//   requests: stdin is a JSON list of { name, token, sql }; prints a JSON
//             list of { name, ok, role, rows, error }
//   listen:   LISTEN pgrst; prints "listening", then each payload, one per line
'use strict';
const crypto = require('crypto');
const pg = require('pg');

const env = process.env;

function client() {
  const url = new URL(env.PGRST_DB_URI);
  const mode = url.searchParams.get('sslmode') || 'prefer';
  url.searchParams.delete('sslmode');
  if (mode === 'disable') throw new Error('PGRST_DB_URI says sslmode=disable');
  return new pg.Client({ connectionString: url.toString(), ssl: { rejectUnauthorized: false }, application_name: 'postgrest-emulation' });
}

function b64url(buf) {
  return Buffer.from(buf).toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

// PGRST_JWT_SECRET is a JWKS ({"keys":[...]}) as rendered, or a plain
// secret. With a JWKS, a token with a kid must match a key with that kid;
// one without is tried against every key (the legacy secret is an oct key).
function keys() {
  const raw = env.PGRST_JWT_SECRET || '';
  let set;
  try { set = JSON.parse(raw); } catch (e) { return [{ kty: 'oct', secret: Buffer.from(raw) }]; }
  if (!set || !Array.isArray(set.keys)) throw new Error('PGRST_JWT_SECRET is JSON but not a JWKS');
  return set.keys.map((k) => (k.kty === 'oct' ? { kty: 'oct', kid: k.kid, secret: Buffer.from(k.k, 'base64url') } : { kty: k.kty, kid: k.kid, alg: k.alg, key: crypto.createPublicKey({ key: k, format: 'jwk' }) }));
}

function checkWith(k, header, signed, sig) {
  if (header.alg === 'HS256' && k.kty === 'oct') {
    const want = crypto.createHmac('sha256', k.secret).update(signed).digest();
    return want.length === sig.length && crypto.timingSafeEqual(want, sig);
  }
  if (header.alg === 'ES256' && k.kty === 'EC' && k.alg === 'ES256') {
    return crypto.verify('sha256', Buffer.from(signed), { key: k.key, dsaEncoding: 'ieee-p1363' }, sig);
  }
  return false;
}

function verify(token) {
  const [h, p, s] = token.split('.');
  if (!s) throw new Error('JWT malformed');
  const header = JSON.parse(Buffer.from(h, 'base64url').toString());
  const candidates = keys().filter((k) => header.kid === undefined || k.kid === header.kid);
  if (!candidates.some((k) => checkWith(k, header, `${h}.${p}`, Buffer.from(s, 'base64url')))) throw new Error(`JWSInvalidSignature (alg ${header.alg}, kid ${header.kid})`);
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
  if (claims.exp && claims.exp * 1000 < Date.now()) throw new Error('JWT expired');
  return claims;
}

async function requests(list) {
  const out = [];
  const c = client();
  await c.connect();
  try {
    for (const r of list) {
      try {
        const claims = r.token ? verify(r.token) : {};
        const role = claims.role || env.PGRST_DB_ANON_ROLE;
        await c.query('BEGIN');
        try {
          await c.query(`SET LOCAL ROLE ${c.escapeIdentifier(role)}`);
          await c.query(`SELECT set_config('request.jwt.claims', $1, true)`, [JSON.stringify(claims)]);
          const res = await c.query(r.sql);
          await c.query('COMMIT');
          out.push({ name: r.name, ok: true, role, rows: res.rows });
        } catch (e) {
          await c.query('ROLLBACK');
          throw e;
        }
      } catch (e) {
        out.push({ name: r.name, ok: false, error: String(e && e.message || e) });
      }
    }
  } finally {
    await c.end();
  }
  return out;
}

async function listen() {
  const c = client();
  await c.connect();
  c.on('notification', (n) => process.stdout.write(`${n.channel}:${n.payload}\n`));
  await c.query('LISTEN pgrst');
  process.stdout.write('listening\n');
  process.stdin.resume();
  process.stdin.on('end', () => c.end().then(() => process.exit(0)));
}

if (process.argv[2] === 'listen') {
  listen().catch((e) => { process.stderr.write(String(e && e.message || e) + '\n'); process.exit(1); });
} else {
  let input = '';
  process.stdin.on('data', (d) => { input += d; });
  process.stdin.on('end', () => {
    requests(JSON.parse(input))
      .then((out) => process.stdout.write(JSON.stringify(out) + '\n'))
      .catch((e) => { process.stderr.write(String(e && e.message || e) + '\n'); process.exit(1); });
  });
}
