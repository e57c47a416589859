-- Research studies (issue 18, ADR 0034): a study approved by an ethics board for a period, run by a
-- principal investigator and co-researchers; participants say they are interested, are pointed to a
-- study by staff without power over them, and consent item by item. Consents and their changes are
-- never updated nor deleted: a withdrawal is a new row in study_consent_change.

create table study (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    title varchar(200) not null,
    purpose varchar(4000) not null,
    pi_id uuid not null references person (id),
    ethics_board varchar(200) not null,
    approval_number varchar(100) not null,
    approved_on date not null,
    ends_on date not null,
    data_uses varchar(1000) not null,
    recruitment_text varchar(4000) not null,
    consent_form varchar(6000) not null,
    consent_form_version integer not null,
    status varchar(20) not null,
    created_by uuid not null references person (id),
    created_at timestamp with time zone not null,
    version integer not null,
    constraint study_dates check (ends_on > approved_on)
);
create index study_agency on study (agency_id, created_at, id);

create table study_researcher (
    agency_id uuid not null references agency (id),
    study_id uuid not null references study (id),
    person_id uuid not null references person (id),
    position integer not null,
    primary key (study_id, person_id)
);
create index study_researcher_person on study_researcher (agency_id, person_id);

-- Every version of a study's consent form, so that a consent always shows the text it was given on.
create table study_consent_form (
    agency_id uuid not null references agency (id),
    study_id uuid not null references study (id),
    version integer not null,
    body varchar(6000) not null,
    created_at timestamp with time zone not null,
    primary key (study_id, version)
);

create table study_consent (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    study_id uuid not null references study (id),
    person_id uuid not null references person (id),
    form_version integer not null,
    method varchar(20) not null,
    signed_name varchar(200),
    signed_on date not null,
    recorded_by uuid not null references person (id),
    recorded_at timestamp with time zone not null
);
create index study_consent_study on study_consent (agency_id, study_id, recorded_at, id);
create index study_consent_person on study_consent (agency_id, person_id);

create table study_consent_change (
    agency_id uuid not null references agency (id),
    consent_id uuid not null references study_consent (id),
    seq integer not null,
    item varchar(20) not null,
    yes boolean not null,
    changed_by uuid not null references person (id),
    changed_at timestamp with time zone not null,
    primary key (consent_id, seq)
);

-- A participant's own answer to a study's call: interested or not. The newest answer counts.
create table study_interest (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    study_id uuid not null references study (id),
    person_id uuid not null references person (id),
    interested boolean not null,
    answered_at timestamp with time zone not null
);
create index study_interest_person on study_interest (agency_id, person_id, study_id, answered_at);

-- A staff member pointed a participant to a study, after the RECRUIT conflict check allowed it.
create table study_invitation (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    study_id uuid not null references study (id),
    person_id uuid not null references person (id),
    invited_by uuid not null references person (id),
    invited_at timestamp with time zone not null
);
create index study_invitation_person on study_invitation (agency_id, person_id);
