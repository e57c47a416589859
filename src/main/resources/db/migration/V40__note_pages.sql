-- A page of a person's notes of one kind is read newest first from an index, however many notes the
-- person has (issue 20).
create index record_note_page on record_note (agency_id, subject_id, kind, written_on desc, created_at desc, id desc);
drop index record_note_subject;
