-- Peer support work: what peer workers choose to share for matching, referrals and their steps,
-- interactions (corrected by amendment, never overwritten), groups with members and attendance,
-- the agency's respectful-language list and its plain-language description of the peer role.

create table peer_profile (
    agency_id uuid not null references agency (id),
    person_id uuid not null references person (id),
    languages varchar(200) not null,
    gender varchar(60),
    lived_experience varchar(400) not null,
    availability varchar(100) not null,
    capacity integer not null,
    accepting boolean not null,
    updated_at timestamp with time zone not null,
    primary key (agency_id, person_id),
    constraint peer_profile_capacity check (capacity between 0 and 60)
);

create table referral (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    person_id uuid not null references person (id),
    program_id uuid not null references program (id),
    referred_by uuid not null references person (id),
    reason varchar(2000) not null,
    languages varchar(200) not null,
    gender varchar(60),
    lived_experience varchar(400) not null,
    availability varchar(100) not null,
    status varchar(20) not null,
    chosen_peer_id uuid references person (id),
    assigned_peer_id uuid references person (id),
    relationship_id uuid references relationship (id),
    received_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    version integer not null
);
create index referral_agency on referral (agency_id, status);
create index referral_person on referral (agency_id, person_id);

create table referral_step (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    referral_id uuid not null references referral (id),
    step varchar(20) not null,
    by_person uuid not null references person (id),
    peer_id uuid references person (id),
    note varchar(1000),
    at timestamp with time zone not null
);
create index referral_step_referral on referral_step (referral_id, at);

create table support_group (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    program_id uuid not null references program (id),
    name varchar(120) not null,
    description varchar(1000),
    meets_on varchar(10),
    starts_at time,
    place varchar(200),
    leader_id uuid not null references person (id),
    created_at timestamp with time zone not null,
    closed_on date
);
create index support_group_agency on support_group (agency_id);

create table group_member (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    group_id uuid not null references support_group (id),
    person_id uuid not null references person (id),
    joined_on date not null,
    left_on date,
    conflict_decision varchar(10) not null,
    added_by uuid not null references person (id)
);
create index group_member_group on group_member (group_id);
create index group_member_person on group_member (agency_id, person_id);

create table group_session (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    group_id uuid not null references support_group (id),
    held_on date not null,
    starts_at time,
    duration_minutes integer not null,
    leader_id uuid not null references person (id),
    created_at timestamp with time zone not null,
    constraint group_session_duration check (duration_minutes between 1 and 720)
);
create index group_session_group on group_session (group_id, held_on);

create table group_attendance (
    session_id uuid not null references group_session (id),
    person_id uuid not null references person (id),
    agency_id uuid not null references agency (id),
    present boolean not null,
    primary key (session_id, person_id)
);

create table interaction (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    participant_id uuid not null references person (id),
    peer_id uuid not null references person (id),
    kind varchar(20) not null,
    occurred_on date not null,
    duration_minutes integer not null,
    place varchar(200),
    topics varchar(300) not null,
    lived_experience_shared boolean not null,
    note varchar(2000),
    next_meeting timestamp,
    group_session_id uuid references group_session (id),
    amends uuid references interaction (id),
    created_at timestamp with time zone not null,
    constraint interaction_duration check (duration_minutes between 1 and 720)
);
create index interaction_participant on interaction (agency_id, participant_id, occurred_on);
create index interaction_peer on interaction (agency_id, peer_id, occurred_on);

create table language_phrase (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    lang varchar(5) not null,
    phrase varchar(80) not null,
    suggestion varchar(300) not null,
    why varchar(300)
);
create index language_phrase_agency on language_phrase (agency_id);

create table language_list (
    agency_id uuid primary key references agency (id),
    customised_at timestamp with time zone not null,
    customised_by uuid not null references person (id)
);

create table peer_role_text (
    agency_id uuid not null references agency (id),
    lang varchar(5) not null,
    body varchar(6000) not null,
    updated_at timestamp with time zone not null,
    updated_by uuid not null references person (id),
    primary key (agency_id, lang)
);
