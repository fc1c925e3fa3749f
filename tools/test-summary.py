#!/usr/bin/env python3
"""Counts meson's testlog.json files into the one line CI reads.

OK and EXPECTEDFAIL count as passed; FAIL, ERROR, TIMEOUT and
UNEXPECTEDPASS as failed; SKIP as neither. A missing log (a build that
failed) counts as one failure.
"""
import json
import sys

passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        with open(path, encoding="utf-8") as log:
            for line in log:
                if not line.strip():
                    continue
                result = json.loads(line).get("result")
                if result in ("OK", "EXPECTEDFAIL"):
                    passed += 1
                elif result in ("FAIL", "ERROR", "TIMEOUT", "UNEXPECTEDPASS"):
                    failed += 1
                else:
                    skipped += 1
    except OSError:
        print(f"no test log at {path}", file=sys.stderr)
        failed += 1

print(f"tests: {passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
sys.exit(1 if failed else 0)
