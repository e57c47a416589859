-- Anonymous concerns (ADR 0007). The person who raises one acts under a pseudonym: the concern row
-- no longer names them, and the audit entries of their acts on it (raising, reading the answer,
-- closing) have the pseudonym as actor, so the person the concern is about never finds them in
-- their own access log. The link from pseudonym to person is kept here, apart, and opened only by a
-- privacy lead who is not the subject of the concern, with a reason (concern_unsealing) and its own
-- audit entry.

create table concern_pseudonym (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    concern_id uuid not null references concern (id),
    person_id uuid not null references person (id),
    created_at timestamp with time zone not null,
    constraint concern_pseudonym_concern unique (concern_id)
);
create index concern_pseudonym_person on concern_pseudonym (agency_id, person_id);

create table concern_unsealing (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    concern_id uuid not null references concern (id),
    opened_by uuid not null references person (id),
    reason varchar(1000) not null,
    opened_at timestamp with time zone not null
);
create index concern_unsealing_concern on concern_unsealing (agency_id, concern_id);

-- Anonymous concerns raised before: their pseudonym is the concern's own id (entries already in the
-- append-only log keep the raiser; ADR 0007 says so), and the concern row stops naming the raiser.
insert into concern_pseudonym (id, agency_id, concern_id, person_id, created_at)
select id, agency_id, id, raised_by, created_at from concern where anonymous = true;

alter table concern alter column raised_by drop not null;
update concern set raised_by = null where anonymous = true;

-- Timesheet decisions (finding 9): the reason as the approver saw it stays in detail, for the
-- approver and the privacy lead; shown_to_others is the same reason masked for everyone else
-- (administrators, managers, the worker), where a relationship only its parties may see shows only
-- as "a declared relationship". Decisions recorded before keep no masked text: others see none.
alter table timesheet_decision add column shown_to_others varchar(2000);
update timesheet_decision set shown_to_others = detail where outcome = 'HANDED_OVER';
