-- The consultation an assignment went ahead on, in place of an acknowledgement of the conflict check
-- (recorded in the register, or handed over during a role pause): its id only, for a link its own
-- readers may follow; the consultation keeps what it was used for.
alter table relationship add column consultation_id uuid;

-- The participants handed to another peer worker during a role pause, for the pause's page: who went
-- to whom and when, and the consultation it went ahead on, when it did.
create table role_pause_handover (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    pause_id uuid not null references role_pause (id),
    participant_id uuid not null references person (id),
    peer_id uuid not null references person (id),
    handed_on date not null,
    consultation_id uuid,
    created_at timestamp with time zone not null
);
create index role_pause_handover_pause on role_pause_handover (agency_id, pause_id);
