#!/usr/bin/env python3
"""Per-thread CPU of a process, grouped by thread name (numbers stripped), between two snapshots.

    python3 bench/thread-cpu.py snap PID > before.json
    python3 bench/thread-cpu.py diff PID before.json      # prints CPU seconds per thread group since the snapshot
"""
import json
import os
import re
import sys

TICK = os.sysconf("SC_CLK_TCK")


def snap(pid):
    out = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                raw = f.read()
        except OSError:
            continue
        name = raw[raw.index("(") + 1:raw.rindex(")")]
        fields = raw[raw.rindex(")") + 2:].split()
        out[tid] = [name, int(fields[11]) + int(fields[12])]
    return out


def group(name):
    return re.sub(r"[-#]?\d+$", "", name)


def main():
    cmd, pid = sys.argv[1], sys.argv[2]
    if cmd == "snap":
        json.dump(snap(pid), sys.stdout)
        return
    before = json.load(open(sys.argv[3]))
    now = snap(pid)
    groups = {}
    for tid, (name, ticks) in now.items():
        used = ticks - (before.get(tid, [name, 0])[1])
        groups[group(name)] = groups.get(group(name), 0) + used
    total = sum(groups.values())
    print("thread CPU (s):", ", ".join(f"{k} {v / TICK:.1f}" for k, v in
                                       sorted(groups.items(), key=lambda kv: -kv[1]) if v > 0)
          + f"; total {total / TICK:.1f}")


if __name__ == "__main__":
    main()
