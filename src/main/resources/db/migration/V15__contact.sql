-- The agency contact channel (S3): participants reach peer workers through Mutuality, never through
-- personal numbers. Office hours per program, an on-duty peer, the after-hours and crisis resources
-- shown at once outside them; messages stored and readable by the participant and those responsible.

create table contact_settings (
    agency_id uuid not null references agency (id),
    program_id uuid not null references program (id),
    open_days varchar(80) not null,
    opens_at time not null,
    closes_at time not null,
    zone varchar(40) not null,
    on_duty_peer_id uuid references person (id),
    after_hours varchar(2000),
    updated_at timestamp with time zone not null,
    primary key (agency_id, program_id)
);

create table contact_message (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    participant_id uuid not null references person (id),
    program_id uuid not null references program (id),
    from_id uuid not null references person (id),
    to_id uuid references person (id),
    incoming boolean not null,
    body varchar(2000) not null,
    after_hours boolean not null,
    routed varchar(20) not null,
    sent_at timestamp with time zone not null,
    read_at timestamp with time zone
);
create index contact_message_participant on contact_message (agency_id, participant_id, sent_at);
create index contact_message_to on contact_message (agency_id, to_id, read_at);
