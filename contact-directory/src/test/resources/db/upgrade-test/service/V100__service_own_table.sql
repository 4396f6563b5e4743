-- Stands for a service's first own migration (db/migration), numbered from 100.
create table service_own_table (id uuid primary key);
