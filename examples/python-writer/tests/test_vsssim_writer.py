"""Tests of the Python writer library against the fake service (no vsssim binary needed).

Run: python3 -m unittest discover -s examples/python-writer/tests
"""

import os
import socket
import sys
import threading
import unittest
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, ".."))

import fake_service as fs  # noqa: E402
import vsssim_writer as vw  # noqa: E402

REFERENCE = os.path.join(HERE, "..", "reference_writer.py")
BACKUP = ("PrepareForBackup", "PrepareForSnapshot", "Freeze", "Thaw", "PostSnapshot",
          "BackupComplete")


class InProcess(object):
    """A writer object served on a thread of this process (for tests that look inside it)."""

    def __init__(self, service, writer):
        self.code = None
        self.thread = threading.Thread(target=self._run, args=(service, writer), daemon=True)
        self.thread.start()
        service.accept()

    def _run(self, service, writer):
        self.code = vw.serve(writer, service.address, fs.TOKEN)

    def join(self):
        self.thread.join(20)
        return self.code


class Probe(vw.Writer):
    class_id = "11111111-2222-4333-8444-555555555555"
    name = "Probe"

    def __init__(self):
        self.seen = {}

    def on_prepare_backup(self, components):
        self.seen["backup_type"] = self.get_backup_type()
        self.seen["volumes"] = self.get_current_volume_array()
        self.seen["affected"] = self.is_path_affected("D:\\data")
        self.seen["components"] = components
        return True

    def on_post_snapshot(self, components):
        for component in components:
            component.set_backup_metadata("lsn=42")
            component.set_backup_stamp("stamp-42")
        return True

    def on_freeze(self):
        raise RuntimeError("bug in freeze")

    def on_backup_shutdown(self, snapshot_set_id):
        self.seen["shutdown"] = (snapshot_set_id, self.get_current_snapshot_set_id())
        self.hang()
        return True

    def on_thaw(self):
        failures = []
        worker = threading.Thread(target=lambda: self._try(failures))
        worker.start()
        worker.join()
        self.seen["thread_error"] = failures
        return True

    def _try(self, failures):
        try:
            self.set_writer_failure(vw.VSS_E_WRITERERROR_RETRYABLE)
        except vw.WriterUsageError as e:
            failures.append(str(e))


class Frames_Codec(unittest.TestCase):
    def test_RoundTrip(self):
        # Checks that a message survives encode_frame / read_frame, length prefix included.
        a, b = socket.socketpair()
        message = {"type": "call", "id": 3, "method": "Spend", "ms": 5, "text": "h\u00e9"}
        a.sendall(vw.encode_frame(message))
        self.assertEqual(vw.read_frame(b), message)
        a.close()
        self.assertIsNone(vw.read_frame(b))
        b.close()

    def test_RejectsBadLengthAndNonObjects(self):
        # Checks that a length over 16 MiB, length 0, bad JSON and a non-object are errors.
        for raw in (vw.FRAME_HEADER.pack(vw.MAX_FRAME_BYTES + 1), vw.FRAME_HEADER.pack(0),
                    vw.FRAME_HEADER.pack(3) + b"{x}", vw.FRAME_HEADER.pack(2) + b"[]",
                    vw.FRAME_HEADER.pack(13) + b'{"type":true}'):
            a, b = socket.socketpair()
            a.sendall(raw)
            with self.assertRaises(vw.ProtocolError, msg=repr(raw)):
                vw.read_frame(b)
            a.close()
            b.close()

    def test_Addresses(self):
        # Checks the two address forms and that anything else is refused.
        self.assertEqual(vw.parse_address("unix:/tmp/s"), (socket.AF_UNIX, "/tmp/s"))
        self.assertEqual(vw.parse_address("tcp:127.0.0.1:4000"),
                         (socket.AF_INET, ("127.0.0.1", 4000)))
        for bad in ("/tmp/s", "tcp:127.0.0.1", "tcp:127.0.0.1:x"):
            with self.assertRaises(ValueError):
                vw.parse_address(bad)

    def test_HostPath(self):
        # Checks that VSSSIM_VOLUMES maps a Windows path into the volume's host directory.
        volume_map = vw.volumes({"VSSSIM_VOLUMES": '{"c:\\\\": "/srv/c", "D:": "/srv/d"}'})
        self.assertEqual(vw.host_path("C:\\db\\main.db", volume_map), "/srv/c/db/main.db")
        self.assertEqual(vw.host_path("d:\\x", volume_map), "/srv/d/x")
        with self.assertRaises(KeyError):
            vw.host_path("E:\\x", volume_map)


class Session_Reference(unittest.TestCase):
    def setUp(self):
        self.service = fs.FakeService()
        self.addCleanup(self.service.close)

    def test_HelloCarriesIdentityAndToken(self):
        # Checks that the hello is protocol 1 with the token and CVssWriter::Initialize's
        # parameters (WRT-INIT-01).
        hello = self.service.start([REFERENCE])
        self.assertEqual(hello["type"], "hello")
        self.assertEqual(hello["protocol"], 1)
        self.assertEqual(hello["token"], fs.TOKEN)
        self.assertEqual(hello["writer"]["class_id"], "5ab0c9f4-7a51-4d35-9c1e-3f0d1a2b4c60")
        self.assertEqual(hello["writer"]["level"], "VSS_APP_FRONT_END")
        self.assertEqual(hello["pid"], self.service.process.pid)
        self.service.welcome()
        self.assertEqual(self.service.shutdown(), 0)

    def test_RefusedExits1(self):
        # Checks that a refused writer process exits 1 instead of serving.
        self.service.start([REFERENCE])
        self.service.refuse("bad token")
        self.assertEqual(self.service.wait(), 1)

    def test_CloseBetweenEventsExits0(self):
        # Checks that the service closing between events ends the writer cleanly.
        self.service.start([REFERENCE])
        self.service.welcome()
        self.service.conn.close()
        self.assertEqual(self.service.wait(), 0)

    def test_IdentifyGivesARealWmd(self):
        # Checks that the Identify reply is a WRITER_METADATA with the writer's identity, the
        # welcome's instance id, a restore method and the file group on C:.
        self.service.start([REFERENCE])
        self.service.welcome()
        reply = self.service.event("Identify")
        self.assertTrue(reply.result)
        root = ET.fromstring(reply.message["metadata"])
        self.assertEqual(root.tag, "{x-schema:#VssWriterMetadataInfo}WRITER_METADATA")
        ns = {"w": "x-schema:#VssWriterMetadataInfo"}
        identity = root.find("w:IDENTIFICATION", ns)
        self.assertEqual(identity.get("writerId"), "5ab0c9f4-7a51-4d35-9c1e-3f0d1a2b4c60")
        self.assertEqual(identity.get("instanceId"), fs.INSTANCE_ID)
        self.assertEqual(identity.get("usage"), "USER_DATA")
        self.assertEqual(root.find("w:RESTORE_METHOD", ns).get("writerRestore"), "always")
        files = root.find("w:BACKUP_LOCATIONS/w:FILE_GROUP/w:FILE_LIST", ns)
        self.assertEqual(files.get("path"), "C:\\ReferenceWriter")
        self.assertEqual(self.service.shutdown(), 0)

    def test_FullBackupSequence(self):
        # Checks that a whole backup is answered true, with IsPathAffected asked in
        # PrepareForSnapshot, and that the application's files are on the host directory.
        self.service.start([REFERENCE])
        self.service.welcome()
        self.service.event("Identify")
        for name in BACKUP:
            components = fs.bcd(Probe.class_id, "ReferenceData") \
                if vw.EVENTS[name][1] else None
            reply = self.service.event(name, components=components)
            self.assertTrue(reply.result, name)
            if name == "PrepareForSnapshot":
                self.assertEqual([c["method"] for c in reply.calls], ["IsPathAffected"])
        self.assertTrue(self.service.event("BackupShutdown",
                                           snapshot_set_id=fs.SNAPSHOT_SET_ID).result)
        self.assertTrue(os.path.exists(os.path.join(self.service.volume_dir, "ReferenceWriter",
                                                    "settings.txt")))
        self.assertEqual(self.service.shutdown(), 0)

    def test_VetoWithoutItsVolume(self):
        # Checks WRT-ERR-03/WRT-RET-03: without C: in the set, SetWriterFailure with
        # VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT, then false.
        self.service.affected_volumes = ("D:\\",)
        self.service.start([REFERENCE])
        self.service.welcome()
        self.service.event("PrepareForBackup")
        reply = self.service.event("PrepareForSnapshot")
        self.assertFalse(reply.result)
        self.assertEqual(reply.calls[-1], {"type": "call", "id": 2,
                                           "method": "SetWriterFailure", "hr": "0x800423F0"})
        self.assertEqual(self.service.shutdown(), 0)


class Session_InProcess(unittest.TestCase):
    def setUp(self):
        self.service = fs.FakeService()
        self.addCleanup(self.service.close)
        self.writer = Probe()
        self.running = InProcess(self.service, self.writer)
        self.service.welcome()

    def test_GettersAndCallsDuringTheHandler(self):
        # Checks that getters return the event's context and calls get the service's answers.
        self.service.event("PrepareForBackup", fs.context("VSS_BT_COPY", ["C:\\", "D:\\"]))
        self.assertEqual(self.writer.seen["backup_type"], "VSS_BT_COPY")
        self.assertEqual(self.writer.seen["volumes"], ["C:\\", "D:\\"])
        self.assertFalse(self.writer.seen["affected"])  # the fake affects C: only
        self.assertIsNone(self.writer.seen["components"])  # none sent: NULL (SEL-01)
        self.service.shutdown()
        self.assertEqual(self.running.join(), 0)

    def test_ComponentsComeBackEdited(self):
        # Checks that components edited in the handler return as a BCD vsssim reads: bare
        # element names, xmlns as written by Windows, what was there kept.
        reply = self.service.event("PostSnapshot", components=fs.bcd(
            Probe.class_id, "Data", logicalPath="Top", previousBackupStamp="s41"))
        text = reply.message["components"]
        self.assertNotIn("ns0:", text)
        root = ET.fromstring(text)
        ns = "{x-schema:#VssComponentMetadata}"
        component = root.find(ns + "WRITER_COMPONENTS/" + ns + "COMPONENT")
        self.assertEqual(component.get("logicalPath"), "Top")
        self.assertEqual(component.get("previousBackupStamp"), "s41")
        self.assertEqual(component.get("backupStamp"), "stamp-42")
        self.assertEqual(component.find("BACKUP_METADATA").get("metadata"), "lsn=42")
        self.assertEqual(root.get("snapshotSetId"), fs.SNAPSHOT_SET_ID)
        self.service.shutdown()
        self.running.join()

    def test_SnapshotSetIdInBackupShutdownIsAskedFor(self):
        # Checks that a getter missing from the context (GetCurrentSnapshotSetId in
        # BackupShutdown) is a Get call, so the service sees it (WRT-SHUT-03), and that
        # hang() is the Hang call.
        reply = self.service.event("BackupShutdown", snapshot_set_id=fs.SNAPSHOT_SET_ID)
        self.assertEqual([(c["method"], c.get("name")) for c in reply.calls],
                         [("Get", "GetCurrentSnapshotSetId"), ("Hang", None)])
        self.assertEqual(self.writer.seen["shutdown"], (fs.SNAPSHOT_SET_ID, fs.SNAPSHOT_SET_ID))
        self.service.shutdown()
        self.running.join()

    def test_ExceptionIsAFindingAndFalse(self):
        # Checks that an exception escaping a handler becomes a WRT-RET-02 finding and false,
        # and the writer goes on serving.
        reply = self.service.event("Freeze")
        self.assertFalse(reply.result)
        self.assertEqual([f["rule"] for f in reply.findings], ["WRT-RET-02"])
        self.assertIn("bug in freeze", reply.findings[0]["message"])
        self.assertTrue(self.service.event("Abort").result)
        self.service.shutdown()
        self.assertEqual(self.running.join(), 0)

    def test_CallFromAnotherThreadIsRefused(self):
        # Checks WRT-THREAD-01: a VSS call from a worker thread raises instead of being sent.
        reply = self.service.event("Thaw")
        self.assertTrue(reply.result)
        self.assertEqual(reply.calls, [])
        self.assertIn("WRT-THREAD-01", self.writer.seen["thread_error"][0])
        self.assertEqual([f["rule"] for f in reply.findings], ["WRT-THREAD-01"])
        with self.assertRaises(vw.WriterUsageError):  # and outside any handler
            self.writer.get_backup_type()
        self.service.shutdown()
        self.running.join()


if __name__ == "__main__":
    unittest.main()
