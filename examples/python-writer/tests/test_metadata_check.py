"""The Writer Metadata Documents the Python writers build are read by vsssim without a single
diagnostic: `vsssim check FILE` prints nothing and exits 0 (warnings would fail the writer
suite's MetadataIsValid, WRT-IDENTIFY-05).

Needs the vsssim binary: VSSSIM_BINARY=/path/to/vsssim (CTest sets it). Without it the tests
are skipped.
"""

import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.join(HERE, "..", "..")
sys.path.insert(0, HERE)

import fake_service as fs  # noqa: E402

VSSSIM = os.environ.get("VSSSIM_BINARY")
WRITERS = {
    "reference": [os.path.join(EXAMPLES, "python-writer", "reference_writer.py")],
    "sqlite": [os.path.join(EXAMPLES, "sqlite-writer", "sqlite_writer.py")],
}


@unittest.skipUnless(VSSSIM, "VSSSIM_BINARY is not set")
class Metadata_Check(unittest.TestCase):
    def metadata_of(self, argv):
        service = fs.FakeService()
        self.addCleanup(service.close)
        service.start(argv)
        service.welcome()
        reply = service.event("Identify")
        self.assertTrue(reply.result)
        self.assertEqual(service.shutdown(), 0)
        return reply.message["metadata"]

    def test_EveryWriterMetadataIsClean(self):
        # Checks that vsssim's WMD reader and validator find nothing in each writer's WMD.
        for name, argv in sorted(WRITERS.items()):
            with self.subTest(writer=name):
                with tempfile.NamedTemporaryFile("w", suffix=".xml", delete=False) as f:
                    f.write(self.metadata_of(argv))
                self.addCleanup(os.remove, f.name)
                run = subprocess.run([VSSSIM, "check", f.name], stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, universal_newlines=True)
                self.assertEqual((run.returncode, run.stdout), (0, ""))


if __name__ == "__main__":
    unittest.main()
