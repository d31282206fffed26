#!/bin/sh
# Creates a fresh Hookyard bench installation from this checkout's distribution build, for the end-to-end
# benchmarks (bench/receivers.sh, bench/profile.sh):
#
#   bench/bench-home.sh [HOME]        (default /tmp/bench-work/hookyard)
#
# HOME gets bin/ lib/ conf/ of distribution/target/hookyard (build it first: mvn -B -o install -DskipTests),
# conf/bench.yaml, the jsonl-archive plugin under plugins/, and an empty data/ (the store) and archive/. The
# bench configuration:
#   - one LEAST endpoint at /hooks/least on 127.0.0.1:8080 (channel collection: X-LEAST-Signature), its secret
#     from the environment variable LEAST_SECRET (the bench harness signs with "bench-secret");
#   - the embedded store in HOME/data: SQLite in WAL mode with synchronous=FULL (Hookyard's only setting), group
#     commit; a 200 is sent only once the delivery's transaction has committed (fsync'd);
#   - every event routed to one jsonl-archive handler writing HOME/archive/<day>.jsonl with fsync: false. The store
#     already holds every delivery durably (raw body and headers) before it is answered, so the archive line is a
#     copy; with fsync: true each line would cost one fsync under the archive's lock, which makes the archive, not
#     the receiver, the bottleneck (a few hundred lines/s on this disk). What fsync: false gives up: after a power
#     cut, a run already recorded "done" may lack its archive line; the delivery is still in the store and can be
#     replayed (bin/hookyard replay).
#   - the management API off (not on the delivery path).
# Logging is the distribution's conf/logback.xml (console and file); bench.sh-style runs send stdout to a file.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
home=${1:-/tmp/bench-work/hookyard}
dist=$root/distribution/target/hookyard
plugin=$root/plugins-example/jsonl-archive/target/plugin/jsonl-archive

[ -x "$dist/bin/hookyard" ] || { echo "no $dist/bin/hookyard: build first (mvn -B -o install -DskipTests)" >&2; exit 1; }
[ -d "$plugin" ] || { echo "no $plugin: build plugins-example/jsonl-archive first" >&2; exit 1; }

case $home in
  /tmp/*) ;;
  *) echo "refusing to (re)create $home: the bench home must be under /tmp" >&2; exit 1 ;;
esac
rm -rf "$home"
mkdir -p "$home/plugins" "$home/data" "$home/archive" "$home/logs"
cp -r "$dist/bin" "$dist/lib" "$dist/conf" "$home/"
cp -r "$plugin" "$home/plugins/jsonl-archive"

cat > "$home/conf/bench.yaml" <<'EOF'
# Hookyard bench configuration (written by bench/bench-home.sh).
server:
  host: 127.0.0.1
  port: 8080
  limits:
    maxConnectionsPerClient: 1024   # the load generator is one client with up to 128 connections
management:
  enabled: false
store:
  path: data               # SQLite, WAL, synchronous=FULL, group commit
  retentionDays: 0
  maxBacklog: 1000000
endpoints:
  least:
    vendor: least
    path: /hooks/least
    secrets: ["${env:LEAST_SECRET}"]
    options:
      channel: collection
handlers:
  archive:
    type: jsonl-archive
    options:
      dir: archive
      fsync: false         # the store holds every delivery durably; see bench/bench-home.sh
routes:
  - { from: least, events: ["*"], to: [archive] }
EOF
echo "$home"
