-- PostgreSQL only: no role but the audit tables' owner keeps UPDATE, DELETE or TRUNCATE on them,
-- even one that default privileges (db/roles/roles.sql) gave them to when V5 created the tables.
-- The triggers of V5_1 refuse those statements anyway; this takes the privilege away as well.
DO $$
DECLARE
    grantee_role name;
BEGIN
    FOR grantee_role IN
        SELECT DISTINCT r.rolname
          FROM pg_class c
          CROSS JOIN LATERAL aclexplode(c.relacl) a
          JOIN pg_roles r ON r.oid = a.grantee
         WHERE c.oid IN ('audit_entry'::regclass, 'audit_chain'::regclass)
           AND a.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE')
           AND a.grantee <> c.relowner
    LOOP
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry, audit_chain FROM %I', grantee_role);
    END LOOP;
END
$$;
