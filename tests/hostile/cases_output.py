"""Hostile cases: where convene-cli writes, and which database it opens."""

import os
import subprocess

from hostile import case, check, refused, succeeded, unchanged


@case
def export_to_a_full_disk(ctx):
    ctx.seeded()
    for fmt in ("json", "ics", "csv", "md"):
        with open("/dev/full", "wb") as full:
            result = ctx.run("export", "--format", fmt, stdout=full)
        refused(result, 1, ["could not be written", "no space left"])


@case
def list_to_a_full_disk(ctx):
    ctx.seeded()
    with open("/dev/full", "wb") as full:
        result = ctx.run("list", "sessions", stdout=full)
    refused(result, 1, ["could not be written"])


@case
def export_with_stdout_closed(ctx):
    ctx.seeded()
    before = ctx.snapshot()
    result = ctx.run("export", stdout=subprocess.DEVNULL, pass_fds=(),
                     preexec_fn=lambda: os.close(1))
    refused(result, 1, ["standard output is closed"])
    unchanged(before, ctx)


@case
def import_with_stdout_closed_keeps_the_database_whole(ctx):
    # Descriptor 1 must not be handed to the file being read.
    result = ctx.run("import", ctx.fixture("seed-001-iwg-2024.txt"),
                     stdout=subprocess.DEVNULL, preexec_fn=lambda: os.close(1))
    refused(result, 1, ["standard output is closed"])
    check(ctx.run("check").status == 0, "the database does not pass check")


@case
def export_onto_the_database_itself(ctx):
    ctx.seeded()
    before = ctx.snapshot()
    raw = ctx.file_bytes(ctx.db)
    result = ctx.run("export", "-o", ctx.db)
    refused(result, 1, [ctx.db, "is the database"])
    check(ctx.file_bytes(ctx.db) == raw, "the database file was overwritten")
    unchanged(before, ctx)


@case
def export_onto_the_database_through_a_link(ctx):
    ctx.seeded()
    link = ctx.path("plans.json")
    os.symlink(ctx.db, link)
    hard = ctx.path("hard.json")
    os.link(ctx.db, hard)
    before = ctx.snapshot()
    for target in (link, hard):
        refused(ctx.run("export", "-o", target), 1, [target, "is the database"])
    unchanged(before, ctx)


@case
def export_onto_the_write_ahead_log(ctx):
    ctx.seeded()
    before = ctx.snapshot()
    for suffix in ("-wal", "-shm"):
        target = ctx.db + suffix
        open(target, "ab").close()
        refused(ctx.run("export", "-o", target), 1, [target, "database"])
    unchanged(before, ctx)


@case
def export_into_a_missing_folder(ctx):
    ctx.seeded()
    target = ctx.path("no/such/folder/plans.json")
    refused(ctx.run("export", "-o", target), 1, ["no/such/folder"])
    check(not os.path.exists(ctx.path("no")), "the export made folders")


@case
def export_into_a_read_only_folder(ctx):
    ctx.seeded()
    folder = ctx.path("locked")
    os.mkdir(folder, 0o500)
    if os.access(folder, os.W_OK):
        return  # running as root in a tree that ignores modes: nothing to show
    refused(ctx.run("export", "-o", os.path.join(folder, "plans.json")), 1, ["locked"])


@case
def an_empty_database_path(ctx):
    result = ctx.run("import", ctx.fixture("seed-000-iwg-2021.txt"), database="")
    refused(result, 2, ["not a file", "--database"])


@case
def an_in_memory_database(ctx):
    result = ctx.run("import", ctx.fixture("seed-000-iwg-2021.txt"), database=":memory:")
    refused(result, 2, [":memory:", "not a file"])
    check(not os.path.exists(ctx.path(":memory:")), "a file called :memory: was made")


@case
def check_on_a_mistyped_path(ctx):
    typo = ctx.path("convnee/convene.db")
    result = ctx.run("check", database=typo)
    refused(result, 1, [typo, "no database"])
    check("Integrity: ok" not in result.out, "check said ok about nothing")
    check(not os.path.exists(ctx.path("convnee")), "check made the folders of a mistyped path")


@case
def database_option_without_a_path(ctx):
    result = ctx.run("list", "--database", database=False)
    refused(result, 2, ["--database needs a path"])
