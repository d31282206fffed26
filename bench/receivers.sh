#!/bin/sh
# Hookyard side by side with the reference receivers of ../shared/bench (node-express, webhook-noexec,
# nginx-static), in one interleaved run of /work/shared/bench/run_anchors.py, plus Hookyard's "ready to accept"
# time. Prints a Markdown block (date, machine, commit, heap settings, the harness's table) to paste into
# bench/RESULTS.md, and keeps it in $BENCH_WORK/results/<time>/hookyard-receivers.md.
#
#   bench/receivers.sh [--ready-runs 5] [run_anchors.py options, e.g. --rounds 1 --duration 5 --warmup 2
#                       --receivers nginx-static --max-other-cpu 50]
#
# Hookyard runs as the real distribution (distribution/target/hookyard; build it first with
# mvn -B -o install -DskipTests) from a bench home made by bench/bench-home.sh under $BENCH_WORK/hookyard: one
# LEAST endpoint at /hooks/least (secret from LEAST_SECRET=bench-secret), store on disk (SQLite WAL,
# synchronous=FULL, group commit: 200 only after the commit), every event routed to a jsonl-archive handler
# (fsync: false, see bench-home.sh). Each start wipes the store, so every round starts from an empty store.
#
# JVM options: HOOKYARD_JAVA_OPTS, default "-Xms128m -Xmx128m -XX:+UseSerialGC" (see below and bench/RESULTS.md).
# Payloads: the harness default (/tmp/bench-work/payloads/good.tsv, 20 000 distinct deliveries, as in ANCHORS.md);
# a run longer than 20 000 requests resends them, and Hookyard answers the resent ones as duplicates (200, stored
# once). Pass --payloads /tmp/bench-work/payloads/good400k.tsv (gen_payloads.py --count 400000) to measure
# distinct deliveries only.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
work=${BENCH_WORK:-/tmp/bench-work}
home=$work/hookyard
shared=/work/shared/bench
ready_runs=5
if [ "${1:-}" = "--ready-runs" ]; then
  ready_runs=$2
  shift 2
fi
# Serial GC: one core's worth of GC threads is all a 2-core box can spare, and it keeps RSS lowest; the heap is
# fixed so RSS does not depend on when the GC decides to grow it. (bench/RESULTS.md: Serial vs G1.)
java_opts=${HOOKYARD_JAVA_OPTS:--Xms128m -Xmx128m -XX:+UseSerialGC}

"$root/bench/bench-home.sh" "$home" > /dev/null
# The command the harness starts (in the foreground, stopped by SIGTERM): a fresh store each time.
cat > "$home/run-bench.sh" <<EOF
#!/bin/sh
rm -rf "$home/data" "$home/archive" "$home/logs"
mkdir -p "$home/data" "$home/archive" "$home/logs"
export LEAST_SECRET=bench-secret
export JAVA_OPTS="$java_opts"
exec "$home/bin/hookyard" run --config "$home/conf/bench.yaml" --plugins "$home/plugins"
EOF
chmod +x "$home/run-bench.sh"

# Ready to accept: from starting the process to the first signed delivery answered 200 (polled every 10 ms).
ready_ms=$(python3 - "$home/run-bench.sh" "$ready_runs" "$shared/check_receiver.py" <<'PY'
import json, os, signal, statistics, subprocess, sys, time, urllib.request, hmac, hashlib
cmd, runs = sys.argv[1], int(sys.argv[2])
body = b'{"event":"record.created","record_id":1,"data":{"title":"ready check"}}'
sig = "sha256=" + hmac.new(b"bench-secret", body, hashlib.sha256).hexdigest()
times = []
for i in range(runs):
    t0 = time.monotonic()
    p = subprocess.Popen([cmd], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        while True:
            if p.poll() is not None:
                sys.exit("hookyard exited during the ready check")
            if time.monotonic() - t0 > 30:
                sys.exit("not ready within 30 s")
            try:
                req = urllib.request.Request("http://127.0.0.1:8080/hooks/least", data=body, method="POST",
                                             headers={"X-LEAST-Signature": sig, "Content-Type": "application/json"})
                with urllib.request.urlopen(req, timeout=1) as r:
                    if r.status == 200:
                        times.append((time.monotonic() - t0) * 1000)
                        break
            except OSError:
                pass
            time.sleep(0.01)
    finally:
        p.send_signal(signal.SIGTERM)
        try:
            p.wait(15)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
    time.sleep(0.5)
print("median %.0f ms (runs: %s)" % (statistics.median(times), ", ".join("%.0f" % t for t in times)))
PY
)

out=$work/results/$(date -u +%Y%m%dT%H%M%SZ)-hookyard
mkdir -p "$out"
python3 "$shared/run_anchors.py" --out "$out" "$@" \
  --custom "hookyard|8080|/hooks/least|$home/run-bench.sh"

commit=$(cd "$root" && git rev-parse --short HEAD)$(cd "$root" && git diff --quiet HEAD -- core vendors distribution plugins-example || echo ' (with uncommitted changes)')
{
  echo "### Receivers side by side ($(date -u +%Y-%m-%dT%H:%MZ))"
  echo
  echo "- commit: $commit"
  echo "- machine: $(nproc) CPUs, $(free -h | awk '/^Mem:/ {print $2}') RAM, $(uname -sr), $(java -version 2>&1 | head -n 1)"
  echo "- load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- command: bench/receivers.sh $*"
  echo "- Hookyard: distribution from this commit, JAVA_OPTS=\"$java_opts\", store synchronous=FULL (200 after the"
  echo "  commit), jsonl-archive route with fsync: false"
  echo "- Hookyard ready to accept (process start to first 200), $ready_runs starts: $ready_ms"
  echo
  cat "$out/results.md"
} | tee "$out/hookyard-receivers.md"
echo
echo "(kept in $out/hookyard-receivers.md)"
