#!/usr/bin/env bash
# Event backbone benchmark: API 2xx -> effect in reminders-service, next to raw Kafka latency on the same
# broker in the same run. Options: --rate=500 --seconds=30 --warmup=10
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
./mvnw -B -q -DskipTests install
exec java @deploy/local/broker-host.jvmopts -cp "deploy/bench/target/rapport-bench.jar:deploy/bench/target/lib/*" \
  dev.rapport.bench.EventLatencyBench --home="$root" "$@"
