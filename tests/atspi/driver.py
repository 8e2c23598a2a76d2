"""Drives a running Manifold over AT-SPI by role and accessible name only, as a screen reader
or a user would. Import after DesktopSession.start(): pyatspi connects on import."""
import os
import subprocess
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402
import pyatspi  # noqa: E402

# Roles a user interacts with; each must carry a name (tests/atspi/test_names.py).
INTERACTIVE_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_TEXT,
    pyatspi.ROLE_ENTRY, pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_SLIDER, pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE, pyatspi.ROLE_TREE_TABLE,
    pyatspi.ROLE_LIST, pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_MENU_ITEM,
    pyatspi.ROLE_CHECK_MENU_ITEM, pyatspi.ROLE_MENU,
}

Atspi.set_timeout(5000, 10000)


class DriverError(AssertionError):
    pass


def wait_until(predicate, timeout=15.0, interval=0.1, what="condition"):
    """Polls `predicate` until it returns a truthy value; AT-SPI errors count as 'not yet'."""
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except Exception as error:  # a busy app or a vanished object answers with an error
            last_error = error
        time.sleep(interval)
    raise DriverError(f"timed out after {timeout:.0f} s waiting for {what}"
                      + (f" (last error: {last_error})" if last_error else ""))


def role_name(node):
    return node.getRoleName()


def walk(node, depth=0, max_depth=60):
    """Yields every accessible below `node` (tables are not expanded: use the Table interface)."""
    if node is None or depth > max_depth:
        return
    yield node
    try:
        role = node.getRole()
        count = node.childCount
    except Exception:
        return
    if role in (pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE_TABLE) or count > 2000:
        return
    for index in range(count):
        try:
            child = node.getChildAtIndex(index)
        except Exception:
            continue
        yield from walk(child, depth + 1, max_depth)


def is_showing(node):
    try:
        return node.getState().contains(pyatspi.STATE_SHOWING)
    except Exception:
        return False


class ManifoldApp:
    """One running `manifold` process and its accessible tree."""

    def __init__(self, session, binary, args=(), extra_env=None):
        self.session = session
        self.log_path = os.path.join(session.tmp, f"manifold-{time.monotonic_ns()}.log")
        self._log = open(self.log_path, "wb")
        self.proc = subprocess.Popen([binary, *args], env=session.app_env(extra_env),
                                     stdout=self._log, stderr=subprocess.STDOUT)
        self.root = wait_until(self._find_application, timeout=30, what="Manifold on the AT-SPI bus")
        self.window = wait_until(self._main_window, timeout=30, what="the main window")

    def _find_application(self):
        if self.proc.poll() is not None:
            raise DriverError(f"manifold exited with {self.proc.returncode}: {self.output()}")
        desktop = pyatspi.Registry.getDesktop(0)
        for index in range(desktop.childCount):
            app = desktop.getChildAtIndex(index)
            try:
                if app is not None and app.get_process_id() == self.proc.pid:
                    return app
            except Exception:
                continue
        return None

    def _main_window(self):
        for index in range(self.root.childCount):
            child = self.root.getChildAtIndex(index)
            if child is not None and child.getRole() == pyatspi.ROLE_FRAME:
                return child
        return None

    def output(self):
        self._log.flush()
        with open(self.log_path, "rb") as log:
            return log.read().decode(errors="replace")[-4000:]

    # --- finding ---------------------------------------------------------------------------
    def find_all(self, role=None, name=None, root=None, showing_only=False):
        found = []
        for node in walk(root or self.root):
            try:
                if role is not None and node.getRole() != role:
                    continue
                if name is not None and node.name != name:
                    continue
                if showing_only and not is_showing(node):
                    continue
            except Exception:
                continue
            found.append(node)
        return found

    def find(self, role, name, root=None, timeout=15.0):
        """The first control with this role and accessible name, waiting for it to appear."""
        def look():
            hits = self.find_all(role, name, root)
            return hits[0] if hits else None
        return wait_until(look, timeout=timeout, what=f"{pyatspi.Role(role)} named '{name}'")

    def windows(self):
        return [self.root.getChildAtIndex(i) for i in range(self.root.childCount)]

    # --- acting ----------------------------------------------------------------------------
    @staticmethod
    def press(node):
        action = node.queryAction()
        for index in range(action.nActions):
            if action.getName(index) in ("Press", "press", "click", "Toggle", "toggle"):
                action.doAction(index)
                return
        action.doAction(0)

    @staticmethod
    def text_of(node):
        text = node.queryText()
        return text.getText(0, text.characterCount)

    @staticmethod
    def set_text(node, value):
        node.queryEditableText().setTextContents(value)

    @staticmethod
    def replace_text(node, start, end, value):
        editable = node.queryEditableText()
        editable.deleteText(start, end)
        editable.insertText(start, value, len(value))

    @staticmethod
    def focus(node):
        node.queryComponent().grabFocus()

    @staticmethod
    def key_chord(modifiers, keysym_name):
        """Presses e.g. (['Control'], 'Return'): modifiers are locked around the key."""
        masks = {"Control": 1 << 2, "Shift": 1 << 0, "Alt": 1 << 3}
        mask = 0
        for modifier in modifiers:
            mask |= masks[modifier]
        code = _keysym(keysym_name)
        if mask:
            Atspi.generate_keyboard_event(mask, None, Atspi.KeySynthType.LOCKMODIFIERS)
        Atspi.generate_keyboard_event(code, None, Atspi.KeySynthType.SYM)
        if mask:
            Atspi.generate_keyboard_event(mask, None, Atspi.KeySynthType.UNLOCKMODIFIERS)

    @staticmethod
    def type_text(value):
        Atspi.generate_keyboard_event(0, value, Atspi.KeySynthType.STRING)

    def click(self, node):
        """A real mouse click in the middle of `node` (activates the window for shortcuts)."""
        extents = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        x = extents.x + extents.width // 2
        y = extents.y + extents.height // 2
        Atspi.generate_mouse_event(x, y, "b1c")

    def close(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._log.close()


_KEYSYMS = {"Return": 0xFF0D, "Escape": 0xFF1B, "Tab": 0xFF09, "F8": 0xFFC5, "F12": 0xFFC9, "Home": 0xFF50}


def _keysym(name):
    if name in _KEYSYMS:
        return _KEYSYMS[name]
    if len(name) == 1:
        return ord(name)
    raise DriverError(f"no keysym for {name}")
