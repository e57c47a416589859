-- Issue 15, part 2: an incident or a concern taken in hand, a member added to a group and a group
-- given a new leader may go ahead on a consultation instead of a bare acknowledgement. The record
-- that went ahead names the consultation, so that its safeguards stay with it and its page links to
-- it (as referral_step does since V26).
alter table incident add column consultation_id uuid references consultation (id);
alter table concern add column consultation_id uuid references consultation (id);
alter table group_member add column consultation_id uuid references consultation (id);
alter table support_group add column leader_consultation_id uuid references consultation (id);
