#!/usr/bin/env python3
"""A VSS writer for a real SQLite database while a separate workload process commits
transactions continuously (workload.py).

The database is C:\\SqliteWriter\\app.db on a host-directory volume (VSSSIM_VOLUMES), in WAL mode:
app.db is the component's database file, app.db-wal its log (DATABASE_LOGFILES, BT-04/BT-05).
What the good writer does, event by event:
  PrepareForSnapshot  veto without its volume (WRT-ERR-03); checkpoint the WAL into app.db
                      (PRAGMA wal_checkpoint(FULL): copies, never shrinks the log);
  Freeze              pause the workload and return only once it says it is paused: no
                      transaction is open and none starts until Thaw (SIM-QUIESCE-01);
  Thaw / Abort / BackupShutdown   let the workload go on (WRT-ABORT-03, WRT-SHUT-01);
  BackupComplete      truncate the WAL (wal_checkpoint(TRUNCATE)) only after a FULL backup whose
                      components all succeeded: never on COPY (GetBackupType, BT-05), never in
                      BackupShutdown (WRT-SHUT-02);
  PreRestore / PostRestore        stop the workload and close the database around the restore,
                      then reopen it and start the workload again.

  python3 sqlite_writer.py [--broken] [--marks FILE] [--no-restart-after-restore]

--broken: the bug this example exists to catch: Freeze returns without pausing the workload,
  so transactions land while the provider takes the snapshot (SIM-QUIESCE-01; the snapshot is
  torn: check_snapshot.py shows it).
--marks FILE: append one JSON line per Freeze, {"snapshot_set_id", "frozen_at": N,
  "backup_type"}: N is the last transaction committed before Freeze, what check_snapshot.py
  needs (default: $VSSSIM_SQLITE_MARKS).
--no-restart-after-restore: leave the restored database untouched after PostRestore (so a
  test can check the restored files after the run).
"""

import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "python-writer"))

import vsssim_writer as vw  # noqa: E402
import workload as app  # noqa: E402

DIRECTORY = "C:\\SqliteWriter"
DATABASE = "app.db"
COMPONENT = "AppDb"
TRUNCATING_TYPES = ("VSS_BT_FULL",)  # the schema offers FULL and COPY only


class Workload(object):
    """The workload process, driven through its stdin/stdout (workload.py's orders)."""

    def __init__(self, database_path, interval_ms=None):
        self.database_path = database_path
        self.interval_ms = interval_ms
        self.process = None

    def start(self, delay_ms=0):
        self.process = subprocess.Popen(
            [sys.executable, os.path.join(HERE, "workload.py"), self.database_path] +
            ([] if self.interval_ms is None else ["--interval-ms", str(self.interval_ms)]) +
            (["--start-delay-ms", str(delay_ms)] if delay_ms else []),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, universal_newlines=True, bufsize=1)
        return self._expect("ready")

    def order(self, word, answer):
        """Sends an order and returns N from its answer ("paused N", ...)."""
        self.process.stdin.write(word + "\n")
        self.process.stdin.flush()
        return self._expect(answer)

    def _expect(self, answer):
        line = self.process.stdout.readline().split()
        if len(line) != 2 or line[0] != answer:
            raise RuntimeError("workload answered %r, expected %s N" % (line, answer))
        return int(line[1])

    def stop(self):
        if self.process is None:
            return
        try:
            self.order("stop", "stopped")
        finally:
            self.process.wait()
            self.process = None

    @property
    def running(self):
        return self.process is not None


RESTART_DELAY_MS = 500  # after PostRestore, before the workload's first transaction


class SqliteWriter(vw.Writer):
    class_id = "3c7e8f2a-91d4-4b6e-a5f0-2d8c6b4e1a97"
    name = "SqliteWriter"
    usage = "VSS_UT_USERDATA"
    source = "VSS_ST_TRANSACTEDDB"

    def __init__(self, database_path, broken=False, marks=None, restart_after_restore=True,
                 interval_ms=None):
        self.database_path = database_path
        self.broken, self.marks, self.restart_after_restore = broken, marks, \
            restart_after_restore
        self.workload = Workload(database_path, interval_ms)
        self.connection = None
        self.paused = False
        self.backup_type = self.snapshot_set_id = None

    def start(self, delay_ms=0):
        os.makedirs(os.path.dirname(self.database_path), exist_ok=True)
        self.connection = app.open_database(self.database_path)  # kept open: the WAL stays
        self.workload.start(delay_ms)

    def stop(self):
        self.workload.stop()
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def pause(self):
        if not self.paused and self.workload.running:
            frozen_at = self.workload.order("pause", "paused")
            self.paused = True
            return frozen_at
        return None

    def resume(self):
        if self.paused and self.workload.running:
            self.workload.order("resume", "resumed")
        self.paused = False

    # Identify: describe only, the same every time (WRT-IDENTIFY-01/02).
    def on_identify(self, metadata):
        metadata.set_restore_method("VSS_RME_RESTORE_IF_CAN_REPLACE", "VSS_WRE_ALWAYS")
        metadata.set_backup_schema("VSS_BS_COPY")
        metadata.add_component("VSS_CT_DATABASE", COMPONENT, caption="SQLite application "
                               "database", selectable=True)
        metadata.add_database_files("", COMPONENT, DIRECTORY, DATABASE)
        metadata.add_database_log_files("", COMPONENT, DIRECTORY, DATABASE + "-wal")
        return True

    def on_prepare_backup(self, components):
        self.backup_type = self.get_backup_type()
        return True

    def on_prepare_snapshot(self):
        if not self.is_path_affected(DIRECTORY):
            self.set_writer_failure(vw.VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT)
            return False
        # Heavy work here, not in Freeze (WRT-TIME-02): bring app.db up to date so the
        # snapshot needs little of the log. FULL waits for the workload's open transaction and
        # copies; it does not truncate the log, whatever the backup type.
        self.connection.execute("PRAGMA wal_checkpoint(FULL)")
        return True

    def on_freeze(self):
        self.snapshot_set_id = self.get_current_snapshot_set_id()
        if self.broken:
            # BUG (on purpose): the workload is not held; it keeps committing while the
            # provider takes the snapshot.
            frozen_at = self.workload.order("status", "at")
        else:
            frozen_at = self.pause()
        self._record_mark(frozen_at)
        return True

    def _record_mark(self, frozen_at):
        if self.marks and frozen_at is not None:
            with open(self.marks, "a") as f:
                f.write(json.dumps({"snapshot_set_id": self.snapshot_set_id,
                                    "frozen_at": frozen_at,
                                    "backup_type": self.backup_type}) + "\n")

    def on_thaw(self):
        self.resume()
        return True

    def on_abort(self):
        self.resume()
        self.backup_type = self.snapshot_set_id = None
        return True

    def on_backup_complete(self, components):
        if self.backup_type not in TRUNCATING_TYPES or components is None:
            return True
        succeeded = [c.backup_succeeded for c in components if c.name == COMPONENT]
        if succeeded and all(succeeded):
            self.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return True

    def on_backup_shutdown(self, snapshot_set_id):
        self.resume()
        if snapshot_set_id == self.snapshot_set_id or snapshot_set_id is None:
            self.backup_type = self.snapshot_set_id = None
        return True

    def on_pre_restore(self, components):
        self.paused = False
        self.stop()  # nothing holds app.db open while its files are replaced
        return True

    def on_post_restore(self, components):
        if self.connection is None and self.restart_after_restore:
            # Runs on the restored files (SIM-DATA-01), its first transaction a moment after
            # PostRestore, as an application coming back online: the writer suite reads the
            # restored files right after PostRestore and cannot tell the writer's PostRestore
            # from the application's later writes (a WAL is rewritten from its start).
            self.start(RESTART_DELAY_MS)
        return True


def database_path():
    return vw.host_path(DIRECTORY + "\\" + DATABASE)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--broken", action="store_true",
                        help="do not hold the workload in Freeze (the bug to catch)")
    parser.add_argument("--marks", default=os.environ.get("VSSSIM_SQLITE_MARKS"),
                        help="append each Freeze's last committed transaction here")
    parser.add_argument("--no-restart-after-restore", action="store_true")
    parser.add_argument("--interval-ms", type=float, default=None,
                        help="the workload's pause between transactions (workload.py's default)")
    args = parser.parse_args(argv)
    try:
        path = database_path()
    except KeyError as e:
        sys.stderr.write("sqlite_writer: %s\n" % e.args[0])
        return 2
    writer = SqliteWriter(path, args.broken, args.marks, not args.no_restart_after_restore,
                          args.interval_ms)
    if args.broken:
        writer.name = "SqliteWriterBroken"
    writer.start()
    try:
        return vw.serve(writer)
    finally:
        writer.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
