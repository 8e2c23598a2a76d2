"""The demo from the keyboard and by field title alone, as a screen-reader user works: a
testing value typed into the field named by its title reaches the request the Test sends;
Tab from the editor reaches the Test button; Ctrl+Enter in the editor starts a test read."""
import time

import pyatspi

import driver
from harness import ManifoldTestCase


def labels(app):
    return [node.name for node in app.find_all(pyatspi.ROLE_LABEL)]


def focused(node):
    try:
        return node.getState().contains(pyatspi.STATE_FOCUSED)
    except Exception:
        return False


def records_table(app):
    return app.find(pyatspi.ROLE_TABLE, "Records table")


class KeyboardTest(ManifoldTestCase):
    def start_demo(self):
        app = self.start_app("--demo")
        editor = app.find(pyatspi.ROLE_TEXT, "Manifest editor")
        test = app.find(pyatspi.ROLE_PUSH_BUTTON, "Test")
        driver.wait_until(lambda: test.getState().contains(pyatspi.STATE_ENABLED), what="an enabled Test button")
        return app, editor, test

    def test_a_value_typed_into_the_field_named_by_its_title_reaches_the_request(self):
        app, editor, test = self.start_demo()
        address = app.find(pyatspi.ROLE_TEXT, "Demo API address")
        before = driver.wait_until(lambda: app.text_of(address), what="the demo's address in its field")
        self.assertTrue(before.startswith("http://127.0.0.1:"), before)
        port = before.rsplit(":", 1)[1]
        # Typed as a user types: focus the field, select what is there, type over it.
        app.click(address)
        driver.wait_until(lambda: focused(address), what="the address field focused")
        app.key_chord(["Control"], "a")
        app.type_text(f"http://localhost:{port}")
        driver.wait_until(lambda: app.text_of(address) == f"http://localhost:{port}", what="the typed address")

        app.press(test)
        rows = driver.wait_until(lambda: records_table(app).queryTable().nRows, timeout=30, what="records")
        self.assertGreater(rows, 0)
        app.press(app.find(pyatspi.ROLE_PAGE_TAB, "Request"))
        driver.wait_until(lambda: any(f"localhost:{port}/v1/" in name for name in labels(app)),
                          what="the typed address in the Request tab")

    def test_tab_from_the_editor_reaches_test_and_ctrl_enter_starts_a_read(self):
        app, editor, test = self.start_demo()
        app.click(editor)  # activates the window: from here on only keys
        driver.wait_until(lambda: focused(editor), what="the editor focused")
        app.key_chord(["Control"], "Tab")  # Tab itself indents: Ctrl+Tab leaves the editor
        driver.wait_until(lambda: not focused(editor), what="the focus out of the editor")
        reached = False
        for _ in range(60):
            if focused(test):
                reached = True
                break
            app.key_chord([], "Tab")
            time.sleep(0.15)
        self.assertTrue(reached, "Tab never reached the Test button")

        app.key_chord(["Control"], "1")  # back to the editor
        driver.wait_until(lambda: focused(editor), what="the editor focused again")
        text_before = app.text_of(editor)
        app.key_chord(["Control"], "Return")
        rows = driver.wait_until(lambda: records_table(app).queryTable().nRows, timeout=30,
                                 what="records after Ctrl+Enter")
        self.assertGreater(rows, 0)
        self.assertEqual(app.text_of(editor), text_before, "Ctrl+Enter inserts no line into the manifest")
