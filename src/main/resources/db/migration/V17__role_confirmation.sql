-- Privileged roles (privacy lead, administrator, manager, supervisor, clinician) are proposed by one
-- person and confirmed by another before they are held. Existing roles are held as they were.
alter table person_role add column proposed_by uuid;
alter table person_role add column confirmed_by uuid;
alter table person_role add column awaiting_confirmation boolean default false not null;
