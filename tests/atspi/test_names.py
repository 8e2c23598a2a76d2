"""Accessible names are a contract (docs/accessibility.md): every interactive control of the
main window and of each dialog has a non-empty name a user would say out loud."""
import pyatspi

import driver
from harness import ManifoldTestCase


def unnamed_controls(root):
    missing = []
    for node in driver.walk(root):
        try:
            if node.getRole() in driver.INTERACTIVE_ROLES and not node.name.strip():
                path = []
                parent = node.parent
                while parent is not None and len(path) < 4:
                    path.append(f"{parent.getRoleName()} '{parent.name}'")
                    parent = parent.parent
                missing.append(f"{node.getRoleName()} in " + " < ".join(path))
        except Exception:
            continue
    return missing


class NamesTest(ManifoldTestCase):
    def test_every_control_of_the_main_window_has_a_name(self):
        app = self.start_app(self.copy_connector("demo"))
        app.find(pyatspi.ROLE_TEXT, "Manifest editor")
        self.assertEqual(unnamed_controls(app.root), [])

    def test_the_documented_panels_are_found_by_name(self):
        app = self.start_app(self.copy_connector("demo"))
        for role, name in [(pyatspi.ROLE_TEXT, "Manifest editor"),
                           (pyatspi.ROLE_TREE, "Outline"),
                           (pyatspi.ROLE_TREE, "Problems")]:
            with self.subTest(name=name):
                app.find(role, name)
