-- Role descriptions, work plans, wellness plans and accommodations (issue 16, parts 4 and 5; ADR 0025).

-- What a staff role does and does not do, versioned per agency and role, in English and French. Version 1
-- is the text Mutuality ships, stored the first time it is read on record or revised.
create table role_description (
    agency_id uuid not null references agency (id),
    role varchar(20) not null,
    version integer not null,
    text_en varchar(6000) not null,
    text_fr varchar(6000) not null,
    reason varchar(1000),
    written_by uuid references person (id),
    written_at timestamp with time zone not null,
    primary key (agency_id, role, version)
);

-- That a person received and read a version of the description of a role they hold.
create table role_description_read (
    agency_id uuid not null references agency (id),
    person_id uuid not null references person (id),
    role varchar(20) not null,
    version integer not null,
    read_at timestamp with time zone not null,
    primary key (agency_id, person_id, role, version)
);

-- A staff member's work plan for one year: goals written with their supervisor, projects they lead,
-- and a mid-year and a year-end review, each signed in two parts (the person's, the supervisor's).
create table work_plan (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    person_id uuid not null references person (id),
    plan_year integer not null,
    updated_at timestamp with time zone not null,
    version integer not null,
    unique (agency_id, person_id, plan_year)
);

create table work_plan_goal (
    plan_id uuid not null references work_plan (id),
    position integer not null,
    text varchar(1000) not null,
    primary key (plan_id, position)
);

create table work_plan_project (
    plan_id uuid not null references work_plan (id),
    position integer not null,
    name varchar(200) not null,
    outcome varchar(1000),
    primary key (plan_id, position)
);

-- One signed part of a review: stage MID_YEAR or YEAR_END, side PERSON or SUPERVISOR. A signed part
-- is final: rows are added, never changed.
create table work_plan_signature (
    plan_id uuid not null references work_plan (id),
    stage varchar(10) not null,
    side varchar(10) not null,
    text varchar(4000) not null,
    signed_by uuid not null references person (id),
    signed_at timestamp with time zone not null,
    primary key (plan_id, stage, side)
);

-- A staff member's wellness plan, in their own words, one row per section they chose to fill. Only
-- shared_at opens a section to their supervisor; nothing else ever reads it, and no report or
-- export selects from this table.
create table wellness_section (
    agency_id uuid not null references agency (id),
    person_id uuid not null references person (id),
    section_name varchar(20) not null,
    text varchar(4000) not null,
    shared_at timestamp with time zone,
    updated_at timestamp with time zone not null,
    primary key (agency_id, person_id, section_name)
);

-- An accommodation a staff member asked for. A manager reads it once the person sent it (sent_at),
-- and answers; the supervisor reads it while the person shares it (shared_at).
create table accommodation (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    person_id uuid not null references person (id),
    request varchar(2000) not null,
    written_at timestamp with time zone not null,
    shared_at timestamp with time zone,
    sent_at timestamp with time zone,
    outcome varchar(20),
    answer varchar(2000),
    answered_by uuid references person (id),
    answered_at timestamp with time zone,
    version integer not null
);
create index accommodation_person on accommodation (agency_id, person_id, written_at);
create index accommodation_sent on accommodation (agency_id, sent_at);
