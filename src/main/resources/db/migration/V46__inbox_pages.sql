-- A worker's inbox is read a page at a time, newest first, from an index (issue 20).
create index contact_message_inbox on contact_message (agency_id, to_id, sent_at desc, id desc);
