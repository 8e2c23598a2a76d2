"""Shared pieces of the AT-SPI tests: the session started by run_suite.py, a base test case
that starts a fresh Manifold per test and shuts it down, and screenshots on failure."""
import os
import shutil
import tempfile
import unittest

import driver

SESSION = None  # set by run_suite.py
REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


class ManifoldTestCase(unittest.TestCase):
    """Each test gets its own temporary copy of what it edits and its own app process."""

    def setUp(self):
        if SESSION is None:
            self.fail("run these tests through tests/atspi/run_suite.py")
        self.work = tempfile.mkdtemp(prefix="manifold-atspi-case-")
        self.apps = []

    def tearDown(self):
        outcome = getattr(self, "_outcome", None)
        failed = outcome is not None and not outcome.success
        if failed:
            self.screenshot(f"FAILED-{self.id().rsplit('.', 1)[-1]}")
            for app in self.apps:
                print(f"--- manifold output ---\n{app.output()}")
        for app in self.apps:
            app.close()
        shutil.rmtree(self.work, ignore_errors=True)

    def start_app(self, *args, env=None):
        app = driver.ManifoldApp(SESSION, os.environ["MANIFOLD_BINARY"], args, env)
        self.apps.append(app)
        return app

    def copy_connector(self, name):
        """A writable copy of a bundled connector folder; returns its manifest path."""
        target = os.path.join(self.work, name)
        shutil.copytree(os.path.join(REPO, "manifests", name), target)
        return os.path.join(target, "manifest.yaml")

    def screenshot(self, name):
        folder = os.environ.get("MANIFOLD_ATSPI_ARTIFACTS")
        if folder and SESSION is not None:
            os.makedirs(folder, exist_ok=True)
            SESSION.screenshot(os.path.join(folder, f"{name}.png"))
