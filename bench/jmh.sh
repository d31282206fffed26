#!/bin/sh
# Stage benchmarks (JMH): verify and parse per vendor, store append by transaction size (synchronous FULL and OFF),
# dispatch overhead, tracing off against on (with allocations per operation, -prof gc). Not tests: run by hand and copy the figures, with the machine block printed first, into
# bench/RESULTS.md under "Stage benchmarks".
#
#   bench/jmh.sh [--quick] [JMH arguments...]
#
# Default settings: short, repeated forks (the shared machine is noisy: several short forks show the spread better
# than one long one). --quick: one fork, short iterations, to check the benchmarks run. Any further arguments go to
# JMH after the settings above (so do not repeat -f, -i, ...), e.g. a regular expression selecting benchmarks
# ('VendorBench|ParseBench') or '-p batch=64'.
# Results: bench/target/jmh/<UTC time>/ (text log and JSON). MVN_FLAGS (e.g. -o) is passed to Maven.
set -eu
cd "$(dirname "$0")/.."

# The benchmarks are built from this checkout in one reactor (-am), so nothing stale is read from ~/.m2.
mvn -B -q ${MVN_FLAGS:-} -Pbench -pl bench -am package -DskipTests

settings="-f 3 -wi 2 -w 1s -i 3 -r 1s"
# The dispatch benchmark is single-shot (one invocation drains 5000 deliveries): iterations, not seconds.
ss_settings="-f 3 -wi 2 -i 4"
if [ "${1:-}" = "--quick" ]; then
  settings="-f 1 -wi 1 -w 500ms -i 2 -r 500ms"
  ss_settings="-f 1 -wi 1 -i 2"
  shift
fi
out=bench/target/jmh/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out" bench/target/jmh-data

{
  echo "## machine"
  echo "- date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "- commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- core vendors bench || echo ' (with uncommitted changes)')"
  echo "- cpus (nproc): $(nproc); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- memory: $(free -h | awk '/^Mem:/ {print $2 " total, " $7 " available"}')"
  echo "- kernel: $(uname -sr)"
  echo "- java: $(java -version 2>&1 | head -n 1)"
  echo "- disk of bench/target/jmh-data: $(df -hT bench/target/jmh-data | awk 'NR==2 {print $1 " (" $2 ")"}')"
  echo "- JMH settings: $settings (single-shot: $ss_settings)"
  echo
} | tee "$out/machine.md"

cp="bench/target/classes:bench/target/lib/*"
jvm="-Dhookyard.bench.dir=$PWD/bench/target/jmh-data -Xms512m -Xmx512m"
if [ $# -gt 0 ]; then
  # shellcheck disable=SC2086
  java -cp "$cp" org.openjdk.jmh.Main $settings -jvmArgs "$jvm" -rf json -rff "$out/custom.json" "$@" \
    | tee "$out/custom.txt"
  exit 0
fi
# shellcheck disable=SC2086
java -cp "$cp" org.openjdk.jmh.Main $settings -jvmArgs "$jvm" -rf json -rff "$out/stages.json" \
  'VendorBench|ParseBench|StoreAppendBench' | tee "$out/stages.txt"
# shellcheck disable=SC2086
java -cp "$cp" org.openjdk.jmh.Main $ss_settings -jvmArgs "$jvm" -rf json -rff "$out/dispatch.json" \
  DispatchBench | tee "$out/dispatch.txt"
# shellcheck disable=SC2086
java -cp "$cp" org.openjdk.jmh.Main $settings -jvmArgs "$jvm" -rf json -rff "$out/tracing.json" -prof gc \
  TracingOverheadBench | tee "$out/tracing.txt"
echo "results in $out"
