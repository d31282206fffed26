#!/bin/sh
# Group-commit benchmark: accepted deliveries/s into the real SQLite store (WAL, synchronous=FULL, on disk)
# with 1, 16 and 64 concurrent senders, group commit vs. one commit per append. Not a test: run it by hand and
# copy the figures, with the machine block it prints first, into bench/RESULTS.md.
#
#   bench/group-commit.sh [--dir DIR] [--seconds 5] [--warmup 1] [--rounds 5] [--senders 1,16,64]
#
# DIR (default bench/target/data) decides which disk is measured: keep it on the disk a real store would use.
# MVN_FLAGS (e.g. -o for offline) is passed to Maven.
set -eu
cd "$(dirname "$0")/.."

# The store is built from this checkout in the same reactor, and its jars copied to bench/target/lib.
mvn -B -q ${MVN_FLAGS:-} -Pbench -pl bench -am package -DskipTests

dir=bench/target/data
prev=
for arg in "$@"; do
  [ "$prev" = "--dir" ] && dir=$arg
  prev=$arg
done
mkdir -p "$dir"

echo "## machine"
echo "- date: $(date -u +%Y-%m-%dT%H:%MZ)"
echo "- commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- core bench || echo ' (with uncommitted changes)')"
echo "- cpus (nproc): $(nproc)"
echo "- memory: $(free -h | awk '/^Mem:/ {print $2 " total, " $7 " available"}')"
echo "- kernel: $(uname -sr)"
echo "- java: $(java -version 2>&1 | head -n 1)"
echo "- disk of $dir: $(df -hT "$dir" | awk 'NR==2 {print $1 " (" $2 "), " $3 " size, " $5 " free"}')"
echo

exec java -cp "bench/target/classes:bench/target/lib/*" dev.hookyard.bench.GroupCommitBench "$@"
