#!/usr/bin/env python3
"""check-occurrences.py: every occurrence convene-cli lists for a year of a
generated calendar, against bench/reference-occurrences.py's expansion.

    check-occurrences.py CONVENE-CLI

It writes bench/gen-ics.py files (weekly, fortnightly-Monday and
last-Tuesday series in eight zones, four of them with daylight saving in
both hemispheres, some first starts on a day their rule does not give,
and in one file EXDATEs, RDATEs, moved and cancelled meetings)
into a temporary folder, and fails unless convene-cli lists exactly the
occurrences, starts, statuses and topics the reference works out with
python3-icalendar, dateutil and zoneinfo.  The references suite, since
those are Debian's and not the Flatpak Sdk's.
"""

import os
import subprocess
import sys
import tempfile

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(TOP, "bench")


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: check-occurrences.py CONVENE-CLI")
    cli = sys.argv[1]
    failed = 0
    with tempfile.TemporaryDirectory(prefix="convene-occurrences-") as work:
        # Two sizes: different seeds give different series and zones; the
        # last file also gives its series EXDATEs, RDATEs and overrides
        # (moved and cancelled meetings), read after 1,000 events.
        for count, options in ((400, []), (1000, []), (1200, ["--exceptions"])):
            ics = os.path.join(work, "meetings-%d.ics" % count)
            with open(ics, "w") as out:
                subprocess.run([sys.executable, os.path.join(BENCH, "gen-ics.py")] + options + [str(count)],
                               stdout=out, check=True)
            result = subprocess.run([sys.executable, os.path.join(BENCH, "reference-occurrences.py"),
                                     ics, "--cli", cli, "--work", os.path.join(work, str(count))],
                                    capture_output=True, text=True)
            sys.stdout.write(result.stdout)
            sys.stderr.write(result.stderr)
            if result.returncode != 0 or "100% equal" not in result.stdout:
                print("FAIL: %d events: convene-cli and the reference differ" % count)
                failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
