#!/usr/bin/env python3
"""gen-ics.py: writes an iCalendar file of N meetings for the import benchmark.

The calendar looks like a busy working group's year as Google Calendar or
Thunderbird would export it: real TZIDs (eight zones on four continents,
each with its VTIMEZONE), one event in twenty a weekly or monthly series,
descriptions, join links, and the occasional cancelled or tentative
meeting.  The same N always gives the same file.

    bench/gen-ics.py 10000 > meetings-10k.ics
    bench/gen-ics.py --exceptions 10000 > meetings-10k-exceptions.ics

--exceptions gives four series in five an exception as calendar programs
write them: a date taken out (EXDATE), an extra meeting (RDATE), one
meeting moved a day and an hour later with another topic, or one
cancelled (each a VEVENT with the series' UID and a RECURRENCE-ID, after
the series).  Without it the file is the same as before the option was
added: the exceptions draw from random numbers of their own.
"""

import argparse
import random
import sys
from datetime import datetime, timedelta

YEAR = 2025

# Zone, standard offset, daylight offset, and the rules of the change
# (RRULE parts for daylight and standard), or None for no daylight saving.
ZONES = [
    ("Europe/London", "+0000", "+0100", ("-1SU", 3, "010000"), ("-1SU", 10, "020000")),
    ("Europe/Berlin", "+0100", "+0200", ("-1SU", 3, "020000"), ("-1SU", 10, "030000")),
    ("America/New_York", "-0500", "-0400", ("2SU", 3, "020000"), ("1SU", 11, "020000")),
    ("America/Mexico_City", "-0600", None, None, None),
    ("America/Sao_Paulo", "-0300", None, None, None),
    ("Africa/Nairobi", "+0300", None, None, None),
    ("Asia/Kolkata", "+0530", None, None, None),
    ("Australia/Sydney", "+1000", "+1100", ("1SU", 10, "020000"), ("1SU", 4, "030000")),
]

TOPICS = [
    "Open data in cities", "Climate justice data", "Data standards roundtable",
    "Chief data officers exchange", "Beneficial ownership registers", "Open contracting",
    "Gender data gaps", "Members' survey debrief", "Co-chairs' coordination call",
    "Anti-corruption and open data", "Data infrastructure", "Sesión en español",
]

PLACES = [
    "https://meet.example.org/iwg-{n}", "Casa de la Cultura, Room {n}",
    "Rotes Rathaus, Berlin (room {n})", "https://zoom.example.com/j/8{n:08d}",
]


def fold(line):
    """Folds a content line at 75 octets, as RFC 5545 asks."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line + "\r\n"
    out, start, limit = [], 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:
            end -= 1
        out.append(data[start:end].decode("utf-8"))
        start, limit = end, 74
    return "\r\n ".join(out) + "\r\n"


def vtimezone(zone):
    name, std, dst, dst_rule, std_rule = zone
    lines = ["BEGIN:VTIMEZONE", "TZID:" + name, "X-LIC-LOCATION:" + name]
    if dst is None:
        lines += ["BEGIN:STANDARD", "TZOFFSETFROM:" + std, "TZOFFSETTO:" + std,
                  "DTSTART:19700101T000000", "END:STANDARD"]
    else:
        lines += ["BEGIN:DAYLIGHT", "TZOFFSETFROM:" + std, "TZOFFSETTO:" + dst,
                  "DTSTART:1970%02d01T%s" % (dst_rule[1], dst_rule[2]),
                  "RRULE:FREQ=YEARLY;BYMONTH=%d;BYDAY=%s" % (dst_rule[1], dst_rule[0]),
                  "END:DAYLIGHT",
                  "BEGIN:STANDARD", "TZOFFSETFROM:" + dst, "TZOFFSETTO:" + std,
                  "DTSTART:1970%02d01T%s" % (std_rule[1], std_rule[2]),
                  "RRULE:FREQ=YEARLY;BYMONTH=%d;BYDAY=%s" % (std_rule[1], std_rule[0]),
                  "END:STANDARD"]
    lines.append("END:VTIMEZONE")
    return "".join(fold(l) for l in lines)


WEEKLY_10 = "RRULE:FREQ=WEEKLY;COUNT=10"
FORTNIGHTLY_MONDAY = "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"
LAST_TUESDAY = "RRULE:FREQ=MONTHLY;BYDAY=-1TU;UNTIL=%d1231T235959Z" % YEAR


def later_occurrence(rule, start):
    """A wall-clock start the rule gives after the first, or None."""
    if rule == WEEKLY_10:
        return start + timedelta(days=14)
    if rule == FORTNIGHTLY_MONDAY:
        # Two weeks after the Monday of the first start's week (WKST=MO).
        return start - timedelta(days=start.weekday()) + timedelta(days=14)
    if start.month == 12:
        return None
    # The last Tuesday of the month after the first start's.
    day = datetime(YEAR, start.month + 2, 1) if start.month < 11 else datetime(YEAR + 1, 1, 1)
    day -= timedelta(days=1)
    day -= timedelta(days=(day.weekday() - 1) % 7)
    return day.replace(hour=start.hour, minute=start.minute)


def exception_lines(n, zone, start, minutes, rule, topic):
    """What --exceptions adds to series @n: lines for the series itself,
    and whole VEVENTs that follow it."""
    when = later_occurrence(rule, start)
    kind = (n // 20) % 5
    if when is None or kind == 4:
        return [], ""
    stamp = lambda t: "TZID=%s:%s" % (zone, t.strftime("%Y%m%dT%H%M%S"))
    if kind == 0:
        return ["EXDATE;" + stamp(when)], ""
    if kind == 1:
        return ["RDATE;" + stamp(start + timedelta(days=3))], ""
    moved = when + timedelta(days=1, hours=1) if kind == 2 else when
    lines = ["BEGIN:VEVENT", "UID:bench-%07d@convene.example" % n,
             "DTSTAMP:%d0101T090000Z" % YEAR, "RECURRENCE-ID;" + stamp(when),
             "DTSTART;" + stamp(moved), "DTEND;" + stamp(moved + timedelta(minutes=minutes)),
             "SUMMARY:%s (%d)%s" % (topic, n, ", moved" if kind == 2 else ""),
             "STATUS:" + ("CONFIRMED" if kind == 2 else "CANCELLED"),
             "SEQUENCE:1", "END:VEVENT"]
    return [], "".join(fold(l) for l in lines)


def vevent(n, rng, exceptions=False):
    zone = ZONES[rng.randrange(len(ZONES))][0]
    start = datetime(YEAR, 1, 1, 7) + timedelta(days=rng.randrange(365),
                                                 minutes=30 * rng.randrange(26))
    minutes = rng.choice([30, 45, 60, 60, 60, 90, 120])
    end = start + timedelta(minutes=minutes)
    topic = TOPICS[rng.randrange(len(TOPICS))]
    lines = [
        "BEGIN:VEVENT",
        "UID:bench-%07d@convene.example" % n,
        "DTSTAMP:%d0101T090000Z" % YEAR,
        "DTSTART;TZID=%s:%s" % (zone, start.strftime("%Y%m%dT%H%M%S")),
        "DTEND;TZID=%s:%s" % (zone, end.strftime("%Y%m%dT%H%M%S")),
        "SUMMARY:%s (%d)" % (topic, n),
        "DESCRIPTION:Session %d of the working group: the topic of the month\\, "
        "the speakers\\, and what members share from their countries." % n,
        "LOCATION:" + PLACES[n % len(PLACES)].format(n=n).replace(",", "\\,"),
    ]
    after = ""
    if n % 20 == 0:
        rule = rng.choice([WEEKLY_10, FORTNIGHTLY_MONDAY, LAST_TUESDAY])
        lines.append(rule)
        if exceptions:
            extra, after = exception_lines(n, zone, start, minutes, rule, topic)
            lines += extra
    status = "CONFIRMED"
    if n % 37 == 0:
        status = "CANCELLED"
    elif n % 29 == 0:
        status = "TENTATIVE"
    lines += ["STATUS:" + status, "SEQUENCE:0", "TRANSP:OPAQUE", "END:VEVENT"]
    return "".join(fold(l) for l in lines) + after


def main():
    parser = argparse.ArgumentParser(usage="gen-ics.py [--exceptions] N > file.ics")
    parser.add_argument("count", type=int, metavar="N", help="number of meetings")
    parser.add_argument("--exceptions", action="store_true",
                        help="give series EXDATE, RDATE and RECURRENCE-ID exceptions")
    args = parser.parse_args()
    count = args.count
    rng = random.Random(count)
    out = sys.stdout
    out.write("BEGIN:VCALENDAR\r\nPRODID:-//Convene//Benchmark//EN\r\nVERSION:2.0\r\n"
              "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n")
    out.write("X-WR-CALNAME:Benchmark %d\r\nX-WR-TIMEZONE:Europe/London\r\n" % count)
    for zone in ZONES:
        out.write(vtimezone(zone))
    for n in range(1, count + 1):
        out.write(vevent(n, rng, args.exceptions))
    out.write("END:VCALENDAR\r\n")


if __name__ == "__main__":
    main()
