-- The audit log: entries are appended in the act's own transaction; a sealer links them into one
-- hash chain per agency moments later. Neither table is ever updated or deleted from (on PostgreSQL
-- a trigger refuses it); only audit_head, the current end of each chain, moves.

create table audit_entry (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    recorded_at timestamp with time zone not null,
    actor_id uuid,
    actor_roles varchar(400),
    action varchar(40) not null,
    subject_id uuid,
    record_kind varchar(40),
    record_id varchar(100),
    purpose varchar(40),
    basis varchar(60),
    outcome varchar(20) not null,
    detail varchar(500)
);
create index audit_entry_agency_time on audit_entry (agency_id, recorded_at, id);
create index audit_entry_subject on audit_entry (agency_id, subject_id, recorded_at);
create index audit_entry_time on audit_entry (recorded_at);

create table audit_chain (
    agency_id uuid not null references agency (id),
    seq bigint not null,
    entry_id uuid not null references audit_entry (id),
    prev_hash varchar(64) not null,
    hash varchar(64) not null,
    sealed_at timestamp with time zone not null,
    constraint audit_chain_pk primary key (agency_id, seq),
    constraint audit_chain_entry_unique unique (entry_id)
);

create table audit_head (
    agency_id uuid primary key references agency (id),
    seq bigint not null,
    hash varchar(64) not null,
    sealed_through timestamp with time zone
);
