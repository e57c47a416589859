-- Boundary plans (S12): each staff member writes their own, area by area, with limits where they
-- want them. When logged work passes one of their own limits, they (and their supervisor only if
-- they chose so) are invited to reflect. No score, no ranking: an invitation is a prompt, not a mark.

create table boundary_plan (
    agency_id uuid not null references agency (id),
    person_id uuid not null references person (id),
    share_with_supervisor boolean not null,
    outside_contacts_per_month integer,
    contacts_per_week integer,
    longest_session_minutes integer,
    no_contact_after time,
    updated_at timestamp with time zone not null,
    primary key (agency_id, person_id)
);

create table boundary_plan_area (
    agency_id uuid not null references agency (id),
    person_id uuid not null references person (id),
    area varchar(30) not null,
    approach varchar(1000) not null,
    primary key (agency_id, person_id, area)
);

create table reflection_invitation (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    person_id uuid not null references person (id),
    limit_kind varchar(40) not null,
    participant_id uuid references person (id),
    period_key varchar(40) not null,
    detail varchar(300) not null,
    shared_with_supervisor boolean not null,
    created_at timestamp with time zone not null,
    reflection varchar(4000),
    reflection_shared boolean not null,
    reflected_at timestamp with time zone,
    constraint reflection_invitation_once unique (agency_id, person_id, limit_kind, participant_id, period_key)
);
create index reflection_invitation_person on reflection_invitation (agency_id, person_id, created_at);
