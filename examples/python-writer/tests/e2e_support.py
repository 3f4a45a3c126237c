"""What the end-to-end tests of the Python writers share: the vsssim binary (VSSSIM_BINARY),
whether it has the features they need, and running `vsssim conform --writer-exec` and
`vsssim run` on scenario templates.

A feature the binary lacks (`conform --writer-exec`, `<writer exec=...>`, `<volume host-dir>`)
skips the tests that need it, and the run prints one "SKIPPED: ..." line, which CTest turns
into a skipped test (SKIP_REGULAR_EXPRESSION in examples/CMakeLists.txt).
"""

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

VSSSIM = os.environ.get("VSSSIM_BINARY")
EXAMPLES = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
TIMEOUT_S = 900


def command(script, *arguments):
    """A writer command line for exec= / --writer-exec: this interpreter, absolute paths."""
    return " ".join(shlex.quote(a) for a in (sys.executable, script) + arguments)


def _run(argv, **kwargs):
    return subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, timeout=TIMEOUT_S, **kwargs)


_missing = {}


def missing(feature):
    """Why the binary cannot run `feature` ("writer-exec" or "scenario-exec"), or None."""
    if feature in _missing:
        return _missing[feature]
    if not VSSSIM:
        reason = "VSSSIM_BINARY is not set"
    elif feature == "writer-exec":
        text = _run([VSSSIM, "conform", "--help"]).stdout
        reason = None if "--writer-exec" in text else \
            "this vsssim has no `conform --writer-exec` (issue #17, branch wt-integ)"
    else:
        reason = _probe_scenario_exec()
    _missing[feature] = reason
    if reason:
        print("SKIPPED: %s" % reason)
    return reason


def _probe_scenario_exec():
    """Runs a scenario with <volume host-dir> and <writer exec> whose writer exits at once:
    a binary without the features rejects the file (exit 2) naming the attribute."""
    directory = tempfile.mkdtemp(prefix="vsssim-probe-")
    try:
        path = os.path.join(directory, "probe.xml")
        with open(path, "w") as f:
            f.write('<scenario name="probe" seed="1"><volume name="C:" host-dir="%s"/>'
                    '<writer name="Probe" exec="%s"/><requester>'
                    '<call method="InitializeForBackup"/></requester></scenario>'
                    % (directory, command("-c", "pass")))
        run = _run([VSSSIM, "run", path])
        if run.returncode == 2 and re.search(r"exec|host-dir", run.stdout):
            return "this vsssim has no <writer exec> / <volume host-dir> in scenarios " \
                   "(issue #17, branches wt-integ, wt-hostdir): %s" % run.stdout.strip()[:200]
        return None
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def conform(writer_command, junit_path):
    """Runs the writer suite on a writer process: (exit code, output, {failure rule IDs})."""
    run = _run([VSSSIM, "conform", "--writer-exec", writer_command, "--junit", junit_path])
    return run.returncode, run.stdout, junit_failure_rules(junit_path)


def junit_failure_rules(path):
    """The rules the report's failures name: each failure's `type` (docs/conformance.md)."""
    if not os.path.exists(path):
        return set()
    rules = set()
    for failure in ET.parse(path).getroot().iter("failure"):
        rules.add(failure.get("type", ""))
    return rules


def render(template_path, out_path, **values):
    """Writes a scenario from its template: @NAME@ replaced by values[NAME] (XML-escaped)."""
    with open(template_path) as f:
        text = f.read()
    for name, value in values.items():
        text = text.replace("@%s@" % name, _xml_attribute(value))
    with open(out_path, "w") as f:
        f.write(text)


def _xml_attribute(value):
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def run_scenario(path):
    """`vsssim run --json FILE`: (exit code, output, the file's JSON result or None)."""
    run = _run([VSSSIM, "run", "--json", path])
    try:
        results = json.loads(run.stdout)
        result = results[0] if isinstance(results, list) else results
    except ValueError:
        result = None
    return run.returncode, run.stdout, result


def finding_rules(result):
    return {f.get("rule") for f in (result or {}).get("findings", [])}


class EndToEnd(unittest.TestCase):
    """Base class: a scratch directory per test; needs(feature) skips without it."""

    def setUp(self):
        self.scratch = tempfile.mkdtemp(prefix="vsssim-e2e-")
        self.addCleanup(shutil.rmtree, self.scratch, True)

    def needs(self, feature):
        reason = missing(feature)
        if reason:
            self.skipTest(reason)

    def path(self, *parts):
        return os.path.join(self.scratch, *parts)
