"""Hostile cases: files an import must refuse whole, leaving the database
as it was."""

import os

from hostile import case, check, refused, succeeded, unchanged


def refuse_import(ctx, name, data, mentions, status=1):
    """Imports @data as @name into a seeded database: refused, unchanged."""
    ctx.seeded()
    before = ctx.snapshot()
    path = ctx.write(name, data) if data is not None else ctx.path(name)
    result = ctx.run("import", path)
    refused(result, status, [name] + list(mentions))
    unchanged(before, ctx)
    return result


@case
def json_with_an_id_that_is_text(ctx):
    refuse_import(ctx, "plans.json", '{"plans": [{"id": "x"}]}', ["plans[0]", "id"])


@case
def json_cut_short(ctx):
    refuse_import(ctx, "plans.json", '{"plans": [', ["not complete json"])


@case
def json_with_an_unknown_status(ctx):
    refuse_import(ctx, "plans.json",
                  '{"plans":[{"id":1,"title":"T","status":"bogus"}],"people":[]}',
                  ["plans[0].status", "bogus", "draft, approved"])


@case
def json_lead_that_is_a_number(ctx):
    refuse_import(ctx, "plans.json",
                  '{"plans":[{"id":1,"title":"T","sessions":[{"id":1,"topic":"x","lead":5}]}],"people":[]}',
                  ["lead"])


@case
def an_empty_file(ctx):
    refuse_import(ctx, "plan.txt", "", ["empty"])


@case
def binary_bytes_as_a_plan(ctx):
    refuse_import(ctx, "plan.txt", b"\x00\x80garbage\xc3" * 64, ["not a text document"])


@case
def a_folder_given_as_a_file(ctx):
    os.mkdir(ctx.path("plans.ics"))
    refuse_import(ctx, "plans.ics", None, ["directory"])


@case
def a_file_that_is_not_there(ctx):
    refuse_import(ctx, "missing.txt", None, ["no such file"])


@case
def icalendar_garbage_names_its_line(ctx):
    ctx.seeded()
    before = ctx.snapshot()
    result = ctx.run("import", ctx.fixture("ics-garbage.ics"))
    refused(result, 1, ["ics-garbage.ics:8", "not an icalendar property"])
    unchanged(before, ctx)


@case
def icalendar_cut_short(ctx):
    ctx.seeded()
    before = ctx.snapshot()
    result = ctx.run("import", ctx.fixture("ics-truncated.ics"))
    refused(result, 1, ["ics-truncated.ics"])
    unchanged(before, ctx)


@case
def icalendar_event_without_an_end_of_calendar(ctx):
    refuse_import(ctx, "call.ics",
                  "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\n"
                  "DTSTART:20210223T190000Z\r\nSUMMARY:Call\r\nEND:VEVENT\r\n",
                  ["call.ics"])


@case
def the_second_of_two_files_is_bad(ctx):
    # All or nothing per file: the good one is kept, the bad one changes nothing.
    good = ctx.fixture("seed-001-iwg-2024.txt")
    bad = ctx.write("bad.json", '{"plans": [')
    result = ctx.run("import", good, bad)
    check(result.status == 1, "a bad file did not fail the import", result)
    check("bad.json" in result.err, "stderr does not name the bad file", result)
    plans = ctx.run("list", "plans")
    succeeded(plans, ["Implementation Working Group"])


@case
def a_dry_run_writes_nothing(ctx):
    ctx.seeded()
    before = ctx.snapshot()
    result = ctx.run("import", "--dry-run", ctx.fixture("seed-002-ogp-2016.txt"))
    succeeded(result)
    unchanged(before, ctx)
