#!/usr/bin/env python3
"""Translations are complete and current.

1. Every source file with a translatable string is in po/POTFILES.in.
2. Every language of po/LINGUAS passes `msgfmt --check` with no fuzzy and
   no untranslated message.
3. Every message the sources have now (xgettext, as meson's glib preset
   runs it) is translated in every language (msgcmp).

Usage: check-po.py SOURCE_ROOT
"""
import os
import re
import subprocess
import sys
import tempfile

MARKERS = {
    ".c": re.compile(r"\b(_|N_|C_|NC_|ngettext)\s*\("),
    ".ui": re.compile(r'translatable="yes"'),
    ".in": re.compile(r"^_|<_?(name|summary|p|li|caption)\b|translate", re.M),
}
KEYWORDS = ["--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
            "--keyword=g_dngettext:2,3", "--keyword=ngettext:1,2"]


def marked_files(root):
    found = set()
    for top in ("app", "ui"):
        for folder, _, files in os.walk(os.path.join(root, top)):
            for name in files:
                ext = os.path.splitext(name)[1]
                if ext not in (".c", ".ui"):
                    continue
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as f:
                    if MARKERS[ext].search(f.read()):
                        found.add(os.path.relpath(path, root))
    return found


def main():
    root = sys.argv[1]
    failures = []

    with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as f:
        listed = {line.strip() for line in f if line.strip() and not line.startswith("#")}
    for path in sorted(marked_files(root) - listed):
        failures.append(f"{path} has translatable strings but is not in po/POTFILES.in")
    for path in sorted(listed):
        if not os.path.exists(os.path.join(root, path)):
            failures.append(f"po/POTFILES.in lists {path}, which does not exist")

    with open(os.path.join(root, "po", "LINGUAS"), encoding="utf-8") as f:
        languages = [w for line in f for w in line.split() if not line.startswith("#")]

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "now.pot")
        subprocess.run(["xgettext", "--files-from=" + os.path.join(root, "po", "POTFILES.in"),
                        "--directory=" + root, "--from-code=UTF-8", "--output=" + pot] + KEYWORDS,
                       check=True, capture_output=True)
        for lang in languages:
            po = os.path.join(root, "po", lang + ".po")
            check = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, po],
                                   capture_output=True, text=True)
            stats = check.stderr.strip()
            if check.returncode != 0 or "fuzzy" in stats or "untranslated" in stats:
                failures.append(f"{lang}.po: {stats}")
            missing = subprocess.run(["msgcmp", po, pot], capture_output=True, text=True)
            if missing.returncode != 0:
                count = len([l for l in missing.stderr.splitlines() if "this message" in l])
                failures.append(f"{lang}.po lacks {count} message(s) the sources have now; "
                                f"run ninja landfall-update-po and translate them")
            print(f"{lang}: {stats}")

    for failure in failures:
        print("FAIL:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
