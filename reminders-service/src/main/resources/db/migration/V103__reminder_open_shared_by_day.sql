-- The agenda's overdue count of the workspace's own reminders (keep-in-touch): a narrow index whose entries B-tree
-- deduplication folds by day, so counting tens of thousands of overdue reads a few pages.
create index reminder_open_shared_by_day on reminder (workspace_id, effective_on) where status = 'open' and owner_id is null;
