-- PostgreSQL only: the audit log is append-only. UPDATE and DELETE on its tables are refused.

create function audit_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only: % on % is refused', tg_op, tg_table_name;
end;
$$;

create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_refuse_change();

create trigger audit_chain_append_only before update or delete on audit_chain
    for each row execute function audit_refuse_change();

create function audit_refuse_truncate() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only: TRUNCATE on % is refused', tg_table_name;
end;
$$;

create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_refuse_truncate();

create trigger audit_chain_no_truncate before truncate on audit_chain
    for each statement execute function audit_refuse_truncate();
