-- A participant's recovery plan (issue 17, part 2; ADR 0035). Every change is a new version: rows are
-- added, never changed, so the participant can see the plan's history. The goals of a version, with
-- their steps, are kept as one JSON document in the participant's own words.
create table recovery_plan_version (
    agency_id uuid not null references agency (id),
    person_id uuid not null references person (id),
    version integer not null,
    goals varchar(200000) not null,
    change_kind varchar(30) not null,
    written_by uuid not null references person (id),
    written_at timestamp with time zone not null,
    primary key (agency_id, person_id, version)
);

-- A step the participant's peer worker suggested for one of their goals: WAITING until the participant
-- ACCEPTED it (it joins the goal in a new version of the plan) or DECLINED it.
create table step_suggestion (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    person_id uuid not null references person (id),
    goal_id uuid not null,
    step varchar(4000) not null,
    suggested_by uuid not null references person (id),
    suggested_at timestamp with time zone not null,
    status varchar(10) not null,
    decided_at timestamp with time zone
);

create index step_suggestion_by_person on step_suggestion (agency_id, person_id, suggested_at);
