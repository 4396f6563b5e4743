-- A calendar import looks up every address of its file in contact_projection_emails_folded, often right after the
-- workspace imported its contacts. With GIN's fast update those fresh entries wait in the index's pending list, which
-- every lookup reads in full until vacuum merges it: 2,000 addresses against 2,000 fresh contacts took 0.12 ms each
-- instead of 0.004 ms. Entries go straight into the index instead; a contact event writes one or two addresses.
alter index contact_projection_emails_folded set (fastupdate = off);
