-- Conflict policies as data: every version of every agency's policy is kept.

create table conflict_policy (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    version integer not null,
    body varchar(100000) not null,
    reason varchar(1000) not null,
    changed_by uuid references person (id),
    changed_at timestamp with time zone not null,
    constraint conflict_policy_version_unique unique (agency_id, version)
);
