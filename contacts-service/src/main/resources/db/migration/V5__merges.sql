-- A merge keeps what it took apart, so it can be undone: the survivor's details before the merge, the history
-- entries the merge itself wrote, and each absorbed contact as it was with the history and import sources that
-- moved to the survivor. An absorbed contact's id keeps naming its survivor until the merge is undone or the
-- survivor is erased.
create table contact_merge (
    id               uuid primary key,
    workspace_id     text        not null,
    survivor_id      uuid        not null,
    survivor_before  jsonb       not null,
    survivor_version bigint      not null,
    created_history  jsonb       not null,
    merged_by        text        not null,
    merged_at        timestamptz not null,
    undone_at        timestamptz
);
create index contact_merge_by_survivor on contact_merge (survivor_id);

create table merged_contact (
    contact_id   uuid primary key,
    workspace_id text  not null,
    merge_id     uuid  not null references contact_merge (id) on delete cascade,
    snapshot     jsonb not null,
    moved        jsonb not null
);
create index merged_contact_by_merge on merged_contact (merge_id);
