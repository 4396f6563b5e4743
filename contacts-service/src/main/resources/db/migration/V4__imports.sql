-- Imports run as jobs: the uploaded file is kept with the job (an accepted import survives a crash and
-- resumes), each row's outcome is recorded as it is applied, and a lease lets one replica work on a job.
create table import_job (
    id            uuid primary key,
    workspace_id  text        not null,
    created_by    text        not null,
    format        text        not null,
    dry_run       boolean     not null,
    payload       bytea,
    status        text        not null,
    failure       text,
    rows_read     int         not null default 0,
    rows_created  int         not null default 0,
    rows_updated  int         not null default 0,
    rows_skipped  int         not null default 0,
    rows_failed   int         not null default 0,
    leased_until  timestamptz,
    created_at    timestamptz not null,
    finished_at   timestamptz
);
create index import_job_pending on import_job (created_at) where status in ('QUEUED', 'RUNNING');

create table import_row (
    job_id       uuid not null references import_job (id) on delete cascade,
    row_number   int  not null,
    workspace_id text not null,
    outcome      text not null,
    contact_id   uuid,
    reason       text,
    primary key (job_id, row_number)
);

-- Where an imported contact came from (vCard UID, LinkedIn URL, ...): importing the same file again finds it.
create table contact_source (
    workspace_id text not null,
    source       text not null,
    source_id    text not null,
    contact_id   uuid not null references contact (id) on delete cascade,
    primary key (workspace_id, source, source_id)
);
create index contact_source_by_contact on contact_source (contact_id);

-- Matching an imported contact to an existing one by normalised email, phone or social profile.
create index contact_emails on contact using gin (emails jsonb_path_ops);
create index contact_phones on contact using gin (phones jsonb_path_ops);
create index contact_social_profiles on contact using gin (social_profiles jsonb_path_ops);
