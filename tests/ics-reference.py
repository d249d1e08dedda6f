#!/usr/bin/env python3
"""Convene's series in iCalendar, against an independent reader.

For each calendar file with series (Google-, Outlook- and Thunderbird-shaped
fixtures, and the IWG's own), a new database is made, the file imported and
exported again as iCalendar.  The exported file is then expanded by
python3-icalendar and dateutil, with zoneinfo's tz database: every
occurrence of every RRULE with its RDATEs and EXDATEs, each overriding VEVENT
(same UID, RECURRENCE-ID) put in place of the occurrence it names; one
with RANGE=THISANDFUTURE changes that occurrence and every later one
(RFC 5545, 3.2.13): its details, and its move on the zone's wall clock.  What
they give for the year must be, meeting by meeting, what
`convene-cli list sessions --year` prints (start in UTC, status, topic).
Files whose TZIDs are IANA names are expanded as they came, too, and must
give the same meetings: the import lost nothing.

    ics-reference.py CLI FIXTURES

Prints TAP; the count of meetings compared is in each line.  Suite
`references`: the Flatpak's Sdk has neither icalendar nor dateutil.
"""

import datetime
import os
import subprocess
import sys
import tempfile
import zoneinfo

import icalendar
from dateutil import rrule

# (fixture, year, whether its TZIDs are IANA names icalendar reads itself)
FILES = (
    ("ics-google-series.ics", 2025, True),
    ("ics-outlook-series.ics", 2025, False),
    ("ics-thunderbird-series.ics", 2025, True),
    ("ics-iwg-2024.ics", 2024, True),
    ("ics-outlook-zones.ics", 2024, False),
    ("ics-apple-this-and-future.ics", 2025, True),
)

STATUS_WORDS = {"CANCELLED": "Cancelled", "TENTATIVE": "Tentative"}
CONVENE_STATUS_WORDS = {"held": "Held", "no-meeting": "No meeting"}
UTC = datetime.timezone.utc


def as_aware(value, zone):
    """A DTSTART-like value as an aware datetime: a date is its midnight and
    a floating time is read in @zone (the calendar's X-WR-TIMEZONE)."""
    if not isinstance(value, datetime.datetime):
        return datetime.datetime(value.year, value.month, value.day, tzinfo=zone)
    if value.tzinfo is None:
        return value.replace(tzinfo=zone)
    return value


def status_of(event):
    own = event.get("X-CONVENE-STATUS")
    if own is not None and str(own) in CONVENE_STATUS_WORDS:
        return CONVENE_STATUS_WORDS[str(own)]
    return STATUS_WORDS.get(str(event.get("STATUS", "")).upper(), "Scheduled")


def date_values(event, name):
    """Every value of EXDATE or RDATE, however many lines hold them."""
    prop = event.get(name)
    if prop is None:
        return []
    props = prop if isinstance(prop, list) else [prop]
    return [d.dt for p in props for d in p.dts]


def meeting(event, start, zone):
    """(start in UTC, status, topic, the local year of the start)."""
    local = start.astimezone(zone)
    return (start.astimezone(UTC).strftime("%Y-%m-%d %H:%M"), status_of(event),
            str(event.get("SUMMARY", "")), local.year)


def expand(text):
    """Every meeting the calendar says, with the year it falls in."""
    calendar = icalendar.Calendar.from_ical(text)
    default = zoneinfo.ZoneInfo(str(calendar.get("X-WR-TIMEZONE", "UTC")))
    events = [c for c in calendar.walk("VEVENT") if c.get("DTSTART") is not None]
    masters = {str(e["UID"]) for e in events
               if e.get("RRULE") is not None and e.get("RECURRENCE-ID") is None}
    overrides = {}
    for e in events:
        if e.get("RECURRENCE-ID") is not None and str(e["UID"]) in masters:
            overrides.setdefault(str(e["UID"]), []).append(e)

    out = []
    for event in events:
        uid = str(event.get("UID"))
        start = as_aware(event["DTSTART"].dt, default)
        zone = start.tzinfo if isinstance(start.tzinfo, zoneinfo.ZoneInfo) else default
        if event.get("RECURRENCE-ID") is not None and uid in masters:
            continue
        if event.get("RRULE") is None:
            out.append(meeting(event, start, zone))
            continue
        rules = rrule.rruleset()
        rules.rrule(rrule.rrulestr(event["RRULE"].to_ical().decode(), dtstart=start))
        for value in date_values(event, "RDATE"):
            rules.rdate(as_aware(value, zone) if isinstance(value, datetime.datetime)
                        else start.replace(year=value.year, month=value.month, day=value.day))
        for value in date_values(event, "EXDATE"):
            rules.exdate(as_aware(value, zone) if isinstance(value, datetime.datetime)
                         else start.replace(year=value.year, month=value.month, day=value.day))
        changed, onwards = {}, []
        for o in overrides.get(uid, []):
            rid = as_aware(o["RECURRENCE-ID"].dt, zone)
            if str(o["RECURRENCE-ID"].params.get("RANGE", "")).upper() == "THISANDFUTURE":
                onwards.append((rid.astimezone(UTC), o))
            else:
                changed[rid.astimezone(UTC)] = o
        onwards.sort(key=lambda pair: pair[0])
        # The files' series end within a few years; none is endless.
        for at in rules.between(start - datetime.timedelta(days=1),
                                start + datetime.timedelta(days=3 * 366), inc=True):
            o = changed.get(at.astimezone(UTC))
            if o is not None:
                out.append(meeting(o, as_aware(o["DTSTART"].dt, zone), zone))
                continue
            later = [pair for pair in onwards if pair[0] <= at.astimezone(UTC)]
            if later:
                rid, o = later[-1]
                out.append(meeting(o, wall_moved(at, rid, as_aware(o["DTSTART"].dt, zone), zone),
                                   zone))
            else:
                out.append(meeting(event, at, zone))
    return out


def wall_moved(at, named, moved_to, zone):
    """@at moved as the meeting @named was moved to @moved_to, on @zone's
    wall clock: 19:00 to 20:00 London stays 20:00 London across a change."""
    def wall(when):
        return when.astimezone(zone).replace(tzinfo=None)
    return (wall(at) + (wall(moved_to) - wall(named))).replace(tzinfo=zone)


def listed(cli, db, year):
    env = dict(os.environ, TZ="UTC", LANG="C.UTF-8")
    text = subprocess.run([cli, "--database", db, "list", "sessions", "--year", str(year)],
                          env=env, capture_output=True, text=True, check=True).stdout
    lines = text.splitlines()
    header = lines[0]
    cols = {name: header.index(name) for name in ("YOUR TIME", "STATUS", "LANG", "TOPIC")}
    rows = []
    for line in lines[1:]:
        your = line[cols["YOUR TIME"]:cols["STATUS"]].strip()
        if not your.endswith(" UTC"):
            continue
        status = line[cols["STATUS"]:cols["LANG"]].strip()
        rows.append((your[:-len(" UTC")], status, line[cols["TOPIC"]:].strip()))
    return sorted(rows)


def of_year(meetings, year):
    return sorted(m[:3] for m in meetings if m[3] == year)


def main():
    cli, fixtures = sys.argv[1], sys.argv[2]
    checks = []
    for name, year, iana in FILES:
        checks.append((name, year, "export"))
        if iana:
            checks.append((name, year, "original"))
    print("1..%d" % len(checks))
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for n, (name, year, what) in enumerate(checks, 1):
            db = os.path.join(tmp, "%s-%s.db" % (name, what))
            subprocess.run([cli, "--database", db, "import", os.path.join(fixtures, name)],
                           capture_output=True, check=True)
            exported = subprocess.run([cli, "--database", db, "export", "--format", "ics"],
                                      capture_output=True, check=True).stdout
            with open(os.path.join(fixtures, name), "rb") as f:
                original = f.read()
            want = of_year(expand(exported if what == "export" else original), year)
            got = listed(cli, db, year)
            if want == got:
                print("ok %d - %s (%s): %d meetings in %d equal" % (n, name, what, len(got), year))
                continue
            failed += 1
            print("not ok %d - %s (%s)" % (n, name, what))
            for line in sorted(set(want) - set(got)):
                print("#   reference only: %s" % (line,))
            for line in sorted(set(got) - set(want)):
                print("#   convene only:   %s" % (line,))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
