"""Runs the AT-SPI suite: one private desktop session for the whole process (libatspi connects
once per process), then every test_*.py here with unittest.

Usage: /usr/bin/python3 tests/atspi/run_suite.py BUILD/bin/manifold [unittest args...]
Screenshots of failures and of the documented views land in $MANIFOLD_ATSPI_ARTIFACTS
(default: a temporary folder that is printed)."""
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from session import DesktopSession, SessionError  # noqa: E402


def main():
    if len(sys.argv) < 2 or not os.access(sys.argv[1], os.X_OK):
        print("usage: run_suite.py PATH/TO/manifold [test names]", file=sys.stderr)
        return 2
    os.environ["MANIFOLD_BINARY"] = os.path.abspath(sys.argv[1])
    os.environ.setdefault("MANIFOLD_ATSPI_ARTIFACTS", tempfile.mkdtemp(prefix="manifold-atspi-art-"))
    session = DesktopSession()
    try:
        session.start()
    except SessionError as error:
        print(f"AT-SPI session could not start: {error}", file=sys.stderr)
        session.stop()
        return 1
    try:
        import harness
        harness.SESSION = session
        loader = unittest.TestLoader()
        here = os.path.dirname(os.path.abspath(__file__))
        names = sys.argv[2:]
        suite = loader.loadTestsFromNames(names) if names else loader.discover(here, "test_*.py")
        result = unittest.TextTestRunner(verbosity=2).run(suite)
        print(f"artifacts: {os.environ['MANIFOLD_ATSPI_ARTIFACTS']}")
        return 0 if result.wasSuccessful() and result.testsRun > 0 else 1
    finally:
        session.stop()


if __name__ == "__main__":
    sys.exit(main())
