#!/usr/bin/env python3
"""Instructions per backup lifecycle of BM_BackupLifecycle/N, counted by callgrind.

Wall-clock figures on a shared machine swing with its load; instruction counts do not, so
this is how docs/perf-lifecycle.md compares builds. The count covers BackupDriver::Run (the
15 steps of a backup, Release included) and is divided by the lifecycles run (the calls of
Session::Release). Needs valgrind (not a build dependency: `apt-get install valgrind`).

  bench/lifecycle_instructions.py [--writers N] [BUILD_DIR]
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile


def calls_to(profile, pattern):
    """Sums the call counts of the calls to functions whose name contains `pattern`."""
    names = {}
    total = 0
    callee = None
    with open(profile, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = re.match(r"c?fn=\((\d+)\)(?: (.*))?", line)
            if m:
                if m.group(2):
                    names[m.group(1)] = m.group(2)
                callee = names.get(m.group(1), "") if line.startswith("cfn=") else None
                continue
            if line.startswith("calls=") and callee is not None:
                if pattern in callee:
                    total += int(line.split()[0][len("calls="):])
                callee = None
    return total


def total_instructions(profile):
    with open(profile, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith(("summary:", "totals:")):
                return int(line.split()[1])
    raise SystemExit(f"{profile}: no totals line")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build_dir", nargs="?", default="build/default")
    parser.add_argument("--writers", type=int, default=3, choices=(1, 3, 10))
    parser.add_argument("--min-time", default="0.3", help="benchmark seconds under valgrind")
    args = parser.parse_args()
    bench = os.path.join(args.build_dir, "bench", "coordinator_bench")
    if not os.access(bench, os.X_OK):
        sys.exit(f"{bench}: not built (configure with -DVSSSIM_BUILD_BENCHMARKS=ON)")
    if shutil.which("valgrind") is None:
        sys.exit("valgrind: not installed")
    with tempfile.TemporaryDirectory() as tmp:
        profile = os.path.join(tmp, "callgrind.out")
        subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={profile}",
             "--toggle-collect=*BackupDriver::Run*", bench,
             f"--benchmark_filter=BM_BackupLifecycle/{args.writers}$",
             f"--benchmark_min_time={args.min_time}"],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        lifecycles = calls_to(profile, "Session::Release()")
        if lifecycles == 0:
            sys.exit("no lifecycle ran")
        instructions = total_instructions(profile)
        allocations = calls_to(profile, "operator new(unsigned long)")
    print(f"writers={args.writers} lifecycles={lifecycles} "
          f"instructions/lifecycle={instructions // lifecycles} "
          f"operator-new/lifecycle={allocations / lifecycles:.1f}")


if __name__ == "__main__":
    main()
