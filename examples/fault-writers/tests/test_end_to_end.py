"""The fault writers end to end with the vsssim tool (issue #17 item 4, docs/wire-protocol.md
"Faults"): a scenario starts each one next to a correct in-process writer; its Freeze fault
(SIGKILL, a hang, a garbage frame) must end as a Freeze handler that never returns, recorded
in the trace the way the protocol document says, and the next session in the same service
must work without it.

The scenario's expectations are checked first with an in-process scripted writer whose Freeze
hangs (no feature of issue #17 needed): that is the result VSS gives for a handler that never
returns, which every fault writer process must match.

Needs VSSSIM_BINARY; the process tests need <writer exec> ("SKIPPED: ..." without it).
"""

import json
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "python-writer", "tests"))

import e2e_support as e2e  # noqa: E402

FAULTS = os.path.join(e2e.EXAMPLES, "fault-writers")
SCENARIO = os.path.join(FAULTS, "scenarios", "fault-in-freeze.xml.in")
WIRE_RULE = "SIM-WIRE-01"
# The kinds garbage.py sends in Freeze (no-metadata is an Identify fault).
FREEZE_GARBAGE = ("length", "json", "not-object", "type", "id", "no-result", "method")

# The reference: the reference writer's one component, and a Freeze that never returns.
IN_PROCESS_HANG = """<writer name="InProcessHang">
    <restore-method method="VSS_RME_RESTORE_IF_CAN_REPLACE" writer-restore="VSS_WRE_ALWAYS"/>
    <component name="ReferenceData" type="filegroup" selectable="yes">
      <files path="C:\\ReferenceWriter" filespec="*.txt"/>
    </component>
    <on event="Freeze" hang="yes"/>
  </writer>"""


def process_writer(name, script, *arguments):
    command = e2e.command(os.path.join(FAULTS, script), *arguments)
    return '<writer name="%s" exec="%s"/>' % (name, e2e.xml_attribute(command))


class FaultWriters_EndToEnd(e2e.EndToEnd):
    def run_fault(self, name, how, writer_element, expect="", options=()):
        """Renders and runs the scenario: (exit code, output, JSON result, trace entries)."""
        directory = self.path(name + "-" + str(len(os.listdir(self.scratch))))
        os.mkdir(directory)
        scenario = os.path.join(directory, "scenario.xml")
        e2e.render_raw(SCENARIO, scenario, FAULTY=name, HOW=how, FAULTY_WRITER=writer_element,
                       EXPECT=expect)
        code, output, result = e2e.run_scenario(scenario, trace_dir=directory, options=options)
        self.assertIsNotNone(result, output[-4000:])
        trace = e2e.trace_entries(directory, result["scenario"])
        return code, output, result, trace

    def assertPasses(self, code, output, result):
        self.assertEqual((code, result["status"]), (0, "pass"), output[-4000:])

    def notes_of(self, trace, name):
        """The trace's notes about writer `name`, each as its JSON text."""
        actor = "writer:" + name
        return [json.dumps(e) for e in trace
                if e.get("kind") == "note" and actor in (e.get("from"), e.get("to"))]

    def test_InProcessHangIsTheReference(self):
        # Checks that the scenario's expectations (state, status, DoSnapshotSet's result, the
        # next session) hold for an in-process writer whose Freeze never returns.
        self.needs()
        code, output, result, _ = self.run_fault("InProcessHang", "an in-process hang",
                                                 IN_PROCESS_HANG)
        self.assertPasses(code, output, result)

    def test_CrashInFreezeEndsAsAHang(self):
        # Checks that a writer process killed by SIGKILL inside Freeze gives the reference
        # result, the trace notes that its process ended, and the next session works.
        self.needs("scenario-exec")
        code, output, result, trace = self.run_fault(
            "CrashInFreeze", "killed by SIGKILL inside Freeze",
            process_writer("CrashInFreeze", "crash_in_freeze.py"))
        self.assertPasses(code, output, result)
        notes = self.notes_of(trace, "CrashInFreeze")
        self.assertTrue(any("process ended" in n for n in notes), "\n".join(notes))

    def test_HangInFreezeEndsByTheGuard(self):
        # Checks that a writer process that never answers Freeze gives the reference result
        # once the real-time guard fires (2 s here instead of 30), and the trace says so.
        self.needs("scenario-exec")
        code, output, result, trace = self.run_fault(
            "HangInFreeze", "never answers Freeze",
            process_writer("HangInFreeze", "hang_in_freeze.py"),
            options=("--writer-guard", "2s"))
        self.assertPasses(code, output, result)
        notes = self.notes_of(trace, "HangInFreeze")
        self.assertTrue(any("guard fired" in n for n in notes), "\n".join(notes))

    def test_GarbageInFreezeIsAWireFinding(self):
        # Checks that each malformed reply to Freeze gives the reference result and a
        # SIM-WIRE-01 finding naming the writer (listed in the scenario, so the run passes).
        self.needs("scenario-exec")
        for kind in FREEZE_GARBAGE:
            with self.subTest(kind=kind):
                code, output, result, _ = self.run_fault(
                    "Garbage", "answers Freeze with garbage: " + kind,
                    process_writer("Garbage", "garbage.py", kind),
                    expect='<finding rule="%s" writer="Garbage"/>' % WIRE_RULE)
                self.assertPasses(code, output, result)
                wire = [f for f in result["findings"] if f.get("rule") == WIRE_RULE]
                self.assertTrue(wire and all(f.get("actor") == "writer:Garbage" for f in wire),
                                output[-4000:])


if __name__ == "__main__":
    unittest.main()
