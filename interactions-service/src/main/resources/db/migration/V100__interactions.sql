-- The interaction log. Participants are rows of their own: the contact as logged (kept, so an undone merge puts
-- back exactly who was there) and the contact it is now (the survivor of merges since); the timeline reads them
-- by contact, newest first, which is why they repeat the interaction's time.
create extension if not exists pg_trgm;
create extension if not exists btree_gin;

create table interaction (
    id               uuid primary key,
    workspace_id     text        not null,
    kind             text        not null,
    occurred_at      timestamptz not null,
    time_zone        text        not null,
    duration_minutes integer,
    channel          text,
    location         text,
    initiated_by     text        not null,
    summary          text,
    notes            text,
    feedback         text,
    sentiment        text,
    follow_up_due    date,
    follow_up_text   text,
    tags             jsonb       not null default '[]',
    visibility       text        not null,
    source           text        not null,
    external_id      text,
    created_by       text        not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          bigint      not null,
    search_text      text        not null default ''
);

-- The log, newest first, within a workspace; and a user's own copy of an event they imported (a calendar's UID and
-- occurrence, another tool's id) found again on the next import.
create index interaction_in_time on interaction (workspace_id, occurred_at desc, id desc);
create unique index interaction_external_id on interaction (workspace_id, created_by, source, external_id)
    where external_id is not null;
create index interaction_search on interaction using gin (workspace_id, search_text gin_trgm_ops);
create index interaction_follow_ups on interaction (workspace_id, follow_up_due) where follow_up_due is not null;

create table interaction_participant (
    interaction_id    uuid        not null references interaction (id) on delete cascade,
    logged_contact_id uuid        not null,
    workspace_id      text        not null,
    contact_id        uuid        not null,
    position          smallint    not null,
    -- Another participant of the same interaction is the same contact now (two merged into one): only the first
    -- counts, until the merge is undone.
    shadowed          boolean     not null default false,
    occurred_at       timestamptz not null,
    primary key (interaction_id, logged_contact_id)
);

create index participant_timeline on interaction_participant (workspace_id, contact_id, occurred_at desc, interaction_id desc)
    where not shadowed;
create index participant_logged on interaction_participant (workspace_id, logged_contact_id);
