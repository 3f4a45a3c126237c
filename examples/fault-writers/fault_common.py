"""What the fault writers share: the reference writer they start from (correct until the
fault), and a way to wait for the service to give up on them."""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "python-writer"))

import reference_writer  # noqa: E402
import vsssim_writer as vw  # noqa: E402


def wait_for_close_then_exit(writer):
    """Blocks until the service closes the connection (its real-time guard fired, or it
    handled the fault), then ends the process at once with code 0: no reply is ever sent."""
    sock = writer._session.sock
    try:
        while sock.recv(65536):
            pass
    except OSError:
        pass
    os._exit(0)


def make_writer(cls):
    """The fault writer's object, with the reference writer's application (no background
    writes, so the only thing that goes wrong is the fault)."""
    try:
        directory = vw.host_path(reference_writer.DIRECTORY)
    except KeyError:
        directory = None
    app = reference_writer.NoteKeeper(directory, busy=False)
    app.start()
    return cls(app)
