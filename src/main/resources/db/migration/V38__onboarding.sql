-- Onboarding plans (issue 16, part 3; ADR 0026): a new staff member's first weeks, from a template,
-- with an owner for each step and check-ins with their supervisor. One plan per person; a closed plan
-- is kept.
create table onboarding_plan (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    person_id uuid not null references person (id),
    started_on date not null,
    closed_on date,
    updated_at timestamp with time zone not null,
    version integer not null,
    unique (agency_id, person_id)
);

-- A step: one of the template's kinds (its name comes from the messages), or one the supervisor added
-- (kind OTHER, with a title). done_on and done_by are set together.
create table onboarding_step (
    plan_id uuid not null references onboarding_plan (id),
    position integer not null,
    kind varchar(30) not null,
    title varchar(200),
    week integer not null,
    owner_id uuid not null references person (id),
    done_on date,
    done_by uuid references person (id),
    primary key (plan_id, position)
);

-- A check-in held with the supervisor. Rows are added, never changed.
create table onboarding_check_in (
    plan_id uuid not null references onboarding_plan (id),
    position integer not null,
    held_on date not null,
    note varchar(4000) not null,
    held_by uuid not null references person (id),
    primary key (plan_id, position)
);
