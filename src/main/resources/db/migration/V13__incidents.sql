-- Boundary incidents (S4): recorded by anyone involved, each person involved adds their own account,
-- handled by someone without a conflict, closed with an outcome. An incident is not a verdict.

create table incident (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    recorded_by uuid not null references person (id),
    occurred_on date not null,
    what_happened varchar(4000) not null,
    agreed_next varchar(2000),
    status varchar(20) not null,
    handler_id uuid references person (id),
    outcome varchar(30),
    outcome_note varchar(2000),
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    version integer not null
);
create index incident_agency on incident (agency_id, status);

create table incident_person (
    incident_id uuid not null references incident (id),
    person_id uuid not null references person (id),
    agency_id uuid not null references agency (id),
    primary key (incident_id, person_id)
);
create index incident_person_person on incident_person (agency_id, person_id);

create table incident_account (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    incident_id uuid not null references incident (id),
    author_id uuid not null references person (id),
    body varchar(4000) not null,
    created_at timestamp with time zone not null
);
create index incident_account_incident on incident_account (incident_id, created_at);
