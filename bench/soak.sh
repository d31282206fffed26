#!/bin/sh
# Soak run of a Hookyard bench installation: a fixed request rate for minutes with the dispatcher working (every
# delivery stored, then archived by the jsonl-archive route), to show that nothing accumulates: no heap growth after
# GC, no growing backlog of handler runs, no errors. Prints a Markdown fragment for bench/RESULTS.md.
#
#   bench/soak.sh HOME OUT [--rate 4000] [--minutes 10] [--interval 10] [--connections 64] [--warmup 30]
#                          [--drain 30]
#
# HOME is an installation made by bench/bench-home.sh (its data/, archive/ and logs/ are emptied first); OUT a
# directory for everything the run writes. The load is bench's dev.hookyard.bench.load.PacedSender (build it first:
# mvn -B -o -q -Pbench -pl bench -am package -DskipTests): fresh, distinct, signed ~700-byte LEAST deliveries at
# --rate req/s over --connections persistent connections, paced by schedule (late and skipped sends are counted, it
# never bursts to catch up by more than 1 s), after a --warmup s warm-up at the same rate on the same connections
# (JIT; not part of the figures). The default rate is half the ~8 000 req/s Hookyard reached under
# wrk -c64 in bench/RESULTS.md; pass half of what the current build reaches on the machine at hand.
# JAVA_OPTS is passed on (default "-Xms96m -Xmx96m -XX:+UseSerialGC"), with -Xlog:gc into OUT/gc.log;
# SENDER_JAVA_OPTS is the generator's (default "-Xms64m -Xmx64m -XX:+UseSerialGC"). Refuses to start while
# something listens on port 8080.
#
# What is measured:
#   - every --interval s (OUT/samples.tsv, the first row at the start of the load): the server's RSS (VmRSS),
#     threads and CPU time, the generator's CPU time, handler runs pending (sqlite3, read-only), deliveries stored,
#     lines archived (HOME/archive/*.jsonl), WARN and ERROR lines in HOME/logs/hookyard.log and in the server's
#     stdout (OUT/hookyard.out; also lines there that are not log lines: JVM warnings, stack traces). Files are
#     read incrementally (only what was added since the last sample), so sampling costs the same at minute 10 as
#     at minute 1; lines written just before a log file rolls over are missed by the samples but not by the totals;
#   - the generator's line per interval (OUT/sender.txt): sent, 2xx, non-2xx by status, errors, rate, late,
#     latency p50 / p99 / max;
#   - heap after each GC (OUT/gc.log). With Serial GC a young collection's "after" includes whatever the old
#     generation holds, garbage too, so it drifts up between full collections; the live heap is measured by a full
#     GC forced with jcmd at 1 min into the load (when it lasts >= 2 min) and right after the load ends;
#   - after the load: up to --drain s for the pending runs to reach 0, then stored against archived and against the
#     2xx answers of warm-up and load (+1: the readiness probe is a delivery too; more than that means another
#     client sent to port 8080 during the run); then SIGTERM, the time to stop and the exit code.
#
# Checks (the exit code is 0 only if all pass): rate held (nothing skipped); no errors (every answer a 2xx, no
# connect/read error, no WARN or ERROR line, server stopped cleanly: exit code 0 or 143); no heap growth (live heap
# of the forced full GC at the end <= 1.1 x the one at 1 min + 2 MiB; for runs under 2 min the median after-GC of
# the last minute against the first's); no backlog growth (median pending of the last third of the samples exceeds
# the first third's by no more than max(that median, rate x 0.5 s)); everything dispatched (0 pending after the
# drain and stored == archived == warm-up 2xx + load 2xx + 1).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
[ $# -ge 2 ] || { echo "usage: bench/soak.sh HOME OUT [--rate N] [--minutes 10] [--interval 10] [--connections 64] [--warmup 30] [--drain 30]" >&2; exit 2; }
home=$1
out=$2
shift 2
rate=4000
minutes=10
interval=10
connections=64
warmup=30
drain=30
while [ $# -gt 0 ]; do
  case $1 in
    --rate) rate=$2; shift ;;
    --minutes) minutes=$2; shift ;;
    --interval) interval=$2; shift ;;
    --connections) connections=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    --drain) drain=$2; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
for v in "$rate" "$minutes" "$interval" "$connections" "$warmup" "$drain"; do
  case $v in '' | *[!0-9]*) echo "--rate, --minutes, --interval, --connections, --warmup, --drain take whole numbers" >&2; exit 2 ;; esac
done
[ "$rate" -gt 0 ] && [ "$minutes" -gt 0 ] && [ "$interval" -gt 0 ] || { echo "rate, minutes and interval must be > 0" >&2; exit 2; }
[ -x "$home/bin/hookyard" ] && [ -f "$home/conf/bench.yaml" ] || { echo "$home is not a bench installation (bench/bench-home.sh)" >&2; exit 1; }
classes=$root/bench/target/classes
class=$classes/dev/hookyard/bench/load/PacedSender.class
src=$root/bench/src/main/java/dev/hookyard/bench/load/PacedSender.java
if [ ! -f "$class" ] || [ -n "$(find "$src" -newer "$class")" ]; then
  echo "no PacedSender in $classes, or older than its source: build it (mvn -B -o -q -Pbench -pl bench -am package -DskipTests)" >&2
  exit 1
fi
url=http://127.0.0.1:8080/hooks/least
# Someone else's server (or benchmark) on the port would take the load, or make Hookyard fail to bind.
if command -v ss >/dev/null 2>&1 && [ -n "$(ss -Hltn 'sport = :8080')" ]; then
  echo "port 8080 is in use (ss -ltn): not starting" >&2; exit 1
fi
rc=0
curl -s -o /dev/null --max-time 2 http://127.0.0.1:8080/ || rc=$?
[ "$rc" -eq 7 ] || { echo "port 8080 answers (curl exit code $rc): not starting" >&2; exit 1; }

mkdir -p "$out"
out=$(cd "$out" && pwd)
case $out in
  *[[:space:]:,]*) echo "OUT must not contain spaces, ':' or ',' (it goes into -Xlog:gc:file=...)" >&2; exit 1 ;;
esac
state=$out/.soak-state
rm -rf "$state" "$out/samples.tsv" "$out/gc.log" "$out/sender.txt" "$out/hookyard.out" "$out/summary.md" "$out/soak.env"
mkdir -p "$state"
db=$home/data/hookyard.db
tick=$(getconf CLK_TCK)
seconds=$((minutes * 60))

# scan FILE NAME: cumulative "lines warn error other" of FILE, where other = lines that are not log lines. Reads
# only the bytes added since the previous scan of NAME (state in $state), up to the last complete line; a file
# that shrank or was replaced (rolled over) is read from its start.
levels='{
  n += length($0) + 1; ll = length($0); w = 0; e = 0; o = 0
  if (match($0, /^[0-9]+-[0-9]+-[0-9]+T[^ ]+ [A-Z]+ /)) { split(substr($0, 1, RLENGTH), f, " "); w = f[2] == "WARN"; e = f[2] == "ERROR" }
  else o = 1
  L++; W += w; E += e; O += o
}
END {
  if (len != "" && n > len) { n -= ll + 1; L--; W -= w; E -= e; O -= o }
  print n + 0, L + 0, W + 0, E + 0, O + 0
}'
scan() {
  f=$1
  st=$state/scan-$2
  set -- 0 0 0 0 0 0
  [ -f "$st" ] && set -- $(cat "$st")
  ino=$1 off=$2 lines=$3 warn=$4 err=$5 other=$6
  if [ -f "$f" ]; then
    nino=$(stat -c %i "$f")
    size=$(stat -c %s "$f")
    if [ "$nino" != "$ino" ] || [ "$size" -lt "$off" ]; then off=0; fi
    ino=$nino
    len=$((size - off))
    if [ "$len" -gt 0 ]; then
      set -- $(tail -c +$((off + 1)) "$f" | head -c "$len" | LC_ALL=C awk -v len="$len" "$levels")
      off=$((off + $1)) lines=$((lines + $2)) warn=$((warn + $3)) err=$((err + $4)) other=$((other + $5))
    fi
  fi
  echo "$ino $off $lines $warn $err $other" > "$st"
  echo "$lines $warn $err $other"
}
# archived: lines in HOME/archive/*.jsonl, counting only what was appended since the previous call.
archived() {
  sum=0
  for f in "$home"/archive/*.jsonl; do
    [ -f "$f" ] || continue
    st=$state/archive-$(basename "$f")
    set -- 0 0 0
    [ -f "$st" ] && set -- $(cat "$st")
    ino=$1 off=$2 an=$3
    nino=$(stat -c %i "$f")
    size=$(stat -c %s "$f")
    if [ "$nino" != "$ino" ] || [ "$size" -lt "$off" ]; then off=0 an=0; fi
    if [ "$size" -gt "$off" ]; then
      an=$((an + $(tail -c +$((off + 1)) "$f" | head -c $((size - off)) | wc -l)))
      off=$size
    fi
    echo "$nino $off $an" > "$st"
    sum=$((sum + an))
  done
  echo "$sum"
}
counts() {
  sqlite3 -readonly -cmd '.timeout 5000' "$db" \
    "SELECT (SELECT COUNT(*) FROM handler_runs WHERE status = 'pending'), (SELECT COUNT(*) FROM deliveries)" 2>/dev/null ||
    echo "-1|-1"
}
now_ms() {
  date +%s%3N
}
cpu_s() {
  [ -n "$1" ] && [ -f "/proc/$1/stat" ] || { echo -1; return; }
  awk -v t="$tick" '{printf "%.2f", ($14 + $15) / t}' "/proc/$1/stat" 2>/dev/null || echo -1
}
# sample PHASE: one row of OUT/samples.tsv.
sample() {
  t=$(awk -v a="$(now_ms)" -v b="$load_start" 'BEGIN {printf "%.1f", (a - b) / 1000}')
  rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
  threads=$(awk '/^Threads/ {print $2}' "/proc/$pid/status")
  scpu=$(cpu_s "$pid")
  gcpu=$(cpu_s "$spid")
  c=$(counts)
  a=$(archived)
  set -- $(scan "$home/logs/hookyard.log" log) $(scan "$out/hookyard.out" out)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$t" "$rss" "$threads" "$scpu" "$gcpu" \
    "${c%%|*}" "${c##*|}" "$a" "$1" "$2" "$3" "$6" "$7" "$8" "$phase" >> "$out/samples.tsv"
  echo "$phase t=$t s: rss=$((rss / 1024)) MiB pending=${c%%|*} stored=${c##*|} archived=$a" >&2
}
fact() {
  printf '%s=%s\n' "$1" "$2" >> "$out/soak.env"
}

fact date "$(date -u +%Y-%m-%dT%H:%MZ)"
fact commit "$(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- core vendors plugins-example distribution || echo ' (with uncommitted changes)')"
fact nproc "$(nproc)"
fact mem_mib "$(free -m | awk '/^Mem:/ {print $2}')"
fact kernel "$(uname -sr)"
fact java "$(java -version 2>&1 | head -n 1)"
fact rate "$rate"
fact minutes "$minutes"
fact interval "$interval"
fact connections "$connections"
fact warmup "$warmup"
fact drain "$drain"
opts=${JAVA_OPTS:--Xms96m -Xmx96m -XX:+UseSerialGC}
sopts=${SENDER_JAVA_OPTS:--Xms64m -Xmx64m -XX:+UseSerialGC}
fact java_opts "$opts"
fact sender_java_opts "$sopts"
fact loadavg_before "$(cut -d ' ' -f 1-3 /proc/loadavg)"

rm -rf "$home/data" "$home/archive" "$home/logs"
mkdir -p "$home/data" "$home/archive" "$home/logs"
started=$(now_ms)
LEAST_SECRET=bench-secret JAVA_OPTS="$opts -Xlog:gc:file=$out/gc.log:utctime,uptime,level,tags:filecount=0" \
  "$home/bin/hookyard" run --config "$home/conf/bench.yaml" --plugins "$home/plugins" > "$out/hookyard.out" 2>&1 &
pid=$!
spid=
cleanup() {
  [ -n "$spid" ] && kill "$spid" 2>/dev/null
  kill "$pid" 2>/dev/null || true
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT TERM
# Ready: one signed delivery answered 200 (it is stored and archived like the load's: the "+1" below).
python3 - "$url" "$pid" "$started" > "$state/ready" <<'PY' || { echo "not ready: see $out/hookyard.out" >&2; exit 1; }
import hashlib, hmac, json, os, sys, time, urllib.error, urllib.request
url, pid, started = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
body = json.dumps({"event": "record.created", "record_id": 1,
                   "data": {"strD5_1_1": "soak readiness probe %d" % time.time_ns()}}, separators=(",", ":")).encode()
headers = {"Content-Type": "application/json",
           "X-LEAST-Signature": "sha256=" + hmac.new(b"bench-secret", body, hashlib.sha256).hexdigest()}
last = "no answer"
while time.time() * 1000 - started < 30000:
    try:
        os.kill(pid, 0)
    except OSError:
        sys.exit("hookyard exited")
    try:
        with urllib.request.urlopen(urllib.request.Request(url, body, headers), timeout=2) as r:
            if r.status == 200:
                print(int(time.time() * 1000) - started)
                sys.exit(0)
            last = "status %d" % r.status
    except urllib.error.HTTPError as e:
        last = "status %d" % e.code
    except OSError as e:
        last = str(e)
    time.sleep(0.1)
sys.exit("not ready after 30 s: " + last)
PY
fact ready_ms "$(cat "$state/ready")"
sleep 1
fact rss_idle_kib "$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")"

# shellcheck disable=SC2086
java $sopts -cp "$classes" dev.hookyard.bench.load.PacedSender --url "$url" --secret bench-secret --rate "$rate" \
  --seconds "$seconds" --warmup-seconds "$warmup" --connections "$connections" --report-every "$interval" \
  > "$out/sender.txt" 2>&1 &
spid=$!
[ "$warmup" -gt 0 ] && echo "soak: $warmup s warm-up at $rate req/s" >&2
# The measured load starts when the generator prints its header (after the warm-up).
i=0
until grep -q '^# PacedSender .*start_epoch_ms=' "$out/sender.txt" 2>/dev/null; do
  i=$((i + 1))
  [ $i -lt $(((warmup + 60) * 10)) ] && kill -0 "$spid" 2>/dev/null ||
    { echo "the generator did not start the load, see $out/sender.txt" >&2; exit 1; }
  sleep 0.1
done
grep '^warmup total' "$out/sender.txt" >&2 || true
load_start=$(sed -n 's/^# PacedSender .*start_epoch_ms=\([0-9]*\).*/\1/p' "$out/sender.txt" | head -n 1)
fact load_start_ms "$load_start"
printf 't_s\trss_kib\tthreads\tserver_cpu_s\tsender_cpu_s\tpending\tstored\tarchived\tlog_lines\tlog_warn\tlog_error\tout_warn\tout_error\tout_other\tphase\n' > "$out/samples.tsv"
phase=start
sample
echo "soak: $rate req/s for $minutes min, samples every $interval s in $out/samples.tsv" >&2
phase=load
step=1
sampled=0
while kill -0 "$spid" 2>/dev/null; do
  due=$((load_start + step * interval * 1000))
  while kill -0 "$spid" 2>/dev/null; do
    left=$((due - $(now_ms)))
    [ "$left" -gt 0 ] || break
    [ "$left" -gt 1000 ] && left=1000
    sleep "$(printf '%d.%03d' $((left / 1000)) $((left % 1000)))"
  done
  kill -0 "$spid" 2>/dev/null || break
  kill -0 "$pid" 2>/dev/null || { echo "hookyard exited during the load, see $out/hookyard.out" >&2; exit 1; }
  sample
  sampled=$step
  # The live heap early in the run, for comparison with the one at the end.
  if [ "$minutes" -ge 2 ] && [ -z "${gc1:-}" ] && [ $((step * interval)) -ge 60 ]; then
    gc1=$(now_ms)
    fact gc1_ms "$gc1"
    jcmd "$pid" GC.run > /dev/null 2>&1 || echo "jcmd GC.run failed" >&2
  fi
  step=$((step + 1))
done
sender_rc=0
wait "$spid" || sender_rc=$?
# The generator may have ended just before the last interval's sample: take it now.
[ $((sampled * interval)) -ge "$seconds" ] || sample
spid=
fact sender_rc "$sender_rc"
fact load_end_ms "$(now_ms)"
fact server_cpu_load_end "$(cpu_s "$pid")"
fact gc2_ms "$(now_ms)"
jcmd "$pid" GC.run > /dev/null 2>&1 || echo "jcmd GC.run failed" >&2

# Drain: the dispatcher finishes what is pending (bounded).
drained=0
while :; do
  c=$(counts)
  [ "${c%%|*}" = 0 ] && break
  [ "$drained" -ge "$drain" ] && break
  sleep 1
  drained=$((drained + 1))
done
fact drain_s "$drained"
phase=drained
sample
fact loadavg_after "$(cut -d ' ' -f 1-3 /proc/loadavg)"

stop0=$(now_ms)
kill -TERM "$pid"
server_rc=0
wait "$pid" || server_rc=$?
trap - EXIT INT TERM
fact stop_ms $(($(now_ms) - stop0))
fact server_rc "$server_rc"
fact archived_after_stop "$(archived)"
# Totals over every log file, the rolled-over (gzipped) ones too.
set -- $(for f in "$home"/logs/*; do
  [ -f "$f" ] || continue
  case $f in *.gz) zcat "$f" 2>/dev/null || true ;; *) cat "$f" ;; esac
done | LC_ALL=C awk -v len= "$levels")
fact log_total "$2 $3 $4 $5"
set -- $(LC_ALL=C awk -v len= "$levels" "$out/hookyard.out")
fact out_total "$2 $3 $4 $5"
grep -v -m 5 -E '^[0-9]+-[0-9]+-[0-9]+T[^ ]+ [A-Z]+ ' "$out/hookyard.out" > "$state/out-other" || true
grep -m 5 -E '^[0-9]+-[0-9]+-[0-9]+T[^ ]+ (WARN|ERROR) ' "$out/hookyard.out" > "$state/out-warn" || true

python3 - "$out" <<'PY'
import math, re, statistics, sys
from datetime import datetime

out = sys.argv[1]
facts = {}
for line in open(f"{out}/soak.env", encoding="utf-8"):
    k, _, v = line.rstrip("\n").partition("=")
    facts[k] = v
rate = int(facts["rate"])
interval = int(facts["interval"])
seconds = int(facts["minutes"]) * 60
start = int(facts["load_start_ms"])
end = start + seconds * 1000

def num(n):
    return f"{n:,.0f}".replace(",", " ")

def fnum(x, d=1):
    return f"{x:.{d}f}"

def mib(kib):
    return kib / 1024

# Samples.
rows = []
with open(f"{out}/samples.tsv", encoding="utf-8") as f:
    head = f.readline().rstrip("\n").split("\t")
    for line in f:
        r = dict(zip(head, line.rstrip("\n").split("\t")))
        for k, v in r.items():
            if k != "phase":
                r[k] = float(v)
        rows.append(r)
base = rows[0]
load = [r for r in rows if r["phase"] == "load"]
final = [r for r in rows if r["phase"] == "drained"][-1]

# Generator lines.
def kv(line):
    return dict(m.groups() for m in re.finditer(r"(\S+?)=(\S+)", line))

def ms(v):
    return float(v.rstrip("ms"))

def msf(v):
    return f"{ms(v):.2f} ms"

intervals, total, warm = [], None, None
for line in open(f"{out}/sender.txt", encoding="utf-8"):
    if line.startswith("t="):
        intervals.append(kv(line))
    elif line.startswith("total "):
        total = kv(line)
    elif line.startswith("warmup total "):
        warm = kv(line)
warm = warm or {"sent": "0", "2xx": "0", "non2xx": "0", "connect_err": "0", "read_err": "0"}
first_errors = [l.strip("# \n") for l in open(f"{out}/sender.txt", encoding="utf-8") if l.startswith("# first")]
if total is None:
    sys.exit("no total line in sender.txt: the generator failed, see " + out + "/sender.txt")

def non2xx(v):
    return int(v.split("(")[0])

# GC log.
gcs = []
pat = re.compile(r"^\[([^\]]+)\]\[[\d.]+s\]\[info\]\[gc\s*\] GC\((\d+)\) (Pause \w+)(?: \((.*)\))? "
                 r"(\d+)([KMG])->(\d+)([KMG])\((\d+)([KMG])\) ([\d.]+)ms$")
unit = {"K": 1 / 1024, "M": 1, "G": 1024}
for line in open(f"{out}/gc.log", encoding="utf-8"):
    m = pat.match(line.strip())
    if not m:
        continue
    when = datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S.%f%z").timestamp() * 1000
    gcs.append({"ms": when, "kind": m.group(3), "cause": m.group(4) or "",
                "after": int(m.group(7)) * unit[m.group(8)], "cap": int(m.group(9)) * unit[m.group(10)],
                "pause": float(m.group(11))})
# jcmd GC.run logs as "Diagnostic Command" (System.gc() would log as "System.gc()").
forced = [g for g in gcs if g["cause"] in ("Diagnostic Command", "System.gc()")]
natural = [g for g in gcs if g not in forced and start <= g["ms"] <= end]

def median(xs):
    return statistics.median(xs) if xs else float("nan")

def window(lo, hi):
    return [g["after"] for g in natural if lo <= g["ms"] < hi]

first_min = window(start, start + 60000)
last_min = window(end - 60000, end + 1)
checks = []

# Rate held.
sent, skipped = int(total["sent"]), int(total["skipped"])
late = int(total["late"])
ok_rate = skipped == 0 and sent == math.floor(rate * seconds)
checks.append(("rate held", f"target {num(rate)} req/s for {seconds} s: {num(sent)} sent at {num(float(total['rate'].split('/')[0]))} req/s, "
               f"{num(skipped)} skipped, {num(late)} late (> 5 ms behind schedule, {100 * late / max(sent, 1):.2f} %), "
               f"largest lag {msf(total['max_lag'])}", ok_rate))

# Errors.
lw, le, lo_ = (int(x) for x in facts["log_total"].split()[1:])
ow, oe, oo = (int(x) for x in facts["out_total"].split()[1:])
n2, ce, re_ = non2xx(total["non2xx"]), int(total["connect_err"]), int(total["read_err"])
wbad = non2xx(warm["non2xx"]) + int(warm["connect_err"]) + int(warm["read_err"])
server_rc = int(facts["server_rc"])
ok_err = n2 == 0 and ce == 0 and re_ == 0 and wbad == 0 and lw == 0 and le == 0 and ow == 0 and oe == 0 and server_rc in (0, 143) \
    and int(facts["sender_rc"]) == 0
checks.append(("no errors", f"2xx {num(int(total['2xx']))}, non-2xx {total['non2xx']}, connect/read errors {ce}/{re_}; "
               f"hookyard.log (rolled files included) ERROR {le} / WARN {lw}; stdout ERROR {oe} / WARN {ow}, "
               f"other lines {oo}; warm-up: {num(int(warm['2xx']))} 2xx, {wbad} non-2xx or errors; SIGTERM: stopped in {int(facts['stop_ms']) / 1000:.1f} s, exit code {server_rc}",
               ok_err))

# Heap after GC.
pauses = [g["pause"] for g in natural]
heap = (f"{len(natural)} GCs during the load ({sum(1 for g in natural if g['kind'] == 'Pause Full')} full), "
        f"heap capacity {fnum(natural[0]['cap'] if natural else 0, 0)} MiB, pauses total {fnum(sum(pauses) / 1000, 2)} s, "
        f"max {fnum(max(pauses) if pauses else 0)} ms; after GC: median first minute {fnum(median(first_min))} MiB, "
        f"last minute {fnum(median(last_min))} MiB, max {fnum(max((g['after'] for g in natural), default=0))} MiB")
gc1 = [g for g in forced if "gc1_ms" in facts and g["ms"] >= int(facts["gc1_ms"]) - 1000
       and g["ms"] < int(facts["gc2_ms"]) - 1000]
gc2 = [g for g in forced if g["ms"] >= int(facts["gc2_ms"]) - 1000]
if gc1 and gc2:
    a, b = gc1[0]["after"], gc2[0]["after"]
    ok_heap = b <= 1.1 * a + 2
    heap += f"; live heap (full GC forced by jcmd) at 1 min {fnum(a)} MiB, at the end of the load {fnum(b)} MiB"
else:
    ok_heap = not (median(last_min) > 1.1 * median(first_min) + 2)
    if gc2:
        heap += f"; live heap (full GC forced by jcmd) at the end of the load {fnum(gc2[0]['after'])} MiB"
    heap += " (run under 2 min: first and last minute compared)"
checks.append(("no heap growth after GC", heap, ok_heap))

# Backlog.
pend = [(r["t_s"], r["pending"]) for r in load]
third = seconds / 3
p_first = [p for t, p in pend if t <= third + 0.5 * interval] or [pend[0][1]]
p_last = [p for t, p in pend if t > 2 * third + 0.5 * interval] or [pend[-1][1]]
m1, m3 = median(p_first), median(p_last)
ok_backlog = m3 - m1 <= max(m1, rate * 0.5)
if len(pend) >= 2:
    ts, ps = [t for t, _ in pend], [p for _, p in pend]
    mt, mp = statistics.fmean(ts), statistics.fmean(ps)
    den = sum((t - mt) ** 2 for t in ts)
    slope = sum((t - mt) * (p - mp) for t, p in zip(ts, ps)) / den * 60 if den else 0
else:
    slope = 0
checks.append(("no backlog growth", f"pending handler runs: first {num(pend[0][1])}, max {num(max(ps for _, ps in pend))}, "
               f"last {num(pend[-1][1])}; median first third {num(m1)}, last third {num(m3)}; trend {slope:+.0f} per min",
               ok_backlog))

# Everything dispatched.
stored, archived, pending = int(final["stored"]), int(final["archived"]), int(final["pending"])
after_stop = int(facts["archived_after_stop"])
expected = int(warm["2xx"]) + int(total["2xx"]) + 1
ok_disp = pending == 0 and stored == archived == after_stop and stored == expected
foreign = ""
if stored > expected:
    foreign = (f"; **{num(stored - expected)} deliveries more than this run sent: another client sent to port 8080 "
               f"during the run, the figures are not valid**")
checks.append(("everything dispatched", f"after {facts['drain_s']} s of drain: {num(pending)} pending, {num(stored)} stored "
               f"(2xx of warm-up + load + 1 readiness probe = {num(expected)}), {num(archived)} archived"
               + ("" if after_stop == archived else f" ({num(after_stop)} after the stop)") + foreign, ok_disp))

# Information.
p99s = [ms(i["p99"]) for i in intervals]
info = [("latency", f"whole run p50 {msf(total['p50'])}, p90 {msf(total['p90'])}, p99 {msf(total['p99'])}, "
         f"p99.9 {msf(total['p99.9'])}, max {msf(total['max'])}; p99 of {interval} s intervals: first {p99s[0]:.2f} ms, last {p99s[-1]:.2f} ms, "
         f"max {max(p99s):.2f} ms")]
rss = [mib(r["rss_kib"]) for r in load]
info.append(("RSS", f"first interval {fnum(rss[0], 0)} MiB, last {fnum(rss[-1], 0)} MiB, max {fnum(max(rss), 0)} MiB "
             f"(idle after start {fnum(mib(int(facts['rss_idle_kib'])), 0)} MiB, after the warm-up {fnum(mib(base['rss_kib']), 0)} MiB); threads {int(load[-1]['threads'])}"))
cpu = float(facts["server_cpu_load_end"]) - base["server_cpu_s"]
dur = (int(facts["load_end_ms"]) - start) / 1000
gen = max([r["sender_cpu_s"] for r in load] + [0]) - base["sender_cpu_s"]  # -1 once the generator has exited
stored_load = max(load[-1]["stored"] - base["stored"], 1)
info.append(("CPU", f"server {100 * cpu / dur:.0f} % of a core over the load ({1e6 * cpu / stored_load:.0f} µs per "
             f"delivery, dispatch included), generator {100 * gen / dur:.0f} %; load average before "
             f"{facts['loadavg_before']}, after {facts['loadavg_after']}"))

md = []
md.append(f"### Soak: {facts['minutes']} min at {num(rate)} req/s ({facts['date']})")
md.append("")
md.append(f"- commit: {facts['commit']} (HOME made from this checkout by bench/bench-home.sh)")
md.append(f"- machine: {facts['nproc']} CPUs (nproc), {facts['mem_mib']} MiB RAM (free -m), {facts['kernel']}, {facts['java']}")
md.append(f"- command: `bench/soak.sh HOME OUT --rate {rate} --minutes {facts['minutes']} --interval {interval} "
          f"--connections {facts['connections']} --warmup {facts['warmup']}`, JAVA_OPTS=\"{facts['java_opts']}\"; ready to accept "
          f"{int(facts['ready_ms']) / 1000:.1f} s after the start")
md.append("")
md.append("| check | figures | result |")
md.append("|---|---|---|")
for name, figures, ok in checks:
    md.append(f"| {name} | {figures} | {'ok' if ok else '**FAILED**'} |")
for name, figures in info:
    md.append(f"| {name} | {figures} | |")
md.append("")
md.append(f"| t s | sent/s | p50 ms | p99 ms | non-2xx + errors | heap after GC MiB (median) | RSS MiB | server CPU % "
          f"| pending | stored | archived |")
md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
step = max(1, math.ceil(len(load) / 10))
picked = [r for i, r in enumerate(load) if (i + 1) % step == 0 or i == len(load) - 1]
prev = base
for r in picked:
    t = r["t_s"]
    iv = min(intervals, key=lambda i: abs(float(i["t"].rstrip("s")) - t))
    lo = start + prev["t_s"] * 1000
    hi = start + t * 1000
    after = [g["after"] for g in natural if lo <= g["ms"] < hi]
    cpu_pct = 100 * (r["server_cpu_s"] - prev["server_cpu_s"]) / max(t - prev["t_s"], 0.1)
    bad = non2xx(iv["non2xx"]) + int(iv["connect_err"]) + int(iv["read_err"])
    md.append(f"| {t:.0f} | {float(iv['rate'].split('/')[0]):.0f} | {ms(iv['p50']):.2f} | {ms(iv['p99']):.2f} | {bad} "
              f"| {fnum(median(after)) if after else '-'} | {fnum(mib(r['rss_kib']), 0)} | {cpu_pct:.0f} "
              f"| {num(r['pending'])} | {num(r['stored'])} | {num(r['archived'])} |")
    prev = r
md.append(f"| drained | | | | | | {fnum(mib(final['rss_kib']), 0)} | | {num(final['pending'])} | {num(final['stored'])} "
          f"| {num(final['archived'])} |")
md.append("")
if step > 1:
    md.append(f"(every {step}th sample; the generator's figures are those of the {interval} s interval ending at t; "
              f"all samples in samples.tsv)")
else:
    md.append(f"(the generator's figures are those of the {interval} s interval ending at t)")
notes = []
if first_errors:
    notes += ["generator: " + e for e in first_errors]
for name in ("out-warn", "out-other"):
    try:
        notes += [f"stdout: {l.rstrip()}" for l in open(f"{out}/.soak-state/{name}", encoding="utf-8") if l.strip()]
    except OSError:
        pass
if notes:
    md.append("")
    md.append("Notes (first lines):")
    md += [f"- `{n[:200]}`" for n in notes]
text = "\n".join(md) + "\n"
open(f"{out}/summary.md", "w", encoding="utf-8").write(text)
print(text)
failed = [name for name, _, ok in checks if not ok]
print(f"checks: {'all passed' if not failed else 'FAILED: ' + ', '.join(failed)}; files in {out}", file=sys.stderr)
sys.exit(1 if failed else 0)
PY
