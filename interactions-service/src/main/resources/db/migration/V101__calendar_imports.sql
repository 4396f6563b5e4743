-- Calendar imports: an uploaded .ics file is a job (its bytes kept until it is processed), a subscription URL is a
-- source the poller fetches on an interval. The interactions they produce are ordinary interactions with
-- source 'calendar' and external_id = UID#occurrence.

create table calendar_import (
    id                   uuid primary key,
    workspace_id         text        not null,
    created_by           text        not null,
    status               text        not null,
    visibility           text        not null,
    payload              bytea,
    events_read          integer     not null default 0,
    occurrences          integer     not null default 0,
    outside_window       integer     not null default 0,
    created              integer     not null default 0,
    updated              integer     not null default 0,
    unchanged            integer     not null default 0,
    removed              integer     not null default 0,
    skipped              integer     not null default 0,
    reasons              jsonb       not null default '[]',
    reasons_truncated    boolean     not null default false,
    error                text,
    created_at           timestamptz not null,
    finished_at          timestamptz
);

create index calendar_import_by_user on calendar_import (workspace_id, created_by, created_at desc);

-- url_secret is the subscription URL encrypted with AES-GCM (rapport.calendar.url-key); url_hint is what may be shown
-- (scheme and host). The poller claims due sources across workspaces with a lease, so one replica polls a source.
create table calendar_source (
    id               uuid primary key,
    workspace_id     text        not null,
    owner_id         text        not null,
    name             text        not null,
    url_secret       text        not null,
    url_hint         text        not null,
    visibility       text        not null,
    etag             text,
    last_modified    text,
    last_polled_at   timestamptz,
    last_matched_at  timestamptz,
    -- The workspace's contacts as of the last match (count, versions, merges, erasures): when it differs, the next
    -- poll fetches unconditionally so a contact added since is matched although the feed did not change.
    contacts_seen    text,
    next_poll_at     timestamptz not null,
    last_status      text,
    last_error       text,
    lease_until      timestamptz,
    events_read      integer     not null default 0,
    occurrences      integer     not null default 0,
    outside_window   integer     not null default 0,
    created          integer     not null default 0,
    updated          integer     not null default 0,
    unchanged        integer     not null default 0,
    removed          integer     not null default 0,
    skipped          integer     not null default 0,
    created_at       timestamptz not null,
    version          bigint      not null
);

create index calendar_source_by_owner on calendar_source (workspace_id, owner_id, created_at);
create index calendar_source_due on calendar_source (next_poll_at);

-- Matching attendees to contacts: one query for every address of a file, each address a containment lookup on the
-- lower-cased addresses (contact events keep addresses as typed; calendars write them in any case).
create index if not exists contact_projection_emails_folded
    on contact_projection using gin ((lower(emails::text)::jsonb) jsonb_path_ops);
