-- The public contact form: a message from someone not signed in waits here until they open the
-- link sent to their email address, which proves the address is theirs. Only a hash of the token
-- is kept; the link works once and for 24 hours.

create table contact_request (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    person_id uuid not null references person (id),
    to_target varchar(10) not null,
    body varchar(2000) not null,
    token_hash varchar(64) not null,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    confirmed_at timestamp with time zone
);
create unique index contact_request_token on contact_request (token_hash);
