-- Notices: short messages to a person inside Mutuality (a bell on every page), also sent by email
-- when mail is configured. A notice names no one: it says what happened and links to the page that
-- shows it to those allowed to see it.

create table notice (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    recipient_id uuid not null references person (id),
    kind varchar(40) not null,
    link varchar(300) not null,
    created_at timestamp with time zone not null,
    read_at timestamp with time zone,
    email_status varchar(20) not null,
    emailed_at timestamp with time zone
);
create index notice_recipient on notice (agency_id, recipient_id, created_at);
create index notice_email on notice (email_status);
