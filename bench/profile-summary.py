#!/usr/bin/env python3
"""Sums a dotnet-trace Speedscope file (sampled thread time) per frame over the busy samples.

A sample is busy when its thread was running managed code (leaf CPU_TIME) or native SQLite code (UNMANAGED_CODE_TIME
right under a SQLitePCL frame); threads blocked in native waits are idle. Prints the frames with the largest inclusive share, optionally only those matching a pattern.
Usage: bench/profile-summary.py <file.speedscope.json> [--top N] [--match REGEX]
"""
import argparse
import json
import re
from collections import Counter

NATIVE_WORK = re.compile(r"SQLitePCL|sqlite3", re.IGNORECASE)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--top", type=int, default=45)
    parser.add_argument("--match", default=None)
    args = parser.parse_args()
    data = json.load(open(args.file))
    frames = [f["name"] for f in data["shared"]["frames"]]
    inclusive, leaves = Counter(), Counter()
    busy = 0.0
    for profile in data["profiles"]:
        stack, last = [], None
        for event in profile.get("events", []):
            at = event["at"]
            if last is not None and stack:
                weight = at - last
                names = [frames[i] for i in stack]
                if names[-1] == "CPU_TIME" or (names[-1] == "UNMANAGED_CODE_TIME" and len(names) > 1 and NATIVE_WORK.search(names[-2])):
                    busy += weight
                    for name in set(names):
                        inclusive[name] += weight
                    leaves[names[-2] if len(names) > 1 else names[-1]] += weight
            last = at
            if event["type"] == "O":
                stack.append(event["frame"])
            elif stack:
                stack.pop()
    pattern = re.compile(args.match) if args.match else None
    print(f"busy time: {busy:.0f} ms")
    shown = 0
    for name, weight in inclusive.most_common():
        if pattern and not pattern.search(name):
            continue
        print(f"{100 * weight / busy:6.1f}%  {name[:170]}")
        shown += 1
        if shown >= args.top:
            break
    print("-- leaves")
    for name, weight in leaves.most_common(15):
        if name in ("CPU_TIME", "UNMANAGED_CODE_TIME"):
            continue
        print(f"{100 * weight / busy:6.1f}%  {name[:170]}")


if __name__ == "__main__":
    main()
