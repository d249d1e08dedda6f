#!/usr/bin/env python3
"""convene-cli against a real Radicale on 127.0.0.1, the password in a
real gnome-keyring on a private D-Bus: discovery, publish of seed 000,
edits and deletions on each side, conflicts, a refused sync token, a
re-sync that sends nothing, and the password nowhere but the keyring.

Usage: test-caldav.py CONVENE-CLI SEED-FILE   (TAP on stdout)
"""
import datetime
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import zoneinfo

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import caldav_server  # noqa: E402

for tool in ("radicale", "gnome-keyring-daemon", "dbus-run-session", "curl", "secret-tool"):
    import importlib.util
    import shutil
    if (importlib.util.find_spec("radicale") is None if tool == "radicale" else shutil.which(tool) is None):
        print("1..0 # SKIP %s is not installed" % tool)
        sys.exit(0)

caldav_server.in_private_bus(sys.argv)

import icalendar  # noqa: E402

CLI, SEED = sys.argv[1], sys.argv[2]
ROOT = tempfile.mkdtemp(prefix="convene-caldav-")
HOME = os.path.join(ROOT, "home")
os.makedirs(HOME)
os.environ.update(HOME=HOME, XDG_DATA_HOME=os.path.join(HOME, "data"),
                  XDG_CONFIG_HOME=os.path.join(HOME, "config"), XDG_CACHE_HOME=os.path.join(HOME, "cache"),
                  GSETTINGS_BACKEND="keyfile")
DB = os.path.join(ROOT, "convene.db")
OUTPUTS = []   # every stdout and stderr convene-cli wrote
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
    text, err = out.stdout.decode(), out.stderr.decode()
    OUTPUTS.append(text + err)
    return out.returncode, text, err


def exported():
    code, text, err = cli("export", "--format", "json")
    assert code == 0, err
    return json.loads(text)["plans"][0]


def sessions_by_id():
    return {s["id"]: s for s in exported()["sessions"]}


def db(sql, *params):
    con = sqlite3.connect(DB)
    with con:
        rows = con.execute(sql, params).fetchall()
    con.close()
    return rows


def server_events(server, calendar):
    """UID → (href, component) of every resource on the server."""
    body = ('<?xml version="1.0"?><c:calendar-query xmlns:d="DAV:" '
            'xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop><d:getetag/><c:calendar-data/>'
            '</d:prop><c:filter><c:comp-filter name="VCALENDAR"/></c:filter></c:calendar-query>')
    code, text, _ = server.request("REPORT", calendar, body, {"Depth": "1", "Content-Type": "application/xml"})
    assert code == 207, (code, text)
    result = {}
    for href, data in re.findall(r"<[^>]*href>([^<]+)</[^>]*href>.*?<[^>]*calendar-data[^>]*>(.*?)</",
                                 text, re.S):
        data = data.replace("&#13;", "\r").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
        cal = icalendar.Calendar.from_ical(data)
        for comp in cal.walk():
            if comp.name in ("VEVENT", "VTODO"):
                result[str(comp["UID"])] = (href, comp, data)
    return result


def utc_start(comp):
    start = comp.decoded("DTSTART")
    if not isinstance(start, datetime.datetime):
        start = datetime.datetime.combine(start, datetime.time(), tzinfo=datetime.timezone.utc)
    return start.astimezone(datetime.timezone.utc)


def edit_on_server(server, calendar, uid, topic):
    href, comp, data = server_events(server, calendar)[uid]
    url = server.url.rstrip("/") + href
    code, text, etag = server.request("GET", url)
    new = re.sub(r"(?m)^SUMMARY[^:\r\n]*:.*$", "SUMMARY:" + topic, text.replace("\r\n ", ""))
    return server.request("PUT", url, new, {"If-Match": etag, "Content-Type": "text/calendar"})[0]


def tls_untrusted(password):
    """An https server whose certificate nobody signed: said plainly, and
    nothing written.  Skipped without openssl to make the certificate."""
    import http.server
    import shutil
    import ssl
    import threading
    if shutil.which("openssl") is None:
        ok(True, "an untrusted certificate # SKIP openssl is not installed")
        return
    tls = os.path.join(ROOT, "tls")
    os.makedirs(tls)
    cert, key = os.path.join(tls, "cert.pem"), os.path.join(tls, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=convene.test", "-keyout", key, "-out", cert], capture_output=True, check=True)
    httpd = http.server.HTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = "https://127.0.0.1:%d/" % httpd.server_address[1]
    try:
        code, out, err = cli("account", "add", "--url", url, "--user", caldav_server.USER, stdin=password + "\n")
        account = out.split()[1].rstrip(":") if code == 0 else "0"
        before = db("SELECT count(*) FROM sync_items")[0][0]
        code, out, err = cli("sync", "--plan", "1", "--account", account)
        ok(code == 1 and "cannot be trusted" in err and "127.0.0.1" in err and
           db("SELECT count(*) FROM sync_items")[0][0] == before,
           "an untrusted certificate: said plainly, nothing written", (code, out, err))
        cli("account", "remove", account)
    finally:
        httpd.shutdown()


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
    password = caldav_server.PASSWORD
    code, out, err = cli("import", SEED)
    ok(code == 0, "seed 000 imports", err)

    # -- accounts ----------------------------------------------------------
    code, out, err = cli("account", "add", "--url", server.url, "--user", caldav_server.USER,
                         stdin=password + "\n")
    ok(code == 0, "account add takes the password from the standard input", out + err)
    code, out, err = cli("account", "add", "--url", server.url, "--user", caldav_server.USER,
                         stdin=password + "\n")
    ok(code == 1 and "already" in err, "the same account twice is refused", out + err)
    code, out, err = cli("account", "list")
    ok(code == 0 and caldav_server.USER in out and server.url in out, "account list shows it", out + err)
    lookup = subprocess.run(["secret-tool", "lookup", "url", server.url, "user", caldav_server.USER],
                            capture_output=True)
    ok(lookup.stdout.decode() == password, "the password is in the keyring", lookup.stderr)

    # -- discovery and publish ---------------------------------------------
    server.set_mark()
    code, out, err = cli("sync", "--plan", "1")
    ok(code == 0, "the first sync publishes", out + err)
    methods = server.requests_since_mark()
    ok("MKCALENDAR" in methods and "PROPFIND" in methods, "discovery found the home and made a calendar",
       methods)
    calendar = db("SELECT calendar_url FROM sync_accounts")[0][0]
    ok(calendar is not None and calendar.startswith(server.url), "the calendar is remembered", calendar)
    plan = exported()
    dated = [s for s in plan["sessions"] if s["start"] is not None]
    undated = [s for s in plan["sessions"] if s["start"] is None]
    events = server_events(server, calendar)
    ok(len(undated) > 0, "seed 000 has month-only or TBC sessions", len(undated))
    ok(all("session-%d@convene" % s["id"] in events for s in dated),
       "every dated session is on the server", sorted(events))
    ok(not any("session-%d@convene" % s["id"] in events for s in undated),
       "no month-only or TBC session is on the server with a made-up date")
    ok(all("action-%d@convene" % a["id"] in events and events["action-%d@convene" % a["id"]][1].name == "VTODO"
           for a in plan["actions"]), "every action is a to-do on the server")
    wrong = []
    for s in dated:
        comp = events["session-%d@convene" % s["id"]][1]
        want = datetime.datetime.fromisoformat(s["start"].replace("Z", "+00:00"))
        if utc_start(comp) != want or str(comp["SUMMARY"]) != s["topic"]:
            wrong.append((s["id"], utc_start(comp), want))
        tzid = comp["DTSTART"].params.get("TZID")
        if tzid is not None and "BEGIN:VTIMEZONE" not in events["session-%d@convene" % s["id"]][2]:
            wrong.append((s["id"], "no VTIMEZONE for", tzid))
    ok(not wrong, "each event starts at the session's instant, with its VTIMEZONE", wrong)

    # -- a re-sync is a no-op ------------------------------------------------
    for attempt in range(2):
        server.set_mark()
        code, out, err = cli("sync", "--plan", "1")
        methods = server.requests_since_mark()
        ok(code == 0 and methods == ["REPORT"], "re-sync %d: one REPORT, no PUT" % (attempt + 1),
           (methods, out, err))

    # -- an edit on the server is pulled back --------------------------------
    first, second, third, fourth, fifth = (s["id"] for s in dated[:5])
    status = edit_on_server(server, calendar, "session-%d@convene" % first, "Edited on the phone")
    ok(status in (200, 201, 204), "the server takes an edit from another client", status)
    code, out, err = cli("sync", "--plan", "1")
    ok(code == 0 and sessions_by_id()[first]["topic"] == "Edited on the phone",
       "the server's edit is taken here", out + err)
    server.set_mark()
    code, out, err = cli("sync", "--plan", "1")
    ok(code == 0 and "PUT" not in server.requests_since_mark(), "a pulled edit is not sent back",
       server.requests_since_mark())

    # -- an edit here is published with If-Match -------------------------------
    db("UPDATE sessions SET topic = 'Edited here' WHERE id = ?", second)
    server.set_mark()
    code, out, err = cli("sync", "--plan", "1")
    ok(code == 0 and server.requests_since_mark().count("PUT") == 1 and
       str(server_events(server, calendar)["session-%d@convene" % second][1]["SUMMARY"]) == "Edited here",
       "an edit here is published, one PUT", (server.requests_since_mark(), out, err))

    # -- a concurrent edit on both sides ---------------------------------------
    db("UPDATE sessions SET topic = 'Mine' WHERE id = ?", third)
    edit_on_server(server, calendar, "session-%d@convene" % third, "Theirs")
    code, out, err = cli("sync", "--plan", "1")
    ok(code == 3, "a sync with an edit on both sides exits 3", (code, out, err))
    ok(sessions_by_id()[third]["topic"] == "Mine" and
       str(server_events(server, calendar)["session-%d@convene" % third][1]["SUMMARY"]) == "Theirs",
       "neither side is overwritten")
    code, out, err = cli("conflicts")
    ok(code == 3 and "Mine" in out and "Theirs" in out, "conflicts lists both versions", out + err)
    code, out, err = cli("sync", "--plan", "1")
    ok(code == 3, "sync exits 3 while the conflict waits", out + err)
    conflict = db("SELECT id FROM sync_conflicts")[0][0]
    code, out, err = cli("resolve", str(conflict), "--keep", "both")
    ok(code == 0, "resolve --keep both", out + err)
    code, out, err = cli("sync", "--plan", "1")
    ok(code == 0, "the sync after the choice exits 0", out + err)
    topics = [s["topic"] for s in exported()["sessions"]]
    remote_topics = [str(c["SUMMARY"]) for _, c, _ in server_events(server, calendar).values()]
    ok("Mine" in topics and "Theirs" in topics, "both versions are kept here", topics)
    ok("Mine" in remote_topics and "Theirs" in remote_topics, "both versions are on the server", remote_topics)
    code, out, err = cli("conflicts")
    ok(code == 0 and "No conflicts" in out, "no conflict is left", out)

    # -- keep local and keep remote --------------------------------------------
    db("UPDATE sessions SET topic = 'Mine again' WHERE id = ?", fourth)
    edit_on_server(server, calendar, "session-%d@convene" % fourth, "Theirs again")
    db("UPDATE sessions SET topic = 'Mine too' WHERE id = ?", fifth)
    edit_on_server(server, calendar, "session-%d@convene" % fifth, "Theirs too")
    code, out, err = cli("sync", "--plan", "1")
    ok(code == 3, "two conflicts", out + err)
    rows = dict(db("SELECT i.uid, c.id FROM sync_conflicts c JOIN sync_items i ON i.id = c.item"))
    cli("resolve", str(rows["session-%d@convene" % fourth]), "--keep", "local")
    cli("resolve", str(rows["session-%d@convene" % fifth]), "--keep", "remote")
    code, out, err = cli("sync", "--plan", "1")
    events = server_events(server, calendar)
    here = sessions_by_id()
    ok(code == 0 and str(events["session-%d@convene" % fourth][1]["SUMMARY"]) == "Mine again" and
       here[fourth]["topic"] == "Mine again", "keep local: this side's version goes to the server", out + err)
    ok(str(events["session-%d@convene" % fifth][1]["SUMMARY"]) == "Theirs too" and
       here[fifth]["topic"] == "Theirs too", "keep remote: the server's version is taken here")

    # -- deletions both ways ---------------------------------------------------
    # seed 000 has five dated sessions: the ones edited above serve again
    gone_here, gone_there = first, second
    db("DELETE FROM sessions WHERE id = ?", gone_here)
    href = events["session-%d@convene" % gone_there][0]
    code_del = server.request("DELETE", server.url.rstrip("/") + href)[0]
    ok(code_del in (200, 204), "another client deletes an event", code_del)
    code, out, err = cli("sync", "--plan", "1")
    events = server_events(server, calendar)
    ok(code == 0 and "session-%d@convene" % gone_here not in events,
       "a session deleted here is deleted on the server", out + err)
    ok(gone_there not in sessions_by_id(), "an event deleted on the server is deleted here")

    # -- a refused sync token ------------------------------------------------------
    db("UPDATE sync_accounts SET sync_token = 'http://radicale.org/ns/sync/0000000000000000'")
    moved, edited = third, fourth
    edit_on_server(server, calendar, "session-%d@convene" % moved, "Edited while the token went stale")
    db("UPDATE sessions SET topic = 'Edited here meanwhile' WHERE id = ?", edited)
    server.set_mark()
    code, out, err = cli("sync", "--plan", "1")
    here = sessions_by_id()
    refused = re.search(r"REPORT response status for \S+ with depth '0' in [0-9.]+ seconds: (403|409)",
                        server.read_log()[server.mark:])
    ok(refused is not None, "the server refused the stale token", server.read_log()[server.mark:])
    ok(code == 0 and "every item compared" in out and server.requests_since_mark().count("REPORT") == 2,
       "a refused token falls back to a full comparison (calendar-query)", (out, err, server.requests_since_mark()))
    ok(here[moved]["topic"] == "Edited while the token went stale", "the server's edit is not lost")
    ok(str(server_events(server, calendar)["session-%d@convene" % edited][1]["SUMMARY"])
       == "Edited here meanwhile", "this side's edit is not lost")
    server.set_mark()
    code, out, err = cli("sync", "--plan", "1")
    ok(code == 0 and server.requests_since_mark() == ["REPORT"], "after the recovery a re-sync is one REPORT",
       server.requests_since_mark())

    # -- a deletion against an edit is a conflict too -----------------------------
    db("DELETE FROM sessions WHERE id = ?", fifth)
    edit_on_server(server, calendar, "session-%d@convene" % fifth, "Edited there and deleted here")
    db("UPDATE sessions SET topic = 'Edited here and deleted there' WHERE id = ?", fourth)
    href = server_events(server, calendar)["session-%d@convene" % fourth][0]
    server.request("DELETE", server.url.rstrip("/") + href)
    code, out, err = cli("sync", "--plan", "1")
    ok(code == 3, "a deletion on one side and an edit on the other exit 3", (code, out, err))
    code, out, err = cli("conflicts")
    ok(out.count("(deleted)") == 2 and "Edited there and deleted here" in out and
       "Edited here and deleted there" in out, "conflicts shows the deleted side and the edited one", out)
    rows = dict(db("SELECT i.uid, c.id FROM sync_conflicts c JOIN sync_items i ON i.id = c.item"))
    cli("resolve", str(rows["session-%d@convene" % fifth]), "--keep", "remote")
    cli("resolve", str(rows["session-%d@convene" % fourth]), "--keep", "local")
    code, out, err = cli("sync", "--plan", "1")
    topics = [s["topic"] for s in exported()["sessions"]]
    remote_topics = [str(c["SUMMARY"]) for _, c, _ in server_events(server, calendar).values()]
    ok(code == 0 and "Edited there and deleted here" in topics and "Edited there and deleted here" in remote_topics,
       "keep remote brings the server's edit back here", (out, err, topics))
    ok("Edited here and deleted there" in remote_topics and "Edited here and deleted there" in topics,
       "keep local publishes this side's edit again", remote_topics)
    ok(remote_topics.count("Edited there and deleted here") == 1, "the edit comes back once, not twice",
       remote_topics)
    server.set_mark()
    code, out, err = cli("sync", "--plan", "1")
    ok(code == 0 and "PUT" not in server.requests_since_mark(), "then nothing more to send",
       server.requests_since_mark())

    # -- an event another member made on their phone ------------------------------
    start = datetime.datetime(2021, 5, 4, 16, 0, tzinfo=zoneinfo.ZoneInfo("America/Bogota"))
    phone = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Phone//Calendar//EN\r\nBEGIN:VEVENT\r\n"
             "UID:4F1C-phone-event@example.org\r\nDTSTAMP:20210401T120000Z\r\n"
             "DTSTART:%s\r\nDURATION:PT30M\r\nSUMMARY:Call from the phone\r\nEND:VEVENT\r\n"
             "END:VCALENDAR\r\n" % start.astimezone(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ"))
    n_sessions = len(exported()["sessions"])
    status = server.request("PUT", calendar + "phone-event.ics", phone,
                            {"If-None-Match": "*", "Content-Type": "text/calendar"})[0]
    ok(status in (200, 201, 204), "the server takes an event with a UID of another client's", status)
    code, out, err = cli("sync", "--plan", "1")
    ok(code == 0 and "Call from the phone" in err and "not published by Convene" in err,
       "a sync names the event Convene did not publish, as a warning", (code, out, err))
    ok(len(exported()["sessions"]) == n_sessions, "it is not added to the plan")
    server.set_mark()
    code, out, err = cli("sync", "--plan", "1")
    ok(code == 0 and "DELETE" not in server.requests_since_mark() and "PUT" not in server.requests_since_mark()
       and "4F1C-phone-event@example.org" in server_events(server, calendar),
       "the next sync neither deletes it nor sends a copy", server.requests_since_mark())

    # -- the password is nowhere but in the keyring -------------------------------
    leaks = []
    needles = [password.encode(), password.encode("utf-16-le")]
    for top, _, files in os.walk(ROOT):
        for name in files:
            path = os.path.join(top, name)
            if "keyrings" in path or path.endswith("users") or path.endswith("headers"):
                continue   # the keyring's own file; the server's own user list and curl's scratch
            with open(path, "rb") as f:
                data = f.read()
            if any(n in data for n in needles):
                leaks.append(path)
    ok(os.path.exists(DB) and not leaks, "the database, its WAL, settings and logs hold no password", leaks)
    ok(not any(password in o for o in OUTPUTS), "convene-cli never prints the password")
    keyrings = os.path.join(HOME, "data", "keyrings")
    stored = b"".join(open(os.path.join(keyrings, n), "rb").read() for n in os.listdir(keyrings)) \
        if os.path.isdir(keyrings) else b""
    ok(password.encode() not in stored, "the keyring's file holds it encrypted")

    # -- failures say what happened and write nothing ----------------------------
    import socket
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    dead_url = "http://127.0.0.1:%d/" % closed.getsockname()[1]   # bound, never listening
    cli("account", "add", "--url", dead_url, "--user", "nobody", stdin="whatever\n")
    cli("account", "add", "--url", server.url, "--user", "intruder", stdin="not-the-password\n")
    code, out, err = cli("sync", "--plan", "1")
    ok(code == 1 and "several accounts" in err, "with several accounts, sync asks which", out + err)
    before = db("SELECT count(*) FROM sync_items")[0][0]
    code, out, err = cli("sync", "--plan", "1", "--account", "2")
    ok(code == 1 and "127.0.0.1" in err and db("SELECT count(*) FROM sync_items WHERE account = 2")[0][0] == 0
       and db("SELECT calendar_url FROM sync_accounts WHERE id = 2")[0][0] is None,
       "a server that does not answer: a clear error, nothing written", out + err)
    code, out, err = cli("sync", "--plan", "1", "--account", "3")
    ok(code == 1 and "401" in err and db("SELECT count(*) FROM sync_items")[0][0] == before,
       "a refused password: the server's answer said, nothing written", out + err)
    closed.close()
    for account in ("3", "2"):
        cli("account", "remove", account)
    tls_untrusted(password)

    code, out, err = cli("account", "remove", "1")
    lookup = subprocess.run(["secret-tool", "lookup", "url", server.url, "user", caldav_server.USER],
                            capture_output=True)
    ok(code == 0 and lookup.stdout == b"" and db("SELECT count(*) FROM sync_accounts")[0][0] == 0,
       "account remove forgets the account and its password", out + err)


if __name__ == "__main__":
    sys.exit(main())
