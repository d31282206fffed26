#!/bin/sh
# Before/after on the same machine in one session: alternates end-to-end runs (bench/profile.sh) of bench
# installations A and B (made by bench/bench-home.sh from two builds), ROUNDS times each (A B A B ...), and prints
# each run's line and the medians of req/s, p50 and p99.
#
#   bench/ab.sh HOME_A HOME_B [ROUNDS=3] [OUT=/tmp/bench-work/ab] [profile.sh options, e.g. --payloads FILE]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
a=$1
b=$2
rounds=${3:-3}
out=${4:-/tmp/bench-work/ab}
shift 2
[ $# -gt 0 ] && shift
[ $# -gt 0 ] && shift
mkdir -p "$out"
: > "$out/runs.txt"
i=1
while [ $i -le "$rounds" ]; do
  for side in A B; do
    [ $side = A ] && home=$a || home=$b
    line=$("$here/profile.sh" "$home" "$out/$side-$i" "$@" | tail -n 1)
    echo "$side $i $line" | tee -a "$out/runs.txt"
  done
  i=$((i + 1))
done
python3 - "$out/runs.txt" <<'PY'
import re, statistics, sys
def ms(v):
    if v.endswith("ms"):
        return float(v[:-2])
    if v.endswith("us"):
        return float(v[:-2]) / 1000
    return float(v[:-1]) * 1000
rows = [l.split(None, 2) for l in open(sys.argv[1]) if l.strip()]
for side in ("A", "B"):
    runs = [dict(re.findall(r"(\w+)=(\S+)", r[2])) for r in rows if r[0] == side]
    if not runs:
        continue
    rps = [float(r["rps"]) for r in runs]
    print("%s: median req/s %.0f, p50 %.2f ms, p99 %.2f ms; req/s each: %s" % (
        side, statistics.median(rps), statistics.median(ms(r["p50"]) for r in runs),
        statistics.median(ms(r["p99"]) for r in runs), " ".join("%.0f" % x for x in rps)))
PY
