-- Reminders: keep-in-touch cadences and the dates they give, one-off reminders and follow-ups, per-user settings and
-- calendar feeds. Interactions are known only from interaction events (interaction_touch, interaction_seen).

-- A v7 (time-ordered) UUID, for rows the set-based keep-in-touch refresh creates inside one statement.
create or replace function rapport_uuid_v7() returns uuid language sql volatile as $$
    select encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing
               substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6),
           52, 1), 53, 1), 'hex')::uuid
$$;

create table user_setting (
    workspace_id       text        not null,
    user_id            text        not null,
    time_zone          text        not null,
    birthday_lead_days integer     not null,
    updated_at         timestamptz not null,
    version            bigint      not null,
    primary key (workspace_id, user_id)
);

-- every: an ISO-8601 period (P30D, P2W, P3M, P1Y), which PostgreSQL reads as an interval.
-- "Keep in touch with Ada every 30 days", "everyone tagged mentor every 60 days". A contact's cadence follows it through
-- merges (contact_id is who it is now, set_for_contact_id who it was set for, so an undone merge gives it back).
create table cadence (
    id                 uuid primary key,
    workspace_id       text        not null,
    set_for_contact_id uuid,
    contact_id         uuid,
    tag                text,
    tag_key            text,
    every              text        not null,
    created_by         text        not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    version            bigint      not null,
    constraint cadence_contact_or_tag check ((set_for_contact_id is null) <> (tag is null))
);
create unique index cadence_for_contact on cadence (workspace_id, set_for_contact_id) where set_for_contact_id is not null;
create index cadence_by_contact on cadence (workspace_id, contact_id) where contact_id is not null;
create unique index cadence_for_tag on cadence (workspace_id, tag_key) where tag_key is not null;

-- Who each interaction was with and when, as its latest event says; interaction_seen keeps each interaction's latest
-- version (deleted ones too), so an older event arriving late changes nothing.
create table interaction_seen (
    workspace_id   text    not null,
    interaction_id uuid    not null,
    version        bigint  not null,
    deleted        boolean not null,
    primary key (workspace_id, interaction_id)
);
create table interaction_touch (
    workspace_id   text        not null,
    interaction_id uuid        not null,
    contact_id     uuid        not null,
    occurred_at    timestamptz not null,
    -- The day it happened where it happened (the zone it was recorded in): the day a cadence counts from.
    occurred_on    date        not null,
    primary key (workspace_id, interaction_id, contact_id)
);
create index touch_by_contact on interaction_touch (workspace_id, contact_id, occurred_on desc);

-- Every reminder: keep-in-touch (one per contact with a cadence, the workspace's), one-off and follow-up (a user's).
create table reminder (
    id                    uuid primary key,
    workspace_id          text        not null,
    kind                  text        not null,
    owner_id              text,
    set_for_contact_id    uuid,
    contact_id            uuid,
    text                  text,
    due_on                date        not null,
    due_time              time,
    time_zone             text,
    snoozed_until         date,
    -- The day it comes due, a snooze included; due_at the moment (for the due events).
    effective_on          date generated always as (greatest(due_on, coalesce(snoozed_until, due_on))) stored,
    due_at                timestamptz not null,
    announced_due_at      timestamptz,
    every                 text,
    status                text        not null,
    -- Keep-in-touch: since when the cadence applies, the last interaction, the last completion or dismissal.
    since_on              date,
    last_interaction_on   date,
    reset_on              date,
    origin_interaction_id uuid,
    completed_at          timestamptz,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    version               bigint      not null
);
create unique index keep_in_touch_per_contact on reminder (workspace_id, contact_id) where kind = 'keep-in-touch';
create unique index follow_up_per_interaction on reminder (workspace_id, origin_interaction_id) where origin_interaction_id is not null;
-- The agenda: what comes due in a window, by day (and, index only, how much there is: owner and contact included);
-- overdue keep-in-touch per cadence, oldest first (for one cadence, the oldest day is the most overdue relative to it);
-- a user's own reminders by day.
create index reminder_open_by_day on reminder (workspace_id, effective_on, id) include (owner_id, contact_id)
    where status = 'open';
create index reminder_keep_in_touch_due on reminder (workspace_id, every, effective_on, id)
    where status = 'open' and kind = 'keep-in-touch';
create index reminder_owner_due on reminder (workspace_id, owner_id, effective_on, id)
    where status = 'open' and owner_id is not null;
create index reminder_by_contact on reminder (workspace_id, contact_id);
create index reminder_by_owner on reminder (workspace_id, owner_id, id);
-- The due scheduler's work: open reminders whose moment passed and was not announced yet (every workspace).
create index reminder_to_announce on reminder (due_at) where status = 'open' and announced_due_at is distinct from due_at;

-- The contact projection (the contact directory's table), read by the agenda: the few contacts a user may not see
-- (erased, another's private), and birthdays by month and day.
create index contact_projection_hidden on contact_projection (workspace_id, contact_id)
    where deleted_at is not null or visibility = 'private';
create index contact_projection_birthdays on contact_projection (workspace_id, (birthday_month * 100 + birthday_day))
    where birthday_month is not null and birthday_day is not null;

-- A user's secret calendar URL: only a hash of its token is kept, looked up without a workspace (calendar apps send no
-- bearer token), so it is unique across workspaces. Revoking one deletes it.
create table calendar_feed (
    id           uuid primary key,
    workspace_id text        not null,
    owner_id     text        not null,
    name         text,
    token_hash   bytea       not null unique,
    created_at   timestamptz not null
);
create index calendar_feed_by_owner on calendar_feed (workspace_id, owner_id, created_at);
