#!/usr/bin/env bash
# Import and export benchmark: 10,000 vCards and 10,000 LinkedIn rows imported (rows/s), 100,000 contacts
# exported as vCard (time, peak heap next to a 10,000-contact export). Options: --rows=10000
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
./mvnw -B -q -DskipTests install
exec java @deploy/local/broker-host.jvmopts -cp "deploy/bench/target/rapport-bench.jar:deploy/bench/target/lib/*" \
  dev.rapport.bench.ImportExportBench --home="$root" "$@"
