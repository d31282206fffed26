#!/bin/sh
# One end-to-end load run of a Hookyard bench installation, optionally under JFR: starts it (fresh store), waits
# for the first 200, runs a wrk warm-up and a measured wrk run, stops it (SIGTERM), and prints wrk's figures, the
# server's CPU time and peak RSS, deliveries stored, handler runs still pending 2 s after the load (the dispatcher
# falling behind) and lines archived.
#
#   bench/profile.sh HOME OUT [--jfr] [--duration 15] [--warmup 5] [--payloads FILE]
#
# HOME is an installation made by bench/bench-home.sh; OUT a directory for the log, wrk output and recording
# (OUT/hookyard.jfr with --jfr: JFR's "profile" settings, dumped on exit). JAVA_OPTS is passed on (default
# "-Xms256m -Xmx256m -XX:+UseSerialGC"). Read a recording with bench/jfr-top.sh OUT/hookyard.jfr.
set -eu
home=$1
out=$2
shift 2
jfr=
duration=15
warmup=5
payloads=/tmp/bench-work/payloads/good.tsv
while [ $# -gt 0 ]; do
  case $1 in
    --jfr) jfr=1 ;;
    --duration) duration=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    --payloads) payloads=$2; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
mkdir -p "$out"
out=$(cd "$out" && pwd)
url=http://127.0.0.1:8080/hooks/least
lua=/work/shared/bench/sign.lua

rm -rf "$home/data" "$home/archive" "$home/logs"
mkdir -p "$home/data" "$home/archive" "$home/logs"
opts=${JAVA_OPTS:--Xms256m -Xmx256m -XX:+UseSerialGC}
if [ -n "$jfr" ]; then
  opts="$opts -XX:StartFlightRecording=filename=$out/hookyard.jfr,settings=profile,jdk.ExecutionSample#period=2ms,jdk.NativeMethodSample#period=5ms,dumponexit=true"
fi
LEAST_SECRET=bench-secret JAVA_OPTS=$opts "$home/bin/hookyard" run --config "$home/conf/bench.yaml" \
  --plugins "$home/plugins" > "$out/hookyard.out" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT INT TERM
# Ready: the first signed delivery answered 200.
i=0
until python3 /work/shared/bench/check_receiver.py "$url" --payloads "$payloads" --count 1 >/dev/null 2>&1; do
  i=$((i + 1))
  [ $i -lt 300 ] || { echo "not ready after 30 s" >&2; exit 1; }
  kill -0 $pid 2>/dev/null || { echo "hookyard exited, see $out/hookyard.out" >&2; exit 1; }
  sleep 0.1
done
wrk -t2 -c64 -d"${warmup}s" -s "$lua" "$url" -- "$payloads" 2 > "$out/warmup.txt"
sleep 1
cpu0=$(awk '{print $14 + $15}' /proc/$pid/stat)
python3 "$(dirname "$0")/thread-cpu.py" snap $pid > "$out/threads0.json"
load0=$(awk '{print $1}' /proc/loadavg)
wrk -t2 -c64 -d"${duration}s" --latency -s "$lua" "$url" -- "$payloads" 2 > "$out/wrk.txt" &
wrkpid=$!
peak=0
while kill -0 $wrkpid 2>/dev/null; do
  rss=$(awk '/^VmRSS/ {print $2}' /proc/$pid/status)
  [ "$rss" -gt "$peak" ] && peak=$rss
  sleep 0.5
done
wait $wrkpid || true
cpu1=$(awk '{print $14 + $15}' /proc/$pid/stat)
python3 "$(dirname "$0")/thread-cpu.py" diff $pid "$out/threads0.json" > "$out/threads.txt"
load1=$(awk '{print $1}' /proc/loadavg)
# Let the dispatcher finish what is pending before stopping (bounded).
sleep 2
kill -TERM $pid
wait $pid || true
trap - EXIT INT TERM
tick=$(getconf CLK_TCK)
rps=$(awk '/Requests\/sec/ {print $2}' "$out/wrk.txt")
p50=$(awk '$1 == "50%" {print $2}' "$out/wrk.txt")
p99=$(awk '$1 == "99%" {print $2}' "$out/wrk.txt")
non2xx=$(awk '/Non-2xx/ {print $NF}' "$out/wrk.txt")
errors=$(awk '/Socket errors/ {print $0}' "$out/wrk.txt")
log=$home/logs/hookyard.log
accepted=$(sqlite3 "$home/data/hookyard.db" "SELECT COUNT(*) FROM deliveries")
pending=$(sqlite3 "$home/data/hookyard.db" "SELECT COUNT(*) FROM handler_runs WHERE status = 'pending'")
archived=$(cat "$home"/archive/*.jsonl 2>/dev/null | wc -l)
cat "$out/threads.txt"
echo "rps=$rps p50=$p50 p99=$p99 non2xx=${non2xx:-0} ${errors:-} server_cpu_s=$(( (cpu1 - cpu0) / tick )) \
rss_peak_mib=$((peak / 1024)) load=$load0..$load1 stored=$accepted pending_at_stop=$pending archived=$archived"
