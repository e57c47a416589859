-- Who last changed a person's email address after they were registered, and when (ADR 0016): the link
-- to choose a password is never sent by the administrator who put the address there.
alter table person add column email_changed_by uuid references person (id);
alter table person add column email_changed_at timestamp with time zone;

-- A notice about a changed address is emailed to the address it replaced, kept here only until it is
-- sent (then cleared): the address the agency no longer has is not kept.
alter table notice add column email_to varchar(254);
