-- Built only from contact events (contacts-service owns contacts).
create table contact_projection (
    contact_id   uuid primary key,
    workspace_id text        not null,
    display_name text        not null,
    emails       jsonb       not null default '[]',
    updated_at   timestamptz not null
);
