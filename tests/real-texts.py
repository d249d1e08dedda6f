#!/usr/bin/env python3
"""Plans and announcements as other groups write them, imported.

For every tests/fixtures/real/NAME.txt, the text below its header is
imported with convene-cli into a new database (the clock pinned to the day
the text was published), exported as JSON, and checked against
NAME.facts.json (written by tests/fixtures/real/facts.py from the tz
database): every session at its UTC instant, zone and series, every
undated session in its month, every goal, every action with its due, every
warning.  No imported session may have an instant that the facts do not
name: a time Convene made up is the failure this suite exists for.

The facts a text lists under `gaps` are those Convene does not get yet;
each must still fail, so the list cannot go stale.

    real-texts.py CLI FIXTURES_REAL [NAME...]
"""

import json
import os
import subprocess
import sys
import tempfile


def body_of(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    return "\n".join(lines[lines.index("---") + 1:])


def run(cli, args, cwd, now):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(LANG="C.UTF-8", TZ="UTC", CONVENE_NOW=now)
    return subprocess.run([cli] + args, cwd=cwd, env=env, capture_output=True, text=True)


def import_text(cli, fixtures, facts, tmp):
    name = facts["text"]
    with open(os.path.join(tmp, name), "w", encoding="utf-8") as f:
        f.write(body_of(os.path.join(fixtures, name)))
    db = os.path.join(tmp, name + ".db")
    # The zone a coordinator gives for a text that names none (its header's
    # Import-zone), as they would at import.
    zone = ["--zone", facts["import_zone"]] if "import_zone" in facts else []
    imported = run(cli, ["--database", db, "import"] + zone + [name], tmp, facts["now"])
    plan = {"goals": [], "actions": [], "sessions": []}
    if imported.returncode == 0:
        exported = run(cli, ["--database", db, "export", "--format", "json"], tmp, facts["now"])
        if exported.returncode != 0:
            raise SystemExit("%s: export failed: %s" % (name, exported.stderr))
        plans = json.loads(exported.stdout)["plans"]
        if plans:
            plan = plans[0]
    elif "found no plan" not in imported.stderr:
        raise SystemExit("%s: import failed: %s" % (name, imported.stderr))
    return plan, imported.stderr


def plain(text):
    return (text or "").strip().rstrip(".:").casefold()


def session_matches(fact, s):
    return (s["start"] == fact["start"] and s["timezone"] == fact["timezone"]
            and s["recurrence"] == fact["recurrence"]
            and (fact["topic"] is None or plain(fact["topic"]) in plain(s["topic"])))


def judge(facts, plan, stderr):
    """{fact id: True when it holds}."""
    held = {}
    for fact in facts["sessions"]:
        if not fact["optional"]:
            held[fact["id"]] = any(session_matches(fact, s) for s in plan["sessions"])
    for fact in facts["undated"]:
        held[fact["id"]] = any(s["start"] is None and s["month"] == fact["month"]
                               and plain(s["topic"]).startswith(plain(fact["topic"]))
                               for s in plan["sessions"])
    for fact in facts["goals"]:
        held[fact["id"]] = any(plain(g["title"]) == plain(fact["title"]) for g in plan["goals"])
    for fact in facts["actions"]:
        held[fact["id"]] = any(plain(a["title"]).startswith(plain(fact["title"])) and a["due"] == fact["due"]
                               and (fact["owners"] is None or a["owners"] == fact["owners"])
                               for a in plan["actions"])
    for fact in facts["warnings"]:
        held[fact["id"]] = any(fact["words"] in line for line in stderr.splitlines() if "warning:" in line)
    for s in plan["sessions"]:
        if s["start"] is not None and not any(session_matches(f, s) for f in facts["sessions"]):
            held["unexpected %s %s %s" % (s["start"], s["timezone"], s["recurrence"] or "")] = False
    return held


def main():
    cli, fixtures = os.path.abspath(sys.argv[1]), sys.argv[2]
    names = sys.argv[3:] or sorted(f[:-len(".facts.json")] for f in os.listdir(fixtures)
                                   if f.endswith(".facts.json"))
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            before = failures
            with open(os.path.join(fixtures, name + ".facts.json"), encoding="utf-8") as f:
                facts = json.load(f)
            plan, stderr = import_text(cli, fixtures, facts, tmp)
            held = judge(facts, plan, stderr)
            gaps = set(facts["gaps"])
            for fact_id, ok in sorted(held.items()):
                if fact_id in gaps and ok:
                    print("%s: “%s” now holds: take it out of the gaps in facts.py" % (name, fact_id))
                    failures += 1
                elif fact_id not in gaps and not ok:
                    print("%s: “%s” does not hold" % (name, fact_id))
                    failures += 1
            for gap in gaps - set(held):
                print("%s: gap “%s” names nothing this import gave" % (name, gap))
                failures += 1
            if failures and os.environ.get("REAL_TEXTS_VERBOSE"):
                print(stderr)
                print(json.dumps(plan["sessions"], indent=1, ensure_ascii=False))
            kept = sum(1 for k, ok in held.items() if ok and k not in gaps)
            print("%s %s: %d facts hold, %d gaps" % ("ok  " if failures == before else "FAIL", name,
                                                      kept, len(gaps)))
    print("%d failures" % failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
