-- Supabase database bootstrap, privileged roles step (BYPASSRLS). Runs after
-- bootstrap.sql, in the same Job, as the same RDS master user.
--
-- service_role (the JWT role of trusted servers), supabase_admin (Realtime,
-- postgres-meta) and supabase_read_only_user (Studio's read-only queries)
-- must see every row regardless of row level security; the read-only user
-- also reads every table through pg_read_all_data. These are kept apart
-- from bootstrap.sql because who may grant them differs by version and by
-- platform. BYPASSRLS:
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
  FOREACH r IN ARRAY ARRAY['service_role', 'supabase_admin', 'supabase_read_only_user'] LOOP
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

-- pg_read_all_data: granting a predefined role needs ADMIN on it, which
-- RDS gives rds_superuser and vanilla PostgreSQL only superusers. Without it
-- only Studio's read-only mode loses its tables, so a refusal is a warning
-- in the Job's log, not a failed bootstrap.
DO $bootstrap$
BEGIN
  IF NOT pg_has_role('supabase_read_only_user', 'pg_read_all_data', 'USAGE') THEN
    BEGIN
      GRANT pg_read_all_data TO supabase_read_only_user;
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE WARNING 'supabase bootstrap: % may not grant pg_read_all_data (%); Studio''s read-only queries will not see tables', current_user, SQLERRM;
    END;
  END IF;
END
$bootstrap$;

COMMIT;

\echo 'supabase bootstrap: service_role, supabase_admin and supabase_read_only_user bypass row level security'
