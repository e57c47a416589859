-- Role pauses and return plans (S5): a staff member's contact with participants, or their leading
-- of groups, is paused, not ended. The reason stays with the person and those who must know. A
-- return plan lists steps and a date; returning restores the role.

create table role_pause (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    person_id uuid not null references person (id),
    scopes varchar(100) not null,
    reason varchar(2000) not null,
    person_note varchar(4000),
    paused_by uuid not null references person (id),
    paused_on date not null,
    return_on date,
    returned_on date,
    created_at timestamp with time zone not null,
    version integer not null
);
create index role_pause_person on role_pause (agency_id, person_id);

create table return_step (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    pause_id uuid not null references role_pause (id),
    position integer not null,
    body varchar(500) not null,
    done_on date
);
create index return_step_pause on return_step (pause_id, position);
