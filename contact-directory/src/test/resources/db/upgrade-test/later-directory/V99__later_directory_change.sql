-- Stands for a change the contact directory ships after a service's own V100 has run.
alter table contact_projection add column later_directory_column text;
