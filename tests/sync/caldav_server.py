"""A Radicale server on 127.0.0.1 and gnome-keyring on a private D-Bus,
for the CalDAV tests and the benchmark.

Radicale runs with a temporary storage folder and one user in a plain
htpasswd file; it listens on port 0 and the port is read from its log,
which also gives the requests it answered (one INFO line a request).
"""
import base64
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request

USER = "coordinator"
PASSWORD = "Tr1cky-pässword-7731"


def in_private_bus(argv):
    """Runs this program again inside its own dbus-run-session, once."""
    if os.environ.get("CONVENE_SYNC_PRIVATE_BUS") == "1":
        return
    env = dict(os.environ, CONVENE_SYNC_PRIVATE_BUS="1")
    os.execvpe("dbus-run-session", ["dbus-run-session", "--", sys.executable] + argv, env)


class Radicale:
    def __init__(self, root):
        self.root = root
        self.storage = os.path.join(root, "collections")
        os.makedirs(self.storage)
        users = os.path.join(root, "users")
        with open(users, "w") as f:
            f.write("%s:%s\n" % (USER, PASSWORD))
        self.config = os.path.join(root, "radicale.conf")
        with open(self.config, "w") as f:
            f.write("[server]\nhosts = 127.0.0.1:0\n"
                    "[auth]\ntype = htpasswd\nhtpasswd_filename = %s\nhtpasswd_encryption = plain\n"
                    "[storage]\nfilesystem_folder = %s\n"
                    "[logging]\nlevel = info\nmask_passwords = True\n" % (users, self.storage))
        self.log_path = os.path.join(root, "radicale.log")
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen([sys.executable, "-m", "radicale", "--config", self.config],
                                        stdout=self.log, stderr=subprocess.STDOUT)
        self.port = None
        for _ in range(200):
            m = re.search(r"Listening on '?127\.0\.0\.1:(\d+)", self.read_log())
            if m:
                self.port = int(m.group(1))
                break
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        if self.port is None:
            raise RuntimeError("Radicale did not start:\n" + self.read_log())
        self.url = "http://127.0.0.1:%d/" % self.port
        self.mark = 0

    def read_log(self):
        with open(self.log_path, errors="replace") as f:
            return f.read()

    def requests_since_mark(self):
        """The methods of the requests Radicale answered since mark()."""
        text = self.read_log()[self.mark:]
        return re.findall(r"\b([A-Z]+) request for ", text)

    def set_mark(self):
        self.mark = len(self.read_log())

    def request(self, method, url, body=None, headers=None):
        """A request as another CalDAV client would send it (curl)."""
        args = ["curl", "-s", "-S", "-u", "%s:%s" % (USER, PASSWORD), "-X", method,
                "-o", "-", "-w", "\n%{http_code}", "-D", os.path.join(self.root, "headers")]
        for k, v in (headers or {}).items():
            args += ["-H", "%s: %s" % (k, v)]
        if body is not None:
            args += ["--data-binary", "@-"]
        out = subprocess.run(args + [url], input=(body or "").encode(), capture_output=True, check=True)
        text, _, code = out.stdout.decode().rpartition("\n")
        with open(os.path.join(self.root, "headers")) as f:
            head = f.read()
        m = re.search(r"(?im)^etag:\s*(.+?)\s*$", head)
        return int(code), text, (m.group(1) if m else None)

    def stop(self):
        self.process.terminate()
        self.process.wait(10)
        self.log.close()


def start_keyring(home):
    """gnome-keyring's secret service on this process's session bus, its
    files under @home, unlocked with a password of its own."""
    env = dict(os.environ, HOME=home, XDG_DATA_HOME=os.path.join(home, "data"))
    out = subprocess.run(["gnome-keyring-daemon", "--unlock", "--components=secrets"],
                         input=b"keyring-unlock", capture_output=True, env=env, check=True)
    for line in out.stdout.decode().splitlines():
        k, _, v = line.partition("=")
        if k:
            os.environ[k] = v
