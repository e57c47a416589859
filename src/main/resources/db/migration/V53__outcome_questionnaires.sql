-- Outcome questionnaires (issue 17, part 3; ADR 0037). A scale the agency defines: items and answer
-- options with their values, scored as the sum of the values times a factor; asked at intake and
-- then every interval_days. The WHO-5's structure is built in (code WHO-5) and has no row until the
-- agency pastes its wording: then the row holds that wording over the same structure.
create table questionnaire (
    agency_id uuid not null references agency (id),
    code varchar(20) not null,
    title_en varchar(200) not null,
    title_fr varchar(200) not null,
    factor integer not null,
    interval_days integer not null,
    created_at timestamp with time zone not null,
    primary key (agency_id, code)
);

create table questionnaire_item (
    agency_id uuid not null,
    code varchar(20) not null,
    item_no integer not null,
    text_en varchar(500) not null,
    text_fr varchar(500) not null,
    primary key (agency_id, code, item_no),
    foreign key (agency_id, code) references questionnaire (agency_id, code)
);

create table questionnaire_option (
    agency_id uuid not null,
    code varchar(20) not null,
    answer_value integer not null,
    label_en varchar(200) not null,
    label_fr varchar(200) not null,
    primary key (agency_id, code, answer_value),
    foreign key (agency_id, code) references questionnaire (agency_id, code)
);

-- One completed questionnaire: the participant's answers and its score. Read by the participant, and
-- by their peer worker only while the participant allows it (outcome_sharing).
create table questionnaire_response (
    agency_id uuid not null references agency (id),
    id uuid primary key,
    person_id uuid not null references person (id),
    code varchar(20) not null,
    answered_at timestamp with time zone not null,
    raw_score integer not null,
    score integer not null
);
create index questionnaire_response_page on questionnaire_response (agency_id, person_id, code, answered_at desc, id desc);

create table questionnaire_answer (
    agency_id uuid not null,
    response_id uuid not null references questionnaire_response (id),
    item_no integer not null,
    answer_value integer not null,
    primary key (response_id, item_no)
);

-- Whether the participant lets the peer worker who supports them see their results: no row is no.
create table outcome_sharing (
    agency_id uuid not null references agency (id),
    person_id uuid not null references person (id),
    shared boolean not null,
    updated_at timestamp with time zone not null,
    primary key (agency_id, person_id)
);
