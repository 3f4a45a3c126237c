#!/usr/bin/env python3
"""A writer process that never answers Freeze.

Correct until then (the reference writer). Inside Freeze it waits, without replying, until the
service closes the connection (its real-time guard fired), then exits 0. VSS sees a Freeze
handler that never returns (README.md: VSS_WS_FAILED_AT_FREEZE, GetWriterStatus
VSS_E_WRITER_NOT_RESPONDING, WRT-TIME-05), and the writer is gone from later gathers.
Started by vsssim (VSSSIM_ADDRESS, VSSSIM_TOKEN).
"""

import sys

import fault_common
import reference_writer
import vsssim_writer as vw


class HangInFreeze(reference_writer.ReferenceWriter):
    name = "HangInFreeze"

    def on_freeze(self):
        fault_common.wait_for_close_then_exit(self)
        return True  # never reached


if __name__ == "__main__":
    sys.exit(vw.serve(fault_common.make_writer(HangInFreeze)))
