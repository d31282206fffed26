#!/usr/bin/env python3
"""Summarises a JFR recording of Hookyard under load (JDK 17's jfr has no 'view'): top frames of CPU samples (self
and by the first dev.hookyard frame), native samples, where threads park or wait on monitors (total time by the
first interesting frame), allocation samples by class and site, and CPU load per thread group.

    python3 bench/jfr-top.py RECORDING.jfr [--top 15]
"""
import argparse
import collections
import json
import re
import subprocess
import sys

BORING = re.compile(r"^(java\.|jdk\.|sun\.|javax\.crypto|com\.sun\.)")


def events(path, kinds):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", ",".join(kinds), path],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)["recording"]["events"]


def frame_name(f):
    m = f["method"]
    return f"{m['type']['name']}.{m['name']}".replace("/", ".")


def frames(e):
    st = e["values"].get("stackTrace") or {}
    return [frame_name(f) for f in (st.get("frames") or [])]


def first_ours(fs):
    for f in fs:
        if f.startswith("dev.hookyard"):
            return f
    return fs[0] if fs else "?"


def first_interesting(fs):
    """The first frame outside the JDK's locking/parking plumbing."""
    for f in fs:
        if not BORING.match(f):
            return f
    return fs[-1] if fs else "?"


def thread_group(e, key="sampledThread"):
    t = e["values"].get(key) or e["values"].get("eventThread") or {}
    name = (t.get("javaName") or t.get("osName") or "?")
    return re.sub(r"[-@ ]?\d+$", "", re.sub(r"-\d+-\d+$", "", name))


def dur_ms(e):
    d = e["values"].get("duration", "PT0S")
    m = re.match(r"PT(?:(\d+)M)?([\d.]+)S", d)
    return (int(m.group(1) or 0) * 60 + float(m.group(2))) * 1000 if m else 0.0


def table(title, counter, total, unit, top):
    print(f"\n## {title} (total {total:.0f} {unit})")
    for k, v in counter.most_common(top):
        print(f"{v:10.0f} {100 * v / total if total else 0:5.1f}%  {k}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("recording")
    ap.add_argument("--top", type=int, default=15)
    a = ap.parse_args()

    ex = events(a.recording, ["jdk.ExecutionSample"])
    self_c, ours_c, thr_c = collections.Counter(), collections.Counter(), collections.Counter()
    for e in ex:
        fs = frames(e)
        self_c[fs[0] if fs else "?"] += 1
        ours_c[first_ours(fs)] += 1
        thr_c[thread_group(e)] += 1
    table("CPU samples: top self frames", self_c, len(ex), "samples", a.top)
    table("CPU samples: by first dev.hookyard frame", ours_c, len(ex), "samples", a.top)
    table("CPU samples: by thread", thr_c, len(ex), "samples", a.top)

    nat = events(a.recording, ["jdk.NativeMethodSample"])
    nat_c, nat_t = collections.Counter(), collections.Counter()
    for e in nat:
        fs = frames(e)
        nat_c[(fs[0] if fs else "?") + "  <-  " + first_ours(fs)] += 1
        nat_t[thread_group(e)] += 1
    table("Native samples (threads in native code: I/O, SQLite, epoll)", nat_c, len(nat), "samples", a.top)
    table("Native samples: by thread", nat_t, len(nat), "samples", a.top)

    for kind, title in (("jdk.ThreadPark", "Parked (LockSupport.park): time by first non-JDK frame"),
                        ("jdk.JavaMonitorEnter", "Blocked entering a monitor: time by first non-JDK frame"),
                        ("jdk.JavaMonitorWait", "Object.wait: time by first non-JDK frame")):
        ev = events(a.recording, [kind])
        c, t = collections.Counter(), collections.Counter()
        for e in ev:
            fs = frames(e)
            c[first_interesting(fs) + "  [" + thread_group(e, "eventThread") + "]"] += dur_ms(e)
        table(title, c, sum(c.values()), "ms", a.top)

    al = events(a.recording, ["jdk.ObjectAllocationSample"])
    cls_c, site_c = collections.Counter(), collections.Counter()
    for e in al:
        w = e["values"].get("weight", 0)
        cls = (e["values"].get("objectClass") or {}).get("name", "?")
        fs = frames(e)
        cls_c[cls] += w
        site_c[first_ours(fs) + "  (" + (fs[0] if fs else "?") + ")"] += w
    mb = 1024 * 1024
    table("Allocation (sampled weight, MiB) by class", collections.Counter({k: v / mb for k, v in cls_c.items()}),
          sum(cls_c.values()) / mb, "MiB", a.top)
    table("Allocation (sampled weight, MiB) by first dev.hookyard frame",
          collections.Counter({k: v / mb for k, v in site_c.items()}), sum(site_c.values()) / mb, "MiB", a.top)


if __name__ == "__main__":
    sys.exit(main())
