#!/usr/bin/env python3
"""A writer process that dies by SIGKILL inside Freeze (as `kill -9` would kill it).

Correct until then (the reference writer). VSS sees a Freeze handler that never
returns (README.md: VSS_WS_FAILED_AT_FREEZE, GetWriterStatus VSS_E_WRITER_NOT_RESPONDING,
WRT-TIME-05), and the writer is gone from later gathers.
Started by vsssim (VSSSIM_ADDRESS, VSSSIM_TOKEN).
"""

import os
import signal
import sys

import fault_common  # noqa: F401  (sets sys.path)
import reference_writer
import vsssim_writer as vw


class CrashInFreeze(reference_writer.ReferenceWriter):
    name = "CrashInFreeze"

    def on_freeze(self):
        os.kill(os.getpid(), signal.SIGKILL)
        return True  # never reached


if __name__ == "__main__":
    sys.exit(vw.serve(fault_common.make_writer(CrashInFreeze)))
