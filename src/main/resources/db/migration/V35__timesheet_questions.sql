-- Hours that can be questioned (issue 16, part 6): an approver asks a question or returns an entry
-- with a reason; the worker answers, or corrects the entry. A correction is a new version: the
-- entry keeps its id and its current fields, and each version it replaced is kept here, unchanged.

alter table timesheet_entry add column version integer default 1 not null;

-- What one side said to the other (a question, an answer, a reason, a note with a correction):
-- shown to everyone who may see the entry, unlike the policy's reasons in detail.
alter table timesheet_decision add column message varchar(1000);

create table timesheet_entry_version (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    entry_id uuid not null references timesheet_entry (id),
    version integer not null,
    work_date date not null,
    hours numeric(4, 2) not null,
    activity varchar(500) not null,
    replaced_by uuid not null references person (id),
    replaced_at timestamp with time zone not null,
    constraint timesheet_entry_version_once unique (entry_id, version),
    constraint timesheet_entry_version_hours check (hours > 0 and hours <= 24)
);
create index timesheet_entry_version_entry on timesheet_entry_version (agency_id, entry_id);
