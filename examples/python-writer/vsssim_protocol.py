"""The vsssim wire protocol, version 1, as a writer process speaks it: the one place that
knows addresses, frames and message shapes (docs/wire-protocol.md is the description).

Standard library only. Used by vsssim_writer (the client library), by the fault writers (which
break it on purpose) and by the tests' fake service (which speaks the service side).
"""

import json
import os
import socket
import struct

PROTOCOL_VERSION = 1
MAX_FRAME_BYTES = 16 * 1024 * 1024  # 16 MiB: a larger length is a protocol error
FRAME_HEADER = struct.Struct(">I")  # 4-byte unsigned big-endian length

ENV_ADDRESS = "VSSSIM_ADDRESS"
ENV_TOKEN = "VSSSIM_TOKEN"
ENV_VOLUMES = "VSSSIM_VOLUMES"

# Event names as vss::WriterEvent and the traces spell them, with the handler each calls and
# whether the handler receives the writer's components (IVssWriterComponents).
EVENTS = {
    "Identify": ("on_identify", False),
    "PrepareForBackup": ("on_prepare_backup", True),
    "PrepareForSnapshot": ("on_prepare_snapshot", False),
    "Freeze": ("on_freeze", False),
    "Thaw": ("on_thaw", False),
    "PostSnapshot": ("on_post_snapshot", True),
    "Abort": ("on_abort", False),
    "BackupComplete": ("on_backup_complete", True),
    "BackupShutdown": ("on_backup_shutdown", False),
    "PreRestore": ("on_pre_restore", True),
    "PostRestore": ("on_post_restore", True),
}

# context member -> CVssWriter getter (what the getter returns during the handler).
CONTEXT_GETTERS = {
    "backup_type": "GetBackupType",
    "restore_type": "GetRestoreType",
    "snapshot_context": "GetContext",
    "snapshot_set_id": "GetCurrentSnapshotSetId",
    "volumes": "GetCurrentVolumeArray",
    "components_selected": "AreComponentsSelected",
    "bootable_system_state": "IsBootableSystemStateBackedUp",
    "partial_file_support": "IsPartialFileSupportEnabled",
    "shutting_down": "IsWriterShuttingDown",
    "session_id": "GetSessionId",
}


class ProtocolError(Exception):
    """The peer broke the wire protocol (bad frame, unexpected message)."""


class Refused(Exception):
    """The service refused the hello (bad token, protocol version, malformed hello)."""


class ConnectionLost(Exception):
    """The connection to the service broke (reset, closed inside an event)."""


class WriterUsageError(Exception):
    """A writer called VSS where it may not (outside a handler, from another thread)."""


def parse_address(address):
    """'unix:/path' or 'tcp:127.0.0.1:PORT' -> (family, sockaddr)."""
    if address.startswith("unix:"):
        return socket.AF_UNIX, address[len("unix:"):]
    if address.startswith("tcp:"):
        host, _, port = address[len("tcp:"):].rpartition(":")
        if not host or not port.isdigit():
            raise ValueError("bad tcp address %r (expected tcp:HOST:PORT)" % address)
        return socket.AF_INET, (host, int(port))
    raise ValueError("bad address %r (expected unix:/path or tcp:127.0.0.1:PORT)" % address)


def connect(address):
    family, sockaddr = parse_address(address)
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.connect(sockaddr)
    return sock


def encode_frame(message):
    """One frame: the length, then the JSON object as UTF-8."""
    body = json.dumps(message, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    if not 1 <= len(body) <= MAX_FRAME_BYTES:
        raise ProtocolError("frame of %d bytes is outside 1..%d" % (len(body), MAX_FRAME_BYTES))
    return FRAME_HEADER.pack(len(body)) + body


def _read_exactly(sock, count):
    chunks = []
    while count > 0:
        chunk = sock.recv(min(count, 1 << 16))
        if not chunk:
            return None
        chunks.append(chunk)
        count -= len(chunk)
    return b"".join(chunks)


def read_frame(sock):
    """The next message (a dict with a string "type"), or None at end of stream."""
    header = _read_exactly(sock, FRAME_HEADER.size)
    if header is None:
        return None
    (length,) = FRAME_HEADER.unpack(header)
    if not 1 <= length <= MAX_FRAME_BYTES:
        raise ProtocolError("frame length %d is outside 1..%d" % (length, MAX_FRAME_BYTES))
    body = _read_exactly(sock, length)
    if body is None:
        raise ProtocolError("connection closed inside a frame")
    try:
        message = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        raise ProtocolError("frame is not UTF-8 JSON: %s" % e)
    if not isinstance(message, dict) or not isinstance(message.get("type"), str):
        raise ProtocolError("frame is not a JSON object with a string \"type\"")
    return message


def hello_message(writer, token):
    return {
        "type": "hello",
        "protocol": PROTOCOL_VERSION,
        "token": token,
        "writer": {
            "class_id": writer.class_id,
            "name": writer.name,
            "instance_name": writer.instance_name,
            "usage": writer.usage,
            "source": writer.source,
            "level": writer.level,
            "freeze_timeout_ms": writer.freeze_timeout_ms,
        },
        "pid": os.getpid(),
    }


def call_message(event_id, method, **arguments):
    message = {"type": "call", "id": event_id, "method": method}
    message.update(arguments)
    return message


def finding_message(event_id, rule, text):
    return {"type": "finding", "id": event_id, "rule": rule, "message": text}


def reply_message(event_id, result, metadata=None, components=None):
    message = {"type": "reply", "id": event_id, "result": bool(result)}
    if metadata is not None:
        message["metadata"] = metadata
    if components is not None:
        message["components"] = components
    return message


def format_hresult(hr):
    """0x800423F3 or "0x800423F3" -> "0x800423F3" ("0x" + 8 hex digits)."""
    if isinstance(hr, str):
        hr = int(hr, 16)
    return "0x%08X" % (hr & 0xFFFFFFFF)


# The documented writer failure codes (WRT-ERR-01), by the names the SDK gives them.
S_OK = 0x00000000
E_FAIL = 0x80004005
VSS_E_WRITERERROR_PARTIAL_FAILURE = 0x80042336
VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT = 0x800423F0
VSS_E_WRITERERROR_OUTOFRESOURCES = 0x800423F1
VSS_E_WRITERERROR_TIMEOUT = 0x800423F2
VSS_E_WRITERERROR_RETRYABLE = 0x800423F3
VSS_E_WRITERERROR_NONRETRYABLE = 0x800423F4
VSS_E_WRITERERROR_RECOVERY_FAILED = 0x800423F5
