-- Concerns raised by participants about a staff member's conduct (S5). A concern reaches the
-- privacy lead and the program's leads, never the person it is about, and is tracked to an answer the
-- person who raised it can read. An anonymous concern keeps who raised it from those who handle it.

create table concern (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    raised_by uuid not null references person (id),
    anonymous boolean not null,
    about_id uuid references person (id),
    body varchar(4000) not null,
    status varchar(20) not null,
    handler_id uuid references person (id),
    answer varchar(4000),
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    version integer not null
);
create index concern_agency on concern (agency_id, status);
create index concern_raised_by on concern (agency_id, raised_by);
