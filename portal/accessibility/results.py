"""The latest accessibility audit's result: one JSON file (``ACCESSIBILITY_AUDIT_PATH``), written
whole by the audit when it ends, read by the accessibility statement and the footer of every page.

Schema, version 1 (what ``save`` accepts and ``latest`` returns; other keys are kept as they are)::

    {"version": 1,
     "finished_at": "2026-11-26T05:12:00+00:00",      # when the audit ended, ISO 8601 with its offset
     "tool": "axe-core 4.12.1", "browser": "Chromium 156.0.8078.73",
     "tags": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "RGAAv4", ...],
     "languages": ["fr", "ar"],
     "roles": ["visitor", "volunteer", "association", "mediator", "staff", "admin"],
     "pages": ["/", "/lieux", "/formats/<id>", ...],    # kinds of pages visited, ids replaced by <id>
     "criteria_checked": ["1.1", "3.2", ...],          # RGAA 4.1 criteria that some axe rule tested
     "violations": [{"rule": "color-contrast", "impact": "serious", "help": "Elements must meet…",
                     "criteria": ["3.2"], "wcag": ["wcag143"], "pages": ["/lieux [ar]"], "count": 3}],
     "keyboard": {"journeys": ["request a room slot", ...], "failures": ["..."]}}   # optional
"""
import functools
import json
import os
import tempfile
from datetime import datetime
from pathlib import Path

from flask import current_app

VERSION = 1
TEXTS = ("tool", "browser")
LISTS = ("tags", "languages", "roles", "pages", "criteria_checked")
VIOLATION_LISTS = ("criteria", "wcag", "pages")


def path():
    return Path(current_app.config["ACCESSIBILITY_AUDIT_PATH"])


def save(result):
    """Replace the latest result by ``result`` (a dict of the schema above, else ValueError).

    Written under a temporary name in the same folder, then renamed over the old file: a page
    read during the write sees the old result or the new one, never half of one."""
    found = problems(result)
    if found:
        raise ValueError("accessibility audit result not saved: " + "; ".join(found))
    target = path()
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, draft = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        # mkstemp makes the file private; the web server may run as another user than the audit.
        os.fchmod(descriptor, 0o644)
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            json.dump(result, file, ensure_ascii=False, indent=1)
            file.flush()
            os.fsync(file.fileno())
        os.replace(draft, target)
    except BaseException:
        Path(draft).unlink(missing_ok=True)
        raise


def latest():
    """The latest result, or None when there is none or it cannot be read as a version 1 result."""
    found = path()
    try:
        status = found.stat()
    except OSError:
        return None
    return _read(str(found), status.st_ino, status.st_mtime_ns, status.st_size)


@functools.lru_cache(maxsize=4)
def _read(name, inode, modified, size):
    # Read on every page (the footer states the status): parsed again only when the file changes.
    try:
        result = json.loads(Path(name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return None if problems(result) else result


def problems(result):
    """What keeps ``result`` from being a version 1 result ([] when nothing does)."""
    if not isinstance(result, dict):
        return ["not a JSON object"]
    if result.get("version") != VERSION:
        return [f"version is {result.get('version')!r}, not {VERSION}"]
    found = [] if _is_instant(result.get("finished_at")) else ["finished_at is not an ISO instant with its offset"]
    found += [f"{key} is not a text" for key in TEXTS if not isinstance(result.get(key), str)]
    found += [f"{key} is not a list of texts" for key in LISTS if not _texts(result.get(key))]
    violations = result.get("violations")
    if not isinstance(violations, list):
        found.append("violations is not a list")
    else:
        for number, violation in enumerate(violations):
            found += [f"violations[{number}]: {problem}" for problem in _violation_problems(violation)]
    keyboard = result.get("keyboard")
    if keyboard is not None and not (isinstance(keyboard, dict) and _texts(keyboard.get("journeys"))
                                     and _texts(keyboard.get("failures"))):
        found.append("keyboard is not {journeys: [texts], failures: [texts]}")
    return found


def _violation_problems(violation):
    if not isinstance(violation, dict):
        return ["not an object"]
    found = [f"{key} is not a text" for key in ("rule", "help") if not isinstance(violation.get(key), str)]
    if not isinstance(violation.get("impact"), (str, type(None))):
        found.append("impact is neither a text nor null")
    found += [f"{key} is not a list of texts" for key in VIOLATION_LISTS if not _texts(violation.get(key))]
    count = violation.get("count")
    if isinstance(count, bool) or not isinstance(count, int) or count < 0:
        found.append("count is not a whole number")
    return found


def _texts(value):
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _is_instant(value):
    try:
        return isinstance(value, str) and datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False
