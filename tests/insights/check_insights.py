#!/usr/bin/env python3
"""The insights of convene-cli against an independent reckoning.

    check_insights.py CLI FIXTURES LOCALEDIR

A database is made from the seed 000 action plan and the fixture roster of
22 members across Africa, the Americas, Europe and Asia-Pacific.  The
sessions' instants are worked out here with zoneinfo from what the seed
says ("Tuesday 23rd at 7pm London time"), and every member's night and
outside-hours counts, every region's night sessions, the best fixed slot
and the best rotation (by brute force over every slot pair) are computed
here and compared with `insights --json` and `rotate --json`.  Then a Zoom
participant report with rejoins, accents, "Surname, Name" and a stranger,
and bad rosters and reports that must change nothing.
"""

import csv
import datetime as dt
import itertools
import json
import os
import subprocess
import sys
import tempfile
from zoneinfo import ZoneInfo

CLI, FIXTURES, LOCALEDIR = sys.argv[1:4]
HERE = os.path.join(FIXTURES, "insights")
UTC = dt.timezone.utc

# What the seed says of each session, read by hand from
# seed-000-iwg-2021.txt; the month-only ones (July, September to November)
# at the plan's usual slot, 7pm London time, on the 15th.
LONDON, NAIROBI = ZoneInfo("Europe/London"), ZoneInfo("Africa/Nairobi")
SEED_STARTS = [
    dt.datetime(2021, 2, 23, 19, 0, tzinfo=LONDON),
    dt.datetime(2021, 3, 30, 17, 0, tzinfo=NAIROBI),
    dt.datetime(2021, 4, 27, 19, 0, tzinfo=LONDON),
    dt.datetime(2021, 5, 25, 17, 0, tzinfo=NAIROBI),
    dt.datetime(2021, 6, 27, 19, 0, tzinfo=LONDON),
    dt.datetime(2021, 7, 15, 19, 0, tzinfo=LONDON),
    dt.datetime(2021, 9, 15, 19, 0, tzinfo=LONDON),
    dt.datetime(2021, 10, 15, 19, 0, tzinfo=LONDON),
    dt.datetime(2021, 11, 15, 19, 0, tzinfo=LONDON),
]
# The roster names some zones by their city.
CITIES = {"Nairobi": "Africa/Nairobi", "Johannesburg": "Africa/Johannesburg",
          "Mexico City": "America/Mexico_City", "Bogotá": "America/Bogota",
          "Madrid": "Europe/Madrid"}

failures = 0
tests = 0


def check(condition, what):
    global failures, tests
    tests += 1
    print(("ok %d - " if condition else "not ok %d - ") % tests + what)
    if not condition:
        failures += 1


def run(db, *args):
    env = dict(os.environ, CONVENE_LOCALEDIR=LOCALEDIR, LANG="C.UTF-8")
    return subprocess.run([CLI, "--database", db, *args], capture_output=True, text=True, env=env)


def is_night(t):
    m = t.hour * 60 + t.minute
    return m >= 22 * 60 or m < 7 * 60


def is_working(t):
    m = t.hour * 60 + t.minute
    return t.weekday() < 5 and 9 * 60 <= m < 18 * 60


def roster():
    with open(os.path.join(HERE, "members.csv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        row["zone"] = CITIES.get(row["Timezone"], row["Timezone"])
    return rows


def region_nights(members, instants):
    """For each region, how many of @instants fall in the night of at least half of it."""
    regions = {}
    for m in members:
        regions.setdefault(m["Region"], []).append(ZoneInfo(m["zone"]))
    out = {}
    for region, zones in regions.items():
        out[region] = sum(1 for t in instants
                          if 2 * sum(is_night(t.astimezone(z)) for z in zones) >= len(zones))
    return out


def export(db):
    return json.loads(run(db, "export", "--format", "json").stdout)


def check_ledger(db, members, insights):
    by_name = {m["name"]: m for m in insights["members"]}
    for m in members:
        zone = ZoneInfo(m["zone"])
        night = sum(is_night(t.astimezone(zone)) for t in SEED_STARTS)
        outside = sum(not is_working(t.astimezone(zone)) for t in SEED_STARTS)
        got = by_name.get(m["Name"], {})
        check(got.get("night") == night and got.get("outside_hours") == outside,
              "%s (%s): %d nights, %d outside hours; convene-cli says %s, %s"
              % (m["Name"], m["zone"], night, outside, got.get("night"), got.get("outside_hours")))
    for start, got in zip(SEED_STARTS, insights["sessions"]):
        want = sorted(r for r, n in region_nights(members, [start]).items() if n)
        at_night = sum(is_night(start.astimezone(ZoneInfo(m["zone"]))) for m in members)
        check(sorted(got["night_regions"]) == want and got["night_members"] == at_night,
              "session %s: %d members and %s at night" % (got["start"], at_night, want))
    expected = region_nights(members, SEED_STARTS)
    got = {r["region"]: r["night_sessions"] for r in insights["regions"] if r["members"] > 0}
    check(got == expected, "night sessions by region %s (convene-cli: %s)" % (expected, got))


def check_dst(members):
    """The schedule spans the spring changes, and they change the counts."""
    def offset(zone, t):
        return t.astimezone(ZoneInfo(zone)).utcoffset()
    feb, mar, apr = SEED_STARTS[0], SEED_STARTS[1], SEED_STARTS[2]
    for zone in ("Europe/London", "America/New_York"):
        check(offset(zone, feb) != offset(zone, mar), "%s changes its offset between February and March" % zone)
    for zone in ("America/Mexico_City", "America/Santiago", "Australia/Sydney", "Pacific/Auckland"):
        check(offset(zone, mar) != offset(zone, apr), "%s changes its offset between March and April" % zone)
    # With February's offsets all year the ledger would differ: the test can tell.
    frozen = 0
    for m in members:
        zone = ZoneInfo(m["zone"])
        fixed = dt.timezone(feb.astimezone(zone).utcoffset())
        frozen += sum(is_night(t.astimezone(fixed)) for t in SEED_STARTS) != \
            sum(is_night(t.astimezone(zone)) for t in SEED_STARTS)
    check(frozen > 0, "%d members' night counts depend on daylight saving time" % frozen)


def check_rotation(db, members):
    days = [dt.datetime(t.astimezone(UTC).year, t.astimezone(UTC).month, t.astimezone(UTC).day, tzinfo=UTC)
            for t in sorted(SEED_STARTS)]
    slot_times = [dt.timedelta(minutes=30 * s) for s in range(48)]
    # nights[s][i]: per region, session i at slot s
    table = [[region_nights(members, [day + slot_times[s]]) for day in days] for s in range(48)]
    regions = list(table[0][0])

    def worst(slots):
        return max(sum(table[slots[i % len(slots)]][i][r] for i in range(len(days))) for r in regions)

    fixed = [worst((s,)) for s in range(48)]
    for k in (1, 2):
        out = run(db, "rotate", "--slots", str(k), "--json")
        got = json.loads(out.stdout)
        brute = min(worst(t) for t in itertools.product(range(48), repeat=k))
        slots = tuple(int(s[:2]) * 2 + int(s[3:]) // 30 for s in got["slots"])
        check(got["worst_region_night"] == brute == worst(slots),
              "%d slots %s: worst region %d nights, brute force %d" % (k, got["slots"], got["worst_region_night"], brute))
        check(got["best_fixed_worst_region_night"] == min(fixed)
              and fixed[int(got["best_fixed_slot"][:2]) * 2 + int(got["best_fixed_slot"][3:]) // 30] == min(fixed),
              "best fixed slot %s: %d nights, brute force %d" % (got["best_fixed_slot"], got["best_fixed_worst_region_night"], min(fixed)))
        check(all(got["worst_region_night"] <= f for f in fixed), "the rotation is no worse than any fixed slot")
        want = [(days[i] + slot_times[slots[i % k]]).strftime("%Y-%m-%dT%H:%M:%SZ") for i in range(len(days))]
        check([s["start"] for s in got["sessions"]] == want, "the sessions take the slots in turn on their own dates")
    # The seed's own two slots, 19:00 London and 17:00 Nairobi, cost Asia-Pacific
    # every session; with Asia-Pacific's members alone the best pair is found too.
    asia = [m for m in members if m["Region"] == "Asia-Pacific"]
    check(region_nights(asia, SEED_STARTS)["Asia-Pacific"] == len(SEED_STARTS),
          "the seed's own times are all in Asia-Pacific's night")


def check_attendance(db):
    out = run(db, "attendance", "import", "--session", "3", os.path.join(HERE, "zoom-march.csv"))
    check(out.returncode == 0, "the Zoom report imports: " + out.stderr.strip())
    check("5 people attended" in out.stdout, "five people attended (rejoins once)")
    check("not matched: Fatima Diallo <fatima@example.net>" in out.stdout and out.stdout.count("Fatima") == 1,
          "the stranger is listed once, with her email")
    data = export(db)
    names = {p["id"]: p["name"] for p in data["people"]}
    session = [s for s in data["plans"][0]["sessions"] if s["id"] == 3][0]
    attended = sorted(names[i] for i in session["attendance"])
    check(attended == sorted(["Paul Walker", "María Pérez", "Wanjiru Kamau", "Émilie Tremblay", "Aroha Ngata"]),
          "accents, case, “Surname, Name” and Zoom's original name are matched: %s" % attended)
    insights = json.loads(run(db, "insights", "--json").stdout)
    rows = sum(len(s["attendance"]) for s in data["plans"][0]["sessions"])
    check(sum(insights["by_sector"].values()) == rows == insights["attendance_rows"],
          "participation by sector adds up to the %d attendance rows" % rows)
    check(sum(insights["by_region"].values()) == rows, "participation by region adds up to the attendance rows")
    people = {p["name"]: p for p in data["people"]}
    sectors = {}
    for name in attended:
        sectors[people[name]["sector"]] = sectors.get(people[name]["sector"], 0) + 1
    check(all(insights["by_sector"][k] == sectors.get(k, 0) for k in insights["by_sector"]),
          "by sector: %s" % sectors)
    march = [x for x in insights["sessions"] if x["id"] == 3][0]
    government = sum(people[n]["sector"] in ("national-government", "local-government") for n in attended)
    check(march["attended"] == len(attended) and march["government"] == government,
          "the March session: %d attended, %d from government" % (len(attended), government))


def refused(db, args, words, what):
    before = run(db, "export", "--format", "json").stdout
    out = run(db, *args)
    after = run(db, "export", "--format", "json").stdout
    check(out.returncode == 1 and all(w in out.stderr for w in words) and before == after,
          "%s: refused, nothing changed (%s)" % (what, out.stderr.strip().splitlines()[-1:] ))


def check_bad_files(db, tmp):
    def write(name, text):
        path = os.path.join(tmp, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path
    no_name = write("no-name.csv", "email,zone\nann@example.org,Europe/Paris\n")
    refused(db, ["people", "import", no_name], ["no-name.csv:1:", "“name” column"], "a roster without a name column")
    open_quote = write("quote.csv", "name,zone\nAnn,Europe/Paris\n\"Bob,Europe/Paris\nCarl,UTC\n")
    refused(db, ["people", "import", open_quote], ["quote.csv:3:", "never closed"], "a quote never closed")
    wide = write("wide.tsv", "name\tzone\nAnn Smith\tEurope/Paris\nBob\tUTC\textra\n")
    refused(db, ["people", "import", wide], ["wide.tsv:3:", "3 cells", "2 columns"], "a row wider than the header")
    refused(db, ["people", "import", write("binary.csv", "name\x00\n")], ["binary.csv", "UTF-8"], "a binary file")
    refused(db, ["attendance", "import", "--session", "3", write("report.csv", "when,minutes\n10:00,5\n")],
            ["report.csv", "participant"], "a report without a name column")
    refused(db, ["attendance", "import", "--session", "999", os.path.join(HERE, "zoom-march.csv")],
            ["999"], "a report for a session that does not exist")
    # A line with a zone and a sector Convene cannot read is a warning; the rest is kept.
    mixed = write("mixed.tsv", "Region\tName\tSector\tZona horaria\tIdiomas\n"
                  "Europe\tAnn Smith\tgobierno local\tParís\tfr;en\n"
                  "Europe\tBob Jones\tpirates\tAtlantis\ten\n")
    out = run(db, "people", "import", mixed)
    data = export(db)
    ann = [p for p in data["people"] if p["name"] == "Ann Smith"]
    bob = [p for p in data["people"] if p["name"] == "Bob Jones"]
    check(out.returncode == 0 and "mixed.tsv:3:" in out.stderr and "pirates" in out.stderr
          and "Atlantis" in out.stderr and "mixed.tsv:2:" not in out.stderr,
          "a bad zone and sector are warnings on their line: " + out.stderr.strip().replace("\n", " | "))
    check(ann and ann[0]["timezone"] == "Europe/Paris" and ann[0]["sector"] == "local-government"
          and ann[0]["languages"] == ["fr", "en"], "a Spanish header, label and city are read: %s" % ann)
    check(bob and bob[0]["timezone"] is None and bob[0]["sector"] == "other", "the unreadable cells are left empty")


def check_report(db, tmp):
    insights = json.loads(run(db, "insights", "--json").stdout)
    out = run(db, "report", "--lang", "en")
    check(out.returncode == 0 and out.stdout.startswith("# Action Plan 2021: the year in review"),
          "the Markdown report has its title")
    for nick, label in (("civil-society", "Civil society"), ("national-government", "National government")):
        check("| %s | %d |" % (label, insights["by_sector"][nick]) in out.stdout,
              "the report's %s row is the ledger's %d" % (label, insights["by_sector"][nick]))
    asia = [r for r in insights["regions"] if r["region"] == "Asia-Pacific"][0]
    check("| Asia-Pacific | 5 | %d | %d |" % (asia["attended"], asia["night_sessions"]) in out.stdout,
          "the report's Asia-Pacific row: its nights and attendance")
    es = run(db, "report", "--lang", "es").stdout
    check("## Participación por sector" in es and "| Sociedad civil |" in es, "the report in Spanish")
    pdf = os.path.join(tmp, "report-es.pdf")
    out = run(db, "report", "--format", "pdf", "--lang", "es", "-o", pdf)
    text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", pdf, "-"], capture_output=True, text=True).stdout
    check(out.returncode == 0 and "balance del año" in text and "Sesiones" in text,
          "the PDF's first page is the Spanish report")
    png = os.environ.get("CONVENE_REPORT_PNG")
    if png:
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-singlefile", "-f", "1", "-l", "1", pdf, png], check=True)
    out = run(db, "report", "--format", "pdf")
    check(out.returncode == 2 and "-o" in out.stderr, "a PDF without a file is a usage error")


def check_vcards(db, tmp):
    out = run(db, "people", "import", os.path.join(HERE, "members.vcf"))
    check(out.returncode == 0 and "1 person added, 1 updated" in out.stdout,
          "a vCard file adds the new member and updates the known one (folded name): " + out.stdout.strip())
    people = {p["name"]: p for p in export(db)["people"]}
    n = people.get("Nomvula Dlamini", {})
    check(n.get("timezone") == "Africa/Johannesburg" and n.get("country") == "ZA" and n.get("sector") == "civil-society"
          and n.get("languages") == ["en", "zu"] and n.get("organisation") == "Open Cities Lab",
          "the card's zone (a city), country, sector label, languages and organisation: %s" % n)
    path = os.path.join(tmp, "open.vcf")
    with open(path, "w") as f:
        f.write("BEGIN:VCARD\nFN:Ann\nEND:VCARD\nBEGIN:VCARD\nFN:Bob\n")
    refused(db, ["people", "import", path], ["open.vcf:4:", "END:VCARD"], "a card that never ends")


def write_file(tmp, name, text):
    path = os.path.join(tmp, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def check_email(db, tmp):
    """A person is found by email first: renamed in a roster, under another
    name in a participant report; the JSON export and import carry it."""
    people = {p["name"]: p for p in export(db)["people"]}
    wanjiru = people["Wanjiru Kamau"]
    check(wanjiru["email"] == "wanjiru.kamau@example.org", "the roster's email is kept: %s" % wanjiru["email"])
    count = len(people)
    renamed = write_file(tmp, "renamed.csv", "Name,Email\nWanjiru Kamau-Otieno,WANJIRU.KAMAU@Example.org\n")
    out = run(db, "people", "import", renamed)
    after = {p["id"]: p for p in export(db)["people"]}
    check(out.returncode == 0 and "0 people added, 1 updated" in out.stdout and len(after) == count,
          "a renamed person with a known email is updated, not added: " + out.stdout.strip())
    check(after[wanjiru["id"]]["name"] == "Wanjiru Kamau-Otieno"
          and after[wanjiru["id"]]["timezone"] == wanjiru["timezone"],
          "she keeps her id and zone under her new name: %s" % after[wanjiru["id"]]["name"])
    typo = write_file(tmp, "typo.csv", "Name,Email\nWanjiru Kamau-Otieno,wanjiru at example.org\n")
    out = run(db, "people", "import", typo)
    again = {p["id"]: p for p in export(db)["people"]}
    check(out.returncode == 0 and "typo.csv:2:" in out.stderr and "wanjiru at example.org" in out.stderr
          and again[wanjiru["id"]]["email"] == "wanjiru.kamau@example.org",
          "an email that is none is a warning on its line and the known one stays: " + out.stderr.strip())
    session = export(db)["plans"][0]["sessions"][4]["id"]
    report = write_file(tmp, "meet.csv",
                        "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)\n"
                        "Dr W. Kamau,wanjiru.kamau@example.org,10:00,11:00,60\n"
                        "T. N.,Thabo@example.org,10:00,10:30,30\n")
    out = run(db, "attendance", "import", "--session", str(session), report)
    data = export(db)
    attended = [s for s in data["plans"][0]["sessions"] if s["id"] == session][0]["attendance"]
    thabo = [p["id"] for p in data["people"] if p["name"] == "Thabo Nkosi"]
    check(out.returncode == 0 and sorted(attended) == sorted([wanjiru["id"]] + thabo)
          and "not matched" not in out.stdout,
          "names that match no one are matched by their email: %s %s" % (attended, out.stdout.strip()))
    fresh = os.path.join(tmp, "fresh.db")
    dump = write_file(tmp, "dump.json", run(db, "export", "--format", "json").stdout)
    out = run(fresh, "import", dump)
    emails = sorted((p["name"], p["email"]) for p in export(fresh)["people"])
    check(out.returncode == 0 and emails == sorted((p["name"], p["email"]) for p in data["people"])
          and ("Wanjiru Kamau-Otieno", "wanjiru.kamau@example.org") in emails,
          "the JSON export and import carry every email (her own capitals kept): %s" % out.stderr.strip())


def check_series(tmp):
    """A weekly series counts once an occurrence, as its exceptions leave it,
    across the spring changes; attendance goes to its own occurrence."""
    london = ZoneInfo("Europe/London")
    rule = [dt.datetime(2021, 3, 16, 19, 0, tzinfo=london) + dt.timedelta(weeks=w) for w in range(5)]
    utc = [t.astimezone(UTC) for t in rule]
    moved = dt.datetime(2021, 3, 31, 12, 0, tzinfo=UTC)
    stamp = lambda t: t.strftime("%Y-%m-%dT%H:%M:%SZ")
    zones = {1: "Asia/Tokyo", 2: "Australia/Sydney", 3: "America/Mexico_City", 4: "Europe/London"}
    sectors = {1: "national-government", 2: "civil-society", 3: "local-government", 4: "academia"}
    people = [{"id": i, "name": "Member %d" % i, "organisation": None, "sector": sectors[i], "country": None,
               "region": zones[i].split("/")[0], "timezone": zones[i], "languages": [], "role": None,
               "email": None} for i in zones]
    session = {"id": 1, "topic": "Weekly call", "description": None, "month": "2021-03",
               "start": stamp(utc[0]), "timezone": "Europe/London", "duration_minutes": 60,
               "recurrence": "FREQ=WEEKLY;COUNT=5", "status": "scheduled", "format": "meeting",
               "language": "en", "lead": None, "speakers": [], "principles": [], "location": None,
               "recording_url": None, "recorded": None, "blog": None, "notes": None, "attendance": [],
               "exceptions": [
                   {"occurrence": stamp(utc[1]), "kind": "changed", "start": None, "duration_minutes": 0,
                    "topic": None, "lead": None, "status": "cancelled"},
                   {"occurrence": stamp(utc[2]), "kind": "changed", "start": stamp(moved), "duration_minutes": 0,
                    "topic": None, "lead": None, "status": "scheduled"},
                   {"occurrence": stamp(utc[4]), "kind": "removed", "start": None, "duration_minutes": 0,
                    "topic": None, "lead": None, "status": "scheduled"}],
               "occurrence_attendance": [{"occurrence": stamp(utc[0]), "people": [1, 3]},
                                         {"occurrence": stamp(utc[2]), "people": [2, 3, 4]}]}
    plan = {"id": 1, "title": "Weekly 2021", "group": None, "year": 2021, "summary": None, "status": "draft",
            "timezone": "Europe/London", "extra_timezones": [], "goals": [], "actions": [],
            "sessions": [session], "resources": []}
    path = write_file(tmp, "series.json", json.dumps({"plans": [plan], "people": people}))
    db = os.path.join(tmp, "series.db")
    out = run(db, "import", path)
    check(out.returncode == 0, "the weekly series imports: " + out.stderr.strip())
    counted = [utc[0], moved, utc[3]]
    got = json.loads(run(db, "insights", "--json").stdout)
    check([s["start"] for s in got["sessions"]] == [stamp(t) for t in counted]
          and got["sessions_counted"] == 3 and all(s["id"] == 1 for s in got["sessions"]),
          "each occurrence counts once, the cancelled and removed ones not, the moved one where it went: %s"
          % [s["start"] for s in got["sessions"]])
    check(utc[0].hour != utc[3].hour, "the series crosses the UK's change (19:00 then 18:00 UTC)")
    by_id = {m["id"]: m for m in got["members"]}
    for i, zone in zones.items():
        night = sum(is_night(t.astimezone(ZoneInfo(zone))) for t in counted)
        check(by_id[i]["night"] == night, "%s: %d of the occurrences in the night (convene-cli: %s)"
              % (zone, night, by_id[i]["night"]))
    check([s["attended"] for s in got["sessions"]] == [2, 3, 0] and got["attendance_rows"] == 5
          and sum(got["by_sector"].values()) == 5,
          "attendance goes to its own occurrence: %s" % [s["attended"] for s in got["sessions"]])
    check([s["government"] for s in got["sessions"]] == [2, 1, 0], "government attendees by occurrence")
    # Applying a rotation moves each occurrence on its own date, in one change.
    rotation = json.loads(run(db, "rotate", "--slots", "2", "--json").stdout)
    out = run(db, "rotate", "--slots", "2", "--apply")
    again = json.loads(run(db, "insights", "--json").stdout)
    check(out.returncode == 0 and "3 sessions moved" in out.stdout
          and [s["start"] for s in again["sessions"]] == [s["start"] for s in rotation["sessions"]]
          and [s.get("occurrence") for s in rotation["sessions"]] == [stamp(utc[0]), stamp(utc[2]), stamp(utc[3])],
          "rotate --apply moves every occurrence to its proposed start: %s" % [s["start"] for s in again["sessions"]])
    check([s["attended"] for s in again["sessions"]] == [2, 3, 0],
          "the moved occurrences keep their attendance")
    exported = export(db)["plans"][0]["sessions"][0]
    check(exported["recurrence"] == "FREQ=WEEKLY;COUNT=5" and exported["start"] == stamp(utc[0]),
          "the series' own rule and first start are left as they were")
    # A participant report into one occurrence, named as insights --json names it.
    report = write_file(tmp, "weekly.csv", "Name,Email,Duration\nMember 4,,60\nMember 2,,55\n")
    out = run(db, "attendance", "import", "--session", "1", "--occurrence", stamp(utc[3]), report)
    got = json.loads(run(db, "insights", "--json").stdout)
    check(out.returncode == 0 and [s["attended"] for s in got["sessions"]] == [2, 3, 2]
          and got["attendance_rows"] == 7,
          "a report into the fourth occurrence counts there: %s %s"
          % ([s["attended"] for s in got["sessions"]], out.stderr.strip()))
    refused(db, ["attendance", "import", "--session", "1", "--occurrence", stamp(utc[1] + dt.timedelta(hours=1)),
                 report], ["no occurrence"], "an occurrence the series does not have")


def check_apply(db):
    """rotate --apply writes the proposal onto the plan's sessions."""
    before = export(db)
    proposal = json.loads(run(db, "rotate", "--slots", "2", "--json").stdout)
    check(before == export(db), "rotate without --apply changes nothing")
    out = run(db, "rotate", "--slots", "2", "--apply")
    sessions = {s["id"]: s for s in export(db)["plans"][0]["sessions"]}
    check(out.returncode == 0 and all(sessions[s["id"]]["start"] == s["start"] for s in proposal["sessions"]),
          "every session takes its proposed start: " + out.stdout.strip().splitlines()[-1])
    check(all(sessions[s["id"]]["timezone"] is not None for s in proposal["sessions"]),
          "a month-only session gets the plan's usual zone with its start")
    again = json.loads(run(db, "rotate", "--slots", "2", "--json").stdout)
    check(again["worst_region_night"] == proposal["worst_region_night"]
          and [s["start"] for s in again["sessions"]] == [s["start"] for s in proposal["sessions"]],
          "the applied rotation proposes itself again")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "insights.db")
        out = run(db, "import", os.path.join(FIXTURES, "seed-000-iwg-2021.txt"))
        check(out.returncode == 0, "the seed imports")
        out = run(db, "people", "import", os.path.join(HERE, "members.csv"))
        check(out.returncode == 0 and "22 people added, 0 updated" in out.stdout and out.stderr == "",
              "the roster adds 22 people, no warnings: %s %s" % (out.stdout.strip(), out.stderr.strip()))
        out = run(db, "people", "import", os.path.join(HERE, "members.csv"))
        check("0 people added, 22 updated" in out.stdout and len(export(db)["people"]) == 24,
              "the roster again updates, adds no one")
        members = roster()
        insights = json.loads(run(db, "insights", "--json").stdout)
        check(insights["sessions_counted"] == len(SEED_STARTS),
              "%d sessions counted (no-meeting and TBC left out)" % insights["sessions_counted"])
        check([s["start"] for s in insights["sessions"]]
              == [t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") for t in SEED_STARTS],
              "the sessions counted are the seed's, month-only ones on the 15th at 7pm London time")
        check_ledger(db, members, insights)
        check_dst(members)
        check_rotation(db, members)
        check_attendance(db)
        check_bad_files(db, tmp)
        check_report(db, tmp)
        check_vcards(db, tmp)
        check_email(db, tmp)
        check_series(tmp)
        check_apply(db)
    print("1..%d" % tests)
    return 1 if failures else 0


sys.exit(main())
