-- The projection keeps what contact events carry now: versions (an older event never overwrites a newer
-- state), birthday, owner and visibility (a private contact stays private here too), and erasure.
alter table contact_projection
    add column version        bigint   not null default 0,
    add column birthday_month smallint,
    add column birthday_day   smallint,
    add column birthday_year  smallint,
    add column owner_id       text,
    add column visibility     text     not null default 'workspace',
    add column deleted_at     timestamptz;
