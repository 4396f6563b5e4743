-- The test application's one business table: a workspace's notes.
create table kit_note (
    id           uuid primary key,
    workspace_id text        not null,
    body         text        not null,
    created_at   timestamptz not null
);
