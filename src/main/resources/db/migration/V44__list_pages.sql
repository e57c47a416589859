-- A page of referrals, of groups and of a worker's hours is read newest first from an index, however
-- many there are (issue 20).
create index referral_page on referral (agency_id, received_at desc, id desc);
create index support_group_page on support_group (agency_id, created_at desc, id desc);
create index timesheet_entry_page on timesheet_entry (agency_id, person_id, work_date desc, created_at desc, id desc);
drop index timesheet_entry_person;
