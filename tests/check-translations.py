#!/usr/bin/env python3
# check-translations.py: fails when the translations are behind the sources.
#
#   check-translations.py SOURCE_ROOT BUILD_DIR [XGETTEXT] [MSGFMT]
#
# What a Spanish-speaking user would otherwise meet as stray English:
#   1. a file with translatable strings that po/POTFILES.in does not list;
#   2. po/convene.pot out of date: the template is regenerated from
#      POTFILES.in into BUILD_DIR and its messages compared with the
#      committed one (line references and comments do not count);
#   3. a message of the template missing, untranslated or fuzzy in a
#      catalogue of po/LINGUAS, or a catalogue that msgfmt rejects (a
#      %s dropped from a translation crashes or lies at run time).
#
# "The sources" are the files git tracks when SOURCE_ROOT is a git
# checkout, so that another engineer's uncommitted work in the same tree
# does not fail this test before it lands; in an unpacked release tarball
# every file under src/, resources/ and data/ counts.

import os
import subprocess
import sys

# Mirrors i18n.gettext(preset: 'glib') in po/meson.build, plus the
# arguments meson's own "convene-pot" target adds.  Taken from meson
# itself when it can be imported, so the two cannot drift apart.
GLIB_PRESET = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format',
    '--flag=NC_:2:pass-c-format', '--flag=g_dngettext:2:pass-c-format',
    '--flag=g_strdup_printf:1:c-format', '--flag=g_string_printf:2:c-format',
    '--flag=g_string_append_printf:2:c-format', '--flag=g_error_new:3:c-format',
    '--flag=g_set_error:4:c-format', '--flag=g_markup_printf_escaped:1:c-format',
    '--flag=g_log:3:c-format', '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format', '--flag=g_fprintf:2:c-format',
    '--flag=g_sprintf:2:c-format', '--flag=g_snprintf:3:c-format',
]
try:
    from mesonbuild.modules.i18n import PRESET_ARGS
    GLIB_PRESET = list(PRESET_ARGS['glib'])
except Exception:
    pass

# The kinds of file xgettext can read and that can hold user-visible text.
SOURCE_DIRS = ('src/', 'resources/', 'data/')
SOURCE_SUFFIXES = ('.c', '.h', '.ui', '.desktop.in.in', '.metainfo.xml.in.in',
                   '.gschema.xml')

problems = []


def problem(text):
    problems.append(text)
    print('FAIL: ' + text)


def unquote(text):
    """The value of one C-quoted PO string, without its quotes."""
    out = []
    i = 1
    escapes = {'n': '\n', 't': '\t', '"': '"', '\\': '\\', 'r': '\r', 'a': '\a',
               'b': '\b', 'f': '\f', 'v': '\v'}
    while i < len(text) - 1:
        c = text[i]
        if c == '\\' and i + 1 < len(text) - 1:
            i += 1
            out.append(escapes.get(text[i], '\\' + text[i]))
        else:
            out.append(c)
        i += 1
    return ''.join(out)


def read_po(path):
    """The entries of a PO file as dicts: ctxt, id, plural, strs, fuzzy.
    Obsolete entries (#~) are left out; the header is included with id ''."""
    def fresh_entry():
        return {'ctxt': None, 'id': None, 'plural': None, 'strs': {}, 'fuzzy': False}

    entries = []
    entry = fresh_entry()
    field = None
    with open(path, encoding='utf-8') as f:
        for raw in f:
            line = raw.strip()
            if not line or line.startswith('#~'):
                continue
            # A comment, msgctxt or msgid after a msgstr starts the next entry.
            if line.startswith(('#', 'msgctxt ', 'msgid ')) and entry['strs']:
                entries.append(entry)
                entry = fresh_entry()
            if line.startswith('#'):
                if line.startswith('#,') and 'fuzzy' in line:
                    entry['fuzzy'] = True
                continue
            if line.startswith('"'):
                if field is None:
                    raise ValueError('%s: a string out of place: %r' % (path, raw))
                if field[0] == 'strs':
                    entry['strs'][field[1]] += unquote(line)
                else:
                    entry[field[0]] += unquote(line)
                continue
            keyword, _, rest = line.partition(' ')
            value = unquote(rest)
            if keyword == 'msgctxt':
                field = ('ctxt',)
            elif keyword == 'msgid':
                field = ('id',)
            elif keyword == 'msgid_plural':
                field = ('plural',)
            elif keyword == 'msgstr':
                field = ('strs', 0)
            elif keyword.startswith('msgstr['):
                field = ('strs', int(keyword[len('msgstr['):-1]))
            else:
                raise ValueError('%s: cannot read the line %r' % (path, raw))
            if field[0] == 'strs':
                entry['strs'][field[1]] = value
            else:
                entry[field[0]] = value
    if entry['id'] is not None:
        entries.append(entry)
    return entries


def key(entry):
    return (entry['ctxt'], entry['id'], entry['plural'])


def describe(k):
    ctxt, msgid, plural = k
    text = repr(msgid)
    if plural is not None:
        text += ' / ' + repr(plural)
    if ctxt is not None:
        text += ' (context %r)' % ctxt
    return text


def tracked_sources(root):
    try:
        out = subprocess.run(['git', '-C', root, 'ls-files', '-z', '--'] + list(SOURCE_DIRS),
                             check=True, capture_output=True).stdout
        names = [n for n in out.decode('utf-8').split('\0') if n]
        if names:
            return sorted(n for n in names if os.path.exists(os.path.join(root, n)))
    except (OSError, subprocess.CalledProcessError):
        pass
    names = []
    for top in SOURCE_DIRS:
        for folder, _, files in os.walk(os.path.join(root, top)):
            for name in files:
                names.append(os.path.relpath(os.path.join(folder, name), root))
    return sorted(names)


def xgettext(xgettext_prog, root, files_from, output):
    subprocess.run([xgettext_prog, '--package-name=convene', '-f', files_from, '-D', root,
                    '-k_', '-o', output] + GLIB_PRESET, check=True)
    return read_po(output) if os.path.exists(output) else []


def referenced_files(pot):
    files = set()
    with open(pot, encoding='utf-8') as f:
        for line in f:
            if line.startswith('#: '):
                for ref in line[3:].split():
                    files.add(ref.rsplit(':', 1)[0])
    return files


def main():
    root = os.path.abspath(sys.argv[1])
    build = os.path.abspath(sys.argv[2])
    xgettext_prog = sys.argv[3] if len(sys.argv) > 3 else 'xgettext'
    msgfmt_prog = sys.argv[4] if len(sys.argv) > 4 else 'msgfmt'
    po = os.path.join(root, 'po')
    work = os.path.join(build, 'check-translations')
    os.makedirs(work, exist_ok=True)

    # 1. POTFILES.in: sorted, every file there, every file with strings listed.
    with open(os.path.join(po, 'POTFILES.in'), encoding='utf-8') as f:
        listed = [l.strip() for l in f if l.strip() and not l.startswith('#')]
    if listed != sorted(listed):
        problem('po/POTFILES.in is not sorted')
    for name in listed:
        if not os.path.isfile(os.path.join(root, name)):
            problem('po/POTFILES.in lists %s, which does not exist' % name)

    candidates = [n for n in tracked_sources(root) if n.endswith(SOURCE_SUFFIXES)]
    everything = os.path.join(work, 'all-sources.txt')
    with open(everything, 'w', encoding='utf-8') as f:
        f.write('\n'.join(candidates) + '\n')
    all_pot = os.path.join(work, 'all-sources.pot')
    if os.path.exists(all_pot):
        os.remove(all_pot)
    xgettext(xgettext_prog, root, everything, all_pot)
    if os.path.exists(all_pot):
        for name in sorted(referenced_files(all_pot) - set(listed)):
            problem('%s has translatable strings but po/POTFILES.in does not list it' % name)

    # 2. The committed template against one made now from POTFILES.in.
    fresh_pot = os.path.join(work, 'convene.pot')
    if os.path.exists(fresh_pot):
        os.remove(fresh_pot)
    fresh = {key(e) for e in xgettext(xgettext_prog, root, os.path.join(po, 'POTFILES.in'),
                                      fresh_pot) if e['id']}
    committed = {key(e) for e in read_po(os.path.join(po, 'convene.pot')) if e['id']}
    for k in sorted(fresh - committed, key=str):
        problem('po/convene.pot lacks %s: regenerate it (meson compile convene-pot)' % describe(k))
    for k in sorted(committed - fresh, key=str):
        problem('po/convene.pot still has %s, which no source has any more' % describe(k))

    # 3. Every catalogue: complete, nothing fuzzy, accepted by msgfmt --check.
    with open(os.path.join(po, 'LINGUAS'), encoding='utf-8') as f:
        languages = [w for l in f if not l.startswith('#') for w in l.split()]
    for lang in languages:
        path = os.path.join(po, lang + '.po')
        name = 'po/%s.po' % lang
        if not os.path.isfile(path):
            problem('%s is missing' % name)
            continue
        entries = {key(e): e for e in read_po(path) if e['id']}
        for k in sorted(fresh - set(entries), key=str):
            problem('%s lacks %s' % (name, describe(k)))
        for k in sorted(set(entries) - fresh, key=str):
            problem('%s has %s, which the sources no longer have' % (name, describe(k)))
        for k, e in sorted(entries.items(), key=lambda item: str(item[0])):
            if e['fuzzy']:
                problem('%s: %s is fuzzy' % (name, describe(k)))
            forms = e['strs'].values() if e['strs'] else ['']
            if any(s == '' for s in forms):
                problem('%s: %s is not translated' % (name, describe(k)))
        check = subprocess.run([msgfmt_prog, '--check', '--statistics', '-o', os.devnull, path],
                               capture_output=True, text=True)
        sys.stdout.write(check.stderr)
        if check.returncode != 0:
            problem('msgfmt --check rejects %s' % name)

    if problems:
        print('%d problem(s) with the translations' % len(problems))
        return 1
    print('translations complete: %d messages in %d catalogue(s)' % (len(fresh), len(languages)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
