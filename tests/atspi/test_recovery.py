"""Nothing typed is lost when Manifold dies: the real binary gets text typed into its editor,
autosaves it, is killed with SIGKILL, and the next start offers the unsaved text back; taking
the offer puts it in the editor, marked modified, while the file on disk stays as it was."""
import glob
import os
import signal

import pyatspi

import driver
from harness import ManifoldTestCase

MARKER = "# typed just before the crash "


class RecoveryTest(ManifoldTestCase):
    def app_env(self):
        """The app's own settings and data folders, with autosave every second."""
        config = os.path.join(self.work, "config")
        os.makedirs(os.path.join(config, "Manifold"), exist_ok=True)
        with open(os.path.join(config, "Manifold", "Manifold.conf"), "w") as conf:
            conf.write("[Editor]\nAutosaveSeconds=1\n")
        return {"XDG_CONFIG_HOME": config, "XDG_DATA_HOME": os.path.join(self.work, "data")}

    def recovery_copies(self):
        return glob.glob(os.path.join(self.work, "data", "**", "recovery", "*.json"), recursive=True)

    def test_text_typed_before_a_kill_is_offered_and_restored_on_the_next_start(self):
        manifest = self.copy_connector("jsonplaceholder")
        with open(manifest, encoding="utf-8") as f:
            on_disk = f.read()
        env = self.app_env()

        app = self.start_app(manifest, env=env)
        editor = app.find(pyatspi.ROLE_TEXT, "Manifest editor")
        driver.wait_until(lambda: app.text_of(editor).startswith("# JSONPlaceholder"), what="the manifest loaded")
        app.click(editor)  # a real click activates the window so typed keys reach the editor
        driver.wait_until(lambda: editor.getState().contains(pyatspi.STATE_FOCUSED), what="the editor focused")
        app.key_chord(["Control"], "Home")
        driver.wait_until(lambda: editor.queryText().caretOffset == 0, what="the caret at the start")
        app.type_text(MARKER)
        driver.wait_until(lambda: app.text_of(editor).startswith(MARKER), what="the typed text in the editor")

        def autosaved():
            for path in self.recovery_copies():
                with open(path, encoding="utf-8") as copy:
                    if MARKER.strip() in copy.read():
                        return path
            return None

        driver.wait_until(autosaved, timeout=20, what="an autosave copy holding the typed text")
        app.proc.send_signal(signal.SIGKILL)
        app.proc.wait(timeout=10)
        self.assertEqual(app.proc.returncode, -signal.SIGKILL)

        restarted = self.start_app(manifest, env=env)
        offer = restarted.find(pyatspi.ROLE_ALERT, "Recover unsaved changes", timeout=30)
        spoken = " ".join(node.name for node in restarted.find_all(pyatspi.ROLE_LABEL, root=offer))
        self.assertIn("manifest.yaml", spoken)
        self.screenshot("recovery-offer")
        restarted.press(restarted.find(pyatspi.ROLE_PUSH_BUTTON, "Yes", root=offer))

        editor = restarted.find(pyatspi.ROLE_TEXT, "Manifest editor")
        driver.wait_until(lambda: restarted.text_of(editor).startswith(MARKER), what="the restored text")
        self.assertEqual(restarted.text_of(editor), MARKER + on_disk)
        driver.wait_until(lambda: "*" in restarted.window.name, what="the title to show the buffer is modified")
        with open(manifest, encoding="utf-8") as f:
            self.assertEqual(f.read(), on_disk, "restoring writes nothing until the user saves")
