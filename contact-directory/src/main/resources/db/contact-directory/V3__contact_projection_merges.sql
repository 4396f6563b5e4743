-- A contact merged into another names its survivor here until the merge is undone.
alter table contact_projection add column merged_into uuid;
