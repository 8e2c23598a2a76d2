"""The newcomer's first minute, from outside the app: `manifold --demo` opens the demo
connector with its testing values; pressing Test fills Records, the Request tab shows the demo
API's URL and the status bar reports what was read."""
import os

import pyatspi

import driver
from harness import ManifoldTestCase


def labels(app):
    return [node.name for node in app.find_all(pyatspi.ROLE_LABEL)]


class DemoTest(ManifoldTestCase):
    def test_pressing_test_in_the_demo_fills_records_request_and_status(self):
        app = self.start_app("--demo")
        app.find(pyatspi.ROLE_TEXT, "Manifest editor")
        test = app.find(pyatspi.ROLE_PUSH_BUTTON, "Test")
        driver.wait_until(lambda: test.getState().contains(pyatspi.STATE_ENABLED), what="an enabled Test button")
        app.press(test)

        records = app.find(pyatspi.ROLE_TABLE, "Records table")
        rows = driver.wait_until(lambda: records.queryTable().nRows, timeout=30, what="records in the table")
        self.assertGreater(rows, 0)
        summary = driver.wait_until(
            lambda: next((n for n in labels(app) if n.startswith("Read ") and "record" in n), None),
            what="the read summary in the status bar")
        self.assertIn(str(rows), summary.replace(",", ""))

        app.press(app.find(pyatspi.ROLE_PAGE_TAB, "Request"))
        driver.wait_until(lambda: any("127.0.0.1" in name for name in labels(app)),
                          what="the demo API's URL in the Request tab")
        self.screenshot("demo-test-read")
        # The demo key is a testing-values secret: it shows nowhere on screen.
        self.assertFalse(any("manifold-demo-key" in name for name in labels(app)))
