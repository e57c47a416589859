-- PostgreSQL only: the audit tree and its published heads are append-only, as the chain is (V5_1,
-- V21): UPDATE, DELETE and TRUNCATE are refused by trigger, and no role but the owner keeps them.

create trigger audit_tree_node_append_only before update or delete on audit_tree_node
    for each row execute function audit_refuse_change();

create trigger audit_tree_head_append_only before update or delete on audit_tree_head
    for each row execute function audit_refuse_change();

create trigger audit_tree_node_no_truncate before truncate on audit_tree_node
    for each statement execute function audit_refuse_truncate();

create trigger audit_tree_head_no_truncate before truncate on audit_tree_head
    for each statement execute function audit_refuse_truncate();

DO $$
DECLARE
    grantee_role name;
BEGIN
    FOR grantee_role IN
        SELECT DISTINCT r.rolname
          FROM pg_class c
          CROSS JOIN LATERAL aclexplode(c.relacl) a
          JOIN pg_roles r ON r.oid = a.grantee
         WHERE c.oid IN ('audit_tree_node'::regclass, 'audit_tree_head'::regclass)
           AND a.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE')
           AND a.grantee <> c.relowner
    LOOP
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_tree_node, audit_tree_head FROM %I', grantee_role);
    END LOOP;
END
$$;
