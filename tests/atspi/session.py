"""A private desktop session for driving Manifold over AT-SPI: Xvfb, a session bus, the
accessibility bus and a window manager, started as children of this process and ended by pid.

The start order matters (docs: ../shared/docs/TESTING-GUI.md, in this repo docs/accessibility.md):
the display first, then the session bus with DISPLAY set, then the accessibility bus, then the
app. pyatspi may only be imported once the accessibility bus is up, and only once per process.
"""
import os
import shutil
import signal
import subprocess
import tempfile
import time


class SessionError(RuntimeError):
    pass


def _require(tool):
    path = shutil.which(tool) or (tool if os.path.exists(tool) else None)
    if not path:
        raise SessionError(
            f"{tool} is missing; ./packaging/dev.sh deps installs what the AT-SPI suite needs")
    return path


class DesktopSession:
    """Owns every helper process of the session; stop() ends them in reverse order."""

    def __init__(self, screen="1280x1024x24"):
        self.screen = screen
        self.children = []
        self.tmp = tempfile.mkdtemp(prefix="manifold-atspi-")
        self.env = {}

    def _spawn(self, argv, env, stdout=subprocess.DEVNULL):
        proc = subprocess.Popen(argv, env=env, stdout=stdout, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        self.children.append(proc)
        return proc

    def start(self):
        env = dict(os.environ)
        for var in ("AT_SPI_BUS_ADDRESS", "DBUS_SESSION_BUS_ADDRESS", "WAYLAND_DISPLAY"):
            env.pop(var, None)
        env["XDG_RUNTIME_DIR"] = os.path.join(self.tmp, "runtime")
        os.makedirs(env["XDG_RUNTIME_DIR"], mode=0o700)
        for sub in ("config", "data", "cache"):
            env[f"XDG_{sub.upper()}_HOME"] = os.path.join(self.tmp, sub)
        env["HOME"] = os.path.join(self.tmp, "home")
        os.makedirs(env["HOME"])

        # 1. The X server; -displayfd tells us which display it took.
        read_fd, write_fd = os.pipe()
        xvfb = subprocess.Popen([_require("Xvfb"), "-displayfd", str(write_fd), "-screen", "0",
                                 self.screen, "-nolisten", "tcp"],
                                pass_fds=(write_fd,), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
        self.children.append(xvfb)
        os.close(write_fd)
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise SessionError("Xvfb did not start")
        env["DISPLAY"] = ":" + number

        # 2. The session bus, with DISPLAY already set.
        bus = self._spawn([_require("dbus-daemon"), "--session", "--nofork", "--print-address"],
                          env, stdout=subprocess.PIPE)
        address = bus.stdout.readline().decode().strip()
        if not address:
            raise SessionError("dbus-daemon did not print its address")
        env["DBUS_SESSION_BUS_ADDRESS"] = address

        # 3. The accessibility bus and its registry, before any app.
        self._spawn([_require("/usr/libexec/at-spi-bus-launcher"), "--launch-immediately"], env)
        self._wait_for_a11y_bus(env)
        self._spawn([_require("/usr/libexec/at-spi2-registryd")], env)

        # A window manager, so the app's window becomes active and window shortcuts fire.
        self._spawn([_require("openbox"), "--sm-disable"], env)
        time.sleep(0.3)

        os.environ.update(env)
        for var in ("AT_SPI_BUS_ADDRESS",):
            os.environ.pop(var, None)
        self.env = env
        return self

    def _wait_for_a11y_bus(self, env, timeout=10.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            done = subprocess.run(["dbus-send", "--session", "--print-reply", "--dest=org.a11y.Bus",
                                   "/org/a11y/bus", "org.a11y.Bus.GetAddress"],
                                  env=env, capture_output=True, timeout=5)
            if done.returncode == 0 and b"unix:" in done.stdout:
                return
            time.sleep(0.1)
        raise SessionError("the accessibility bus did not come up")

    def app_env(self, extra=None):
        env = dict(self.env)
        env["QT_LINUX_ACCESSIBILITY_ALWAYS_ON"] = "1"
        env["QT_QPA_PLATFORM"] = "xcb"
        env.pop("AT_SPI_BUS_ADDRESS", None)
        env.update(extra or {})
        return env

    def screenshot(self, path):
        subprocess.run(["import", "-window", "root", path], env=self.env, check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=30)

    def stop(self):
        for proc in reversed(self.children):
            if proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        for proc in reversed(self.children):
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        self.children.clear()
        shutil.rmtree(self.tmp, ignore_errors=True)
