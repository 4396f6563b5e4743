-- What contact events now carry for the services to filter and schedule by: the contact's tags (interactions ranks
-- "who have I lost touch with" by tag, reminders keeps cadences per tag) and its relationship. Contacts projected
-- before these fields existed get them with their next contact event.
alter table contact_projection
    add column tags jsonb not null default '[]',
    add column relationship text;

-- "Everyone tagged mentor": the tag filters look contacts up by tag within a workspace.
create index contact_projection_tags on contact_projection using gin (tags jsonb_path_ops);
