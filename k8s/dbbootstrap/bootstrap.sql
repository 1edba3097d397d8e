-- Supabase database bootstrap for Amazon RDS for PostgreSQL.
--
-- Run by the bootstrap Job as the RDS master user (member of rds_superuser,
-- CREATEROLE CREATEDB, not a superuser), connected to the Supabase database
-- through the libpq PG* environment variables:
--
--   psql -X -w -v ON_ERROR_STOP=1 -f bootstrap.sql -f bootstrap_privileged_roles.sql \
--        -f bootstrap_event_triggers.sql
--
-- Needs psql 15 or newer (\getenv) and PostgreSQL 15 or newer. The role
-- passwords come only from these environment variables, and every run sets
-- them again, so rotating a password means re-running this file:
--
--   AUTHENTICATOR_PASSWORD            authenticator        (PostgREST)
--   SUPABASE_AUTH_ADMIN_PASSWORD      supabase_auth_admin  (GoTrue)
--   SUPABASE_STORAGE_ADMIN_PASSWORD   supabase_storage_admin (Storage)
--   SUPABASE_ADMIN_PASSWORD           supabase_admin       (Realtime, postgres-meta)
--                                     and supabase_read_only_user (Studio's
--                                     read-only queries: Studio logs both in
--                                     with its one POSTGRES_PASSWORD)
--   SUPAVISOR_PASSWORD                supavisor            (the pooler's own metadata
--                                     in schema _supavisor)
--   APP_USER_PASSWORD                 app_user             (applications, through
--                                     the pooler as app_user.<tenant>)
--
-- Rules this file keeps, so it is safe to run any number of times, also after
-- the components have run their own migrations:
--   * everything is created only when missing, and nothing is ever dropped;
--   * it creates schemas but never objects inside auth, storage or _realtime
--     (auth.uid(), auth.users, storage.* belong to the components);
--   * it only adds grants and default privileges, and never revokes;
--   * role attributes, search paths and passwords are set to the same values
--     on every run;
--   * all of it runs in one transaction: a failed run changes nothing.
--
-- BYPASSRLS (service_role, supabase_admin, supabase_read_only_user) and
-- pg_read_all_data are granted by bootstrap_privileged_roles.sql, the
-- schema-reload event triggers by bootstrap_event_triggers.sql: vanilla
-- PostgreSQL reserves those to superusers, RDS lets its master (a member of
-- rds_superuser) do them (see those files).

\set ON_ERROR_STOP on
-- Never echo statements: the password statement below would be printed.
\set ECHO none

\set authenticator_password ''
\set supabase_auth_admin_password ''
\set supabase_storage_admin_password ''
\set supabase_admin_password ''
\set supavisor_password ''
\set app_user_password ''
\getenv authenticator_password AUTHENTICATOR_PASSWORD
\getenv supabase_auth_admin_password SUPABASE_AUTH_ADMIN_PASSWORD
\getenv supabase_storage_admin_password SUPABASE_STORAGE_ADMIN_PASSWORD
\getenv supabase_admin_password SUPABASE_ADMIN_PASSWORD
\getenv supavisor_password SUPAVISOR_PASSWORD
\getenv app_user_password APP_USER_PASSWORD

BEGIN;

-- Fail rather than wait forever behind a component holding a lock; the Job
-- retries.
SET LOCAL lock_timeout = '30s';
SET LOCAL password_encryption = 'scram-sha-256';

-- Two Jobs running at once would race on CREATE ROLE; take turns.
DO $bootstrap$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('supabase-eks database bootstrap'));
  IF current_setting('server_version_num')::int < 150000 THEN
    RAISE EXCEPTION 'supabase bootstrap needs PostgreSQL 15 or newer, server is %',
      current_setting('server_version');
  END IF;
END
$bootstrap$;

-- Passwords -------------------------------------------------------------
-- The passwords go to the server once, in this SELECT, into transaction-local
-- settings that vanish at COMMIT. The ALTER ROLE ... PASSWORD statements run
-- inside a DO block, so they never appear as statement text in the server
-- log (log_statement = ddl) or in pg_stat_statements (which replaces the
-- constants of this SELECT with placeholders). Only log_statement = all
-- would log this SELECT. \gset keeps psql from printing the values.
SELECT
  set_config('supabase_bootstrap.authenticator_password', :'authenticator_password', true) IS NULL AS bootstrap_stash_1,
  set_config('supabase_bootstrap.supabase_auth_admin_password', :'supabase_auth_admin_password', true) IS NULL AS bootstrap_stash_2,
  set_config('supabase_bootstrap.supabase_storage_admin_password', :'supabase_storage_admin_password', true) IS NULL AS bootstrap_stash_3,
  set_config('supabase_bootstrap.supabase_admin_password', :'supabase_admin_password', true) IS NULL AS bootstrap_stash_4,
  set_config('supabase_bootstrap.supavisor_password', :'supavisor_password', true) IS NULL AS bootstrap_stash_5,
  set_config('supabase_bootstrap.app_user_password', :'app_user_password', true) IS NULL AS bootstrap_stash_6
\gset

DO $bootstrap$
DECLARE
  missing text[] := '{}';
  v record;
BEGIN
  FOR v IN
    SELECT * FROM (VALUES
      ('AUTHENTICATOR_PASSWORD', 'authenticator_password'),
      ('SUPABASE_AUTH_ADMIN_PASSWORD', 'supabase_auth_admin_password'),
      ('SUPABASE_STORAGE_ADMIN_PASSWORD', 'supabase_storage_admin_password'),
      ('SUPABASE_ADMIN_PASSWORD', 'supabase_admin_password'),
      ('SUPAVISOR_PASSWORD', 'supavisor_password'),
      ('APP_USER_PASSWORD', 'app_user_password')
    ) AS e(env, key)
  LOOP
    IF coalesce(current_setting('supabase_bootstrap.' || v.key, true), '') = '' THEN
      missing := missing || v.env;
    END IF;
  END LOOP;
  IF cardinality(missing) > 0 THEN
    RAISE EXCEPTION 'supabase bootstrap: environment variable(s) unset or empty: %',
      array_to_string(missing, ', ')
      USING HINT = 'The Job must set every role password from the database secret; nothing was changed.';
  END IF;
END
$bootstrap$;

-- Roles -----------------------------------------------------------------
-- Created bare when missing; their attributes are set below on every run.
--   anon, authenticated, service_role: the API roles PostgREST, Storage and
--     Realtime switch to according to the request's JWT.
--   authenticator: PostgREST's login; can only switch to the API roles.
--   supabase_auth_admin, supabase_storage_admin: GoTrue's and Storage's
--     logins; each owns its schema and runs its own migrations there.
--   supabase_admin: Realtime's and postgres-meta's login.
--   supabase_read_only_user: Studio's login for read-only queries.
--   supavisor: the pooler's login for its own metadata (schema _supavisor);
--     it never serves clients: the pooler logs clients' server connections
--     in as the clients' own roles.
--   app_user: the applications' login through the pooler (the only role
--     the pooler's tenant serves besides Storage's); no API role, no
--     BYPASSRLS.
--   postgres, dashboard_user: never log in. Realtime's and Storage's
--     migrations grant to roles of these names (on Supabase's own image
--     `postgres` is the main user); without them those migrations fail with
--     "role does not exist". On RDS the master has another name.
DO $bootstrap$
DECLARE
  r text;
BEGIN
  FOREACH r IN ARRAY ARRAY[
    'anon', 'authenticated', 'service_role', 'authenticator',
    'supabase_auth_admin', 'supabase_storage_admin', 'supabase_admin',
    'supabase_read_only_user', 'postgres', 'dashboard_user', 'supavisor', 'app_user']
  LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = r) THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN NOINHERIT', r);
      RAISE NOTICE 'supabase bootstrap: created role %', r;
    END IF;
  END LOOP;
END
$bootstrap$;

ALTER ROLE anon                   NOLOGIN NOINHERIT NOCREATEDB NOCREATEROLE;
ALTER ROLE authenticated          NOLOGIN NOINHERIT NOCREATEDB NOCREATEROLE;
ALTER ROLE service_role           NOLOGIN NOINHERIT NOCREATEDB NOCREATEROLE;
ALTER ROLE authenticator          LOGIN   NOINHERIT NOCREATEDB NOCREATEROLE;
ALTER ROLE supabase_auth_admin    LOGIN   NOINHERIT NOCREATEDB CREATEROLE;
ALTER ROLE supabase_storage_admin LOGIN   NOINHERIT NOCREATEDB CREATEROLE;
ALTER ROLE supabase_admin         LOGIN   INHERIT   CREATEDB   CREATEROLE;
ALTER ROLE supabase_read_only_user LOGIN  INHERIT   NOCREATEDB NOCREATEROLE;
ALTER ROLE supavisor              LOGIN   NOINHERIT NOCREATEDB NOCREATEROLE;
ALTER ROLE app_user               LOGIN   NOINHERIT NOCREATEDB NOCREATEROLE;

DO $bootstrap$
DECLARE
  v record;
BEGIN
  FOR v IN
    SELECT * FROM (VALUES
      ('authenticator', 'authenticator_password'),
      ('supabase_auth_admin', 'supabase_auth_admin_password'),
      ('supabase_storage_admin', 'supabase_storage_admin_password'),
      ('supabase_admin', 'supabase_admin_password'),
      ('supabase_read_only_user', 'supabase_admin_password'),
      ('supavisor', 'supavisor_password'),
      ('app_user', 'app_user_password')
    ) AS p(role, key)
  LOOP
    BEGIN
      EXECUTE format('ALTER ROLE %I PASSWORD %L', v.role,
        current_setting('supabase_bootstrap.' || v.key));
    EXCEPTION WHEN OTHERS THEN
      -- Re-raise without the failed statement: PostgreSQL would print it,
      -- password included, as the error's context.
      RAISE EXCEPTION 'supabase bootstrap: could not set the password of role %: %', v.role, SQLERRM
        USING ERRCODE = SQLSTATE;
    END;
  END LOOP;
END
$bootstrap$;

-- Per-role settings. GoTrue and Storage create their tables unqualified, so
-- their search_path must point at their schema ("no schema has been selected
-- to create in" otherwise). PostgREST applies the API roles' timeouts when it
-- switches to them.
ALTER ROLE supabase_auth_admin    SET search_path = auth;
ALTER ROLE supabase_storage_admin SET search_path = storage;
ALTER ROLE supabase_admin         SET search_path = "$user", public, extensions;
ALTER ROLE supabase_read_only_user SET default_transaction_read_only = on;
-- Supavisor's repository qualifies its tables with _supavisor; its
-- migrations' bookkeeping table follows the search path.
ALTER ROLE supavisor              SET search_path = _supavisor;
ALTER ROLE anon                   SET statement_timeout = '3s';
ALTER ROLE authenticated          SET statement_timeout = '8s';

-- PostgreSQL 16+ gives a non-superuser that creates a role only ADMIN on
-- it, without SET or INHERIT. Realtime's tenant migrations (as
-- supabase_admin) create supabase_realtime_admin and then hand it tables,
-- which needs SET on it ("must be able to SET ROLE"): the migration fails
-- and every channel join with it, while the pod stays healthy. The logins
-- that create roles get SET and INHERIT on what they create, as on
-- PostgreSQL 15 and on Supabase's own image (where they are superusers).
DO $bootstrap$
DECLARE
  r text;
BEGIN
  IF current_setting('server_version_num')::int >= 160000 THEN
    FOREACH r IN ARRAY ARRAY['supabase_admin', 'supabase_auth_admin', 'supabase_storage_admin'] LOOP
      EXECUTE format('ALTER ROLE %I SET createrole_self_grant = %L', r, 'set, inherit');
    END LOOP;
  END IF;
END
$bootstrap$;

-- Memberships -----------------------------------------------------------
-- The master must be able to act as the component owners to hand them their
-- schemas and the publication. On PostgreSQL 16+ creating a role only gives
-- the master ADMIN on it, so grant INHERIT and SET explicitly there.
DO $bootstrap$
DECLARE
  r text;
  pg16 boolean := current_setting('server_version_num')::int >= 160000;
BEGIN
  FOREACH r IN ARRAY ARRAY['supabase_auth_admin', 'supabase_storage_admin', 'supabase_admin', 'supavisor'] LOOP
    IF pg16 THEN
      IF NOT (pg_has_role(current_user, r, 'USAGE') AND pg_has_role(current_user, r, 'SET')) THEN
        EXECUTE format('GRANT %I TO CURRENT_USER WITH INHERIT TRUE, SET TRUE', r);
      END IF;
    ELSIF NOT pg_has_role(current_user, r, 'USAGE') THEN
      EXECUTE format('GRANT %I TO CURRENT_USER', r);
    END IF;
  END LOOP;
END
$bootstrap$;

-- Who may switch to whom (member is granted role):
--   authenticator -> anon, authenticated, service_role (PostgREST)
--   supabase_storage_admin -> the API roles (Storage sets role per request)
--   supabase_admin -> the API roles (Realtime checks RLS as the subscriber),
--     and the auth and storage admins (postgres-meta manages their schemas)
--   supabase_admin -> rds_replication (Realtime's logical replication slot)
DO $bootstrap$
DECLARE
  g record;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'rds_replication') THEN
    RAISE EXCEPTION 'supabase bootstrap: role rds_replication does not exist; this file targets Amazon RDS for PostgreSQL';
  END IF;
  FOR g IN
    SELECT * FROM (VALUES
      ('anon', 'authenticator'),
      ('authenticated', 'authenticator'),
      ('service_role', 'authenticator'),
      ('anon', 'supabase_storage_admin'),
      ('authenticated', 'supabase_storage_admin'),
      ('service_role', 'supabase_storage_admin'),
      ('anon', 'supabase_admin'),
      ('authenticated', 'supabase_admin'),
      ('service_role', 'supabase_admin'),
      ('supabase_auth_admin', 'supabase_admin'),
      ('supabase_storage_admin', 'supabase_admin'),
      ('rds_replication', 'supabase_admin')
    ) AS m(role, member)
  LOOP
    IF NOT EXISTS (
      SELECT 1 FROM pg_catalog.pg_auth_members am
      WHERE am.roleid = g.role::regrole AND am.member = g.member::regrole
    ) THEN
      EXECUTE format('GRANT %I TO %I', g.role, g.member);
    END IF;
  END LOOP;
END
$bootstrap$;

-- Database privileges ---------------------------------------------------
-- CREATE on the database lets GoTrue, Storage and Realtime create their
-- schemas (Realtime creates `realtime` itself).
DO $bootstrap$
BEGIN
  EXECUTE format('GRANT CONNECT, CREATE ON DATABASE %I TO supabase_auth_admin, supabase_storage_admin, supabase_admin',
    current_database());
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO authenticator, supabase_read_only_user, app_user', current_database());
  -- Supavisor's migration starts with CREATE SCHEMA IF NOT EXISTS
  -- _supavisor, and PostgreSQL checks CREATE on the database before it
  -- notices that the schema exists: without it the pooler never starts.
  EXECUTE format('GRANT CONNECT, CREATE ON DATABASE %I TO supavisor', current_database());
END
$bootstrap$;

-- Schemas ---------------------------------------------------------------
-- Created with their owner when missing; an existing schema with another
-- owner is handed to the right one. Nothing inside a schema is touched.
DO $bootstrap$
DECLARE
  s record;
  current_owner name;
BEGIN
  FOR s IN
    SELECT * FROM (VALUES
      ('auth', 'supabase_auth_admin'),
      ('storage', 'supabase_storage_admin'),
      ('_realtime', 'supabase_admin'),
      ('graphql_public', 'supabase_admin'),
      ('_supavisor', 'supavisor')
    ) AS v(name, owner)
  LOOP
    SELECT pg_get_userbyid(n.nspowner) INTO current_owner
      FROM pg_catalog.pg_namespace n WHERE n.nspname = s.name;
    IF NOT FOUND THEN
      EXECUTE format('CREATE SCHEMA %I AUTHORIZATION %I', s.name, s.owner);
    ELSIF current_owner <> s.owner THEN
      EXECUTE format('ALTER SCHEMA %I OWNER TO %I', s.name, s.owner);
      RAISE NOTICE 'supabase bootstrap: schema % was owned by %, now by %', s.name, current_owner, s.owner;
    END IF;
  END LOOP;
  -- The master owns the extensions it installs, and so their schema.
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = 'extensions') THEN
    CREATE SCHEMA extensions;
  END IF;
END
$bootstrap$;

-- Extensions ------------------------------------------------------------
-- An extension already installed in another schema is left there (moving it
-- would break whatever uses it), with a warning.
DO $bootstrap$
DECLARE
  e text;
  installed_in name;
BEGIN
  FOREACH e IN ARRAY ARRAY['pgcrypto', 'uuid-ossp'] LOOP
    SELECT n.nspname INTO installed_in
      FROM pg_catalog.pg_extension x JOIN pg_catalog.pg_namespace n ON n.oid = x.extnamespace
      WHERE x.extname = e;
    IF NOT FOUND THEN
      EXECUTE format('CREATE EXTENSION %I WITH SCHEMA extensions', e);
    ELSIF installed_in <> 'extensions' THEN
      RAISE WARNING 'supabase bootstrap: extension % is installed in schema %, not extensions; left as is', e, installed_in;
    END IF;
  END LOOP;
END
$bootstrap$;

-- Schema privileges -----------------------------------------------------
GRANT USAGE ON SCHEMA public         TO anon, authenticated, service_role;
GRANT USAGE, CREATE ON SCHEMA public TO supabase_admin;
-- Applications create and use their own tables in public; exposing them
-- through the API takes explicit grants to the API roles.
GRANT USAGE, CREATE ON SCHEMA public TO app_user;
GRANT USAGE ON SCHEMA extensions     TO anon, authenticated, service_role,
                                        supabase_auth_admin, supabase_storage_admin, supabase_admin,
                                        app_user;
GRANT USAGE ON SCHEMA graphql_public TO anon, authenticated, service_role;
-- RLS policies call auth.uid() and friends as the API roles.
GRANT USAGE ON SCHEMA auth           TO anon, authenticated, service_role;
GRANT USAGE ON SCHEMA storage        TO anon, authenticated, service_role;

-- Default privileges ----------------------------------------------------
-- Tables, sequences and functions created in public by the master or by
-- supabase_admin (Studio, through postgres-meta), and in storage by Storage,
-- are usable by the API roles; row level security decides which rows.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON TABLES    TO anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON SEQUENCES TO anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON FUNCTIONS TO anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES FOR ROLE supabase_admin IN SCHEMA public GRANT ALL ON TABLES    TO anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES FOR ROLE supabase_admin IN SCHEMA public GRANT ALL ON SEQUENCES TO anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES FOR ROLE supabase_admin IN SCHEMA public GRANT ALL ON FUNCTIONS TO anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES FOR ROLE supabase_storage_admin IN SCHEMA storage GRANT ALL ON TABLES    TO anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES FOR ROLE supabase_storage_admin IN SCHEMA storage GRANT ALL ON SEQUENCES TO anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES FOR ROLE supabase_storage_admin IN SCHEMA storage GRANT ALL ON FUNCTIONS TO anon, authenticated, service_role;

-- Realtime publication --------------------------------------------------
-- Created empty when missing and given to supabase_admin, which adds tables
-- to it (Studio's replication settings). Never dropped or altered
-- afterwards: the tables in it are the operator's choice.
DO $bootstrap$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_publication WHERE pubname = 'supabase_realtime') THEN
    CREATE PUBLICATION supabase_realtime;
    ALTER PUBLICATION supabase_realtime OWNER TO supabase_admin;
  END IF;
END
$bootstrap$;

COMMIT;

\echo 'supabase bootstrap: roles, schemas, grants, extensions and publication are in place'
