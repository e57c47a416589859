-- Care and support notes. Notes are never changed or deleted: a correction is a new note that
-- amends the earlier one.

create table record_note (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    subject_id uuid not null references person (id),
    author_id uuid not null references person (id),
    kind varchar(20) not null,
    written_on date not null,
    body varchar(4000) not null,
    amends uuid references record_note (id),
    created_at timestamp with time zone not null
);
create index record_note_subject on record_note (agency_id, subject_id, kind);
