-- Search within one workspace: a trigram index that also holds the workspace, so a common word is looked up
-- among this workspace's contacts only, not among every tenant's.
create extension if not exists btree_gin;
create index contact_search_in_workspace on contact using gin (workspace_id, search_text gin_trgm_ops);
drop index if exists contact_search;
