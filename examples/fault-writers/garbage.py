#!/usr/bin/env python3
"""A writer process that answers one event with a malformed frame, one kind per argument.

  python3 garbage.py KIND [--at EVENT]

KIND (each a protocol error of docs/wire-protocol.md, "Faults"):
  length       a frame length over the 16 MiB limit
  json         a frame whose body is not JSON
  not-object   a frame whose JSON is not an object
  type         a message of an unknown type
  id           a reply carrying another event's id
  no-result    a reply without its result
  no-metadata  a reply to Identify without metadata (use with --at Identify)
  method       a call of an unknown method
EVENT: the event answered with garbage (default Freeze; Identify for no-metadata). Correct
before it (the reference writer); after the garbage it waits for the service to close the
connection and exits 0. Started by vsssim (VSSSIM_ADDRESS, VSSSIM_TOKEN).
"""

import argparse
import sys

import fault_common
import reference_writer
import vsssim_writer as vw


def garbage_bytes(kind, event_id):
    """The bytes sent instead of a correct reply to event `event_id`."""
    def frame(body):
        return vw.FRAME_HEADER.pack(len(body)) + body

    if kind == "length":
        return vw.FRAME_HEADER.pack(vw.MAX_FRAME_BYTES + 1) + b"{}"
    if kind == "json":
        return frame(b'{"type":"reply","id":' + str(event_id).encode() + b',"result":tru')
    if kind == "not-object":
        return frame(b'["reply",' + str(event_id).encode() + b",true]")
    if kind == "type":
        return vw.encode_frame({"type": "gossip", "id": event_id})
    if kind == "id":
        return vw.encode_frame(vw.reply_message(event_id + 1000, True))
    if kind == "no-result":
        return vw.encode_frame({"type": "reply", "id": event_id})
    if kind == "no-metadata":
        return vw.encode_frame(vw.reply_message(event_id, True))
    if kind == "method":
        return vw.encode_frame(vw.call_message(event_id, "FormatVolume", volume="C:\\"))
    raise ValueError(kind)


KINDS = ("length", "json", "not-object", "type", "id", "no-result", "no-metadata", "method")


def make_class(kind, at):
    handler_name = vw.EVENTS[at][0]

    def handler(self, *arguments):
        self._session.sock.sendall(garbage_bytes(kind, self._event_id))
        fault_common.wait_for_close_then_exit(self)

    return type("Garbage", (reference_writer.ReferenceWriter,),
                {"name": "Garbage", handler_name: handler})


def main(argv):
    parser = argparse.ArgumentParser(description="a writer that sends one malformed frame")
    parser.add_argument("kind", choices=KINDS)
    parser.add_argument("--at", choices=sorted(vw.EVENTS), default=None)
    args = parser.parse_args(argv)
    at = args.at or ("Identify" if args.kind == "no-metadata" else "Freeze")
    return vw.serve(fault_common.make_writer(make_class(args.kind, at)))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
