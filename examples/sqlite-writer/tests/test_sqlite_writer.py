"""The SQLite writer against the fake service and a copying provider (no vsssim binary needed).

The provider here copies the volume's directory during the freeze window, the way a copying
provider takes its point-in-time image, and hashes the database files when Freeze returns and
again before Thaw (what SIM-QUIESCE-01 compares). These are real processes on real files, so the
freeze window is real time: 0.2 s for the good writer (at ~1 commit per ms, an unheld workload
would commit dozens of transactions in it), up to 10 s for the broken one (until a write shows).

Run: python3 -m unittest discover -s examples/sqlite-writer/tests
"""

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLE = os.path.join(HERE, "..")
sys.path.insert(0, os.path.join(EXAMPLE, "..", "python-writer", "tests"))
sys.path.insert(0, EXAMPLE)

import fake_service as fs  # noqa: E402
import sqlite_writer  # noqa: E402

WRITER = os.path.join(EXAMPLE, "sqlite_writer.py")
CHECKER = os.path.join(EXAMPLE, "check_snapshot.py")
FILES = ("app.db", "app.db-wal")


def digests(directory):
    result = {}
    for name in FILES:
        path = os.path.join(directory, name)
        if os.path.exists(path):
            with open(path, "rb") as f:
                result[name] = hashlib.sha256(f.read()).hexdigest()
    return result


def components(succeeded=None):
    extra = {} if succeeded is None else {"backupSucceeded": "yes" if succeeded else "no"}
    return fs.bcd(sqlite_writer.SqliteWriter.class_id, sqlite_writer.COMPONENT, "database",
                  **extra)


class SqliteWriter_Backup(unittest.TestCase):
    def start(self, *options):
        self.service = fs.FakeService()
        self.addCleanup(self.service.close)
        self.marks = os.path.join(self.service.directory, "marks.jsonl")
        self.db_dir = os.path.join(self.service.volume_dir, "SqliteWriter")
        self.service.start([WRITER, "--marks", self.marks] + list(options))
        self.service.welcome()
        self.assertTrue(self.service.event("Identify").result)
        self.snapshots = tempfile.mkdtemp(prefix="sqlite-snapshots-")
        self.addCleanup(shutil.rmtree, self.snapshots, True)

    def last_mark(self):
        with open(self.marks) as f:
            return json.loads(f.read().splitlines()[-1])["frozen_at"]

    def freeze_window(self, name, until_change, max_s):
        """Freeze returned: watch the files, copy them (the snapshot), watch again.
        Returns (snapshot directory, whether the files changed inside the window)."""
        at_freeze = digests(self.db_dir)
        deadline = time.monotonic() + max_s
        while time.monotonic() < deadline:
            if until_change and digests(self.db_dir) != at_freeze:
                break
            time.sleep(0.01)
        snapshot = os.path.join(self.snapshots, name)
        os.mkdir(snapshot)
        for file_name in FILES:  # one file after the other, as a copying provider does
            source = os.path.join(self.db_dir, file_name)
            if os.path.exists(source):
                shutil.copyfile(source, os.path.join(snapshot, file_name))
        return snapshot, digests(self.db_dir) != at_freeze

    def backup(self, name, backup_type="VSS_BT_FULL", until_change=False, max_s=0.2,
               wal_sizes=None):
        ctx = fs.context(backup_type)

        def step(event, **more):
            reply = self.service.event(event, ctx, **more)
            self.assertTrue(reply.result, event)
            if wal_sizes is not None:
                wal_sizes.append((event, os.path.getsize(os.path.join(self.db_dir,
                                                                      "app.db-wal"))))
            return reply

        step("PrepareForBackup", components=components())
        step("PrepareForSnapshot")
        step("Freeze")
        snapshot, changed = self.freeze_window(name, until_change, max_s)
        step("Thaw")
        step("PostSnapshot", components=components())
        step("BackupComplete", components=components(True))
        step("BackupShutdown", snapshot_set_id=fs.SNAPSHOT_SET_ID)
        return snapshot, changed

    def check(self, snapshot, frozen_at):
        run = subprocess.run([sys.executable, CHECKER, snapshot, "--frozen-at", str(frozen_at),
                              "--exact"], stdout=subprocess.PIPE, universal_newlines=True)
        return run.returncode, run.stdout

    def test_GoodWriterHoldsWritesAndEverySnapshotIsSound(self):
        # Checks that the good writer's snapshots (FULL, COPY, FULL) pass integrity_check,
        # hold every transaction committed before Freeze and nothing after, that no write
        # reached the files between Freeze and Thaw, and that the workload went on between.
        marks = []
        for index, backup_type in enumerate(("VSS_BT_FULL", "VSS_BT_COPY", "VSS_BT_FULL")):
            snapshot, changed = self.backup_named(index, backup_type)
            self.assertFalse(changed, "a write reached the files inside the freeze window")
            marks.append(self.last_mark())
            code, report = self.check(snapshot, marks[-1])
            self.assertEqual(code, 0, report)
            time.sleep(0.05)  # real application time between backups
        self.assertGreater(marks[0], 0, "no transaction before the first backup")
        self.assertTrue(marks[0] < marks[1] < marks[2], "the workload stopped: %r" % marks)
        self.assertEqual(self.service.shutdown(), 0)

    def backup_named(self, index, backup_type):
        if index == 0:
            self.start()
            time.sleep(0.05)  # let the workload commit before the first backup
        return self.backup("backup%d" % index, backup_type)

    def test_CopyBackupNeverShrinksTheLog(self):
        # Checks BT-05: through a COPY backup's handlers the WAL (DATABASE_LOGFILES) never
        # gets smaller: the writer checkpoints without truncating and skips the truncation.
        self.start()
        time.sleep(0.05)
        sizes = []
        self.backup("copy", "VSS_BT_COPY", wal_sizes=sizes)
        values = [size for _, size in sizes]
        self.assertEqual(values, sorted(values), sizes)
        self.assertEqual(self.service.shutdown(), 0)

    def test_BrokenWriterSnapshotIsTorn(self):
        # Checks that the broken writer lets writes reach the files between Freeze and Thaw
        # (SIM-QUIESCE-01) and that its snapshot is not the database as of Freeze.
        self.start("--broken")
        time.sleep(0.05)
        snapshot, changed = self.backup("broken", until_change=True, max_s=10)
        self.assertTrue(changed, "no write inside the freeze window")
        code, report = self.check(snapshot, self.last_mark())
        self.assertEqual(code, 1, report)
        self.assertIn("FAIL point", report)
        self.assertEqual(self.service.shutdown(), 0)

    def test_RestoreRunsOnTheRestoredDatabase(self):
        # Checks that around a restore the writer closes the database (PreRestore) and the
        # application goes on from the restored files (PostRestore, SIM-DATA-01).
        self.start()
        time.sleep(0.05)
        snapshot, _ = self.backup("full")
        frozen_at = self.last_mark()
        self.assertTrue(self.service.event("PreRestore", components=components()).result)
        for name in os.listdir(self.db_dir):
            os.remove(os.path.join(self.db_dir, name))
        for name in os.listdir(snapshot):
            shutil.copyfile(os.path.join(snapshot, name), os.path.join(self.db_dir, name))
        restored = digests(self.db_dir)
        self.assertTrue(self.service.event("PostRestore", components=components()).result)
        # The application comes back online sqlite_writer.RESTART_DELAY_MS after PostRestore
        # (so the restored files are still as restored when PostRestore returns) and goes on
        # from them: wait (at most 10 s) for its first commit.
        self.assertEqual(digests(self.db_dir), restored)
        deadline = time.monotonic() + 10
        while digests(self.db_dir) == restored and time.monotonic() < deadline:
            time.sleep(0.05)
        self.assertEqual(self.service.shutdown(), 0)
        code, report = self.check(self.db_dir, frozen_at)
        self.assertIn("ok   consistent", report)
        self.assertIn("transactions committed after Freeze", report)  # it went on from there


if __name__ == "__main__":
    unittest.main()
