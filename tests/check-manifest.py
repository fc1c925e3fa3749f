#!/usr/bin/env python3
"""Checks the Flatpak manifests in FLATPAK_DIR without building them.

This machine cannot fetch the GNOME runtime, so flatpak-builder cannot run
here; what can be checked is that both manifests are JSON with the fields
flatpak-builder needs (flatpak-manifest(5)), that the sandbox asks for no
more than the window uses, that GLPK (not in the runtime) is built from a
pinned tarball, and that the .Devel manifest differs from the stable one
only where it must.

    check-manifest.py FLATPAK_DIR
"""

import copy
import json
import os
import re
import sys

APP_ID = "io.github.landfall.Landfall"
DEVEL_ID = APP_ID + ".Devel"
DEVEL_OPT = "-Dprofile=development"

# Wayland with an X11 fallback, IPC for X11's shared memory, GPU for GTK's
# renderer; files come through the portal, so no --filesystem at all.
FINISH_ARGS = {"--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"}

errors = []


def fail(manifest, what):
    errors.append(f"{manifest}: {what}")


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        fail(path, f"cannot be read as JSON: {e}")
        return None


def check_top(name, m, app_id):
    if m.get("id") != app_id:
        fail(name, f"id is {m.get('id')!r}, expected {app_id!r}")
    if "app-id" in m:
        fail(name, "both id and the older app-id are set")
    if m.get("runtime") != "org.gnome.Platform":
        fail(name, f"runtime is {m.get('runtime')!r}, expected org.gnome.Platform")
    if m.get("sdk") != "org.gnome.Sdk":
        fail(name, f"sdk is {m.get('sdk')!r}, expected org.gnome.Sdk")
    version = m.get("runtime-version")
    if not isinstance(version, str) or not re.fullmatch(r"[0-9]+", version):
        fail(name, f"runtime-version {version!r} is not a GNOME release such as \"47\"")
    if m.get("command") != "landfall":
        fail(name, f"command is {m.get('command')!r}, expected landfall")
    args = m.get("finish-args")
    if not isinstance(args, list) or len(args) != len(set(args)) or set(args) != FINISH_ARGS:
        fail(name, f"finish-args {args!r} are not exactly {sorted(FINISH_ARGS)}")


def archive_sources(module):
    return [s for s in module.get("sources", []) if isinstance(s, dict) and s.get("type") == "archive"]


def check_glpk(name, module):
    sources = archive_sources(module)
    if len(sources) != 1:
        fail(name, "the glpk module needs exactly one archive source")
        return
    src = sources[0]
    url = src.get("url", "")
    if not re.fullmatch(r"https://[^ ]+/glpk-[0-9.]+\.tar\.gz", url):
        fail(name, f"glpk url {url!r} is not an https release tarball")
    if not re.fullmatch(r"[0-9a-f]{64}", src.get("sha256", "")):
        fail(name, f"glpk sha256 {src.get('sha256')!r} is not 64 lower-case hex digits")
    if module.get("buildsystem", "autotools") != "autotools":
        fail(name, "glpk is built with its own autotools")


def check_app(name, module, devel):
    if module.get("buildsystem") != "meson":
        fail(name, f"the app module {module.get('name')!r} is not built with meson")
    if module.get("run-tests") is not True:
        fail(name, "the app module does not run its tests (run-tests: true)")
    if not module.get("sources"):
        fail(name, "the app module has no sources")
    opts = module.get("config-opts", [])
    if devel and DEVEL_OPT not in opts:
        fail(name, f"the .Devel app module lacks {DEVEL_OPT}")
    if not devel and any(o.startswith("-Dprofile=") and o != "-Dprofile=default" for o in opts):
        fail(name, "the stable app module is built with another profile")
    test_args = module.get("build-options", {}).get("test-args", [])
    if not all(isinstance(a, str) and a.startswith("--") for a in test_args):
        fail(name, f"test-args {test_args!r} are not flatpak build options")


def check_modules(name, m, devel):
    modules = m.get("modules")
    if not isinstance(modules, list) or not all(isinstance(x, dict) for x in modules):
        fail(name, "modules is not a list of module objects")
        return
    names = [x.get("name") for x in modules]
    if "glpk" not in names:
        fail(name, "no glpk module (GLPK is not in the GNOME runtime)")
    else:
        check_glpk(name, modules[names.index("glpk")])
    # The app is built last, against everything before it.
    if not modules or modules[-1].get("name") != "landfall":
        fail(name, f"the last module is {names[-1] if names else None!r}, expected landfall")
    else:
        check_app(name, modules[-1], devel)


def normalised_devel(devel):
    """The .Devel manifest with what may differ put back to the stable."""
    m = copy.deepcopy(devel)
    m["id"] = APP_ID
    m.pop("desktop-file-name-suffix", None)
    if m.get("modules") and isinstance(m["modules"][-1], dict):
        app = m["modules"][-1]
        opts = [o for o in app.get("config-opts", []) if o != DEVEL_OPT]
        if opts:
            app["config-opts"] = opts
        else:
            app.pop("config-opts", None)
    return m


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    directory = sys.argv[1]
    stable_name = os.path.join(directory, APP_ID + ".json")
    devel_name = os.path.join(directory, DEVEL_ID + ".json")
    stable = load(stable_name)
    devel = load(devel_name)
    if stable is not None:
        check_top(stable_name, stable, APP_ID)
        check_modules(stable_name, stable, devel=False)
    if devel is not None:
        check_top(devel_name, devel, DEVEL_ID)
        check_modules(devel_name, devel, devel=True)
    if stable is not None and devel is not None:
        stable_copy = copy.deepcopy(stable)
        if stable_copy.get("modules") and isinstance(stable_copy["modules"][-1], dict):
            app = stable_copy["modules"][-1]
            app["config-opts"] = [o for o in app.get("config-opts", []) if o != "-Dprofile=default"]
            if not app["config-opts"]:
                del app["config-opts"]
        if normalised_devel(devel) != stable_copy:
            fail(devel_name, "differs from the stable manifest beyond id, name suffix and profile")
    for e in errors:
        print(e, file=sys.stderr)
    if not errors:
        print(f"ok: {stable_name}, {devel_name}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
