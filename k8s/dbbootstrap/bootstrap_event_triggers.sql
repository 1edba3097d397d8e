-- Supabase database bootstrap, schema-reload step (event triggers). Runs
-- after bootstrap_privileged_roles.sql, in the same Job, as the same RDS
-- master user.
--
-- PostgREST serves what its schema cache holds and reloads the cache when it
-- receives NOTIFY pgrst, 'reload schema'. These two event triggers send that
-- notification after DDL that changes what the API can expose (tables,
-- views, functions, types, schemas, comments), so a table created in Studio
-- is served at once instead of answering "not found in schema cache" until
-- PostgREST restarts. Grants, policies and indexes need no reload.
--
-- Only a superuser may create an event trigger in vanilla PostgreSQL; RDS
-- lets members of rds_superuser (its master) do it.
--
-- Idempotent: each function's body is written once below and (re)defined
-- only when the database holds another body (a first run, or a bootstrap
-- that corrected it), so a second run changes nothing; the triggers are
-- created only when missing. These two functions are the bootstrap's own:
-- replacing them is the one CREATE OR REPLACE the bootstrap may run. The
-- component schemas that the API does not serve (auth, realtime, _realtime)
-- are ignored, so the components' migrations do not reload PostgREST once
-- per statement.

\set ON_ERROR_STOP on

BEGIN;
SET LOCAL lock_timeout = '30s';

DO $bootstrap$
DECLARE
  watch record;
BEGIN
  FOR watch IN SELECT * FROM (VALUES
    ('pgrst_ddl_watch', $watch$
    DECLARE
      cmd record;
    BEGIN
      FOR cmd IN SELECT * FROM pg_catalog.pg_event_trigger_ddl_commands() LOOP
        IF cmd.command_tag IN (
            'CREATE SCHEMA', 'ALTER SCHEMA',
            'CREATE TABLE', 'CREATE TABLE AS', 'SELECT INTO', 'ALTER TABLE',
            'CREATE FOREIGN TABLE', 'ALTER FOREIGN TABLE',
            'CREATE VIEW', 'ALTER VIEW', 'CREATE MATERIALIZED VIEW', 'ALTER MATERIALIZED VIEW',
            'CREATE FUNCTION', 'ALTER FUNCTION', 'CREATE TRIGGER',
            'CREATE TYPE', 'ALTER TYPE', 'CREATE RULE', 'COMMENT')
          AND coalesce(cmd.schema_name, '') NOT LIKE 'pg\_temp%'
          AND coalesce(cmd.schema_name, '') NOT IN ('auth', 'realtime', '_realtime')
        THEN
          NOTIFY pgrst, 'reload schema';
          RETURN;
        END IF;
      END LOOP;
    END
    $watch$),
    ('pgrst_drop_watch', $watch$
    DECLARE
      obj record;
    BEGIN
      FOR obj IN SELECT * FROM pg_catalog.pg_event_trigger_dropped_objects() LOOP
        IF obj.object_type IN (
            'schema', 'table', 'foreign table', 'view', 'materialized view',
            'function', 'trigger', 'type', 'rule')
          AND NOT obj.is_temporary
          AND coalesce(obj.schema_name, '') NOT IN ('auth', 'realtime', '_realtime')
        THEN
          NOTIFY pgrst, 'reload schema';
          RETURN;
        END IF;
      END LOOP;
    END
    $watch$)) AS w(name, body)
  LOOP
    IF NOT EXISTS (
      SELECT 1 FROM pg_catalog.pg_proc p
       WHERE p.oid = to_regprocedure('extensions.' || watch.name || '()')
         AND p.prosrc = watch.body
         AND p.prorettype = 'pg_catalog.event_trigger'::pg_catalog.regtype)
    THEN
      EXECUTE format('CREATE OR REPLACE FUNCTION extensions.%I() RETURNS event_trigger LANGUAGE plpgsql AS %L',
        watch.name, watch.body);
    END IF;
  END LOOP;
END
$bootstrap$;

DO $bootstrap$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_event_trigger WHERE evtname = 'pgrst_ddl_watch') THEN
    CREATE EVENT TRIGGER pgrst_ddl_watch ON ddl_command_end
      EXECUTE FUNCTION extensions.pgrst_ddl_watch();
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_event_trigger WHERE evtname = 'pgrst_drop_watch') THEN
    CREATE EVENT TRIGGER pgrst_drop_watch ON sql_drop
      EXECUTE FUNCTION extensions.pgrst_drop_watch();
  END IF;
END
$bootstrap$;

COMMIT;

\echo 'supabase bootstrap: PostgREST reloads its schema cache after DDL'
