#!/usr/bin/env python3
"""Checks the landfall-cli man page against the real binary.

- groff formats it without a single warning (-ww);
- its .TH line carries the project's version;
- COMMANDS has one .SS section per command that `landfall-cli --help`
  lists, and no other;
- every option a command's --help lists (and, for workspace, every action
  and its options) is named in that command's section.

    check-man.py MAN_PAGE LANDFALL_CLI VERSION
"""

import os
import re
import shutil
import subprocess
import sys

errors = []


def fail(what):
    errors.append(what)


def run_help(cli, *args):
    env = dict(os.environ, LANGUAGE="C", LC_ALL="C.UTF-8")
    done = subprocess.run([cli, *args, "--help"], capture_output=True, text=True, env=env, timeout=30)
    if done.returncode != 0:
        fail(f"{' '.join(['landfall-cli', *args, '--help'])} exits {done.returncode}")
    return done.stdout


def listed(help_text, heading):
    """The first words of the lines under HEADING: up to a blank line."""
    names = []
    lines = help_text.splitlines()
    if heading not in lines:
        return names
    for line in lines[lines.index(heading) + 1:]:
        if not line.strip():
            break
        names.append(line.split()[0])
    return names


def options(help_text):
    """Long options of a command, from GOption's "Application Options"."""
    return re.findall(r"^\s+(--[a-z][a-z-]*)", help_text.split("Application Options:", 1)[-1], re.M) \
        if "Application Options:" in help_text else []


def sections(roff):
    """COMMANDS' .SS sections: name -> text with roff's \\- made plain."""
    commands = roff.split("\n.SH COMMANDS\n", 1)[-1].split("\n.SH ", 1)[0]
    found = {}
    for part in re.split(r"^\.SS ", commands, flags=re.M)[1:]:
        name, _, body = part.partition("\n")
        found[name.replace("\\-", "-").strip()] = body.replace("\\-", "-")
    return found


def check_groff(page):
    groff = shutil.which("groff")
    if groff is None:
        print("# groff not found: formatting not checked")
        return
    done = subprocess.run([groff, "-man", "-Tutf8", "-ww", "-z", page],
                          capture_output=True, text=True, timeout=60)
    if done.returncode != 0 or done.stderr.strip():
        fail(f"groff -ww: {done.stderr.strip() or 'exit ' + str(done.returncode)}")


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    page, cli, version = sys.argv[1:]
    with open(page, encoding="utf-8") as f:
        roff = f.read()
    check_groff(page)
    th = re.search(r'^\.TH .*"Landfall ([^"]+)"', roff, re.M)
    if th is None or th.group(1) != version:
        fail(f".TH names version {th.group(1) if th else None!r}, the project is {version}")
    commands = listed(run_help(cli), "Commands:")
    if not commands:
        fail("landfall-cli --help lists no commands")
    documented = sections(roff)
    for name in sorted(set(commands) - set(documented)):
        fail(f"command {name} has no .SS section")
    for name in sorted(set(documented) - set(commands)):
        fail(f".SS {name} documents a command landfall-cli does not have")
    for name in commands:
        text = run_help(cli, name)
        body = documented.get(name, "")
        for opt in options(text):
            if opt not in body:
                fail(f"{name}: option {opt} is not documented")
        for action in listed(text, "Actions:"):
            if not re.search(rf"^\.B {action}\b", body, re.M):
                fail(f"{name}: action {action} is not documented")
            for opt in options(run_help(cli, name, action)):
                if opt not in body:
                    fail(f"{name} {action}: option {opt} is not documented")
    for e in errors:
        print(f"{page}: {e}", file=sys.stderr)
    if not errors:
        print(f"ok: {page} documents {', '.join(commands)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
