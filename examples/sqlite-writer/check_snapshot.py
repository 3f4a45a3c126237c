#!/usr/bin/env python3
"""Checks a copy of the SQLite writer's database taken by a snapshot (or restored from one).

  python3 check_snapshot.py DIR --frozen-at N [--exact]
  python3 check_snapshot.py DIR --marks FILE [--exact]     (N: the last Freeze in FILE)

DIR holds app.db (and app.db-wal when the snapshot had one). The files are copied to a
temporary directory first, so the checked copy is never modified (opening a WAL database
recovers its log). Checks, each printed:
  integrity    PRAGMA integrity_check says ok;
  consistent   the workload's invariant holds: summary.count = count(txns) = max(id), ids
               1..n without a gap, each checksum matches its payload, summary.total = their sum;
  complete     every transaction committed before Freeze is there: n >= N;
  point        (--exact) nothing committed after Freeze is there: n == N (writes were held
               from Freeze to Thaw, so the image is the database as it was at Freeze).
Exit 0 when all hold; 1 when one fails: the snapshot is torn (not the database as of Freeze);
2 on bad usage.
"""

import argparse
import json
import os
import shutil
import sqlite3
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import workload  # noqa: E402

DATABASE = "app.db"


def last_mark(marks_path):
    with open(marks_path) as f:
        lines = [json.loads(line) for line in f if line.strip()]
    if not lines:
        raise ValueError("%s holds no Freeze mark" % marks_path)
    return lines[-1]["frozen_at"]


def examine(connection):
    """(integrity text, invariant problems, n)."""
    integrity = " ".join(row[0] for row in connection.execute("PRAGMA integrity_check"))
    problems = []
    try:
        count, total = connection.execute("SELECT count, total FROM summary WHERE k = 1")\
            .fetchone()
        rows = connection.execute("SELECT id, payload, checksum FROM txns ORDER BY id")\
            .fetchall()
    except sqlite3.DatabaseError as e:
        return integrity, ["cannot read the tables: %s" % e], -1
    ids = [r[0] for r in rows]
    if ids != list(range(1, len(ids) + 1)):
        problems.append("transaction ids are not 1..%d without a gap" % len(ids))
    if count != len(rows):
        problems.append("summary.count %d but %d transactions" % (count, len(rows)))
    bad = [r[0] for r in rows if workload.checksum(r[1]) != r[2] or r[1] != workload.payload(r[0])]
    if bad:
        problems.append("%d transactions with a wrong payload, first id %d" % (len(bad), bad[0]))
    if total != sum(r[2] for r in rows):
        problems.append("summary.total does not match the transactions")
    return integrity, problems, len(rows)


def check(directory, frozen_at, exact):
    """Prints one line per check; returns True when the snapshot is sound."""
    if not os.path.exists(os.path.join(directory, DATABASE)):
        print("FAIL present: no %s in %s" % (DATABASE, directory))
        return False
    scratch = tempfile.mkdtemp(prefix="check-snapshot-")
    try:
        for suffix in ("", "-wal"):
            source = os.path.join(directory, DATABASE + suffix)
            if os.path.exists(source):
                shutil.copyfile(source, os.path.join(scratch, DATABASE + suffix))
        connection = sqlite3.connect(os.path.join(scratch, DATABASE))
        try:
            integrity, problems, n = examine(connection)
        except sqlite3.DatabaseError as e:
            integrity, problems, n = "unreadable: %s" % e, ["unreadable"], -1
        finally:
            connection.close()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    results = [("integrity", integrity == "ok", integrity),
               ("consistent", not problems, "; ".join(problems) or "invariant holds"),
               ("complete", n >= frozen_at,
                "%d transactions, %d committed before Freeze" % (n, frozen_at))]
    if exact:
        results.append(("point", n == frozen_at,
                        "%d transactions committed after Freeze are in it" % (n - frozen_at)
                        if n > frozen_at else "exactly the database at Freeze"))
    for name, ok, text in results:
        print("%s %s: %s" % ("ok  " if ok else "FAIL", name, text))
    return all(ok for _, ok, _ in results)


def main(argv):
    parser = argparse.ArgumentParser(description="checks a snapshot of the SQLite writer's "
                                     "database")
    parser.add_argument("directory")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--frozen-at", type=int)
    source.add_argument("--marks")
    parser.add_argument("--exact", action="store_true")
    args = parser.parse_args(argv)
    try:
        frozen_at = args.frozen_at if args.marks is None else last_mark(args.marks)
    except (OSError, ValueError) as e:
        sys.stderr.write("check_snapshot: %s\n" % e)
        return 2
    return 0 if check(args.directory, frozen_at, args.exact) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
