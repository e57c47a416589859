-- Training and certification (issue 16, part 2; ADR 0024). A catalogue per agency: the entries
-- Mutuality ships (shipped_key, named in messages*.properties) and the agency's own (name), each with
-- the staff roles it is required of (comma-separated role names) and how often it must be renewed
-- (months; null for never). Training records and certifications per person; a record's certificate
-- (PDF, PNG or JPEG, checked by its content) lives in its own table so that lists never load it.
-- training_reminder keeps each reminder sent, so that each is sent once.

create table training (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    shipped_key varchar(40),
    name varchar(200),
    required_for varchar(300) not null,
    renew_every_months integer,
    created_at timestamp with time zone not null,
    version integer not null,
    constraint training_shipped_once unique (agency_id, shipped_key),
    constraint training_named check (shipped_key is not null or name is not null),
    constraint training_renewal check (renew_every_months is null or renew_every_months between 1 and 120)
);
create index training_agency on training (agency_id);

create table training_record (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    person_id uuid not null references person (id),
    training_id uuid not null references training (id),
    completed_on date not null,
    provider varchar(200) not null,
    hours numeric(6, 2) not null,
    expires_on date,
    recorded_by uuid not null references person (id),
    recorded_at timestamp with time zone not null,
    constraint training_record_hours check (hours > 0 and hours <= 1000),
    constraint training_record_expiry check (expires_on is null or expires_on > completed_on)
);
create index training_record_person on training_record (agency_id, person_id);
create index training_record_expires on training_record (expires_on);

create table training_certificate (
    record_id uuid primary key references training_record (id),
    agency_id uuid not null references agency (id),
    content_type varchar(40) not null,
    size_bytes integer not null,
    content bytea not null,
    attached_by uuid not null references person (id),
    attached_at timestamp with time zone not null,
    constraint training_certificate_size check (size_bytes > 0 and size_bytes <= 5242880)
);

create table certification (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    person_id uuid not null references person (id),
    body varchar(200) not null,
    number varchar(100) not null,
    issued_on date not null,
    expires_on date,
    recorded_by uuid not null references person (id),
    recorded_at timestamp with time zone not null,
    constraint certification_expiry check (expires_on is null or expires_on > issued_on)
);
create index certification_person on certification (agency_id, person_id);
create index certification_expires on certification (expires_on);

create table training_reminder (
    item_id uuid not null,
    days_before integer not null,
    expires_on date not null,
    agency_id uuid not null references agency (id),
    person_id uuid not null references person (id),
    sent_at timestamp with time zone not null,
    primary key (item_id, days_before, expires_on)
);
