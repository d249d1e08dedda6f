#!/usr/bin/env python3
"""reference-occurrences.py: Convene's occurrences against an independent expansion.

For an iCalendar file (bench/gen-ics.py writes them) it works out every
occurrence that falls in a year without Convene: python3-icalendar reads
the file, dateutil.rrule expands RRULE, RDATE and EXDATE on the wall clock
of the event's zone (zoneinfo, by the TZID's name; the file's own VTIMEZONE
when the name is not one the tz database knows), and a VEVENT with a
RECURRENCE-ID replaces the occurrence it names (with RANGE=THISANDFUTURE,
that one and every later one, moved on the wall clock as it was).  An
occurrence is in the
year when its wall-clock date in the series' zone is, as Convene's months
are.

It then imports the file into a fresh database with convene-cli, lists the
year (`list sessions --year`, read in UTC), and compares the two: each
occurrence's event, UTC start, status and topic.  It prints the counts and
"100% equal", or the differences.

With --peers it also asks calcurse and khal (run in UTC) where they put
the same occurrences, and counts, among the occurrences daylight saving
moves (those whose UTC offset differs from their series' first start),
how many each places an hour off, misses, or adds.

    build-aux/dev exec bench/reference-occurrences.py FILE.ics \
        --cli _build/src/cli/convene-cli [--peers calcurse,khal]

Exit status: 0 when Convene equals the reference, 1 when it does not.
"""

import argparse
import collections
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zoneinfo

import icalendar
from dateutil import rrule

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
UTC = dt.timezone.utc
HOUR = 3600

# One occurrence: the event's number (its UID or "(N)" in its summary),
# its start as Unix seconds, its status as Convene names them, its topic.
Occurrence = collections.namedtuple("Occurrence", "event start status topic")

STATUSES = {"CONFIRMED": "Scheduled", "TENTATIVE": "Tentative", "CANCELLED": "Cancelled"}
NUMBER = re.compile(r"\((\d+)\)")
UID_NUMBER = re.compile(r"(\d+)")


class Zones:
    """The zone of a TZID: the tz database's when it knows the name, else
    what the file's VTIMEZONE says."""

    def __init__(self, calendar):
        self.vtimezones = {str(tz["TZID"]): tz for tz in calendar.walk("VTIMEZONE")}
        self.cache = {}

    def get(self, tzid):
        if tzid not in self.cache:
            try:
                self.cache[tzid] = zoneinfo.ZoneInfo(tzid)
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                if tzid not in self.vtimezones:
                    raise SystemExit("no zone for TZID %s" % tzid)
                self.cache[tzid] = self.vtimezones[tzid].to_tz()
        return self.cache[tzid]


def aware(prop, value, zones):
    """@value (a date-time of @prop) as an aware datetime in the zone its
    TZID names, read again from its wall clock so that icalendar's own zone
    choice plays no part; a UTC or floating time is read as UTC."""
    tzid = prop.params.get("TZID") if hasattr(prop, "params") else None
    if isinstance(value, dt.datetime):
        if tzid:
            return value.replace(tzinfo=None).replace(tzinfo=zones.get(str(tzid)))
        return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)
    # A whole day: midnight of its date (none in the benchmark's files).
    return dt.datetime(value.year, value.month, value.day, tzinfo=UTC)


def date_list(event, name, zones):
    """Every date-time of the RDATE or EXDATE properties of @event."""
    props = event.get(name)
    if props is None:
        return []
    if not isinstance(props, list):
        props = [props]
    return [aware(prop, value.dt, zones) for prop in props for value in prop.dts]


def seconds(when):
    return int(when.timestamp())


def event_number(event):
    match = UID_NUMBER.search(str(event.get("UID", "")))
    return int(match.group(1)) if match else None


def in_year(when, tz, year):
    return when.astimezone(tz).year == year


def expand_master(event, zones, year):
    """The starts of @event's occurrences whose wall-clock year in its zone
    is @year, as aware datetimes in that zone."""
    prop = event["DTSTART"]
    start = aware(prop, prop.dt, zones)
    tz = start.tzinfo
    rules = event.get("RRULE")
    if rules is None and event.get("RDATE") is None:
        return tz, [start] if in_year(start, tz, year) else []
    rules = rules if isinstance(rules, list) else ([rules] if rules is not None else [])
    recurrences = rrule.rruleset()
    for rule in rules:
        recurrences.rrule(rrule.rrulestr(rule.to_ical().decode(), dtstart=start))
    # DTSTART is the first occurrence even when the rule would not give it.
    recurrences.rdate(start)
    for when in date_list(event, "RDATE", zones):
        recurrences.rdate(when)
    for when in date_list(event, "EXDATE", zones):
        recurrences.exdate(when)
    # A day either side of the year's wall clock, then kept by wall clock:
    # an instant and its wall-clock time differ by less than a day.
    low = dt.datetime(year - 1, 12, 31, tzinfo=UTC)
    high = dt.datetime(year + 1, 1, 2, tzinfo=UTC)
    return tz, [when for when in recurrences.between(low, high, inc=True)
                if in_year(when, tz, year)]


def wall_moved(when, named, moved_to, tz):
    """@when moved as the meeting @named was moved to @moved_to, on @tz's
    wall clock (a 19:00 London call moved to 20:00 stays 20:00 London)."""
    def wall(instant):
        return instant.astimezone(tz).replace(tzinfo=None)
    return (wall(when) + (wall(moved_to) - wall(named))).replace(tzinfo=tz)


def status_of(event):
    return STATUSES.get(str(event.get("STATUS", "CONFIRMED")).upper(), "Scheduled")


def reference(path, year):
    """Every occurrence of the file in @year, and each event's zone and
    first offset (for telling the occurrences daylight saving moves)."""
    with open(path, "rb") as handle:
        calendar = icalendar.Calendar.from_ical(handle.read())
    zones = Zones(calendar)
    events = list(calendar.walk("VEVENT"))
    overrides = collections.defaultdict(dict)
    onwards = collections.defaultdict(list)
    for event in events:
        if event.get("RECURRENCE-ID") is not None:
            prop = event["RECURRENCE-ID"]
            named = aware(prop, prop.dt, zones)
            if str(prop.params.get("RANGE", "")).upper() == "THISANDFUTURE":
                onwards[str(event["UID"])].append((seconds(named), named, event))
            else:
                overrides[str(event["UID"])][seconds(named)] = event

    out, series = [], {}
    for event in events:
        if event.get("RECURRENCE-ID") is not None:
            continue
        number = event_number(event)
        tz, starts = expand_master(event, zones, year)
        first = aware(event["DTSTART"], event["DTSTART"].dt, zones)
        if event.get("RRULE") is not None or event.get("RDATE") is not None:
            series[number] = (tz, first.utcoffset())
        mine = overrides.get(str(event["UID"]), {})
        later = sorted(onwards.get(str(event["UID"]), []), key=lambda o: o[0])
        for when in starts:
            changed = mine.pop(seconds(when), None)
            since = [o for o in later if o[0] <= seconds(when)]
            if changed is None and since:
                # RANGE=THISANDFUTURE: this meeting and every later one take
                # the change's details, moved as it was on the wall clock.
                _, named, change = since[-1]
                moved = wall_moved(when, named, aware(change["DTSTART"], change["DTSTART"].dt, zones), tz)
                if in_year(moved, tz, year):
                    out.append(Occurrence(number, seconds(moved), status_of(change),
                                          str(change.get("SUMMARY", event.get("SUMMARY", "")))))
                continue
            if changed is None:
                out.append(Occurrence(number, seconds(when), status_of(event),
                                      str(event.get("SUMMARY", ""))))
                continue
            moved = aware(changed["DTSTART"], changed["DTSTART"].dt, zones)
            if in_year(moved, tz, year):
                out.append(Occurrence(number, seconds(moved), status_of(changed),
                                      str(changed.get("SUMMARY", event.get("SUMMARY", "")))))
        # An override of an occurrence outside the year (or of none) may
        # still be moved into it.
        for occurrence, changed in mine.items():
            moved = aware(changed["DTSTART"], changed["DTSTART"].dt, zones)
            original = dt.datetime.fromtimestamp(occurrence, UTC)
            if in_year(moved, tz, year) and not in_year(original, tz, year):
                out.append(Occurrence(number, seconds(moved), status_of(changed),
                                      str(changed.get("SUMMARY", event.get("SUMMARY", "")))))
    return out, series


def columns(header):
    """Where each column of a convene-cli table starts, by its header."""
    starts = [m.start() for m in re.finditer(r"(?<!\S)\S+(?: \S+)*", header)]
    names = [header[s:].split("  ")[0] for s in starts]
    return dict(zip(names, starts))


def run_convene(cli, path, year, work):
    database = os.path.join(work, "convene.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(database + suffix):
            os.remove(database + suffix)
    env = dict(os.environ, TZ="UTC", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    env.pop("LANGUAGE", None)
    env.pop("CONVENE_NOW", None)
    subprocess.run([cli, "--database", database, "import", path], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    listing = subprocess.run([cli, "--database", database, "list", "sessions", "--year", str(year)],
                             env=env, check=True, capture_output=True, text=True).stdout
    lines = listing.splitlines()
    at = columns(lines[0])
    when, status, topic = at["YOUR TIME"], at["STATUS"], at["TOPIC"]
    out = []
    for line in lines[1:]:
        text = line[topic:]
        match = NUMBER.search(text)
        stamp = line[when:status].strip()
        if not stamp.endswith(" UTC") or match is None:
            raise SystemExit("convene-cli listed a line this script cannot read: %r" % line)
        start = dt.datetime.strptime(stamp[:-4], "%Y-%m-%d %H:%M").replace(tzinfo=UTC)
        out.append(Occurrence(int(match.group(1)), seconds(start),
                              line[status:].split("  ")[0].strip(), text))
    return out


def compare(expected, got, show):
    """Prints the counts and whether the lists are equal; True when they are."""
    want, have = collections.Counter(expected), collections.Counter(got)
    missing, extra = want - have, have - want
    same = sum((want & have).values())
    print("  reference: %d occurrences of %d events" % (len(expected),
                                                      len({o.event for o in expected})))
    print("  convene:   %d occurrences" % len(got))
    if not missing and not extra:
        print("  100%% equal (%d of %d)" % (same, len(expected)))
        return True
    print("  NOT equal: %d equal (%.2f%%), %d missing from Convene, %d only in Convene"
          % (same, 100.0 * same / max(1, len(expected)), sum(missing.values()),
             sum(extra.values())))
    for label, items in (("missing", missing), ("extra", extra)):
        for o in sorted(items.elements())[:show]:
            print("    %s: event %d at %s, %s, %s" % (label, o.event,
                  dt.datetime.fromtimestamp(o.start, UTC).strftime("%Y-%m-%d %H:%M UTC"),
                  o.status, o.topic))
    return False


def run_calcurse(path, work):
    """calcurse's occurrences (event, UTC start) over the year and a day
    either side, run in UTC."""
    folder = os.path.join(work, "calcurse")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    env = dict(os.environ, TZ="UTC")
    # calcurse exits 1 when it skipped events it cannot read.
    subprocess.run(["calcurse", "-D", folder, "-i", path], env=env, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    text = subprocess.run(["calcurse", "-D", folder, "--input-datefmt", "4", "-Q",
                           "--from", "%d-12-31" % (YEAR - 1), "--to", "%d-01-01" % (YEAR + 1)],
                          env=env, check=True, capture_output=True, text=True).stdout
    out, day, start = [], None, None
    for line in text.splitlines():
        if re.match(r"^\d\d/\d\d/\d\d:$", line):
            day = dt.datetime.strptime(line[:-1], "%m/%d/%y").date()
        elif line.startswith(" - "):
            # "..:.." starts an appointment that began the day before.
            clock = line[3:8]
            start = None if clock == "..:.." else dt.datetime.combine(
                day, dt.time(int(clock[:2]), int(clock[3:])), UTC)
        elif line.startswith("\t") and start is not None:
            match = NUMBER.search(line)
            if match:
                out.append((int(match.group(1)), seconds(start)))
            start = None
    return out


def run_khal(path, work):
    """khal's occurrences (event, UTC start) over the year and a day either
    side, with local and default zones UTC."""
    folder = os.path.join(work, "khal")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(os.path.join(folder, "cal"))
    config = os.path.join(folder, "config")
    with open(config, "w") as out:
        out.write("[calendars]\n[[bench]]\npath = %s/cal\ntype = calendar\n"
                  "[sqlite]\npath = %s/khal.db\n"
                  "[locale]\ntimeformat = %%H:%%M\ndateformat = %%Y-%%m-%%d\n"
                  "longdateformat = %%Y-%%m-%%d\ndatetimeformat = %%Y-%%m-%%d %%H:%%M\n"
                  "longdatetimeformat = %%Y-%%m-%%d %%H:%%M\n"
                  "local_timezone = UTC\ndefault_timezone = UTC\n"
                  "[default]\ndefault_calendar = bench\n" % (folder, folder))
    env = dict(os.environ, TZ="UTC")
    subprocess.run(["khal", "-c", config, "import", "--batch", "-a", "bench", path], env=env,
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # One line an occurrence and day, in a shape of this script's own; the
    # days after the first of a meeting that runs past midnight start "→".
    text = subprocess.run(["khal", "-c", config, "list", "--day-format", "",
                           "--format", "[{start-style}] {start-date-long} {start-time} {title}",
                           "%d-12-31" % (YEAR - 1), "368d"],
                          env=env, check=True, capture_output=True, text=True).stdout
    out = []
    for line in text.splitlines():
        match = re.match(r"^\[\d\d:\d\d\] (\d{4}-\d\d-\d\d) (\d\d:\d\d) .*?\((\d+)\)", line)
        if match:
            start = dt.datetime.strptime(match.group(1) + " " + match.group(2),
                                         "%Y-%m-%d %H:%M").replace(tzinfo=UTC)
            out.append((int(match.group(3)), seconds(start)))
    return out


def dst_truth(expected, series, got):
    """Among the series' occurrences daylight saving moves, how many @got
    (pairs of event and UTC start) has right, an hour off, or not at all;
    and its occurrences that match none of the reference's."""
    by_event = collections.defaultdict(collections.Counter)
    for event, start in got:
        by_event[event][start] += 1
    counts = collections.Counter()
    matched = collections.defaultdict(collections.Counter)
    # Exact matches first, so that an hour-off guess never takes the place
    # of an occurrence that is right.
    rest = []
    for o in expected:
        if by_event[o.event][o.start] > matched[o.event][o.start]:
            matched[o.event][o.start] += 1
            counts["right", is_moved(o, series)] += 1
        else:
            rest.append(o)
    for o in rest:
        moved = is_moved(o, series)
        for guess in (o.start - HOUR, o.start + HOUR):
            if by_event[o.event][guess] > matched[o.event][guess]:
                matched[o.event][guess] += 1
                counts["hour off", moved] += 1
                break
        else:
            counts["missing", moved] += 1
    # What is left over and in the year (read in the series' zone) is added.
    for event, starts in by_event.items():
        tz = series.get(event, (UTC, None))[0]
        for start, n in (starts - matched[event]).items():
            when = dt.datetime.fromtimestamp(start, UTC)
            if in_year(when, tz, YEAR):
                counts["added", None] += n
    return counts


def is_moved(o, series):
    """Whether daylight saving gives @o another UTC offset than its
    series' first start: a peer that repeats in UTC puts it an hour off."""
    if o.event not in series:
        return False
    tz, first = series[o.event]
    return dt.datetime.fromtimestamp(o.start, tz).utcoffset() != first


def report_truth(name, counts):
    """Two lines: the occurrences daylight saving moves, then the others.
    An hour off is given as a share of all the moved ones and of those the
    program lists at all (a series it cannot read lists none)."""
    for moved, label in ((True, "DST-moved"), (False, "others")):
        right, off, missing = (counts[k, moved] for k in ("right", "hour off", "missing"))
        print("  %-9s %-9s %6d right, %5d an hour off (%5.1f%% of all, %5.1f%% of those listed), "
              "%5d missing" % (name if moved else "", label, right, off,
                               100.0 * off / max(1, right + off + missing),
                               100.0 * off / max(1, right + off), missing))
    print("  %-9s %d listed that the reference does not have" % ("", counts["added", None]))


YEAR = 2025


def main():
    global YEAR
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ics", help="the iCalendar file (bench/gen-ics.py N > FILE)")
    parser.add_argument("--cli", default=os.environ.get(
        "CONVENE_CLI", os.path.join(TOP, "_build", "src", "cli", "convene-cli")),
        help="convene-cli to check (default: $CONVENE_CLI or _build's)")
    parser.add_argument("--year", type=int, default=YEAR, help="the year (default: 2025)")
    parser.add_argument("--peers", default="",
                        help="peers whose DST truth to count, comma-separated: calcurse,khal")
    parser.add_argument("--work", help="where databases go (default: a temporary folder)")
    parser.add_argument("--show", type=int, default=10, help="differences shown (default: 10)")
    args = parser.parse_args()
    YEAR = args.year

    work = os.path.abspath(args.work or tempfile.mkdtemp(prefix="convene-reference-"))
    os.makedirs(work, exist_ok=True)
    print("%s, %d" % (os.path.basename(args.ics), YEAR), flush=True)
    expected, series = reference(args.ics, YEAR)
    got = run_convene(args.cli, args.ics, YEAR, work)
    equal = compare(expected, got, args.show)

    moved = sum(1 for o in expected if is_moved(o, series))
    print("  %d occurrences of %d series; %d of them moved by daylight saving "
          "(another UTC offset than their first start)"
          % (sum(1 for o in expected if o.event in series), len(series), moved))
    report_truth("convene", dst_truth(expected, series, [(o.event, o.start) for o in got]))
    for peer in [p for p in args.peers.split(",") if p]:
        if not shutil.which(peer):
            print("  %-9s not installed, left out" % peer)
            continue
        report_truth(peer, dst_truth(expected, series,
                                     (run_calcurse if peer == "calcurse" else run_khal)(args.ics, work)))
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if equal else 1


if __name__ == "__main__":
    sys.exit(main())
