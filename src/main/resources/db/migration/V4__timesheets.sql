-- Timesheets: hours recorded by workers and approved by someone without a conflict.

create table timesheet_entry (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    person_id uuid not null references person (id),
    work_date date not null,
    hours numeric(4, 2) not null,
    activity varchar(500) not null,
    status varchar(20) not null,
    approver_id uuid references person (id),
    decided_by uuid references person (id),
    decided_at timestamp with time zone,
    created_at timestamp with time zone not null,
    constraint timesheet_hours check (hours > 0 and hours <= 24)
);
create index timesheet_entry_person on timesheet_entry (agency_id, person_id);
create index timesheet_entry_approver on timesheet_entry (agency_id, approver_id, status);

-- Every decision taken on an entry, including approvals the conflict policy refused.
create table timesheet_decision (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    entry_id uuid not null references timesheet_entry (id),
    actor_id uuid not null references person (id),
    outcome varchar(30) not null,
    policy_decision varchar(10),
    detail varchar(2000),
    created_at timestamp with time zone not null
);
create index timesheet_decision_entry on timesheet_decision (entry_id);
