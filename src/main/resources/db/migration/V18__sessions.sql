-- Sessions and tokens end together (issue 13, item 3). Each account has a session epoch; a browser
-- session or an API token is valid only while the epoch it was started in is the account's current
-- one, so ending everything of a person is one update that every node sees at its next request.
alter table user_account add column session_epoch integer default 0 not null;

alter table api_token add column session_epoch integer default 0 not null;
-- A token created from a browser session with "end with this session" ends at that session's sign-out.
alter table api_token add column browser_session_id uuid;

-- The browser sessions of each account, for the per-request check, the absolute lifetime and the
-- person's own list. No IP address is kept: the browser family and platform are enough to tell one
-- session from another.
create table browser_session (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    account_id uuid not null references user_account (id),
    session_epoch integer not null,
    started_at timestamp with time zone not null,
    last_seen_at timestamp with time zone not null,
    browser varchar(20) not null,
    platform varchar(20) not null,
    ended_at timestamp with time zone,
    end_reason varchar(20)
);
create index browser_session_account on browser_session (account_id);
