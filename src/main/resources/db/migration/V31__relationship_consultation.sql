-- The consultation an assignment went ahead on, in place of an acknowledgement of the conflict check
-- (recorded in the register, or handed over during a role pause): its id only, for a link its own
-- readers may follow; the consultation keeps what it was used for.
alter table relationship add column consultation_id uuid;
