"""What the end-to-end tests of the Python writers share: the vsssim binary (VSSSIM_BINARY),
whether it has the features they need, and running `vsssim conform --writer-exec` and
`vsssim run` on scenario templates.

A feature the binary lacks (`conform --writer-exec`, `<writer exec=...>`, `<volume host-dir>`,
`serve`) skips the tests that need it; run_tests.py then prints "SKIPPED: ..." (only if
nothing failed), which CTest turns into a skipped test (SKIP_REGULAR_EXPRESSION in
examples/CMakeLists.txt). "Lacks" is
narrow: the binary's --help does not list the option, or its scenario parser calls the attribute
unknown; anything else runs the test.
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

# What a vsssim without a feature says, and only then: the tests needing it are skipped. Any
# other outcome (a crash, another error, a failed run) is the feature's to explain: the test
# runs and fails. So a SKIPPED never hides a broken feature, only an absent one.
_ABSENT = {
    "writer-exec": "this vsssim has no `conform --writer-exec` (issue #17, branch wt-integ)",
    "scenario-exec": "this vsssim has no <writer exec> in scenarios (issue #17, branch wt-integ)",
    "host-dir": "this vsssim has no <volume host-dir> (issue #17, branch wt-hostdir)",
    "serve": "this vsssim has no `serve` (issue #17, branch wt-integ)",
}


def missing(feature):
    """Why the binary cannot run `feature` (a key of _ABSENT), or None when it has it."""
    if feature in _missing:
        return _missing[feature]
    if not VSSSIM:
        reason = "VSSSIM_BINARY is not set"
    elif feature != "binary" and _absent(feature):
        reason = _ABSENT[feature]
    else:
        reason = None
    _missing[feature] = reason
    return reason


def _absent(feature):
    """True only when the binary's own help or parser says it lacks `feature`."""
    if feature == "writer-exec":
        return "--writer-exec" not in _run([VSSSIM, "conform", "--help"]).stdout
    if feature == "serve":
        return not re.search(r"^\s+serve\s", _run([VSSSIM, "--help"]).stdout, re.M)
    # Scenario attributes: the scenario parser names an attribute it does not know
    # (`<writer>: unknown attribute "exec"`), whatever else is wrong with the file. The probe
    # is bad input on purpose (an unknown method), so no writer process is ever started.
    element, attribute = {"scenario-exec": ("writer", "exec"),
                          "host-dir": ("volume", "host-dir")}[feature]
    directory = tempfile.mkdtemp(prefix="vsssim-probe-")
    try:
        path = os.path.join(directory, "probe.xml")
        with open(path, "w") as f:
            f.write('<scenario name="probe" seed="1"><volume name="C:" host-dir="%s"/>'
                    '<writer name="Probe" exec="%s"/><requester>'
                    '<call method="NoSuchMethodProbe"/></requester></scenario>'
                    % (directory, command("-c", "pass")))
        output = _run([VSSSIM, "run", path]).stdout
        return '<%s>: unknown attribute "%s"' % (element, attribute) in output
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def conform(writer_command, junit_path, *options):
    """Runs the writer suite on a writer process: (exit code, output, {failure rule IDs})."""
    run = _run([VSSSIM, "conform", "--writer-exec", writer_command, "--junit", junit_path] +
               list(options))
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
    render_raw(template_path, out_path,
               **{name: xml_attribute(value) for name, value in values.items()})


def render_raw(template_path, out_path, **values):
    """render() with the values put in as they are (XML elements)."""
    with open(template_path) as f:
        text = f.read()
    for name, value in values.items():
        text = text.replace("@%s@" % name, value)
    with open(out_path, "w") as f:
        f.write(text)


def xml_attribute(value):
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def run_scenario(path, trace_dir=None, options=()):
    """`vsssim run --json [OPTIONS] FILE`: (exit code, output, the file's JSON result or None).
    With trace_dir, the trace goes there as JSON lines (trace_entries reads it)."""
    argv = [VSSSIM, "run", "--json"] + list(options) + [path]
    if trace_dir:
        argv[2:2] = ["--trace", "jsonl", "--out", trace_dir]
    run = _run(argv)
    try:
        results = json.loads(run.stdout)
        result = results[0] if isinstance(results, list) else results
    except ValueError:
        result = None
    return run.returncode, run.stdout, result


def trace_entries(trace_dir, scenario_name):
    """The trace `run_scenario(..., trace_dir)` wrote: one dict per entry (docs/trace-format.md)."""
    with open(os.path.join(trace_dir, scenario_name + ".jsonl")) as f:
        return [json.loads(line) for line in f if line.strip()]


def finding_rules(result):
    return {f.get("rule") for f in (result or {}).get("findings", [])}


class EndToEnd(unittest.TestCase):
    """Base class: a scratch directory per test; needs(feature) skips without it."""

    def setUp(self):
        self.scratch = tempfile.mkdtemp(prefix="vsssim-e2e-")
        self.addCleanup(shutil.rmtree, self.scratch, True)

    def needs(self, *features):
        """Skips the test unless VSSSIM_BINARY is set and the binary has every feature."""
        for feature in features or ("binary",):
            reason = missing(feature)
            if reason:
                self.skipTest(reason)

    def path(self, *parts):
        return os.path.join(self.scratch, *parts)
