create table contact (
    id           uuid primary key,
    display_name text        not null,
    email        text,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    version      bigint      not null
);

create index contact_email on contact (email);
