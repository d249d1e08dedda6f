"""Hostile cases: database files that are not what they seem, and a database
another program is using at the same time.

Convene refuses, untouched, whatever is not its own database (another
program's SQLite file, a text file, an impossible schema version), says
"damaged" of a damaged one, and waits a while for another writer before it
says the database is busy."""

import os
import sqlite3
import subprocess
import threading
import time

from hostile import case, check, refused, succeeded, unchanged

# PRAGMA application_id of Convene's databases ("Conv").
APPLICATION_ID = 0x436f6e76
SCHEMA_VERSION = 7


def set_pragmas(path, *pragmas):
    con = sqlite3.connect(path, isolation_level=None)
    try:
        for pragma in pragmas:
            con.execute("PRAGMA " + pragma)
    finally:
        con.close()


def pragma(path, name):
    con = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    try:
        return con.execute("PRAGMA " + name).fetchone()[0]
    finally:
        con.close()


def checkpointed(ctx):
    """A seeded database with everything in the main file, its -wal gone."""
    ctx.seeded()
    con = sqlite3.connect(ctx.db, isolation_level=None)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
    return ctx.db


def refuse_untouched(ctx, path, mentions, commands=(("list",), ("import", None), ("check",))):
    """Every command in @commands fails on @path, which stays byte for byte
    as it was, with no -wal or -journal file beside it."""
    before = ctx.file_bytes(path)
    seed = ctx.fixture("seed-000-iwg-2021.txt")
    for command in commands:
        args = [seed if a is None else a for a in command]
        result = ctx.run(*args, database=path)
        refused(result, 1, [os.path.basename(path)] + list(mentions))
        check(ctx.file_bytes(path) == before, "%s changed the file" % command[0], result)
        check(not os.path.exists(path + "-wal"), "%s made a -wal file beside it" % command[0], result)
    return before


def other_programs_database(ctx, name="contacts.sqlite"):
    path = ctx.path(name)
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)")
    con.executemany("INSERT INTO contacts (name) VALUES (?)", [("Ana",), ("Bo",)])
    con.commit()
    con.close()
    return path


@case
def a_negative_schema_version(ctx):
    # -1 once read the migration before the first as SQL.
    path = checkpointed(ctx)
    set_pragmas(path, "user_version = -1")
    refuse_untouched(ctx, path, ["not a Convene database or is damaged", "-1"])


@case
def the_most_negative_schema_version(ctx):
    # -2147483648 once crashed convene-cli list.
    path = ctx.path("min.db")
    set_pragmas(path, "user_version = -2147483648")
    refuse_untouched(ctx, path, ["not a Convene database or is damaged", "-2147483648"])


@case
def the_largest_schema_version(ctx):
    path = checkpointed(ctx)
    set_pragmas(path, "user_version = 2147483647")
    refuse_untouched(ctx, path, ["newer Convene", "schema version 2147483647",
                                 "up to %d" % SCHEMA_VERSION])


@case
def a_database_of_the_next_version(ctx):
    path = checkpointed(ctx)
    set_pragmas(path, "user_version = %d" % (SCHEMA_VERSION + 1))
    refuse_untouched(ctx, path, ["newer Convene", "schema version %d" % (SCHEMA_VERSION + 1)])


@case
def another_programs_sqlite_file(ctx):
    # Once switched to WAL, then filled with Convene's tables.
    path = other_programs_database(ctx)
    refuse_untouched(ctx, path, ["a SQLite database of another program",
                                 "Convene leaves it as it is"])
    check(pragma(path, "journal_mode") == "delete", "the file was switched to WAL")
    con = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    tables = [name for (name,) in con.execute("SELECT name FROM sqlite_master")]
    con.close()
    check(tables == ["contacts"], "tables were added: %r" % tables)


@case
def another_programs_application_id(ctx):
    # No tables yet, but marked as someone else's.
    path = ctx.path("other.db")
    set_pragmas(path, "application_id = %d" % 0x12345678)
    refuse_untouched(ctx, path, ["a SQLite database of another program"])


@case
def a_text_file_as_the_database(ctx):
    path = ctx.write("notes.db", "Meeting notes, not a database.\n" * 200)
    refuse_untouched(ctx, path, ["is not a Convene database", "it is not SQLite"])


@case
def random_bytes_as_the_database(ctx):
    path = ctx.write("noise.db", bytes((i * 131 + 7) % 256 for i in range(65536)))
    refuse_untouched(ctx, path, ["it is not SQLite"])


@case
def an_empty_file_is_a_new_database(ctx):
    path = ctx.write("empty.db", b"")
    result = ctx.run("import", ctx.fixture("seed-000-iwg-2021.txt"), database=path)
    succeeded(result)
    succeeded(ctx.run("list", "plans", database=path), ["Action Plan 2021"])
    check(pragma(path, "application_id") == APPLICATION_ID, "the new database is not marked as Convene's")
    check(pragma(path, "user_version") == SCHEMA_VERSION, "the new database is not at this version")


@case
def a_new_path_is_marked_as_conveness(ctx):
    path = ctx.path("new.db")
    succeeded(ctx.run("list", "plans", database=path))
    check(pragma(path, "application_id") == APPLICATION_ID, "the new database is not marked as Convene's")


@case
def an_older_convene_database_is_marked_and_kept(ctx):
    # Made before the mark: recognised by its tables and its version.
    path = checkpointed(ctx)
    set_pragmas(path, "application_id = 0")
    con = sqlite3.connect(path)
    rows = sorted(con.execute("SELECT * FROM sessions"))
    con.close()
    succeeded(ctx.run("list", "plans"), ["Action Plan 2021"])
    check(pragma(path, "application_id") == APPLICATION_ID, "the older database was not marked")
    check(pragma(path, "user_version") == SCHEMA_VERSION, "the schema version changed")
    con = sqlite3.connect(path)
    check(sorted(con.execute("SELECT * FROM sessions")) == rows, "the sessions changed")
    con.close()


@case
def tables_of_convene_names_at_version_zero(ctx):
    # Convene at version 0 has no tables: these are someone else's.
    path = ctx.path("lookalike.db")
    con = sqlite3.connect(path)
    for table in ("plans", "people", "goals", "actions", "sessions", "attendance", "resources"):
        con.execute("CREATE TABLE %s (id INTEGER PRIMARY KEY)" % table)
    con.commit()
    con.close()
    refuse_untouched(ctx, path, ["a SQLite database of another program"])


def corrupt_sessions_page(path):
    """Overwrites bytes in the middle of the sessions table's page."""
    con = sqlite3.connect(path)
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'sessions'").fetchone()[0]
    con.close()
    with open(path, "r+b") as f:
        f.seek((root - 1) * page_size + page_size // 2)
        f.write(b"\xff" * (page_size // 8))


@case
def a_corrupted_page(ctx):
    # Once "could not be changed"; now the file is said to be damaged.
    path = checkpointed(ctx)
    corrupt_sessions_page(path)
    before = ctx.file_bytes(path)
    for command in (("list", "sessions"), ("export",)):
        result = ctx.run(*command)
        refused(result, 1, ["convene.db", "is damaged", "convene-cli check"])
        check("could not be changed" not in result.err, "a damaged file is said to be unchangeable", result)
    result = ctx.run("check")
    check(result.status == 1, "check passed a damaged database", result)
    check("Integrity: ok" not in result.out and "Integrity:" in result.out,
          "check does not report the damage", result)
    check(ctx.file_bytes(path) == before, "the damaged file was changed")


def run_as_nobody(ctx, *args):
    """Runs convene-cli as an unprivileged user: root writes any file."""
    if os.geteuid() != 0:
        return ctx.run(*args)
    os.chmod(ctx.tmp, 0o755)
    argv = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
            ctx.cli, "--database", ctx.db] + list(args)
    env = dict(os.environ, LANG="C.UTF-8", LANGUAGE="", TZ="Europe/London", HOME=ctx.tmp)
    proc = subprocess.run(argv, capture_output=True, env=env, cwd=ctx.tmp, timeout=60)
    from hostile import Result
    return Result(list(args), proc.returncode, proc.stdout.decode("utf-8", "replace"),
                  proc.stderr.decode("utf-8", "replace"))


@case
def a_read_only_database(ctx):
    checkpointed(ctx)
    before = ctx.snapshot()
    # A copy the unprivileged user can read.
    plan = ctx.write("plan.txt", ctx.file_bytes(ctx.fixture("seed-001-iwg-2024.txt")))
    os.chmod(plan, 0o644)
    os.chmod(ctx.db, 0o444)
    if os.geteuid() != 0:
        os.chmod(ctx.tmp, 0o555)
    try:
        result = run_as_nobody(ctx, "import", plan)
    finally:
        os.chmod(ctx.tmp, 0o700)
        os.chmod(ctx.db, 0o644)
    refused(result, 1, ["convene.db", "cannot be written"])
    check("Action Plan 2024" not in result.out, "the import said it was imported", result)
    unchanged(before, ctx)


def hold_lock(path, statement, ready, release):
    con = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        con.execute(statement)
        con.execute("SELECT count(*) FROM plans").fetchone()
        ready.set()
        release.wait(60)
        con.execute("ROLLBACK")
    finally:
        con.close()


@case
def a_database_locked_by_another_program(ctx):
    # The CLI waits for the other writer, then says the database is busy.
    ctx.seeded()
    before = ctx.snapshot()
    ready, release = threading.Event(), threading.Event()
    holder = threading.Thread(target=hold_lock, args=(ctx.db, "BEGIN EXCLUSIVE", ready, release))
    holder.start()
    try:
        check(ready.wait(10), "the lock was not taken")
        started = time.monotonic()
        result = ctx.run("import", ctx.fixture("seed-001-iwg-2024.txt"))
        waited = time.monotonic() - started
    finally:
        release.set()
        holder.join()
    refused(result, 1, ["convene.db", "is busy", "another program is writing to it"])
    check(waited >= 3, "the CLI gave up after %.1f s without waiting" % waited, result)
    unchanged(before, ctx)


@case
def writing_while_another_program_reads(ctx):
    # A reader's open transaction does not stop a write in WAL mode.
    ctx.seeded()
    ready, release = threading.Event(), threading.Event()
    holder = threading.Thread(target=hold_lock, args=(ctx.db, "BEGIN", ready, release))
    holder.start()
    try:
        check(ready.wait(10), "the read transaction was not opened")
        result = ctx.run("import", ctx.fixture("seed-001-iwg-2024.txt"))
    finally:
        release.set()
        holder.join()
    succeeded(result, ["Action Plan 2024"])
    succeeded(ctx.run("list", "plans"), ["Action Plan 2021", "Action Plan 2024"])
    succeeded(ctx.run("check"), ["Integrity: ok"])


@case
def a_folder_as_the_database(ctx):
    path = ctx.path("convene.d")
    os.mkdir(path)
    result = ctx.run("list", database=path)
    refused(result, 1, ["convene.d"])
    check(os.listdir(path) == [], "files were made in the folder", result)
