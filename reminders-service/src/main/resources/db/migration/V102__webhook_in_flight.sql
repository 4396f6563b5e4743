-- Until when an attempt claimed for a delivery may still be running (null: none): an endpoint's deliveries in flight
-- are counted by it, so a slow endpoint never has more than rapport.webhooks.per-endpoint requests open.
alter table webhook_delivery add column in_flight_until timestamptz;
create index webhook_delivery_in_flight on webhook_delivery (webhook_id) where in_flight_until is not null;
create index webhook_delivery_created_at on webhook_delivery (created_at);
