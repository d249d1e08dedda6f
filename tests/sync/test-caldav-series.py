#!/usr/bin/env python3
"""A weekly series on a real Radicale: published as one item (its own
VEVENT and one a changed meeting), edited on the server as a phone would
(one meeting cancelled, one taken out with an EXDATE, one change to a
meeting the rule does not have), pulled back meeting by meeting, a re-sync
that sends nothing, an edit to one meeting here that is sent alone, and an
edit to one meeting on both sides that waits as a conflict naming it.

Usage: test-caldav-series.py CONVENE-CLI   (TAP on stdout)
"""
import datetime
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import zoneinfo

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import caldav_server  # noqa: E402

for tool in ("radicale", "gnome-keyring-daemon", "dbus-run-session", "curl"):
    import importlib.util
    import shutil
    if (importlib.util.find_spec("radicale") is None if tool == "radicale" else shutil.which(tool) is None):
        print("1..0 # SKIP %s is not installed" % tool)
        sys.exit(0)

caldav_server.in_private_bus(sys.argv)

CLI = sys.argv[1]
ROOT = tempfile.mkdtemp(prefix="convene-caldav-series-")
HOME = os.path.join(ROOT, "home")
os.makedirs(HOME)
# "YOUR TIME" is another zone than the organiser's, so that both columns
# are checked against the tz database.
os.environ.update(HOME=HOME, XDG_DATA_HOME=os.path.join(HOME, "data"),
                  XDG_CONFIG_HOME=os.path.join(HOME, "config"), XDG_CACHE_HOME=os.path.join(HOME, "cache"),
                  GSETTINGS_BACKEND="keyfile", TZ="America/New_York")
DB = os.path.join(ROOT, "convene.db")
LONDON = zoneinfo.ZoneInfo("Europe/London")
MINE = zoneinfo.ZoneInfo("America/New_York")
UTC = datetime.timezone.utc
n_test = 0
failed = 0


def ok(cond, name, detail=""):
    global n_test, failed
    n_test += 1
    if not cond:
        failed += 1
        print("not ok %d - %s" % (n_test, name))
        for line in str(detail).splitlines():
            print("# " + line)
    else:
        print("ok %d - %s" % (n_test, name))
    sys.stdout.flush()
    return cond


def cli(*args, stdin=None):
    out = subprocess.run([CLI, "--database", DB] + list(args), input=(stdin or "").encode(),
                         capture_output=True)
    return out.returncode, out.stdout.decode(), out.stderr.decode()


def db(sql, *params):
    con = sqlite3.connect(DB)
    with con:
        rows = con.execute(sql, params).fetchall()
    con.close()
    return rows


def london(day, month, hour=18):
    """A wall-clock time of the series' zone, 2026."""
    return datetime.datetime(2026, month, day, hour, 0, tzinfo=LONDON)


def stamp(when):
    """As iCalendar writes a time of Europe/London."""
    return when.strftime("%Y%m%dT%H%M%S")


def utc_text(when):
    """As the store writes an instant."""
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# The series: weekly from Tuesday 3 March 2026, 18:00 in London, eight
# meetings across the start of British Summer Time (29 March); the second
# is moved to the Wednesday.
FIRST = london(3, 3)
MEETINGS = [datetime.datetime.combine(FIRST.date() + datetime.timedelta(weeks=i), FIRST.time(), tzinfo=LONDON)
            for i in range(8)]
MOVED_FROM, MOVED_TO = MEETINGS[1], london(11, 3)
CANCELLED, TAKEN_OUT = MEETINGS[3], MEETINGS[5]
NOT_IN_RULE = london(25, 3)
SERIES = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Test//Series//EN\r
X-WR-CALNAME:Weekly plan\r
X-WR-TIMEZONE:Europe/London\r
BEGIN:VEVENT\r
UID:weekly-call@example.org\r
DTSTAMP:20260101T000000Z\r
DTSTART;TZID=Europe/London:%s\r
DURATION:PT1H\r
RRULE:FREQ=WEEKLY;COUNT=8\r
SUMMARY:Weekly call\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:weekly-call@example.org\r
DTSTAMP:20260101T000000Z\r
RECURRENCE-ID;TZID=Europe/London:%s\r
DTSTART;TZID=Europe/London:%s\r
DURATION:PT1H\r
SUMMARY:Weekly call\r
END:VEVENT\r
END:VCALENDAR\r
""" % (stamp(FIRST), stamp(MOVED_FROM), stamp(MOVED_TO))


def listed_meetings():
    """(organiser's time, your time, status, topic) of each line of
    `list sessions` for the series."""
    code, out, err = cli("list", "sessions")
    assert code == 0, err
    rows = []
    for line in out.splitlines()[1:]:
        m = re.match(r"^1\s+1\s+(\S+ \S+ \S+)\s+(\S+ \S+ \S+)\s+(\S+)\s+\S+\s+(.*)$", line)
        if m:
            rows.append((m.group(1), m.group(2), m.group(3), m.group(4).strip()))
    return rows


def expected_row(when, status="Scheduled", topic="Weekly call"):
    """The line the tz database says a meeting at @when has."""
    return (when.astimezone(LONDON).strftime("%Y-%m-%d %H:%M %Z"),
            when.astimezone(MINE).strftime("%Y-%m-%d %H:%M %Z"), status, topic)


def item(server):
    """The href, text and ETag of the series' item on the server."""
    calendar = db("SELECT calendar_url FROM sync_accounts")[0][0]
    href = db("SELECT href FROM sync_items WHERE uid = 'session-1@convene'")[0][0]
    url = href if href.startswith("http") else server.url.rstrip("/") + href
    code, text, etag = server.request("GET", url)
    assert code == 200, (code, text)
    return url, text.replace("\r\n ", ""), etag, calendar


def put(server, url, text, etag):
    return server.request("PUT", url, text, {"If-Match": etag, "Content-Type": "text/calendar"})[0]


def override(when, summary, status="CONFIRMED"):
    return ("BEGIN:VEVENT\r\nUID:session-1@convene\r\nDTSTAMP:20260201T120000Z\r\n"
            "RECURRENCE-ID;TZID=Europe/London:%s\r\nDTSTART;TZID=Europe/London:%s\r\n"
            "DURATION:PT1H\r\nSUMMARY:%s\r\nSTATUS:%s\r\nEND:VEVENT\r\n"
            % (stamp(when), stamp(when), summary, status))


def set_override_summary(text, when, summary):
    """The text with the SUMMARY of the meeting @when changes replaced."""
    def one(m):
        block = m.group(0)
        if "RECURRENCE-ID;TZID=Europe/London:%s" % stamp(when) not in block:
            return block
        return re.sub(r"(?m)^SUMMARY[^:\r\n]*:.*$", "SUMMARY:" + summary, block)
    return re.sub(r"BEGIN:VEVENT\r\n.*?END:VEVENT\r\n", one, text, flags=re.S)


def main():
    server = caldav_server.Radicale(os.path.join(ROOT, "radicale"))
    try:
        caldav_server.start_keyring(HOME)
        run(server)
    finally:
        server.stop()
    print("1..%d" % n_test)
    return 1 if failed else 0


def run(server):
    path = os.path.join(ROOT, "series.ics")
    with open(path, "w", newline="") as f:
        f.write(SERIES)
    code, out, err = cli("import", path)
    ok(code == 0, "a weekly series with one moved meeting imports", out + err)
    want = [expected_row(MOVED_TO if w == MOVED_FROM else w) for w in MEETINGS]
    ok(listed_meetings() == want, "it lists eight meetings, the second on the Wednesday",
       (listed_meetings(), want))
    code, out, err = cli("account", "add", "--url", server.url, "--user", caldav_server.USER,
                         stdin=caldav_server.PASSWORD + "\n")
    ok(code == 0, "an account", out + err)
    code, out, err = cli("sync", "--plan", "1")
    ok(code == 0 and "Published 1," in out, "the series is published as one item", out + err)
    url, text, etag, calendar = item(server)
    ok(text.count("BEGIN:VEVENT") == 2 and "RECURRENCE-ID;TZID=Europe/London:%s" % stamp(MOVED_FROM) in text,
       "the item holds the series and its moved meeting", text)

    # -- a phone cancels one meeting, takes out another, and changes one the
    #    rule does not have ---------------------------------------------------
    edited = text.replace("RRULE:FREQ=WEEKLY;COUNT=8\r\n",
                          "RRULE:FREQ=WEEKLY;COUNT=8\r\nEXDATE;TZID=Europe/London:%s\r\n" % stamp(TAKEN_OUT), 1)
    edited = edited.replace("END:VCALENDAR", override(CANCELLED, "Weekly call", "CANCELLED") +
                            override(NOT_IN_RULE, "Not a meeting of the series") + "END:VCALENDAR")
    ok("EXDATE" in edited and put(server, url, edited, etag) in (200, 201, 204),
       "the server takes the edited series")
    code, out, err = cli("sync", "--plan", "1")
    ok(code == 0 and "taken from there 1" in out, "the sync takes the series back", out + err)
    want = []
    for w in MEETINGS:
        if w == TAKEN_OUT:
            continue
        want.append(expected_row(MOVED_TO if w == MOVED_FROM else w,
                                 "Cancelled" if w == CANCELLED else "Scheduled"))
    ok(listed_meetings() == want,
       "list sessions: the meeting cancelled there is cancelled here, the one taken out is gone, "
       "the moved one stays moved", (listed_meetings(), want))
    ok("does not have" in err and stamp(NOT_IN_RULE) in err and "Weekly call" in err,
       "the change to a meeting the rule does not have is a warning naming it", err)
    ok(sorted(db("SELECT occurrence, kind FROM session_exceptions WHERE session = 1")) ==
       sorted([(utc_text(MOVED_FROM), "changed"), (utc_text(CANCELLED), "changed"),
               (utc_text(TAKEN_OUT), "removed")]),
       "the series' exceptions are the server's", db("SELECT * FROM session_exceptions"))

    for attempt in range(2):
        server.set_mark()
        code, out, err = cli("sync", "--plan", "1")
        methods = server.requests_since_mark()
        ok(code == 0 and "PUT" not in methods and err == "",
           "re-sync %d after the pull: nothing sent, nothing said" % (attempt + 1), (methods, out, err))

    # -- an edit to one meeting here is noticed and sent ---------------------
    db("UPDATE session_exceptions SET topic = 'Moved call' WHERE session = 1 AND occurrence = ?",
       utc_text(MOVED_FROM))
    server.set_mark()
    code, out, err = cli("sync", "--plan", "1")
    url, text, etag, calendar = item(server)
    ok(code == 0 and server.requests_since_mark().count("PUT") == 1 and "SUMMARY;LANGUAGE=en:Moved call" in text
       and "RECURRENCE-ID;TZID=Europe/London:%s" % stamp(CANCELLED) in text and "EXDATE" in text,
       "an edit to one meeting here is published, with the rest of the series",
       (server.requests_since_mark(), out, err, text))

    # -- one meeting edited on both sides -----------------------------------
    db("UPDATE session_exceptions SET topic = 'Mine' WHERE session = 1 AND occurrence = ?",
       utc_text(MOVED_FROM))
    ok(put(server, url, set_override_summary(text, MOVED_FROM, "Theirs"), etag) in (200, 201, 204),
       "another client edits the moved meeting")
    code, out, err = cli("sync", "--plan", "1")
    ok(code == 3, "an edit to one meeting on both sides is a conflict", (code, out, err))
    code, out, err = cli("conflicts")
    when = MOVED_FROM.strftime("%Y-%m-%d %H:%M") + " Europe/London"
    ok(code == 3 and "%s: “Mine”, moved to %s" % (when, MOVED_TO.strftime("%Y-%m-%d %H:%M Europe/London")) in out
       and "%s: “Theirs”" % when in out,
       "conflicts names the meeting and both its versions", out + err)
    ok(CANCELLED.strftime("%Y-%m-%d") not in out, "and not the meetings that agree", out)
    conflict = db("SELECT id FROM sync_conflicts")[0][0]
    code, out, err = cli("resolve", str(conflict), "--keep", "remote")
    ok(code == 0, "resolve --keep remote", out + err)
    server.set_mark()
    code, out, err = cli("sync", "--plan", "1")
    want = [(r[0], r[1], r[2], "Theirs") if r[0] == expected_row(MOVED_TO)[0] else r for r in want]
    ok(code == 0 and "PUT" not in server.requests_since_mark() and listed_meetings() == want,
       "keep remote: their meeting is taken here, the rest of the series as it was, nothing sent",
       (server.requests_since_mark(), listed_meetings(), want, out, err))

    # -- keep mine republishes this side's meetings --------------------------
    url, text, etag, calendar = item(server)
    db("UPDATE session_exceptions SET topic = 'Mine again' WHERE session = 1 AND occurrence = ?",
       utc_text(MOVED_FROM))
    later = MEETINGS[6]
    theirs = text.replace("END:VCALENDAR", override(later, "Weekly call", "CANCELLED") + "END:VCALENDAR")
    ok(put(server, url, theirs, etag) in (200, 201, 204), "another client cancels a later meeting")
    code, out, err = cli("sync", "--plan", "1")
    code_c, out_c, err_c = cli("conflicts")
    when = later.strftime("%Y-%m-%d %H:%M") + " Europe/London"
    ok(code == 3 and "%s: as the series has it" % when in out_c and "%s: “Weekly call”, cancelled" % when in out_c,
       "a meeting changed on one side only is named in the conflict", out_c)
    conflict = db("SELECT id FROM sync_conflicts")[0][0]
    code, out, err = cli("resolve", str(conflict), "--keep", "local")
    ok(code == 0, "resolve --keep local", out + err)
    code, out, err = cli("sync", "--plan", "1")
    url, text, etag, calendar = item(server)
    ok(code == 0 and "SUMMARY;LANGUAGE=en:Mine again" in text and stamp(later) not in text,
       "keep local: this side's series goes to the server, without their cancellation", (out, err, text))
    ok(expected_row(later) in listed_meetings(), "and the later meeting is still on here", listed_meetings())
    server.set_mark()
    code, out, err = cli("sync", "--plan", "1")
    ok(code == 0 and "PUT" not in server.requests_since_mark(), "then nothing more to send",
       server.requests_since_mark())


if __name__ == "__main__":
    sys.exit(main())
