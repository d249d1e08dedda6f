#!/usr/bin/env python3
"""Convene's golden outputs: what convene-cli prints for every fixture and seed.

For each importable fixture, a new database is made, the file imported, and
then exported in every format and listed in two time zones; every time
expression of time-expressions.txt is resolved with `when` in the same two
zones.  Each output (standard output, standard error and the exit status) is
compared byte for byte with its file under tests/fixtures/golden/.

    golden.py CLI FIXTURES GOLDEN            compare; exit 1 on any difference
    golden.py CLI FIXTURES GOLDEN --update   write the golden files again

Only a change of behaviour made on purpose rewrites the golden files, in a
commit whose message says what changed and why.

The one value that is not the program's to choose is the iCalendar DTSTAMP
(the moment of the export), which is replaced by a fixed text before
comparing.
"""

import difflib
import os
import re
import subprocess
import sys
import tempfile

ZONES = ("Africa/Nairobi", "America/Mexico_City")
EXPORT_FORMATS = ("json", "ics", "csv", "md")
LISTS = ("plans", "sessions", "actions", "people")

# Fixtures that are imported (the others are bad on purpose: their import
# output alone is pinned).
IMPORTED = (
    "seed-000-iwg-2021.txt",
    "seed-001-iwg-2024.txt",
    "seed-002-ogp-2016.txt",
    "announcement-iwg-call.txt",
    "announcement-lac-series.txt",
    "announcement-reunion-es.txt",
    "ics-iwg-2024.ics",
    "ics-outlook-zones.ics",
    "every-state.json",
    "sessions-three-years.json",
)
REFUSED = (
    "ics-garbage.ics",
    "ics-truncated.ics",
)

DTSTAMP = re.compile(r"^DTSTAMP:\d{8}T\d{6}Z\r?$", re.M)


def environment(zone):
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("LC_", "LANG"))}
    env["LANG"] = "C.UTF-8"
    env["TZ"] = zone
    return env


def run(cli, args, cwd, zone):
    proc = subprocess.run([cli] + args, cwd=cwd, env=environment(zone),
                          capture_output=True)
    out = proc.stdout.decode("utf-8", "replace")
    err = proc.stderr.decode("utf-8", "replace")
    return "%s\n--- stderr\n%s--- exit %d\n" % (out, err, proc.returncode)


def outputs_of_fixture(cli, fixtures, name, tmp):
    db = os.path.join(tmp, name + ".db")
    base = ["--database", db]
    zone = ZONES[0]
    results = {name + ".import.txt": run(cli, base + ["import", name], fixtures, zone)}
    if name in REFUSED:
        return results
    for fmt in EXPORT_FORMATS:
        text = run(cli, base + ["export", "--format", fmt], fixtures, zone)
        results["%s.export.%s" % (name, fmt)] = DTSTAMP.sub("DTSTAMP:(the export's time)", text)
    for zone in ZONES:
        text = ""
        for what in LISTS:
            text += "=== list %s\n" % what
            text += run(cli, base + ["list", what], fixtures, zone)
        results["%s.list.%s.txt" % (name, zone.replace("/", "-"))] = text
    return results


def expression_blocks(path):
    block = {}
    with open(path, encoding="utf-8") as f:
        for line in f.read().split("\n") + [""]:
            if not line.strip():
                if "text" in block:
                    yield block
                block = {}
                continue
            if line.startswith("#"):
                continue
            key, _, value = line.partition(":")
            block.setdefault(key.strip(), value.strip())


def outputs_of_when(cli, fixtures):
    results = {}
    blocks = list(expression_blocks(os.path.join(fixtures, "time-expressions.txt")))
    for zone in ZONES:
        text = ""
        for block in blocks:
            args = ["when"]
            if "ref" in block:
                args += ["--date", block["ref"]]
            if "day-first" in block.get("flags", ""):
                args += ["--day-first"]
            args += ["--in", "Europe/London,Asia/Kolkata", block["text"]]
            text += "=== %s\n" % block["text"]
            text += run(cli, args, fixtures, zone)
        results["when.%s.txt" % zone.replace("/", "-")] = text
    return results


def main():
    cli, fixtures, golden = (os.path.abspath(p) for p in sys.argv[1:4])
    update = "--update" in sys.argv[4:]
    with tempfile.TemporaryDirectory() as tmp:
        results = {}
        for name in IMPORTED + REFUSED:
            results.update(outputs_of_fixture(cli, fixtures, name, tmp))
        results.update(outputs_of_when(cli, fixtures))

    if update:
        os.makedirs(golden, exist_ok=True)
        for name, text in results.items():
            with open(os.path.join(golden, name), "w", encoding="utf-8", newline="") as f:
                f.write(text)
        print("wrote %d golden files into %s" % (len(results), golden))
        return 0

    failed = 0
    for name, text in sorted(results.items()):
        path = os.path.join(golden, name)
        try:
            with open(path, encoding="utf-8", newline="") as f:
                want = f.read()
        except FileNotFoundError:
            print("not ok: %s has no golden file" % name)
            failed += 1
            continue
        if want != text:
            failed += 1
            print("not ok: %s differs from its golden file:" % name)
            sys.stdout.writelines(difflib.unified_diff(
                want.splitlines(True), text.splitlines(True),
                "golden/" + name, "now/" + name, n=2))
        else:
            print("ok: %s" % name)
    print("%d of %d outputs as pinned" % (len(results) - failed, len(results)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
