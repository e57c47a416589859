-- The agency directory: agencies (tenants), programs, teams, people, roles and sign-in accounts.
-- Portable SQL for H2 and PostgreSQL: unquoted names, standard types.

create table agency (
    id uuid primary key,
    name varchar(200) not null,
    demo boolean not null,
    created_at timestamp with time zone not null
);

create table program (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    name varchar(200) not null,
    description varchar(2000),
    created_at timestamp with time zone not null,
    constraint program_name_unique unique (agency_id, name)
);

create table team (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    program_id uuid not null references program (id),
    name varchar(200) not null,
    constraint team_name_unique unique (program_id, name)
);
create index team_agency on team (agency_id);

create table person (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    legal_name varchar(200) not null,
    preferred_name varchar(200),
    pronouns varchar(60),
    email varchar(254),
    phone varchar(40),
    active boolean not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    version integer not null
);
create index person_agency on person (agency_id);

create table person_role (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    person_id uuid not null references person (id),
    role varchar(40) not null,
    program_id uuid references program (id),
    team_id uuid references team (id),
    start_date date not null,
    end_date date,
    created_at timestamp with time zone not null,
    constraint person_role_dates check (end_date is null or end_date >= start_date)
);
create index person_role_person on person_role (person_id);
create index person_role_agency_role on person_role (agency_id, role);

create table user_account (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    person_id uuid not null references person (id),
    username varchar(60) not null,
    password_hash varchar(255) not null,
    failed_attempts integer not null,
    locked_until timestamp with time zone,
    created_at timestamp with time zone not null,
    password_changed_at timestamp with time zone not null,
    constraint user_account_username_unique unique (username),
    constraint user_account_person_unique unique (person_id)
);

create table api_token (
    id uuid primary key,
    agency_id uuid not null references agency (id),
    account_id uuid not null references user_account (id),
    token_hash varchar(64) not null,
    label varchar(100) not null,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    last_used_at timestamp with time zone,
    revoked_at timestamp with time zone,
    constraint api_token_hash_unique unique (token_hash)
);
create index api_token_account on api_token (account_id);
