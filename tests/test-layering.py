#!/usr/bin/env python3
"""The rooms of Convene's code, and the includes between them.

Reads every #include under src/, tests/ and bench/ and fails on an arrow the
architecture does not allow.  The allowed arrows are written once, in the
block of HACKING.md between the "rooms:" markers; this test reads them from
there, so the picture a newcomer reads is the one that is checked.

    test-layering.py TOP [--show]

The rules:
- every quoted include names its room or folder ("time/convene-zone-names.h",
  "ui/schedule/convene-schedule-view.h"), except "config.h", a header beside
  the including file in src/cli/ or tests/, and generated headers;
- a core room includes only itself and the rooms HACKING.md lets it reach;
  the arrows between rooms have no cycle;
- core includes nothing of GTK, libadwaita, GDK, ui/ or cli/;
- the cli, the window and the tests include core rooms' public headers only:
  no file includes another room's -private.h (tests of a room may include
  its private header, as they test that room);
- a view of the window (ui/<view>/) includes core, the window's shared
  widgets (ui/*.h and ui/editors/) and its own folder, never another view
  or the window itself.
"""

import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)
GTK_HEADERS = ("gtk/", "gdk/", "adwaita.h", "gsk/", "graphene.h")
GENERATED = {"model/convene-enum-types.h", "convene-resources.h"}


def read_rooms(top):
    """The arrows block of HACKING.md: 'room -> other other'."""
    text = open(os.path.join(top, "HACKING.md"), encoding="utf-8").read()
    match = re.search(r"<!-- rooms: -->(.*?)<!-- :rooms -->", text, re.S)
    if not match:
        sys.exit("HACKING.md has no <!-- rooms: --> ... <!-- :rooms --> block")
    arrows = {}
    for line in match.group(1).splitlines():
        line = line.strip().strip("`")
        if "->" not in line:
            continue
        room, _, targets = line.partition("->")
        arrows[room.strip()] = set(targets.split())
    return arrows


def cycle_in(arrows):
    """A cycle among the arrows, as a list of rooms, or None."""
    state = {}

    def visit(room, path):
        state[room] = "open"
        for other in sorted(arrows.get(room, ())):
            if state.get(other) == "open":
                return path + [room, other]
            if other not in state:
                found = visit(other, path + [room])
                if found:
                    return found
        state[room] = "done"
        return None

    for room in sorted(arrows):
        if room not in state:
            found = visit(room, [])
            if found:
                return found
    return None


def place_of(rel):
    """(kind, room) of a file: ('core', 'time'), ('ui', 'schedule'), ('ui', ''),
    ('cli', ''), ('tests', ''), ('bench', '')."""
    parts = rel.split("/")
    if parts[0] == "src" and parts[1] == "core" and len(parts) > 3:
        return "core", parts[2]
    if parts[0] == "src" and parts[1] == "core":
        return "core", ""
    if parts[0] == "src" and parts[1] == "ui":
        return "ui", parts[2] if len(parts) > 3 else ""
    if parts[0] == "src":
        return parts[1], ""
    return parts[0], ""


def check_file(top, rel, arrows, core_rooms, problems):
    kind, room = place_of(rel)
    here = os.path.dirname(os.path.join(top, rel))
    text = open(os.path.join(top, rel), encoding="utf-8", errors="replace").read()
    for number, match in enumerate_includes(text):
        quote, name = match
        where = "%s:%d" % (rel, number)
        if quote == "<":
            if kind == "core" and name.startswith(GTK_HEADERS):
                problems.append("%s: core includes GTK (<%s>)" % (where, name))
            continue
        if name == "config.h" or name in GENERATED:
            continue
        first = name.split("/")[0] if "/" in name else ""
        if not first:
            if kind in ("cli", "tests") and os.path.exists(os.path.join(here, name)):
                continue
            # The window's benchmarks are built with the UI tests' helpers.
            if kind == "bench" and os.path.exists(os.path.join(top, "tests", "ui", name)):
                continue
            problems.append('%s: "%s" does not name its room' % (where, name))
            continue
        if first in ("ui", "cli") and kind == "core":
            problems.append('%s: core includes "%s"' % (where, name))
            continue
        if first == "core":
            problems.append('%s: "%s": name the room, not core/' % (where, name))
            continue
        if first in core_rooms:
            if not os.path.exists(os.path.join(top, "src", "core", name)):
                problems.append('%s: "%s" is not a header of the %s room' % (where, name, first))
                continue
            if name.endswith("-private.h") and not (kind == "core" and room == first):
                test_of_room = kind == "tests"
                if not test_of_room:
                    problems.append('%s: "%s" is private to the %s room' % (where, name, first))
                    continue
            if kind == "core" and first != room and first not in arrows.get(room, set()):
                problems.append('%s: the %s room may not include "%s" (HACKING.md: %s -> %s)'
                                % (where, room, name, room, " ".join(sorted(arrows.get(room, ()))) or "nothing"))
            continue
        if first == "ui":
            if kind not in ("ui", "tests", "bench"):
                problems.append('%s: only the window and its tests include "%s"' % (where, name))
                continue
            if not os.path.exists(os.path.join(top, "src", name)):
                problems.append('%s: "%s" is not a header of the window' % (where, name))
                continue
            target = name.split("/")
            target_view = target[1] if len(target) > 2 else ""
            if kind == "ui" and room and target_view not in ("", "editors", room):
                problems.append('%s: the %s view includes another view ("%s")' % (where, room, name))
            elif kind == "ui" and room and name.startswith("ui/convene-window"):
                problems.append('%s: the %s view includes the window ("%s")' % (where, room, name))
            continue
        problems.append('%s: "%s" names no room' % (where, name))


def enumerate_includes(text):
    for match in INCLUDE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        yield line, (match.group(1), match.group(2))


def main():
    top = os.path.abspath(sys.argv[1])
    arrows = read_rooms(top)
    core_rooms = {d for d in os.listdir(os.path.join(top, "src", "core"))
                  if os.path.isdir(os.path.join(top, "src", "core", d))}
    problems = []
    for room in sorted(core_rooms - set(arrows)):
        problems.append("src/core/%s/ is a room that HACKING.md does not name" % room)
    cycle = cycle_in(arrows)
    if cycle:
        problems.append("HACKING.md's arrows have a cycle: " + " -> ".join(cycle))

    files = []
    for sub in ("src", "tests", "bench"):
        for dirpath, _, names in os.walk(os.path.join(top, sub)):
            for name in names:
                if name.endswith((".c", ".h")):
                    files.append(os.path.relpath(os.path.join(dirpath, name), top))
    for rel in sorted(files):
        check_file(top, rel, arrows, core_rooms, problems)

    for problem in problems:
        print("not ok: " + problem)
    print("%d files read, %d problems" % (len(files), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
