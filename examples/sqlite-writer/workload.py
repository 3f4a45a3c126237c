#!/usr/bin/env python3
"""The application: a process that commits SQLite transactions continuously.

  python3 workload.py DB_PATH [--interval-ms N] [--start-delay-ms N]

Each transaction inserts row n of `txns` (a payload of a few KiB derived from n, and its
checksum) and moves the `summary` row to (n, running checksum total), so every committed state
satisfies: summary.count = count(txns) = max(id), ids 1..n, summary.total = sum(checksum)
(check_snapshot.py checks exactly this). WAL journal mode, as a real server would run it.

It takes orders on stdin, one per line, between transactions, and answers on stdout:
  pause   -> "paused N"   (N: last committed transaction; no transaction is open and none
                           starts until resume: this is what the writer's Freeze waits for)
  resume  -> "resumed N"
  status  -> "at N"       (without pausing)
  stop    -> "stopped N", then the connection is closed and the process exits 0
At start it prints "ready N" and, with --start-delay-ms, commits its first transaction only
that long after (an application coming back online). End of stdin = stop (the writer is gone).
"""

import argparse
import hashlib
import os
import select
import sqlite3
import sys
import time

PAYLOAD_BYTES = 3000  # a transaction touches several pages: a torn copy shows


def payload(n):
    seed = hashlib.sha256(str(n).encode()).digest()
    return (seed * (PAYLOAD_BYTES // len(seed) + 1))[:PAYLOAD_BYTES]


def checksum(data):
    return int.from_bytes(hashlib.sha256(data).digest()[:6], "big")


def open_database(path):
    """Opens (creating if needed) the database in WAL mode with the schema."""
    connection = sqlite3.connect(path, timeout=30, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    connection.execute("CREATE TABLE IF NOT EXISTS txns(id INTEGER PRIMARY KEY, "
                       "payload BLOB NOT NULL, checksum INTEGER NOT NULL)")
    connection.execute("CREATE TABLE IF NOT EXISTS summary(k INTEGER PRIMARY KEY CHECK (k = 1), "
                       "count INTEGER NOT NULL, total INTEGER NOT NULL)")
    connection.execute("INSERT OR IGNORE INTO summary VALUES (1, 0, 0)")
    return connection


def last_committed(connection):
    return connection.execute("SELECT count FROM summary WHERE k = 1").fetchone()[0]


def commit_one(connection, n):
    data = payload(n)
    connection.execute("BEGIN IMMEDIATE")
    connection.execute("INSERT INTO txns VALUES (?, ?, ?)", (n, data, checksum(data)))
    connection.execute("UPDATE summary SET count = ?, total = total + ? WHERE k = 1",
                       (n, checksum(data)))
    connection.execute("COMMIT")


def say(text):
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def main(argv):
    parser = argparse.ArgumentParser(description="commits SQLite transactions continuously")
    parser.add_argument("database")
    parser.add_argument("--interval-ms", type=float, default=1.0,
                        help="pause between transactions (default 1 ms)")
    parser.add_argument("--max-rows", type=int, default=400000,
                        help="stop committing at this many rows (default 400000, about 1.2 GB), "
                             "so a long run (a slow sanitizer build) cannot fill the disk")
    parser.add_argument("--start-delay-ms", type=float, default=0.0,
                        help="wait this long after 'ready' before the first transaction")
    args = parser.parse_args(argv)
    connection = open_database(args.database)
    n = last_committed(connection)
    say("ready %d" % n)
    first_at = time.monotonic() + args.start_delay_ms / 1000.0
    paused = False
    stdin = sys.stdin.fileno()
    while True:
        idle = paused or n >= args.max_rows
        wait_s = None if idle else max(args.interval_ms / 1000.0, first_at - time.monotonic())
        readable, _, _ = select.select([stdin], [], [], wait_s)
        if readable:
            line = os.read(stdin, 64).decode().strip()  # orders are short and one at a time
            if line in ("stop", ""):
                connection.close()
                say("stopped %d" % n)
                return 0
            if line == "pause":
                paused = True
                say("paused %d" % n)
            elif line == "resume":
                paused = False
                say("resumed %d" % n)
            elif line == "status":
                say("at %d" % n)
            continue
        if not idle and time.monotonic() >= first_at:
            commit_one(connection, n + 1)
            n += 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
