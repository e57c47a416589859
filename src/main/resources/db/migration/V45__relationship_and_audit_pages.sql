-- A page of a person's relationships is read newest first (by when declared) from an index per side
-- of the relationship, and a page of the audit search by actor or by action from its own index, however
-- long the register or the log is (issue 20). The audit tables keep their columns: only indexes.
create index relationship_a_page on relationship (agency_id, person_a_id, created_at desc, id desc);
create index relationship_b_page on relationship (agency_id, person_b_id, created_at desc, id desc);
create index audit_entry_actor on audit_entry (agency_id, actor_id, recorded_at desc, id);
create index audit_entry_action on audit_entry (agency_id, action, recorded_at desc, id);
