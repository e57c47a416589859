-- Consent directives (the lockbox): a person withholds their record, or one kind of it, from a named
-- person or from a purpose. Directives are withdrawn, never deleted.

create table consent_directive (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    person_id uuid not null references person (id),
    withheld_from uuid references person (id),
    purpose varchar(20),
    record_kind varchar(20),
    note varchar(500),
    created_by uuid not null references person (id),
    created_at timestamp with time zone not null,
    withdrawn_by uuid references person (id),
    withdrawn_at timestamp with time zone,
    constraint consent_directive_target check (withheld_from is not null or purpose is not null)
);
create index consent_directive_person on consent_directive (agency_id, person_id);
