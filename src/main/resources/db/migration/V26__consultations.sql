-- Consultations before a hard call (issue 15): the person about to act describes the situation,
-- chooses a colleague without a conflict, who answers go ahead with safeguards, hand over, or do not
-- go ahead. A go-ahead is used once, by the action it is about. Boundary agreements: what a peer
-- worker and a participant who know each other agree on when a consultation let the support go ahead.

create table consultation (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    asked_by uuid not null references person (id),
    action varchar(40) not null,
    actor_id uuid not null references person (id),
    subject_id uuid not null references person (id),
    situation varchar(4000) not null,
    status varchar(30) not null,
    consultant_id uuid references person (id),
    outcome varchar(30),
    note varchar(2000),
    used_kind varchar(40),
    used_id uuid,
    asked_at timestamp with time zone not null,
    answered_at timestamp with time zone,
    used_at timestamp with time zone,
    version integer not null
);
create index consultation_asker on consultation (agency_id, asked_by, asked_at);
create index consultation_consultant on consultation (agency_id, consultant_id, asked_at);

create table consultation_safeguard (
    consultation_id uuid not null references consultation (id),
    position integer not null,
    agency_id uuid not null references agency (id),
    text varchar(300) not null,
    primary key (consultation_id, position)
);

create table boundary_agreement (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    consultation_id uuid not null references consultation (id),
    peer_id uuid not null references person (id),
    participant_id uuid not null references person (id),
    status varchar(20) not null,
    outside_contact varchar(1000),
    social_media varchar(1000),
    evenings varchar(1000),
    if_it_gets_hard varchar(1000),
    peer_accepted_at timestamp with time zone,
    participant_accepted_at timestamp with time zone,
    revisit_asked_by uuid references person (id),
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    version integer not null,
    constraint boundary_agreement_once unique (consultation_id)
);
create index boundary_agreement_peer on boundary_agreement (agency_id, peer_id);
create index boundary_agreement_participant on boundary_agreement (agency_id, participant_id);

-- The step of a referral that went ahead on a consultation names it (its safeguards stay with it).
alter table referral_step add column consultation_id uuid references consultation (id);
