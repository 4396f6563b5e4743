#!/usr/bin/env bash
# Reminders benchmark (issue 14): GET /v1/agenda p95 in a workspace of 50,000 contacts with cadences, a 5,000-entry
# calendar feed p95, and the time from an interaction's POST 2xx to reminders-service's recomputed keep-in-touch day,
# p99, with interactions logged at a steady rate. Options: --seconds=20 --warmup=90 --rate=200 --loop-warmup=240
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
./mvnw -B -q -DskipTests install
exec java @deploy/local/broker-host.jvmopts -cp "deploy/bench/target/rapport-bench.jar:deploy/bench/target/lib/*" \
  dev.rapport.bench.RemindersBench --home="$root" "$@"
