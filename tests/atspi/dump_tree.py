"""Prints Manifold's accessible tree (role, name, description): a tool for writing tests and
docs/accessibility.md. Usage: /usr/bin/python3 tests/atspi/dump_tree.py build/bin/manifold [ARGS]"""
import sys

from session import DesktopSession


def main():
    session = DesktopSession().start()
    try:
        import driver
        app = driver.ManifoldApp(session, sys.argv[1], sys.argv[2:])
        import time
        time.sleep(1.0)
        for node in driver.walk(app.root):
            depth = 0
            parent = node.parent
            while parent is not None and depth < 40:
                depth += 1
                parent = parent.parent
            print("  " * depth + f"{node.getRoleName()} '{node.name}' {node.description or ''}")
        app.close()
    finally:
        session.stop()


if __name__ == "__main__":
    main()
