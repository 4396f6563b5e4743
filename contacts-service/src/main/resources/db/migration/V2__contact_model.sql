-- The full contact model: names, contact points (jsonb lists), work, places, personal details, tags,
-- visibility, and what search and sorting need. Existing contacts keep their one email.
create extension if not exists pg_trgm;

alter table contact
    add column given_name       text,
    add column family_name      text,
    add column display_name_set boolean  not null default true,
    add column nickname         text,
    add column pronouns         text,
    add column emails           jsonb    not null default '[]',
    add column phones           jsonb    not null default '[]',
    add column social_profiles  jsonb    not null default '[]',
    add column websites         jsonb    not null default '[]',
    add column company          text,
    add column title            text,
    add column department       text,
    add column city             text,
    add column region           text,
    add column country          text,
    add column address          text,
    add column birthday_month   smallint,
    add column birthday_day     smallint,
    add column birthday_year    smallint,
    add column how_we_met       text,
    add column met_at           text,
    add column met_on           date,
    add column relationship     text,
    add column note             text,
    add column tags             text[]   not null default '{}',
    add column visibility       text     not null default 'WORKSPACE',
    add column owner_id         text,
    add column sort_name        text,
    add column search_text      text     not null default '';

update contact
   set emails      = case when email is null then '[]'::jsonb
                          else jsonb_build_array(jsonb_build_object('address', email, 'label', null, 'primary', true)) end,
       owner_id    = created_by,
       sort_name   = lower(display_name),
       search_text = lower(display_name || ' ' || coalesce(email, ''));

alter table contact
    alter column owner_id set not null,
    alter column sort_name set not null,
    drop column email;

-- Keyset pagination for each sort order, full-text-ish search (case- and accent-folded by the service), tags.
create index contact_by_name on contact (workspace_id, sort_name, id);
create index contact_by_updated on contact (workspace_id, updated_at, id);
create index contact_by_created on contact (workspace_id, created_at, id);
create index contact_search on contact using gin (search_text gin_trgm_ops);
create index contact_tags on contact using gin (tags);

create table tag (
    id           uuid primary key,
    workspace_id text        not null,
    name         text        not null,
    created_at   timestamptz not null
);
create unique index tag_name on tag (workspace_id, lower(name));

-- Dated history: what changed (job, place, relationship), when it took effect, who recorded it.
create table contact_history (
    id           uuid primary key,
    workspace_id text        not null,
    contact_id   uuid        not null references contact (id) on delete cascade,
    kind         text        not null,
    effective_on date        not null,
    old_value    jsonb       not null,
    new_value    jsonb       not null,
    recorded_by  text        not null,
    recorded_at  timestamptz not null
);
create index contact_history_by_contact on contact_history (contact_id, effective_on, recorded_at);

create table workspace_settings (
    workspace_id         text primary key,
    default_phone_region text,
    updated_at           timestamptz not null
);
