-- Supervision sessions between the pairs the register names (SUPERVISES): the agenda Mutuality
-- prefilled when the session was planned (references only, never a record's text), notes by both
-- (a private note of the supervisee is read by its author alone), the checklist topics discussed,
-- the actions agreed, and the sign-off by both, after which the session is closed to edits.

create table supervision_session (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    supervisor_id uuid not null references person (id),
    supervisee_id uuid not null references person (id),
    held_on date not null,
    minutes integer not null,
    form varchar(20) not null,
    supervisor_signed_at timestamp with time zone,
    supervisee_signed_at timestamp with time zone,
    created_at timestamp with time zone not null,
    version integer not null
);
create index supervision_session_pair on supervision_session (agency_id, supervisee_id, supervisor_id, held_on);
create index supervision_session_supervisor on supervision_session (agency_id, supervisor_id, held_on);

create table supervision_agenda_item (
    session_id uuid not null references supervision_session (id),
    position integer not null,
    source varchar(30) not null,
    reference varchar(100) not null,
    topic varchar(100),
    since date,
    primary key (session_id, position)
);

create table supervision_note (
    id uuid primary key,
    session_id uuid not null references supervision_session (id),
    author_id uuid not null references person (id),
    private_note boolean not null,
    body varchar(4000) not null,
    written_at timestamp with time zone not null
);
create index supervision_note_session on supervision_note (session_id, written_at);

create table supervision_topic (
    session_id uuid not null references supervision_session (id),
    topic varchar(40) not null,
    primary key (session_id, topic)
);

create table supervision_action (
    id uuid primary key,
    session_id uuid not null references supervision_session (id),
    body varchar(500) not null,
    due_on date not null,
    done_on date,
    done_in_session uuid references supervision_session (id),
    created_at timestamp with time zone not null
);
create index supervision_action_session on supervision_action (session_id, created_at);

-- How often supervision is due, per role, and the ratio to watch; an agency without a row uses the
-- defaults (two weeks for peer roles, four for others, one supervisor for eight supervisees).
create table supervision_settings (
    agency_id uuid primary key references agency (id),
    ratio integer not null,
    updated_by uuid references person (id),
    updated_at timestamp with time zone not null
);

create table supervision_interval (
    agency_id uuid not null references agency (id),
    role varchar(30) not null,
    every_weeks integer not null,
    primary key (agency_id, role)
);
