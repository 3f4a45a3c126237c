#!/usr/bin/env python3
"""junitparser_check.py REPORT.xml [--rule-in-name] [--min-failures N] [--min-skipped N]
[--min-passed N]

Reads a JUnit report of vsssim's conformance suites with junitparser (Debian:
python3-junitparser), a real JUnit consumer, and checks what GitLab and Jenkins need from it:
  - every failing test case has exactly one result, a <failure> whose type is a rule ID and
    whose message starts with "<that rule ID>: "; no <error>;
  - the class name is the suite name after its first '/' (the writer's name);
  - every skipped test case carries a reason;
  - test case names are unique within their suite (CI servers key history by name), and with
    --rule-in-name they read "<Check> [<RULE-ID>]...";
  - tests/failures/errors/skipped of every suite and of the whole report add up.
The --min-* options make sure the report exercises the paths (a report with no failure proves
nothing about failures). Exit 0 when all hold, 1 otherwise (each problem on one line), 3 when
junitparser is not installed.
"""
import argparse
import re
import sys

try:
    import junitparser
except ImportError:
    print(f"junitparser is not installed for {sys.executable}: install the Debian package "
          "python3-junitparser (ci/setup.sh does)", file=sys.stderr)
    sys.exit(3)

RULE = re.compile(r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$")


def results_of(case):
    result = case.result
    if result is None:
        return []
    return list(result) if isinstance(result, list) else [result]


def check_suite(suite, args, problems, totals):
    names = set()
    counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0, "passed": 0}
    expected_class = suite.name.split("/", 1)[1] if "/" in suite.name else suite.name
    for case in suite:
        where = f"{suite.name}: {case.name}"
        counts["tests"] += 1
        if case.name in names:
            problems.append(f"{where}: two test cases of this name")
        names.add(case.name)
        if case.classname != expected_class:
            problems.append(f"{where}: classname {case.classname!r}, expected {expected_class!r}")
        if args.rule_in_name and not re.match(r"^\S+ \[[A-Z][A-Z0-9]*(-[A-Z0-9]+)+\]", case.name):
            problems.append(f"{where}: name does not read '<Check> [<RULE-ID>] ...'")
        results = results_of(case)
        if len(results) > 1:
            problems.append(f"{where}: {len(results)} result elements, expected at most one")
        for r in results:
            if isinstance(r, junitparser.Failure):
                counts["failures"] += 1
                if not RULE.match(r.type or ""):
                    problems.append(f"{where}: failure type {r.type!r} is no rule ID")
                elif not (r.message or "").startswith(r.type + ": "):
                    problems.append(f"{where}: failure message {r.message!r} does not start "
                                    f"with '{r.type}: '")
            elif isinstance(r, junitparser.Error):
                counts["errors"] += 1
                problems.append(f"{where}: <error> {r.message!r}")
            elif isinstance(r, junitparser.Skipped):
                counts["skipped"] += 1
                if not (r.message or "").strip():
                    problems.append(f"{where}: skipped without a reason")
        if not results:
            counts["passed"] += 1
    for key in ("tests", "failures", "errors", "skipped"):
        declared = getattr(suite, key)
        if declared != counts[key]:
            problems.append(f"{suite.name}: {key}={declared}, but {counts[key]} test cases")
        totals[key] += counts[key]
    totals["passed"] += counts["passed"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("report")
    parser.add_argument("--rule-in-name", action="store_true")
    parser.add_argument("--min-failures", type=int, default=0)
    parser.add_argument("--min-skipped", type=int, default=0)
    parser.add_argument("--min-passed", type=int, default=0)
    args = parser.parse_args()
    try:
        xml = junitparser.JUnitXml.fromfile(args.report)
    except Exception as e:  # junitparser raises the XML parser's own exceptions
        print(f"{args.report}: junitparser cannot read it: {e}")
        return 1
    if not isinstance(xml, junitparser.JUnitXml):
        print(f"{args.report}: root is not <testsuites>")
        return 1
    problems = []
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0, "passed": 0}
    for suite in xml:
        check_suite(suite, args, problems, totals)
    for key in ("tests", "failures", "errors", "skipped"):
        if getattr(xml, key) != totals[key]:
            problems.append(f"<testsuites>: {key}={getattr(xml, key)}, but {totals[key]} in the "
                            "suites")
    for key, least in (("failures", args.min_failures), ("skipped", args.min_skipped),
                       ("passed", args.min_passed)):
        if totals[key] < least:
            problems.append(f"{totals[key]} {key} test cases, expected at least {least}")
    for p in problems:
        print(p)
    print(f"{args.report}: {totals['tests']} test cases, {totals['failures']} failed, "
          f"{totals['skipped']} skipped, {totals['errors']} errors; "
          f"{len(problems)} problems (junitparser {junitparser.version})")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
