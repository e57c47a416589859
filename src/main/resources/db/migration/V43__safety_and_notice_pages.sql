-- Incidents, concerns and notices are read a page at a time, newest first by moment then id, from an
-- index however many a person or an agency has (issue 20).
create index incident_page on incident (agency_id, created_at desc, id desc);
create index concern_page on concern (agency_id, created_at desc, id desc);
create index concern_raised_page on concern (agency_id, raised_by, created_at desc, id desc);
drop index concern_raised_by;
create index notice_page on notice (agency_id, recipient_id, created_at desc, id desc);
drop index notice_recipient;
