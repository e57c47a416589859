-- The asker of a consultation may attach what the dilemma navigator made of the situation (issue 15,
-- part 3): the summary's text as it read for them, in their language, when they attached it (ADR 0020,
-- addendum). One a consultation, replaced or taken off while it is open; read by its readers only.
alter table consultation add column reflection varchar(4000);
alter table consultation add column reflection_language varchar(35);
alter table consultation add column reflected_at timestamp with time zone;
