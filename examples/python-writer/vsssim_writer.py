"""vsssim_writer: a VSS writer in its own process, speaking vsssim's wire protocol v1.

Standard library only (Python 3.8+). A writer derives from `Writer`, overrides the handlers it
needs (the CVssWriter ones: on_identify, on_prepare_backup, ..., on_post_restore) and calls
`run(MyWriter())`: the process connects to the service named by VSSSIM_ADDRESS, subscribes with
VSSSIM_TOKEN (WRT-INIT-01), answers events until the service says shutdown, and exits 0.

The library is three files:
  vsssim_protocol.py   the protocol: addresses, frames, message shapes (the only place that
                       knows them; docs/wire-protocol.md is the authoritative description);
  vsssim_documents.py  the Writer Metadata Document built in on_identify and the writer's
                       components in a Backup Components Document, in the real VSS XML;
  vsssim_writer.py     (this file) the Writer base class, its getters and calls, serve()/run()
                       and host-directory volumes (VSSSIM_VOLUMES). It re-exports the other
                       two, so `import vsssim_writer as vw` is all a writer needs.

Threading: one thread, the one that called serve(), runs every handler; calls to VSS
(set_writer_failure, is_path_affected, ...) are allowed only from that thread and only while a
handler runs (WRT-THREAD-01), otherwise they raise WriterUsageError.
"""

import json
import ntpath
import os
import sys
import threading
import traceback

from vsssim_documents import *  # noqa: F401,F403  (re-exported for writers)
from vsssim_documents import Components, WriterMetadata
from vsssim_protocol import *  # noqa: F401,F403  (re-exported for writers)
from vsssim_protocol import (CONTEXT_GETTERS, ENV_ADDRESS, ENV_TOKEN, ENV_VOLUMES, EVENTS,
                             ConnectionLost,
                             ProtocolError, Refused, WriterUsageError, call_message, connect,
                             encode_frame, finding_message, format_hresult, hello_message,
                             read_frame, reply_message)

# The writer

class Writer(object):
    """Base class of a writer process: CVssWriter's identity, handlers and calls.

    Override the class attributes (class_id is required) and the handlers. Each handler
    returns True to go on, False to veto (after set_writer_failure, WRT-RET-01/03). An
    exception escaping a handler is a bug of the writer (WRT-RET-02): it is printed, reported
    as a finding and answered as False.
    """

    class_id = None
    name = "PythonWriter"
    instance_name = ""
    usage = "VSS_UT_USERDATA"
    source = "VSS_ST_OTHER"
    level = "VSS_APP_FRONT_END"
    freeze_timeout_ms = 60000

    # Handlers (defaults as CVssWriter's: do nothing, return True).
    def on_identify(self, metadata):
        return True

    def on_prepare_backup(self, components):
        return True

    def on_prepare_snapshot(self):
        return True

    def on_freeze(self):
        return True

    def on_thaw(self):
        return True

    def on_post_snapshot(self, components):
        return True

    def on_abort(self):
        return True

    def on_backup_complete(self, components):
        return True

    def on_backup_shutdown(self, snapshot_set_id):
        return True

    def on_pre_restore(self, components):
        return True

    def on_post_restore(self, components):
        return True

    # Set by the session: the service's instance id for this subscription, the running
    # event's context and its connection.
    writer_instance_id = None
    _session = None
    _context = None
    _event_id = None

    # Getters: what the CVssWriter getters return during the running handler.
    def _get(self, member):
        """From the event's context; a getter the context leaves out (GetCurrentSnapshotSetId
        in BackupShutdown, WRT-SHUT-03) is asked with a Get call, so the service sees it."""
        self._check_in_handler()
        context = self._context or {}
        if member in context:
            return context[member]
        return self._call("Get", name=CONTEXT_GETTERS[member])

    def get_backup_type(self):
        return self._get("backup_type")

    def get_restore_type(self):
        return self._get("restore_type")

    def get_context(self):
        return self._get("snapshot_context")

    def get_current_snapshot_set_id(self):
        return self._get("snapshot_set_id")

    def get_current_volume_array(self):
        return list(self._get("volumes") or [])

    def are_components_selected(self):
        return bool(self._get("components_selected"))

    def is_bootable_system_state_backed_up(self):
        return bool(self._get("bootable_system_state"))

    def is_partial_file_support_enabled(self):
        return bool(self._get("partial_file_support"))

    def is_writer_shutting_down(self):
        return bool(self._get("shutting_down"))

    def get_session_id(self):
        return self._get("session_id")

    # Calls answered by the service.
    def is_path_affected(self, path):
        return bool(self._call("IsPathAffected", path=path))

    def set_writer_failure(self, hr):
        return self._call("SetWriterFailure", hr=format_hresult(hr))

    def set_writer_failure_ex(self, hr, application_hr, message):
        return self._call("SetWriterFailureEx", hr=format_hresult(hr),
                          application_hr=format_hresult(application_hr), message=message)

    def spend(self, ms):
        """Say that this handler took `ms` of virtual time (the real time does not count)."""
        self._call("Spend", ms=int(ms))

    def hang(self):
        """Say that this handler is to be treated as never returning (WRT-TIME-05); the
        handler still returns, and its reply is still sent."""
        self._call("Hang")

    def get(self, getter):
        """Ask the service for a getter by its CVssWriter name (the context has them all)."""
        return self._call("Get", name=getter)

    def report_finding(self, rule, text):
        self._check_in_handler()
        self._session.send(finding_message(self._event_id, rule, text))

    def _check_in_handler(self):
        session = self._session
        if session is None or self._event_id is None:
            raise WriterUsageError("a VSS call outside a writer event handler")
        if threading.current_thread() is not session.thread:
            # Reported with the reply, from the handler's thread (the socket is its own).
            text = "a VSS call from a thread other than the handler's"
            session.pending_findings.append(("WRT-THREAD-01", text))
            raise WriterUsageError(text + " (WRT-THREAD-01)")

    def _call(self, method, **arguments):
        self._check_in_handler()
        return self._session.call(self._event_id, method, arguments)


class Session(object):
    """One connection to the service: hello, events, shutdown."""

    def __init__(self, sock, writer, token):
        self.sock, self.writer, self.token = sock, writer, token
        self.thread = threading.current_thread()
        self.pending_findings = []  # found on other threads, sent before the reply

    def send(self, message):
        try:
            self.sock.sendall(encode_frame(message))
        except OSError as e:
            raise ConnectionLost(str(e))

    def receive(self):
        try:
            return read_frame(self.sock)
        except OSError as e:
            raise ConnectionLost(str(e))

    def call(self, event_id, method, arguments):
        self.send(call_message(event_id, method, **arguments))
        answer = self.receive()
        if answer is None:
            raise ConnectionLost("connection closed while waiting for the return of " + method)
        if answer.get("type") != "return" or answer.get("id") != event_id:
            raise ProtocolError("expected the return of %s for event %s, got %r"
                                % (method, event_id, answer))
        return answer.get("value")

    def subscribe(self):
        self.send(hello_message(self.writer, self.token))
        answer = self.receive()
        if answer is None:
            raise Refused("the service closed the connection after hello")
        if answer["type"] == "refused":
            raise Refused(answer.get("reason", ""))
        if answer["type"] != "welcome":
            raise ProtocolError("expected welcome or refused, got %r" % answer)
        self.writer.writer_instance_id = answer.get("writer_instance_id")

    def serve_events(self):
        """Answers events until shutdown (returns True) or end of stream (returns False)."""
        while True:
            message = self.receive()
            if message is None:
                return False
            if message["type"] == "shutdown":
                return True
            if message["type"] != "event":
                raise ProtocolError("unexpected %r between events" % message["type"])
            self.send(self.handle_event(message))

    def handle_event(self, message):
        name, event_id = message.get("event"), message.get("id")
        if name not in EVENTS:
            raise ProtocolError("unknown event %r" % name)
        handler_name, takes_components = EVENTS[name]
        writer = self.writer
        components = metadata = None
        if name == "Identify":
            metadata = WriterMetadata(writer.class_id, writer.writer_instance_id or
                                      writer.class_id, writer.name, writer.instance_name,
                                      writer.usage, writer.source)
            arguments = (metadata,)
        elif name == "BackupShutdown":
            arguments = (message.get("snapshot_set_id"),)
        elif takes_components:
            if message.get("components") is not None:
                components = Components(message["components"])
            arguments = (components,)
        else:
            arguments = ()
        writer._session, writer._context, writer._event_id = self, message.get("context"), \
            event_id
        try:
            result = getattr(writer, handler_name)(*arguments)
        except (ProtocolError, ConnectionLost):
            raise
        except Exception:  # an exception escaping a handler (WRT-RET-02)
            text = traceback.format_exc()
            sys.stderr.write(text)
            self.send(finding_message(event_id, "WRT-RET-02", "an exception escaped %s: %s"
                                      % (handler_name, text.strip().splitlines()[-1])))
            result = False
        finally:
            writer._context, writer._event_id = None, None
        while self.pending_findings:
            rule, text = self.pending_findings.pop(0)
            self.send(finding_message(event_id, rule, text))
        return reply_message(event_id, result,
                             metadata=metadata.to_xml() if metadata is not None else None,
                             components=components.to_xml() if components is not None
                             else None)


# Running a writer process; volumes on host directories

def serve(writer, address=None, token=None):
    """Subscribes `writer` and answers events. Returns the process exit code: 0 after the
    service's shutdown or a close between events, 1 when refused, 2 when the connection
    fails or breaks mid-event or the service breaks the protocol."""
    if writer.class_id is None:
        raise WriterUsageError("Writer.class_id must be set (WRT-INIT-01)")
    address = address or os.environ.get(ENV_ADDRESS)
    token = token if token is not None else os.environ.get(ENV_TOKEN, "")
    if not address:
        sys.stderr.write("%s: %s is not set (start the writer from vsssim, or copy what "
                         "`vsssim serve` prints)\n" % (writer.name, ENV_ADDRESS))
        return 2
    try:
        sock = connect(address)
    except (OSError, ValueError) as e:
        sys.stderr.write("%s: cannot connect to %s: %s\n" % (writer.name, address, e))
        return 2
    try:
        session = Session(sock, writer, token)
        session.subscribe()
        session.serve_events()
        return 0
    except Refused as e:
        sys.stderr.write("%s: refused by the service: %s\n" % (writer.name, e))
        return 1
    except ProtocolError as e:
        sys.stderr.write("%s: protocol error: %s\n" % (writer.name, e))
        return 2
    except ConnectionLost as e:
        sys.stderr.write("%s: connection lost: %s\n" % (writer.name, e))
        return 2
    finally:
        writer._session = None
        sock.close()


def run(writer):
    """serve() from the environment, then exit with its code."""
    sys.exit(serve(writer))


def volumes(environ=None):
    """VSSSIM_VOLUMES: the volumes on host directories, {"C:\\": "/host/dir", ...}."""
    text = (environ if environ is not None else os.environ).get(ENV_VOLUMES, "")
    return {_volume_key(k): v for k, v in json.loads(text).items()} if text else {}


def _volume_key(name):
    name = name.upper()
    return name if name.endswith("\\") else name + "\\"


def host_path(windows_path, volume_map=None):
    """C:\\db\\main.db -> /host/dir/db/main.db through VSSSIM_VOLUMES."""
    volume_map = volumes() if volume_map is None else volume_map
    drive, rest = ntpath.splitdrive(windows_path)
    root = volume_map.get(_volume_key(drive))
    if root is None:
        raise KeyError("%s is on no host-directory volume (%s=%s)"
                       % (windows_path, ENV_VOLUMES, json.dumps(volume_map)))
    parts = [p for p in rest.split("\\") if p]
    return os.path.join(root, *parts)
