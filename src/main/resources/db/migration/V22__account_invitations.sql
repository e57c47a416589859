-- An account opened by an administrator waits for its person to choose a password through a one-time
-- link emailed to them; the administrator never knows a usable password (issue 13, review).
create table account_invitation (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    account_id uuid not null references user_account (id),
    token_hash varchar(64) not null,
    created_by uuid not null references person (id),
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    used_at timestamp with time zone,
    constraint account_invitation_token unique (token_hash)
);
create index account_invitation_account on account_invitation (account_id);
