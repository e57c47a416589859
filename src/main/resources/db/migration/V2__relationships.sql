-- The relationship register. Relationships end; they are never deleted.

create table relationship (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    kind varchar(30) not null,
    person_a_id uuid not null references person (id),
    person_b_id uuid not null references person (id),
    start_date date,
    end_date date,
    source varchar(20) not null,
    declared_by uuid references person (id),
    visibility varchar(20) not null,
    note varchar(1000),
    created_at timestamp with time zone not null,
    ended_by uuid references person (id),
    ended_at timestamp with time zone,
    constraint relationship_two_people check (person_a_id <> person_b_id),
    constraint relationship_dates check (end_date is null or start_date is null or end_date >= start_date)
);
create index relationship_agency on relationship (agency_id);
create index relationship_person_a on relationship (person_a_id);
create index relationship_person_b on relationship (person_b_id);
