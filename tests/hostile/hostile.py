#!/usr/bin/env python3
"""Hostile files, failing disks, two writers: convene-cli against bad inputs.

Every case is a function in one of the cases_*.py modules beside this file,
marked with @case.  A case makes its inputs itself (nothing large is stored
in the repository), runs convene-cli, and checks what a user would see: the
exit status, that standard error names the file and the problem, and that
the database is unchanged where the command failed.

    hostile.py CLI [CASE...]      run every case (or those named), as TAP

The results are written in TAP, so meson shows each case.
"""

import glob
import importlib.util
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import traceback

CASES = []
FIXTURES = os.environ.get("CONVENE_FIXTURES",
                          os.path.join(os.path.dirname(__file__), "..", "fixtures"))


def case(function):
    """Marks a function as a hostile case; its name is the case's name."""
    CASES.append(function)
    return function


class Failure(Exception):
    pass


class Result:
    def __init__(self, args, status, out, err):
        self.args, self.status, self.out, self.err = args, status, out, err

    def __repr__(self):
        return "convene-cli %s -> exit %s\nstdout: %s\nstderr: %s" % (
            " ".join(self.args), self.status, self.out[:2000], self.err[:2000])


class Context:
    """A temporary folder, a database in it, and ways to run convene-cli."""

    def __init__(self, cli, tmp):
        self.cli = cli
        self.tmp = tmp
        self.db = os.path.join(tmp, "convene.db")

    def path(self, name):
        return os.path.join(self.tmp, name)

    def write(self, name, data):
        """Writes @data (str or bytes) into the temporary folder; returns the path."""
        path = self.path(name)
        with open(path, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        return path

    def fixture(self, name):
        return os.path.join(FIXTURES, name)

    def run(self, *args, database=None, stdin=None, timeout=60, env=None, **popen):
        """Runs convene-cli with --database (this context's unless given)."""
        argv = [self.cli]
        if database is not False:
            argv += ["--database", database if database is not None else self.db]
        argv += list(args)
        environment = dict(os.environ, LANG="C.UTF-8", LANGUAGE="", TZ="Europe/London")
        environment.update(env or {})
        popen.setdefault("stdout", subprocess.PIPE)
        popen.setdefault("stderr", subprocess.PIPE)
        try:
            proc = subprocess.run(argv, input=stdin, timeout=timeout,
                                  env=environment, cwd=self.tmp, **popen)
        except subprocess.TimeoutExpired:
            raise Failure("convene-cli %s did not finish in %d s" % (" ".join(args), timeout))
        return Result(list(args), proc.returncode,
                      (proc.stdout or b"").decode("utf-8", "replace"),
                      (proc.stderr or b"").decode("utf-8", "replace"))

    def seeded(self):
        """Fills this context's database with the first seed plan."""
        result = self.run("import", self.fixture("seed-000-iwg-2021.txt"))
        check(result.status == 0, "the seed did not import", result)
        return result

    def snapshot(self, database=None):
        """What the database holds: its export, and every table's rows."""
        database = database or self.db
        if not os.path.exists(database):
            return None
        export = self.run("export", database=database)
        rows = {}
        con = sqlite3.connect("file:%s?mode=ro" % database, uri=True)
        try:
            for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
                rows[name] = sorted(map(repr, con.execute('SELECT * FROM "%s"' % name)))
            version = con.execute("PRAGMA user_version").fetchone()[0]
        finally:
            con.close()
        return (export.out, rows, version)

    def file_bytes(self, path):
        with open(path, "rb") as f:
            return f.read()


def check(condition, message, result=None):
    if not condition:
        raise Failure(message + ("\n" + repr(result) if result is not None else ""))


def refused(result, status=1, mentions=()):
    """The command failed with @status, and stderr says each of @mentions."""
    check(result.status == status, "expected exit status %d" % status, result)
    for words in mentions:
        check(words.lower() in result.err.lower(), "stderr does not say %r" % words, result)
    check("CRITICAL" not in result.err and "(null)" not in result.err + result.out,
          "a GLib-CRITICAL or a (null) reached the user", result)


def succeeded(result, mentions=()):
    check(result.status == 0, "expected success", result)
    for words in mentions:
        check(words.lower() in (result.out + result.err).lower(), "the output does not say %r" % words, result)
    check("CRITICAL" not in result.err, "a GLib-CRITICAL reached the user", result)


def unchanged(before, ctx, database=None):
    check(ctx.snapshot(database) == before, "the database changed although the command failed")


def load_cases():
    here = os.path.dirname(os.path.abspath(__file__))
    for path in sorted(glob.glob(os.path.join(here, "cases_*.py"))):
        spec = importlib.util.spec_from_file_location(os.path.basename(path)[:-3], path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)


def main():
    cli = os.path.abspath(sys.argv[1])
    wanted = set(sys.argv[2:])
    sys.modules.setdefault("hostile", sys.modules[__name__])
    load_cases()
    cases = [c for c in CASES if not wanted or c.__name__ in wanted]
    print("TAP version 13")
    print("1..%d" % len(cases))
    failed = 0
    for number, function in enumerate(cases, 1):
        tmp = tempfile.mkdtemp(prefix="convene-hostile-")
        try:
            function(Context(cli, tmp))
            print("ok %d %s" % (number, function.__name__))
        except Exception as error:
            failed += 1
            print("not ok %d %s" % (number, function.__name__))
            text = str(error) if isinstance(error, Failure) else traceback.format_exc()
            for line in text.splitlines():
                print("# " + line)
        finally:
            os.chmod(tmp, 0o700)
            shutil.rmtree(tmp, ignore_errors=True)
        sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
