#!/usr/bin/env bash
# Interactions API benchmark (issue 13): POST /v1/interactions throughput as a ratio to pgbench -N on the same durable
# PostgreSQL, a contact's timeline page latency with 100,000 interactions in one workspace (and 10 other workspaces),
# the log's page and q= search, and a 5,000-event .ics import where the service has POST /v1/calendar-imports.
# Options: --seconds=20 --warmup=60 --clients=32 --pgbench=/path/to/pgbench --profile=DIR (then JFR and wait events
# of a further POST run are printed; the recording stays in DIR)
# Needs pgbench (Debian: apt-get install postgresql; it is found under /usr/lib/postgresql/*/bin or on PATH).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
./mvnw -B -q -DskipTests install
exec java @deploy/local/broker-host.jvmopts -cp "deploy/bench/target/rapport-bench.jar:deploy/bench/target/lib/*" \
  dev.rapport.bench.InteractionsApiBench --home="$root" "$@"
