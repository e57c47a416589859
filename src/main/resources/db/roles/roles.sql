-- Mutuality's two PostgreSQL roles (README, "Running in production"; ADR 0014). Run it as a
-- superuser, connected to Mutuality's database, before the first start; it is idempotent, so run
-- it again after restoring a backup or whenever in doubt:
--     psql -h HOST -U postgres -d mutuality -v ON_ERROR_STOP=1 -f roles.sql
--
--   mutuality_owner  owns the tables and runs the Flyway migrations (spring.flyway.user). Never
--                    used by the running application.
--   mutuality_app    what the running application connects as (spring.datasource.username): reads
--                    and writes the tables, only appends to the audit log, owns nothing, so it can
--                    neither alter a table nor switch a trigger off.
--
-- Give each role its password afterwards (psql: \password mutuality_owner, \password mutuality_app).

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'mutuality_owner') THEN
        CREATE ROLE mutuality_owner LOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'mutuality_app') THEN
        CREATE ROLE mutuality_app LOGIN;
    END IF;
END
$$;

-- Whatever was set by hand before, neither role may do more than its job.
ALTER ROLE mutuality_owner NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
ALTER ROLE mutuality_app NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;

DO $$
BEGIN
    -- A member of the owner role would have its powers: the application role must not be one.
    IF pg_has_role('mutuality_app', 'mutuality_owner', 'MEMBER') THEN
        REVOKE mutuality_owner FROM mutuality_app;
    END IF;
    EXECUTE format('REVOKE CREATE ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO mutuality_owner, mutuality_app',
                   current_database());
END
$$;

-- Only the owner creates objects.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA public TO mutuality_owner;
GRANT USAGE ON SCHEMA public TO mutuality_app;

-- Tables that exist now, and tables the owner's migrations create later.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO mutuality_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO mutuality_app;
ALTER DEFAULT PRIVILEGES FOR ROLE mutuality_owner IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO mutuality_app;
ALTER DEFAULT PRIVILEGES FOR ROLE mutuality_owner IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO mutuality_app;

DO $$
BEGIN
    -- The audit log is append-only for the application (the triggers of V5_1 refuse it to everyone;
    -- this takes the privilege away too). Migration V21 does the same for tables made later.
    IF to_regclass('public.audit_entry') IS NOT NULL THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON public.audit_entry, public.audit_chain FROM mutuality_app;
    END IF;
    IF to_regclass('public.audit_tree_node') IS NOT NULL THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON public.audit_tree_node, public.audit_tree_head FROM mutuality_app;
    END IF;
    -- The migration history belongs to the owner; the application only reads it.
    IF to_regclass('public.flyway_schema_history') IS NOT NULL THEN
        REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON public.flyway_schema_history FROM mutuality_app;
    END IF;
END
$$;
