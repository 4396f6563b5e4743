-- Webhooks: a URL that receives the workspace's events, signed (Standard Webhooks), retried, recorded.
create table webhook (
    id                    uuid primary key,
    workspace_id          text        not null,
    created_by            text        not null,
    url                   text        not null,
    description           text,
    event_types           text[]      not null,
    -- The signing secret (whsec_…): kept, since every delivery is signed with it; shown once, rotatable.
    secret                text        not null,
    previous_secret       text,
    previous_secret_until timestamptz,
    status                text        not null check (status in ('active', 'disabled')),
    disabled_reason       text,
    -- Since when every attempt failed (null after a success): an endpoint failing long enough is disabled.
    failing_since         timestamptz,
    created_at            timestamptz not null,
    updated_at            timestamptz not null
);
create index webhook_by_workspace on webhook (workspace_id, created_at);

create table webhook_delivery (
    id              uuid primary key,
    workspace_id    text        not null,
    webhook_id      uuid        not null references webhook (id) on delete cascade,
    event_id        text        not null,
    event_type      text        not null,
    -- The request body exactly as sent: the CloudEvent in its JSON format.
    body            text        not null,
    status          text        not null check (status in ('pending', 'succeeded', 'failed')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz,
    retry_until     timestamptz not null,
    last_attempt_at timestamptz,
    last_status     int,
    last_error      text,
    created_at      timestamptz not null,
    unique (webhook_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'pending';
create index webhook_delivery_by_webhook on webhook_delivery (workspace_id, webhook_id, id);
