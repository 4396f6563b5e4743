-- An import looks up every row's emails, phones and profiles right after inserting the rows before it. With
-- GIN's fast update, new entries wait in a pending list that every lookup scans in full until vacuum merges
-- it: lookups grew to ~9 ms on a few thousand fresh contacts, against 0.1 ms once merged. These indexes take
-- each entry at insert instead.
alter index contact_emails set (fastupdate = off);
alter index contact_phones set (fastupdate = off);
alter index contact_social_profiles set (fastupdate = off);
-- The same for search: a search scanned the pending list too, and the insert that overflowed it paid for
-- merging all of it (tens of milliseconds, at random).
alter index contact_search_in_workspace set (fastupdate = off);
