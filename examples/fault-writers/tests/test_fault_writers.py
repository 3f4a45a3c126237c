"""Tests that each fault writer produces exactly its fault, against the fake service.

Run: python3 -m unittest discover -s examples/fault-writers/tests
"""

import os
import signal
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
FAULTS = os.path.join(HERE, "..")
sys.path.insert(0, os.path.join(HERE, "..", "..", "python-writer", "tests"))

import fake_service as fs  # noqa: E402


def script(name):
    return os.path.join(FAULTS, name)


class FaultWriters_Fault(unittest.TestCase):
    def start(self, argv):
        self.service = fs.FakeService()
        self.addCleanup(self.service.close)
        self.service.start(argv)
        self.service.welcome()
        for name in ("Identify", "PrepareForBackup", "PrepareForSnapshot"):
            if name == "Identify" and "no-metadata" in argv:
                return
            self.assertTrue(self.service.event(name).result, name)

    def test_CrashInFreezeDiesBySigkill(self):
        # Checks that crash_in_freeze answers up to Freeze, then the connection ends with no
        # reply and the process is gone by SIGKILL.
        self.start([script("crash_in_freeze.py")])
        with self.assertRaises(fs.NoReply):
            self.service.event("Freeze")
        self.assertEqual(self.service.wait(), -signal.SIGKILL)

    def test_HangInFreezeNeverReplies(self):
        # Checks that hang_in_freeze sends nothing in Freeze until the guard fires, and exits
        # 0 once the service closes the connection.
        self.start([script("hang_in_freeze.py")])
        self.service.guard_s = 1.0  # the guard for Freeze only: starting may be slow
        self.service.conn.settimeout(self.service.guard_s)
        with self.assertRaises(fs.NoReply):
            self.service.event("Freeze")
        self.assertIsNone(self.service.process.poll())  # still there, still silent
        self.service.conn.close()
        self.assertEqual(self.service.wait(), 0)

    def test_GarbageKinds(self):
        # Checks that each garbage kind is the protocol error it names, sent in Freeze
        # (Identify for no-metadata), and that the writer exits 0 when the service closes.
        for kind in ("length", "json", "not-object", "type", "id", "no-result", "no-metadata",
                     "method"):
            with self.subTest(kind=kind):
                self.start([script("garbage.py"), kind])
                event = "Identify" if kind == "no-metadata" else "Freeze"
                with self.assertRaises(fs.FakeProtocolError) as caught:
                    self.service.event(event)
                self.assertEqual(caught.exception.kind, kind)
                self.service.conn.close()
                self.assertEqual(self.service.wait(), 0)

    def test_GarbageAtAnotherEvent(self):
        # Checks that --at moves the garbage: Thaw answered badly after a good Freeze.
        self.start([script("garbage.py"), "type", "--at", "Thaw"])
        self.assertTrue(self.service.event("Freeze").result)
        with self.assertRaises(fs.FakeProtocolError) as caught:
            self.service.event("Thaw")
        self.assertEqual(caught.exception.kind, "type")


if __name__ == "__main__":
    unittest.main()
