#!/usr/bin/env python3
"""The reference writer: a correct VSS writer in Python, one file-group component on a
host-directory volume.

Its application keeps notes in C:\\ReferenceWriter\\ (a real directory: VSSSIM_VOLUMES maps
C:\\ to it). With --busy, a background thread appends a note every few milliseconds of real
time, and the writer holds it from Freeze to Thaw (SIM-QUIESCE-01); without it the files
change only when the writer starts, so a run is deterministic (the same trace digest every
time). Read it top to bottom next to conformance/examples/tiny_store_writer.cc: it makes the
same choices for the same rules.

Usage (started by vsssim, which sets VSSSIM_ADDRESS, VSSSIM_TOKEN, VSSSIM_VOLUMES):
  python3 reference_writer.py [--busy] [--name NAME]
"""

import argparse
import os
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vsssim_writer as vw  # noqa: E402

DIRECTORY = "C:\\ReferenceWriter"
COMPONENT = "ReferenceData"


class NoteKeeper(object):
    """The application: notes appended to notes.txt, by a background thread when busy.

    pause() returns only once no append is in progress and none will start until resume():
    the writer's Freeze relies on that.
    """

    def __init__(self, directory, busy):
        self.directory = directory
        self.lock = threading.Lock()  # held while appending, or while paused
        self.paused = False
        self.stop_event = threading.Event()
        self.thread = threading.Thread(target=self._work, daemon=True) if busy else None

    def start(self):
        if self.directory is None:
            return
        os.makedirs(self.directory, exist_ok=True)
        path = os.path.join(self.directory, "settings.txt")
        if not os.path.exists(path):
            with open(path, "w") as f:
                f.write("reference writer settings\n")
        if self.thread is not None:
            self.thread.start()

    def _work(self):
        count = 0
        while not self.stop_event.wait(0.005):
            with self.lock:
                count += 1
                with open(os.path.join(self.directory, "notes.txt"), "a") as f:
                    f.write("note %d\n" % count)

    def pause(self):
        if not self.paused:
            self.lock.acquire()
            self.paused = True

    def resume(self):
        if self.paused:
            self.paused = False
            self.lock.release()


class ReferenceWriter(vw.Writer):
    class_id = "5ab0c9f4-7a51-4d35-9c1e-3f0d1a2b4c60"
    name = "PythonReferenceWriter"
    usage = "VSS_UT_USERDATA"
    source = "VSS_ST_OTHER"

    def __init__(self, application):
        self.app = application
        self.backup_type = None
        self.snapshot_set_id = None

    # Identify may come at any time, also mid-backup (WRT-IDENTIFY-01): describe, change
    # nothing, the same answer every time (WRT-IDENTIFY-02).
    def on_identify(self, metadata):
        # Every writer sets a restore method (WRT-IDENTIFY-05, WMD-02); ALWAYS: it wants
        # PreRestore/PostRestore to stop and restart its application around a restore.
        metadata.set_restore_method("VSS_RME_RESTORE_IF_CAN_REPLACE", "VSS_WRE_ALWAYS")
        metadata.set_backup_schema("VSS_BS_COPY")  # BT-02: FULL and COPY
        # selectableForRestore stays false: meaningless for a top-level component (SEL-08).
        metadata.add_component("VSS_CT_FILEGROUP", COMPONENT, caption="Reference notes",
                               selectable=True)
        metadata.add_files_to_file_group("", COMPONENT, DIRECTORY, "*.txt")
        return True

    def on_prepare_backup(self, components):
        self.backup_type = self.get_backup_type()  # known from here on (BT-01, WRT-CALL-19)
        return True

    # The last place to say the snapshot set is useless: without the notes' volume, veto with
    # the documented code (WRT-ERR-01, WRT-ERR-03), then return false (WRT-RET-01).
    def on_prepare_snapshot(self):
        if not self.is_path_affected(DIRECTORY):
            self.set_writer_failure(vw.VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT)
            return False
        return True

    # From here until Thaw or Abort no write reaches the files (SIM-QUIESCE-01); short
    # (WRT-TIME-02). pause() returns only once the application is really paused.
    def on_freeze(self):
        self.app.pause()
        self.snapshot_set_id = self.get_current_snapshot_set_id()
        return True

    def on_thaw(self):
        self.app.resume()
        return True

    # Abort may come twice and anywhere before PostSnapshot (WRT-ABORT-02/03, SIM-ABORT-01):
    # bring the application back, every step safe to repeat.
    def on_abort(self):
        self.app.resume()
        self.backup_type = self.snapshot_set_id = None
        return True

    # BackupShutdown always comes, also when the requester died (WRT-SHUT-04): clean up only,
    # using the argument, not GetCurrentSnapshotSetId (WRT-SHUT-03).
    def on_backup_shutdown(self, snapshot_set_id):
        self.app.resume()
        if snapshot_set_id == self.snapshot_set_id or snapshot_set_id is None:
            self.backup_type = self.snapshot_set_id = None
        return True

    # Files are put back between PreRestore and PostRestore: hold the application meanwhile.
    def on_pre_restore(self, components):
        self.app.pause()
        return True

    def on_post_restore(self, components):
        self.app.resume()
        return True


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--busy", action="store_true",
                        help="append notes in the background (real time; not deterministic)")
    parser.add_argument("--name", default=None, help="the writer's name (default %s)"
                        % ReferenceWriter.name)
    args = parser.parse_args(argv)
    try:
        directory = vw.host_path(DIRECTORY)
    except KeyError:
        sys.stderr.write("reference_writer: C:\\ is on no host directory (%s): describing files "
                         "it cannot write\n" % vw.ENV_VOLUMES)
        directory = None
    app = NoteKeeper(directory, args.busy and directory is not None)
    app.start()
    writer = ReferenceWriter(app)
    if args.name:
        writer.name = args.name
    return vw.serve(writer)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
