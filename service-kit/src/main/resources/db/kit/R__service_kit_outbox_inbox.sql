-- Shipped by service-kit into every service database. Repeatable and idempotent, so the kit can evolve
-- without clashing with the service's own versioned migrations: only additive, if-not-exists changes here.

create table if not exists outbox_event (
    seq          bigserial primary key,
    id           uuid        not null unique,
    topic        text        not null,
    type         text        not null,
    subject      text        not null,
    payload      jsonb       not null,
    occurred_at  timestamptz not null,
    published_at timestamptz
);

-- W3C trace context (traceparent, tracestate) of the change, sent as Kafka headers.
alter table outbox_event add column if not exists trace_context jsonb;

create index if not exists outbox_event_pending on outbox_event (seq) where published_at is null;
create index if not exists outbox_event_published_at on outbox_event (published_at) where published_at is not null;

create table if not exists inbox_event (
    consumer    text        not null,
    event_id    text        not null,
    received_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

-- When the consumer wrote the row, not when its transaction began: a batch's transaction spans many events.
alter table inbox_event alter column received_at set default clock_timestamp();

-- The workspace (tenant) of the event: outbox rows send it as the CloudEvents extension `workspaceid`.
alter table outbox_event add column if not exists workspace_id text;
alter table inbox_event add column if not exists workspace_id text;

-- Idempotency-Key: the stored response of a POST, replayed for a retry with the same key and body.
create table if not exists idempotency_record (
    workspace_id text        not null,
    scope        text        not null,
    key          text        not null,
    request_hash text        not null,
    status       int,
    headers      jsonb,
    body         text,
    created_at   timestamptz not null,
    primary key (workspace_id, scope, key)
);
create index if not exists idempotency_record_created_at on idempotency_record (created_at);

create index if not exists inbox_event_received_at on inbox_event (received_at);

-- The changes feed (kit changes/): who may read an event there (null: the workspace; a user id: that user alone;
-- '': nobody), and its position, given in publishing order by the relay while it holds its lock, so positions
-- become visible in ascending order and a cursor never skips a row that commits late.
alter table outbox_event add column if not exists audience text;
alter table outbox_event add column if not exists feed_position bigint;
create sequence if not exists outbox_feed_position;
create index if not exists outbox_event_feed on outbox_event (workspace_id, feed_position) where feed_position is not null;

-- The last feed position pruned per workspace: a cursor before it has missed changes (410, resync).
create table if not exists outbox_feed_pruned (
    workspace_id text   primary key,
    pruned_to    bigint not null
);
