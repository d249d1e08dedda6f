"""Hostile cases: inputs that are not plain files, not UTF-8, not small,
or not quite what they claim to be.  Each input is read once (pipes and
FIFOs work), in any Unicode encoding with a byte order mark, within a
bound; ids stay within their range; and every refusal names the file and
what is really wrong, leaving the database as it was."""

import json
import os
import threading

from hostile import case, check, refused, succeeded, unchanged

CALENDAR = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//hostile//EN\r\n"
            "X-WR-CALNAME:Encoded calendar\r\n"
            "BEGIN:VEVENT\r\nUID:1@hostile\r\nDTSTAMP:20250101T000000Z\r\n"
            "DTSTART:%s\r\nDTEND:20250204T200000Z\r\n"
            "SUMMARY:Café call\r\nDESCRIPTION:%s\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")

# The ids a JSON export may carry: 1 to 2^53.
MAX_ID = 2 ** 53


def calendar(start="20250204T190000Z", description="Notes"):
    return CALENDAR % (start, description)


def export(title="Encoded plan", plan_id=1, **plan):
    return json.dumps({"plans": [dict({"id": plan_id, "title": title}, **plan)], "people": []},
                      ensure_ascii=False)


def plans(ctx):
    result = ctx.run("list", "plans")
    succeeded(result)
    return result.out


def refuse(ctx, name, data, mentions, status=1):
    """Imports @data as @name into a seeded database: refused, unchanged."""
    ctx.seeded()
    before = ctx.snapshot()
    path = ctx.write(name, data)
    result = ctx.run("import", path)
    refused(result, status, [name] + list(mentions))
    unchanged(before, ctx)
    return result


def imports(ctx, name, data, title):
    """Imports @data as @name into a seeded database: the plan called
    @title is there, and no plan is called after the file's first line."""
    ctx.seeded()
    result = ctx.run("import", ctx.write(name, data))
    succeeded(result, [name])
    listed = plans(ctx)
    check(title in listed, "the plan %r was not imported" % title, result)
    check("BEGIN:VCALENDAR" not in listed and '{"plans"' not in listed,
          "the file was read as a plain-text document", result)
    return result


def feed_fifo(path, data):
    """Writes @data into the FIFO at @path from a thread, as a shell's
    `cat plan > fifo &` would; returns the thread."""
    def write():
        with open(path, "wb") as f:
            f.write(data)
    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread


# ---- pipes and FIFOs: one open per input -------------------------------------

@case
def a_plan_document_on_a_pipe(ctx):
    with open(ctx.fixture("seed-000-iwg-2021.txt"), "rb") as f:
        text = f.read()
    result = ctx.run("import", "/dev/stdin", stdin=text)
    succeeded(result, ["/dev/stdin imported", "Action Plan 2021"])
    check("Implementation Working Group" in plans(ctx), "the plan is not in the database", result)


@case
def a_dry_run_on_a_pipe(ctx):
    with open(ctx.fixture("seed-001-iwg-2024.txt"), "rb") as f:
        text = f.read()
    result = ctx.run("import", "--dry-run", "/dev/stdin", stdin=text)
    succeeded(result, ["would create", "Action Plan 2024"])


@case
def a_json_export_on_a_pipe(ctx):
    result = ctx.run("import", "/dev/stdin", stdin=export("Piped plan").encode())
    succeeded(result, ["Piped plan"])


@case
def a_plan_document_from_a_fifo(ctx):
    fifo = ctx.path("plan.fifo")
    os.mkfifo(fifo)
    with open(ctx.fixture("seed-001-iwg-2024.txt"), "rb") as f:
        feed_fifo(fifo, f.read())
    result = ctx.run("import", fifo, timeout=30)
    succeeded(result, ["plan.fifo imported", "Action Plan 2024"])


@case
def a_calendar_from_a_fifo(ctx):
    fifo = ctx.path("calendar.fifo")
    os.mkfifo(fifo)
    feed_fifo(fifo, calendar().encode())
    result = ctx.run("import", fifo, timeout=30)
    succeeded(result, ["calendar.fifo imported"])
    check("Encoded calendar" in plans(ctx), "the calendar's plan is not in the database", result)


@case
def dev_zero_is_refused_at_once(ctx):
    ctx.seeded()
    before = ctx.snapshot()
    result = ctx.run("import", "/dev/zero", timeout=30)
    refused(result, 1, ["/dev/zero", "not a text document"])
    unchanged(before, ctx)


@case
def dev_urandom_is_refused_at_once(ctx):
    ctx.seeded()
    before = ctx.snapshot()
    result = ctx.run("import", "/dev/urandom", timeout=30)
    refused(result, 1, ["/dev/urandom"])
    unchanged(before, ctx)


@case
def endless_text_on_a_pipe_stops_at_the_bound(ctx):
    # 65 MiB of one sentence: past the 64 MiB a document may have.
    ctx.seeded()
    before = ctx.snapshot()
    text = b"Our next meeting is on Tuesday.\n" * (65 * 1024 * 1024 // 32 + 1)
    result = ctx.run("import", "/dev/stdin", stdin=text, timeout=60)
    refused(result, 1, ["/dev/stdin", "larger than 64 MiB", "up to 64 MiB"])
    unchanged(before, ctx)


# ---- encodings: byte order marks ---------------------------------------------

@case
def json_in_utf16le_with_a_bom(ctx):
    imports(ctx, "plans.json", b"\xff\xfe" + export("Plan en UTF-16").encode("utf-16-le"), "Plan en UTF-16")


@case
def json_in_utf16be_with_a_bom(ctx):
    imports(ctx, "plans.json", b"\xfe\xff" + export("Big-endian plan").encode("utf-16-be"),
            "Big-endian plan")


@case
def json_in_utf8_with_a_bom(ctx):
    imports(ctx, "plans.json", b"\xef\xbb\xbf" + export("Plan with a mark").encode(), "Plan with a mark")


@case
def json_in_utf32le_with_a_bom(ctx):
    imports(ctx, "plans.json", "\ufeff".encode("utf-32-le") + export("Wide plan").encode("utf-32-le"),
            "Wide plan")


@case
def icalendar_in_utf16le_with_a_bom(ctx):
    imports(ctx, "calendar.ics", b"\xff\xfe" + calendar().encode("utf-16-le"), "Encoded calendar")


@case
def icalendar_in_utf16be_with_a_bom(ctx):
    imports(ctx, "calendar.ics", b"\xfe\xff" + calendar().encode("utf-16-be"), "Encoded calendar")


@case
def icalendar_in_utf8_with_a_bom(ctx):
    imports(ctx, "calendar.ics", b"\xef\xbb\xbf" + calendar().encode(), "Encoded calendar")


@case
def utf16_that_is_not_utf16(ctx):
    # The mark promises UTF-16; an unpaired surrogate breaks the promise.
    refuse(ctx, "plans.json", b"\xff\xfe" + "{\"plans\": [".encode("utf-16-le") + b"\x00\xd8",
           ["UTF-16LE", "byte order mark"])


# ---- ids ---------------------------------------------------------------------

@case
def json_id_past_the_largest_integer(ctx):
    refuse(ctx, "plans.json", '{"plans": [{"id": 9223372036854775808, "title": "Huge"}], "people": []}',
           ["plans[0].id", "out of range", str(MAX_ID)])


@case
def json_id_one_past_the_range(ctx):
    refuse(ctx, "plans.json", export("Just past", plan_id=MAX_ID + 1), ["plans[0].id", str(MAX_ID + 1)])


@case
def json_id_zero(ctx):
    refuse(ctx, "plans.json", export("Zero", plan_id=0), ["plans[0]", "id"])


@case
def json_attendance_id_past_the_range(ctx):
    data = json.dumps({"plans": [{"id": 1, "title": "P", "sessions": [
        {"id": 1, "topic": "T", "attendance": [MAX_ID + 1]}]}], "people": []})
    refuse(ctx, "plans.json", data, ["plans[0].sessions[0].attendance[0]", "out of range"])


@case
def json_ids_at_the_edge_are_kept_and_followed(ctx):
    # Into an empty database an export keeps its ids, the largest one too;
    # the next plan imported gets the id after it, not a random one.
    result = ctx.run("import", ctx.write("edge.json", export("At the edge", plan_id=MAX_ID)))
    succeeded(result, ["At the edge"])
    ctx.run("import", ctx.fixture("seed-000-iwg-2021.txt"))
    exported = json.loads(ctx.run("export").out)
    ids = sorted(plan["id"] for plan in exported["plans"])
    check(ids == [MAX_ID, MAX_ID + 1], "the ids are %r" % ids, result)


# ---- what is really wrong ----------------------------------------------------

@case
def a_nul_byte_in_json_names_its_line(ctx):
    refuse(ctx, "plans.json", b'{"plans": [\n{"id": 1,\n\x00"title": "N"}]}', ["plans.json:3", "NUL byte", "line 3"])


@case
def a_nul_byte_in_a_calendar_names_its_line(ctx):
    data = calendar().encode().replace(b"SUMMARY:Caf", b"SUMMARY:\x00Caf")
    refuse(ctx, "calendar.ics", data, ["calendar.ics:10", "NUL byte", "line 10"])


@case
def an_empty_json_list(ctx):
    refuse(ctx, "plans.json", "[]\n", ["is JSON", "not a Convene export", "a list"])


@case
def a_json_string(ctx):
    refuse(ctx, "notes.txt", '"Our next meeting is on Tuesday"\n', ["is JSON", "not a Convene export", "text"])


@case
def another_programs_json_object(ctx):
    refuse(ctx, "events.json", '{"events": [{"name": "Call"}]}', ["is JSON", "not a Convene export"])


@case
def an_empty_json_object(ctx):
    refuse(ctx, "plans.json", "{}", ["no plans and no people"])


@case
def a_markdown_link_first_is_still_a_document(ctx):
    # "[" starts a link as well as a JSON list: only JSON is claimed as JSON.
    with open(ctx.fixture("seed-000-iwg-2021.txt"), encoding="utf-8") as f:
        text = "[Open Data Charter](https://opendatacharter.org)\n\n" + f.read()
    result = ctx.run("import", ctx.write("plan.md", text))
    succeeded(result, ["Action Plan 2021"])


@case
def a_start_in_year_one(ctx):
    refuse(ctx, "calendar.ics", calendar(start="00010204T190000Z"),
           ["calendar.ics:8", "year 1;", "1001 to 9998"])


@case
def a_start_in_year_9999(ctx):
    refuse(ctx, "calendar.ics", calendar(start="99990204T190000Z"),
           ["calendar.ics:8", "year 9999", "1001 to 9998"])


# ---- sizes: linear, and within bounds ----------------------------------------

@case
def a_long_unfolded_line_still_imports(ctx):
    # 4 MB of description on one physical line: read, not refused.
    ctx.seeded()
    result = ctx.run("import", ctx.write("long.ics", calendar(description="x" * (4 << 20))), timeout=60)
    succeeded(result, ["long.ics imported"])
    exported = json.loads(ctx.run("export").out)
    lengths = [len(s.get("description") or "") for p in exported["plans"] for s in p.get("sessions", [])]
    check(max(lengths) == 4 << 20, "the description was not kept whole", result)


@case
def a_long_table_imports(ctx):
    months = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]
    rows = ["| Topic %d | %s | Tuesday 2nd at 7pm London time |" % (i, months[i % 12]) for i in range(3000)]
    text = "\n".join(["Long Working Group", "", "Action Plan 2025", "", "Meeting schedule", "",
                      "| Topic | Month | Date |", "|--|--|--|"] + rows) + "\n"
    result = ctx.run("import", ctx.write("long.md", text), timeout=60)
    succeeded(result, ["3000 sessions"])


@case
def many_people_into_a_full_database(ctx):
    ctx.seeded()
    people = [{"id": i, "name": "Person %d" % i} for i in range(1, 3001)]
    data = json.dumps({"plans": [{"id": 1, "title": "Roll call", "sessions": [
        {"id": 1, "topic": "All", "attendance": list(range(1, 3001))}]}], "people": people})
    result = ctx.run("import", ctx.write("people.json", data), timeout=60)
    succeeded(result, ["3000 people"])
