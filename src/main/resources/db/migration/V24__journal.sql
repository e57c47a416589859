-- The reflective journal (issue 15, ADR 0018). An entry's text is never stored in clear: sealed_text
-- is the AEAD ciphertext (Base64) under the agency's data key, bound to the agency, the entry and its
-- author. The data key is stored wrapped by a key-encryption key that lives outside the database;
-- kek_id names that key, so a rotation knows which data keys still need re-wrapping.
create table journal_key (
    agency_id uuid primary key references agency (id),
    wrapped_key varchar(2000) not null,
    kek_id varchar(20) not null,
    created_at timestamp with time zone not null,
    rewrapped_at timestamp with time zone
);

-- The only rows of Mutuality a person deletes: their own journal entries (ADR 0018). The prompt is
-- the name of a question of the product (JournalPrompt), never what the author wrote.
create table journal_entry (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    author_id uuid not null references person (id),
    prompt varchar(20),
    sealed_text varchar(22000) not null,
    written_at timestamp with time zone not null,
    shared_at timestamp with time zone
);
create index journal_entry_author on journal_entry (agency_id, author_id, written_at);
create index journal_entry_shared on journal_entry (agency_id, shared_at);
