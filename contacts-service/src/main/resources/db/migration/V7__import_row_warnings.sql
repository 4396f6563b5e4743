-- What of an imported row could not be placed (a property Rapport has no field for, an unreadable birthday, a
-- phone kept as written), so nothing an import leaves out vanishes unsaid.
alter table import_row add column warnings text[] not null default '{}';
