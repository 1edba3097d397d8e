-- Supabase database bootstrap, privileged roles step (BYPASSRLS). Runs after
-- bootstrap.sql, in the same Job, as the same RDS master user.
--
-- service_role (the JWT role of trusted servers) and supabase_admin
-- (Realtime, postgres-meta) must see every row regardless of row level
-- security. This attribute is kept apart from bootstrap.sql because who may
-- grant it differs by version:
--   * PostgreSQL 15 and older: only a superuser ("must be superuser to change
--     bypassrls attribute"), so a plain PostgreSQL 15 imitation of RDS cannot
--     run this step as the master; the tests run it as the local superuser
--     and say so.
--   * PostgreSQL 16 and newer: any role with CREATEROLE that itself has
--     BYPASSRLS and ADMIN on the target role. The RDS master is expected to
--     have BYPASSRLS; one that does not stops this step with "Only roles with
--     the BYPASSRLS attribute may change the BYPASSRLS attribute" (tested on
--     PostgreSQL 17, both ways), and the Job fails rather than leave
--     service_role subject to row level security.
-- Idempotent: a role that already bypasses RLS is left alone, so a re-run
-- succeeds even where the runner could not grant the attribute itself.

\set ON_ERROR_STOP on

BEGIN;
SET LOCAL lock_timeout = '30s';

DO $bootstrap$
DECLARE
  r text;
  bypasses boolean;
BEGIN
  FOREACH r IN ARRAY ARRAY['service_role', 'supabase_admin'] LOOP
    SELECT rolbypassrls INTO bypasses FROM pg_catalog.pg_roles WHERE rolname = r;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'supabase bootstrap: role % does not exist; run bootstrap.sql first', r;
    END IF;
    IF NOT bypasses THEN
      EXECUTE format('ALTER ROLE %I BYPASSRLS', r);
    END IF;
  END LOOP;
END
$bootstrap$;

COMMIT;

\echo 'supabase bootstrap: service_role and supabase_admin bypass row level security'
