#!/usr/bin/env python3
"""Runs a test program with a real Radicale on 127.0.0.1 and a real
gnome-keyring on a D-Bus session of its own, named to it in
CONVENE_TEST_CALDAV_URL, CONVENE_TEST_CALDAV_USER and
CONVENE_TEST_CALDAV_PASSWORD; exits with the program's status (77 when
a tool is missing: skipped).

Usage: run-with-caldav.py PROGRAM [ARG...]
"""
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import caldav_server  # noqa: E402

for tool in ("radicale", "gnome-keyring-daemon", "dbus-run-session", "curl"):
    missing = (importlib.util.find_spec("radicale") is None if tool == "radicale"
               else shutil.which(tool) is None)
    if missing:
        print("%s is not installed: skipping" % tool, file=sys.stderr)
        sys.exit(77)

caldav_server.in_private_bus(sys.argv)

root = tempfile.mkdtemp(prefix="convene-ui-caldav-")
home = os.path.join(root, "home")
os.makedirs(home)
os.environ.update(HOME=home, XDG_DATA_HOME=os.path.join(home, "data"),
                  XDG_CONFIG_HOME=os.path.join(home, "config"), XDG_CACHE_HOME=os.path.join(home, "cache"))
server = caldav_server.Radicale(os.path.join(root, "radicale"))
try:
    caldav_server.start_keyring(home)
    env = dict(os.environ, CONVENE_TEST_CALDAV_URL=server.url, CONVENE_TEST_CALDAV_USER=caldav_server.USER,
               CONVENE_TEST_CALDAV_PASSWORD=caldav_server.PASSWORD)
    status = subprocess.run(sys.argv[1:], env=env).returncode
finally:
    server.stop()
shutil.rmtree(root, ignore_errors=True)
sys.exit(status)
