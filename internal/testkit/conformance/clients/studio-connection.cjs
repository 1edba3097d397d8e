// Studio's self-hosted connection to postgres-meta (apps/studio, 2026.07):
// lib/api/self-hosted/constants.ts reads POSTGRES_HOST (default "db"),
// POSTGRES_PORT (5432), POSTGRES_DB ("postgres"), POSTGRES_PASSWORD,
// POSTGRES_USER_READ_WRITE ("supabase_admin"), POSTGRES_USER_READ_ONLY
// ("supabase_read_only_user") and PG_META_CRYPTO_KEY ("SAMPLE_KEY");
// util.ts builds postgresql://<user>:<password>@<host>:<port>/<db> with
// nothing appended and nothing encoded, and encrypts it with crypto-js
// AES (passphrase form) for the x-connection-encrypted header.
//
// Reads the studio container's environment, argv[2] is "read-write" or
// "read-only"; prints the header value.
'use strict';
const CryptoJS = require('crypto-js');

const env = process.env;
const readOnly = process.argv[2] === 'read-only';
const user = readOnly ? (env.POSTGRES_USER_READ_ONLY || 'supabase_read_only_user') : (env.POSTGRES_USER_READ_WRITE || 'supabase_admin');
const host = env.POSTGRES_HOST || 'db';
const port = env.POSTGRES_PORT || '5432';
const db = env.POSTGRES_DB || 'postgres';
const password = env.POSTGRES_PASSWORD || 'postgres';
const key = env.PG_META_CRYPTO_KEY || 'SAMPLE_KEY';
const connection = `postgresql://${user}:${password}@${host}:${port}/${db}`;
process.stdout.write(CryptoJS.AES.encrypt(connection, key).toString() + '\n');
