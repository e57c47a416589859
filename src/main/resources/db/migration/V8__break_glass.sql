-- Break-the-glass: a reader without a basis opens one kind of a person's record for a limited time,
-- giving a reason from a list and in their own words. Each grant is reviewed by the privacy lead.
-- Grants are never updated except to record that review, and never deleted.

create table break_glass (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    reader_id uuid not null references person (id),
    subject_id uuid not null references person (id),
    record_kind varchar(20) not null,
    reason varchar(40) not null,
    detail varchar(1000) not null,
    granted_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    overrode_directive boolean not null,
    review_outcome varchar(20),
    reviewed_by uuid references person (id),
    reviewed_at timestamp with time zone,
    review_note varchar(1000),
    constraint break_glass_review check ((review_outcome is null) = (reviewed_at is null))
);
create index break_glass_agency on break_glass (agency_id, granted_at);
create index break_glass_active on break_glass (agency_id, expires_at);
