-- A page of a participant's contacts is read newest first from an index, and "current" (not replaced
-- by a later amendment) is found from the amendments' index, however many contacts there are
-- (issue 20).
create index interaction_page on interaction (agency_id, participant_id, occurred_on desc, created_at desc, id desc);
create index interaction_amends on interaction (agency_id, amends);
drop index interaction_participant;
