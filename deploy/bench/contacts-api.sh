#!/usr/bin/env bash
# Contacts API benchmark: GET/POST throughput as ratios to pgbench on the same durable PostgreSQL, search and
# list page latency, with 100,000 contacts in one workspace and 10 other workspaces.
# Options: --seconds=20 --warmup=60 --clients=32 --pgbench=/path/to/pgbench
# Needs pgbench (Debian: apt-get install postgresql; it is found under /usr/lib/postgresql/*/bin or on PATH).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
./mvnw -B -q -DskipTests install
exec java @deploy/local/broker-host.jvmopts -cp "deploy/bench/target/rapport-bench.jar:deploy/bench/target/lib/*" \
  dev.rapport.bench.ContactsApiBench --home="$root" "$@"
