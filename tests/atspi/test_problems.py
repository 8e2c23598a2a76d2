"""Live diagnostics seen from outside: a misspelled component type typed into the editor shows
up in the Problems list at its line, and fixing it clears the entry."""
import pyatspi

import driver
from harness import ManifoldTestCase


def table_rows(node):
    """The rows of a table or tree as lists of cell names, read through the Table interface."""
    table = node.queryTable()
    rows = []
    for row in range(table.nRows):
        rows.append([table.getAccessibleAt(row, col).name for col in range(table.nColumns)])
    return rows


class ProblemsTest(ManifoldTestCase):
    def test_misspelled_type_appears_at_its_line_and_goes_away_when_fixed(self):
        manifest = self.copy_connector("jsonplaceholder")
        app = self.start_app(manifest)
        editor = app.find(pyatspi.ROLE_TEXT, "Manifest editor")
        problems = app.find(pyatspi.ROLE_TREE, "Problems")
        driver.wait_until(lambda: table_rows(problems) == [], what="a clean manifest")

        text = app.text_of(editor)
        needle = "type: DeclarativeStream"
        offset = text.index(needle) + len("type: ")
        line = text.count("\n", 0, offset) + 1
        app.replace_text(editor, offset, offset + len("DeclarativeStream"), "DeclarativeStreem")

        def entry_at_line():
            # Each cell reads as a whole sentence: "Error at line 30: unknown component type …".
            for row in table_rows(problems):
                spoken = " ".join(row)
                if f"line {line}:" in spoken and "DeclarativeStreem" in spoken:
                    return spoken
            return None

        spoken = driver.wait_until(entry_at_line, what=f"a Problems entry at line {line}")
        self.assertIn("Error", spoken)

        offset = app.text_of(editor).index("DeclarativeStreem")
        app.replace_text(editor, offset, offset + len("DeclarativeStreem"), "DeclarativeStream")
        driver.wait_until(lambda: not any("DeclarativeStreem" in " ".join(r) for r in table_rows(problems)),
                          what="the Problems entry to go away")
