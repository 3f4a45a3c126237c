"""A pure-Python stand-in for `vsssim serve`, enough to test writer processes without the C++
service: it listens on a Unix socket in a private directory, starts a writer process with
VSSSIM_ADDRESS / VSSSIM_TOKEN / VSSSIM_VOLUMES, checks its hello, sends events and answers
its calls the way docs/wire-protocol.md says the service does.

It is strict: anything a writer sends that the service would treat as a protocol error raises
FakeProtocolError with a `kind` (length, json, not-object, type, id, no-result, no-metadata,
method), so
tests can assert which fault a writer produced. A writer that does not answer within
`guard_s` seconds of real time raises NoReply (the service's real-time guard).
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))

import vsssim_protocol as proto  # noqa: E402

TOKEN = "0123456789abcdef0123456789abcdef"
INSTANCE_ID = "9f0c1e2d-3b4a-4c5d-8e6f-7a8b9c0d1e2f"
SNAPSHOT_SET_ID = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"
SESSION_ID = "aabbccdd-0011-4223-8445-66778899aabb"
KNOWN_METHODS = ("IsPathAffected", "SetWriterFailure", "SetWriterFailureEx", "Spend", "Hang",
                 "Get")


class FakeProtocolError(Exception):
    def __init__(self, kind, text):
        Exception.__init__(self, "%s: %s" % (kind, text))
        self.kind = kind


class NoReply(Exception):
    """The writer did not answer within the real-time guard, or closed the connection."""


def context(backup_type="VSS_BT_FULL", volumes=("C:\\",), **more):
    """An event context as the service sends it (the getters' values)."""
    c = {"backup_type": backup_type, "restore_type": "VSS_RTYPE_UNDEFINED",
         "snapshot_context": "VSS_CTX_BACKUP", "snapshot_set_id": SNAPSHOT_SET_ID,
         "volumes": list(volumes), "components_selected": True,
         "bootable_system_state": False, "partial_file_support": False,
         "shutting_down": False, "session_id": SESSION_ID}
    c.update(more)
    return c


def bcd(writer_id, component_name, component_type="filegroup", **attributes):
    """A Backup Components Document holding one writer's one component."""
    extra = "".join(' %s="%s"' % (k, v) for k, v in attributes.items())
    return ('<BACKUP_COMPONENTS xmlns="x-schema:#VssComponentMetadata" version="1.2" '
            'bootableSystemStateBackup="no" selectComponents="yes" backupType="full" '
            'partialFileSupport="no" snapshotSetId="%s"><WRITER_COMPONENTS instanceId="%s" '
            'writerId="%s" backupSchema="0"><COMPONENT componentName="%s" componentType="%s"%s/>'
            '</WRITER_COMPONENTS></BACKUP_COMPONENTS>'
            % (SNAPSHOT_SET_ID, INSTANCE_ID, writer_id, component_name, component_type, extra))


class Reply(object):
    def __init__(self, message, calls, findings):
        self.message, self.calls, self.findings = message, calls, findings
        self.result = message.get("result")


class FakeService(object):
    def __init__(self, guard_s=20.0):
        self.directory = tempfile.mkdtemp(prefix="vsssim-fake-")
        os.chmod(self.directory, 0o700)
        self.volume_dir = os.path.join(self.directory, "volume-C")
        os.mkdir(self.volume_dir)
        self.address = "unix:" + os.path.join(self.directory, "service.sock")
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.listener.bind(self.address[len("unix:"):])
        self.listener.listen(4)
        self.guard_s = guard_s
        self.conn = self.process = None
        self.next_id = 1
        self.hello = None
        self.affected_volumes = ("C:\\",)

    def environment(self):
        env = dict(os.environ)
        env[proto.ENV_ADDRESS] = self.address
        env[proto.ENV_TOKEN] = TOKEN
        env[proto.ENV_VOLUMES] = json.dumps({"C:\\": self.volume_dir})
        return env

    def start(self, argv):
        """Starts a writer process (argv without the interpreter) and accepts its hello."""
        self.process = subprocess.Popen([sys.executable] + list(argv), env=self.environment())
        return self.accept()

    def accept(self):
        self.listener.settimeout(self.guard_s)
        self.conn, _ = self.listener.accept()
        self.conn.settimeout(self.guard_s)
        self.hello = self.receive()
        return self.hello

    def welcome(self):
        if self.hello.get("type") != "hello" or self.hello.get("protocol") != 1 or \
                self.hello.get("token") != TOKEN:
            self.refuse("bad hello")
            raise FakeProtocolError("hello", repr(self.hello))
        self.send({"type": "welcome", "protocol": 1, "writer_instance_id": INSTANCE_ID})

    def refuse(self, reason):
        self.send({"type": "refused", "reason": reason})
        self.conn.close()

    def send(self, message):
        self.conn.sendall(proto.encode_frame(message))

    def receive(self):
        """The next message, with the service's checks; None at end of stream."""
        try:
            header = self._exactly(4)
            if header is None:
                return None
            (length,) = proto.FRAME_HEADER.unpack(header)
            if not 1 <= length <= proto.MAX_FRAME_BYTES:
                raise FakeProtocolError("length", "frame length %d" % length)
            body = self._exactly(length)
        except socket.timeout:
            raise NoReply("no message within %.1f s" % self.guard_s)
        if body is None:
            raise NoReply("closed inside a frame")
        try:
            message = json.loads(body.decode("utf-8"))
        except ValueError as e:
            raise FakeProtocolError("json", str(e))
        if not isinstance(message, dict) or not isinstance(message.get("type"), str):
            raise FakeProtocolError("not-object", body[:80])
        return message

    def _exactly(self, count):
        data = b""
        while len(data) < count:
            chunk = self.conn.recv(count - len(data))
            if not chunk:
                return None
            data += chunk
        return data

    def event(self, name, ctx=None, components=None, snapshot_set_id=None, answer=None):
        """Sends one event, answers its calls (`answer(call)` or the defaults) and returns the
        Reply. Raises FakeProtocolError / NoReply as the service would treat the writer."""
        event_id, self.next_id = self.next_id, self.next_id + 1
        message = {"type": "event", "id": event_id, "event": name,
                   "context": dict(ctx if ctx is not None else context())}
        if name == "BackupShutdown":  # asked with Get there (WRT-SHUT-03)
            message["context"].pop("snapshot_set_id", None)
        if components is not None:
            message["components"] = components
        if snapshot_set_id is not None:
            message["snapshot_set_id"] = snapshot_set_id
        self.send(message)
        calls, findings = [], []
        while True:
            got = self.receive()
            if got is None:
                raise NoReply("connection closed during %s" % name)
            kind = got["type"]
            if kind not in ("call", "finding", "reply"):
                raise FakeProtocolError("type", "unknown type %r" % kind)
            if got.get("id") != event_id:
                raise FakeProtocolError("id", "id %r during event %d" % (got.get("id"), event_id))
            if kind == "finding":
                findings.append(got)
            elif kind == "call":
                if got.get("method") not in KNOWN_METHODS:
                    raise FakeProtocolError("method", repr(got.get("method")))
                calls.append(got)
                value = answer(got) if answer else self.default_answer(got, message)
                self.send({"type": "return", "id": event_id, "value": value})
            else:
                if not isinstance(got.get("result"), bool):
                    raise FakeProtocolError("no-result", "reply without a bool result")
                if name == "Identify" and not got.get("metadata"):
                    raise FakeProtocolError("no-metadata", "Identify reply without metadata")
                return Reply(got, calls, findings)

    def default_answer(self, call, event):
        method = call["method"]
        if method == "IsPathAffected":
            return any(call["path"].upper().startswith(v) for v in self.affected_volumes)
        if method in ("SetWriterFailure", "SetWriterFailureEx"):
            return "0x00000000"
        if method in ("Spend", "Hang"):
            return None
        if call["name"] == "GetCurrentSnapshotSetId":
            return SNAPSHOT_SET_ID
        for member, getter in proto.CONTEXT_GETTERS.items():
            if getter == call["name"]:
                return event["context"].get(member)
        return None

    def shutdown(self):
        self.send({"type": "shutdown"})
        self.conn.close()
        return self.wait()

    def wait(self, timeout=20):
        """The writer process's exit code (None for a writer served in this process)."""
        return self.process.wait(timeout=timeout) if self.process is not None else None

    def close(self):
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        if self.conn is not None:
            self.conn.close()
        self.listener.close()
        shutil.rmtree(self.directory, ignore_errors=True)
