-- A participant's wellness and crisis plan (issue 17, part 2; ADR 0035), one row per version, never
-- changed. The sections are one JSON document; shared_with lists the people the participant named,
-- who read the plan while the newest version names them.
create table crisis_plan_version (
    agency_id uuid not null references agency (id),
    person_id uuid not null references person (id),
    version integer not null,
    sections varchar(40000) not null,
    shared_with varchar(2000) not null,
    written_by uuid not null references person (id),
    written_at timestamp with time zone not null,
    primary key (agency_id, person_id, version)
);
