#!/usr/bin/env python3
"""Checks what the built AppStream metainfo promises that
`appstreamcli validate --no-net` cannot see offline.

- every screenshot is a raw.githubusercontent.com URL of a file under
  docs/screenshots in this tree, a PNG of the width and height stated;
- exactly one screenshot is the default;
- the id, the launchable and the icons follow the build's app id, and the
  icons exist in resources/icons (128x128 app icon, 16x16 symbolic icon
  drawn in #241f31 only);
- both binaries are provided, and the newest release is this version.

    check-metainfo.py METAINFO SOURCE_ROOT APP_ID VERSION
"""

import os
import re
import struct
import sys
import xml.etree.ElementTree as ET

RAW_PREFIX = "https://raw.githubusercontent.com/landfall/landfall/main/"
SYMBOLIC_COLOUR = "#241f31"

errors = []


def fail(what):
    errors.append(what)


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


def check_screenshots(root, source_root):
    shots = root.findall("./screenshots/screenshot")
    if not shots:
        fail("no screenshots")
    defaults = [s for s in shots if s.get("type") == "default"]
    if len(defaults) != 1:
        fail(f"{len(defaults)} default screenshots, expected 1")
    for shot in shots:
        if shot.find("caption") is None:
            fail("a screenshot has no caption")
        for image in shot.findall("image"):
            url = (image.text or "").strip()
            if not url.startswith(RAW_PREFIX + "docs/screenshots/"):
                fail(f"screenshot {url!r} is not under {RAW_PREFIX}docs/screenshots/")
                continue
            path = os.path.join(source_root, url[len(RAW_PREFIX):])
            if not os.path.isfile(path):
                fail(f"screenshot {url!r}: no {path} in the tree")
                continue
            size = png_size(path)
            if size is None:
                fail(f"screenshot {path} is not a PNG")
            elif (str(size[0]), str(size[1])) != (image.get("width"), image.get("height")):
                fail(f"screenshot {path} is {size[0]}x{size[1]}, the metainfo says "
                     f"{image.get('width')}x{image.get('height')}")


def svg_root(path):
    try:
        return ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        fail(f"icon {path}: {e}")
        return None


def check_icons(source_root, app_id):
    base = os.path.join(source_root, "resources", "icons", "hicolor")
    app_icon = svg_root(os.path.join(base, "scalable", "apps", app_id + ".svg"))
    if app_icon is not None and (app_icon.get("viewBox") != "0 0 128 128"):
        fail(f"the app icon's viewBox is {app_icon.get('viewBox')!r}, expected '0 0 128 128'")
    symbolic_path = os.path.join(base, "symbolic", "apps", "io.github.landfall.Landfall-symbolic.svg")
    symbolic = svg_root(symbolic_path)
    if symbolic is None:
        return
    if symbolic.get("viewBox") != "0 0 16 16":
        fail(f"the symbolic icon's viewBox is {symbolic.get('viewBox')!r}, expected '0 0 16 16'")
    with open(symbolic_path, encoding="utf-8") as f:
        colours = set(c.lower() for c in re.findall(r"#[0-9a-fA-F]{3,8}\b", f.read()))
    if colours != {SYMBOLIC_COLOUR}:
        fail(f"the symbolic icon uses {sorted(colours)}, expected only {SYMBOLIC_COLOUR}")


def check_identity(root, app_id, version):
    if (root.findtext("id") or "").strip() != app_id:
        fail(f"id is {root.findtext('id')!r}, expected {app_id!r}")
    launchable = root.find("launchable[@type='desktop-id']")
    if launchable is None or (launchable.text or "").strip() != app_id + ".desktop":
        fail(f"the launchable is not {app_id}.desktop")
    binaries = {(b.text or "").strip() for b in root.findall("./provides/binary")}
    if binaries != {"landfall", "landfall-cli"}:
        fail(f"provides binaries {sorted(binaries)}, expected landfall and landfall-cli")
    releases = root.findall("./releases/release")
    if not releases or releases[0].get("version") != version:
        newest = releases[0].get("version") if releases else None
        fail(f"the newest release is {newest!r}, but the project is {version}: add its release notes")
    for release in releases:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", release.get("date", "")):
            fail(f"release {release.get('version')} has no ISO date")
        if release.find("description") is None:
            fail(f"release {release.get('version')} has no description")


def main():
    if len(sys.argv) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    metainfo, source_root, app_id, version = sys.argv[1:]
    try:
        root = ET.parse(metainfo).getroot()
    except (OSError, ET.ParseError) as e:
        print(f"{metainfo}: {e}", file=sys.stderr)
        return 1
    check_identity(root, app_id, version)
    check_screenshots(root, source_root)
    check_icons(source_root, app_id)
    for e in errors:
        print(f"{metainfo}: {e}", file=sys.stderr)
    if not errors:
        print(f"ok: {metainfo}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
