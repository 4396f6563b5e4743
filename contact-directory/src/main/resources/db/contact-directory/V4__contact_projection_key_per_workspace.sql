-- Contact ids are unique per install, projection rows per workspace: the same contact restored into another
-- workspace is another row there, next to the tombstone its deletion left in the first. Lookups by id within a
-- workspace (every query carries the workspace) use this key.
alter table contact_projection
    drop constraint contact_projection_pkey,
    add constraint contact_projection_pkey primary key (workspace_id, contact_id);
