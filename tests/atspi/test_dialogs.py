"""Each dialog walked from outside as a screen-reader user meets it: opened from its menu item,
every interactive control named, the documented controls found by name (docs/accessibility.md),
and one real task done in it by name alone."""
import os

import pyatspi

import driver
from harness import REPO, ManifoldTestCase
from test_names import unnamed_controls


def dialog_named(app, title):
    def look():
        for window in app.windows():
            if window is not None and window.getRole() == pyatspi.ROLE_DIALOG and window.name == title:
                return window
        return None
    return driver.wait_until(look, what=f"the dialog '{title}'")


def dialog_gone(app, title):
    return all(w is None or w.name != title or not driver.is_showing(w) for w in app.windows())


def open_from_menu(app, item, title):
    app.press(app.find(pyatspi.ROLE_MENU_ITEM, item))
    return dialog_named(app, title)


def choose_page(app, dialog, title):
    pages = app.find(pyatspi.ROLE_LIST, "Settings pages", root=dialog)
    app.click(app.find(pyatspi.ROLE_LIST_ITEM, title, root=pages))


def labelled_control(app, label_text, root):
    """The control a label names (its buddy): how a screen reader announces a combo box, whose
    own name is its current choice."""
    label = app.find(pyatspi.ROLE_LABEL, label_text, root=root)
    for relation in label.getRelationSet():
        if relation.getRelationType() == pyatspi.RELATION_LABEL_FOR and relation.getNTargets():
            return relation.getTarget(0)
    raise driver.DriverError(f"the label '{label_text}' names no control")


class DialogsTest(ManifoldTestCase):
    def start(self, *args):
        # An unreachable GitHub: a dialog that asks GitHub answers with its error, never the internet.
        config = os.path.join(driver_config_home(), "Manifold")
        os.makedirs(config, exist_ok=True)
        with open(os.path.join(config, "Manifold.conf"), "w") as conf:
            conf.write("[GitHub]\nApiUrl=http://127.0.0.1:9\nLoginUrl=http://127.0.0.1:9\n")
        app = self.start_app(*args)
        app.find(pyatspi.ROLE_TEXT, "Manifest editor")
        return app

    def test_settings_catalog_page_says_what_is_wrong_and_keeps_a_valid_edit(self):
        app = self.start(self.copy_connector("demo"))
        dialog = open_from_menu(app, "Settings…", "Settings")
        app.find(pyatspi.ROLE_PASSWORD_TEXT, "Personal access token", root=dialog)  # the GitHub page comes first
        self.assertEqual(unnamed_controls(dialog), [])
        choose_page(app, dialog, "Catalog")
        app.find(pyatspi.ROLE_PUSH_BUTTON, "Clear catalog branch", root=dialog)
        self.assertEqual(unnamed_controls(dialog), [])
        repository = app.find(pyatspi.ROLE_TEXT, "Catalog repository", root=dialog)
        for name in ("Workspace folder", "Catalog branch", "Manifest path pattern"):
            app.find(pyatspi.ROLE_TEXT, name, root=dialog)
        for name in ("Browse for the workspace folder", "Restore defaults", "OK", "Cancel", "Apply"):
            app.find(pyatspi.ROLE_PUSH_BUTTON, name, root=dialog)
        self.assertEqual(app.text_of(repository), "airbytehq/airbyte")

        app.set_text(repository, "not a repository")
        def problem_labels():
            return [node for node in app.find_all(pyatspi.ROLE_LABEL, root=dialog, showing_only=True)
                    if "OWNER/NAME" in node.name]
        driver.wait_until(problem_labels, what="the repository problem read out")
        self.screenshot("settings-catalog-problem")
        app.set_text(repository, "acme/connectors")
        driver.wait_until(lambda: not problem_labels(), what="the problem gone")
        app.press(app.find(pyatspi.ROLE_PUSH_BUTTON, "OK", root=dialog))
        driver.wait_until(lambda: dialog_gone(app, "Settings"), what="Settings closed")

        again = open_from_menu(app, "Settings…", "Settings")
        choose_page(app, again, "Catalog")
        saved = app.find(pyatspi.ROLE_TEXT, "Catalog repository", root=again)
        driver.wait_until(lambda: app.text_of(saved) == "acme/connectors", what="the saved repository")
        app.press(app.find(pyatspi.ROLE_PUSH_BUTTON, "Cancel", root=again))

    def test_catalog_browser_lists_and_searches_the_bundled_connectors(self):
        app = self.start(self.copy_connector("demo"))
        dialog = open_from_menu(app, "Catalog…", "Connector Catalog")
        self.assertEqual(unnamed_controls(dialog), [])
        # Qt names a combo box by its accessible name or, while its popup is being built, by its
        # current choice; either way its label points at it.
        for label, names in [("Category:", ("Category", "All categories")),
                             ("Catalog:", ("Catalog", "Bundled catalog"))]:
            with self.subTest(label=label):
                combo = labelled_control(app, label, dialog)
                self.assertEqual(combo.getRole(), pyatspi.ROLE_COMBO_BOX)
                self.assertIn(combo.name, names)
        for role, name in [(pyatspi.ROLE_LIST, "Your connectors"), (pyatspi.ROLE_PUSH_BUTTON, "Fork"),
                           (pyatspi.ROLE_PUSH_BUTTON, "Open"), (pyatspi.ROLE_PUSH_BUTTON, "Close")]:
            with self.subTest(name=name):
                app.find(role, name, root=dialog)
        connectors = app.find(pyatspi.ROLE_LIST, "Connectors", root=dialog)
        total = driver.wait_until(lambda: connectors.childCount, what="bundled connectors listed")
        search = app.find(pyatspi.ROLE_TEXT, "Search connectors", root=dialog)
        app.set_text(search, "demo")
        driver.wait_until(lambda: 0 < connectors.childCount < total or total == 1,
                          what="the search narrowing the list")
        self.assertTrue(any("demo" in connectors.getChildAtIndex(i).name.lower()
                            for i in range(connectors.childCount)))
        app.press(app.find(pyatspi.ROLE_PUSH_BUTTON, "Close", root=dialog))
        driver.wait_until(lambda: dialog_gone(app, "Connector Catalog"), what="the catalog closed")

    def test_openapi_wizard_loads_a_document_and_lists_its_streams(self):
        app = self.start(self.copy_connector("demo"))
        dialog = open_from_menu(app, "New Connector from OpenAPI…", "New Connector from OpenAPI")
        self.assertEqual(unnamed_controls(dialog), [])
        document = app.find(pyatspi.ROLE_TEXT, "OpenAPI document", root=dialog)
        app.set_text(document, os.path.join(REPO, "tests", "core", "openapi", "data", "repos_openapi30.yaml"))
        app.press(app.find(pyatspi.ROLE_PUSH_BUTTON, "Load", root=dialog))
        streams = app.find(pyatspi.ROLE_TREE, "Candidate streams", root=dialog)
        driver.wait_until(lambda: streams.queryTable().nRows > 0 if _has_table(streams) else streams.childCount > 0,
                          timeout=30, what="candidate streams")
        app.find(pyatspi.ROLE_PUSH_BUTTON, "Create connector", root=dialog)
        app.press(app.find(pyatspi.ROLE_PUSH_BUTTON, "Cancel", root=dialog))
        driver.wait_until(lambda: dialog_gone(app, "New Connector from OpenAPI"), what="the wizard closed")

    def test_contribute_dialog_names_its_controls_and_reports_an_unreachable_github(self):
        # Contribute sends a connector folder, so the app opens the folder, not only its manifest.
        app = self.start(os.path.dirname(self.copy_connector("demo")))
        dialog = open_from_menu(app, "Contribute…", "Contribute")
        self.assertEqual(unnamed_controls(dialog), [])
        for role, name in [(pyatspi.ROLE_TEXT, "Catalog repository"), (pyatspi.ROLE_TEXT, "Branch name"),
                           (pyatspi.ROLE_TEXT, "Pull request title"), (pyatspi.ROLE_PUSH_BUTTON, "Contribute"),
                           (pyatspi.ROLE_PUSH_BUTTON, "Refresh the files and diffs")]:
            with self.subTest(name=name):
                app.find(role, name, root=dialog)
        contribute = app.find(pyatspi.ROLE_PUSH_BUTTON, "Contribute", root=dialog)
        # Not signed in: nothing can be sent yet.
        self.assertFalse(contribute.getState().contains(pyatspi.STATE_ENABLED))
        self.screenshot("contribute-offline")
        app.key_chord([], "Escape")
        driver.wait_until(lambda: dialog_gone(app, "Contribute"), what="Contribute closed")


def _has_table(node):
    try:
        node.queryTable()
        return True
    except Exception:
        return False


def driver_config_home():
    from harness import SESSION
    return SESSION.env["XDG_CONFIG_HOME"]
