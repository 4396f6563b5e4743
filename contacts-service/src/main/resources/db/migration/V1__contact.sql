create table contact (
    id           uuid primary key,
    workspace_id text        not null,
    display_name text        not null,
    email        text,
    created_by   text        not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    version      bigint      not null
);

create index contact_workspace_email on contact (workspace_id, email);
