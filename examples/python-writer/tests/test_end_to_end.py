"""The reference writer end to end with the vsssim tool: the writer conformance suite on the
writer process (`vsssim conform --writer-exec`), and a scenario that starts it (<writer exec>)
on a host-directory volume, run twice with the same digest.

Needs VSSSIM_BINARY and a vsssim with those features; otherwise skipped ("SKIPPED: ...").
"""

import os
import shutil
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import e2e_support as e2e  # noqa: E402

REFERENCE = os.path.join(e2e.EXAMPLES, "python-writer", "reference_writer.py")
SCENARIO = os.path.join(e2e.EXAMPLES, "python-writer", "scenarios",
                        "reference-backup-restore.xml.in")


class ReferenceWriter_EndToEnd(e2e.EndToEnd):
    def test_ConformancePasses(self):
        # Checks that the reference writer passes every check of the writer suite.
        self.needs("writer-exec")
        code, output, failures = e2e.conform(e2e.command(REFERENCE), self.path("junit.xml"))
        self.assertEqual((code, failures), (0, set()), output[-4000:])

    def test_ScenarioBackupRestoreSameDigestTwice(self):
        # Checks that a scenario starting the writer process backs up and restores its files
        # on the host directory, and that two runs give one digest (a deterministic writer).
        self.needs("scenario-exec", "host-dir")
        digests = []
        host_dir, scenario = self.path("volume-C"), self.path("reference.xml")
        e2e.render(SCENARIO, scenario, HOST_DIR=host_dir, WRITER=e2e.command(REFERENCE))
        for run in (1, 2):  # the same file and directory: only the run may differ
            shutil.rmtree(host_dir, ignore_errors=True)
            os.mkdir(host_dir)
            code, output, result = e2e.run_scenario(scenario)
            self.assertEqual(code, 0, output[-4000:])
            self.assertEqual(result["status"], "pass", output[-4000:])
            self.assertTrue(os.path.exists(os.path.join(host_dir, "ReferenceWriter",
                                                        "settings.txt")))
            digests.append(result["digest"])
        self.assertEqual(digests[0], digests[1])


if __name__ == "__main__":
    unittest.main()
