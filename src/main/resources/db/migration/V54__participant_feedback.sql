-- Feedback on peer support (issue 17, part 3; ADR 0037). The agency's questions, each answered on a
-- scale of 1 to 5. An answer names the worker it is about; a named answer names its author too, an
-- anonymous one does not: it keeps no person id and only the month it was given, so neither a column
-- nor a moment links it to the person (the audit log records no anonymous answer either).
create table feedback_question (
    agency_id uuid not null references agency (id),
    item_no integer not null,
    text_en varchar(300) not null,
    text_fr varchar(300) not null,
    primary key (agency_id, item_no)
);

create table feedback_response (
    agency_id uuid not null references agency (id),
    id uuid primary key,
    worker_id uuid not null references person (id),
    author_id uuid references person (id),
    given_month date not null
);
create index feedback_response_worker on feedback_response (agency_id, worker_id);

create table feedback_answer (
    agency_id uuid not null,
    response_id uuid not null references feedback_response (id),
    item_no integer not null,
    answer_value integer not null,
    primary key (response_id, item_no)
);
