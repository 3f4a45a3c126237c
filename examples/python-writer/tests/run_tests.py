"""Runs the Python examples' tests for CTest: unittest discovery in DIR for files matching
PATTERN (optionally only tests whose name holds -k NAME), verbose.

Exit 1 if any test failed. If none failed and some were skipped (a vsssim without a feature
they need), it prints "SKIPPED: <reason>" per skipped test, which CTest's
SKIP_REGULAR_EXPRESSION turns into a skipped test. A failure is never reported as a skip: CTest
lets the skip expression win over the exit code, so it is printed only after a clean run.

  python3 run_tests.py DIR PATTERN [-k NAME]
"""

import argparse
import sys
import unittest


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory")
    parser.add_argument("pattern")
    parser.add_argument("-k", dest="name", default=None)
    args = parser.parse_args(argv)
    loader = unittest.TestLoader()
    if args.name:
        loader.testNamePatterns = ["*%s*" % args.name]
    suite = loader.discover(args.directory, pattern=args.pattern, top_level_dir=args.directory)
    if suite.countTestCases() == 0:
        sys.stderr.write("run_tests.py: no test in %s matches %s -k %s\n"
                         % (args.directory, args.pattern, args.name))
        return 1
    result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)
    if not result.wasSuccessful():
        return 1
    for test, reason in result.skipped:
        print("SKIPPED: %s: %s" % (test.id(), reason))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
