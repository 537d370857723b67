"""Bandit, the Python security linter, finds nothing of medium or high severity and confidence in
the portal; the few findings waved through are each marked on their line, with the reason."""
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# "# nosec B704  # why": the test named (never a blanket nosec), then the reason after a second
# "#" (bandit would otherwise read the reason's words as test names).
WAIVER = re.compile(r"# nosec (B\d{3})(, B\d{3})*  # \S")


def test_bandit_finds_no_medium_or_high_issue():
    run = subprocess.run(
        [sys.executable, "-m", "bandit", "-r", "portal", "-ll", "-ii", "-f", "json", "-q"],
        cwd=ROOT, capture_output=True, text=True, check=False)
    report = json.loads(run.stdout)
    found = [f"{r['filename']}:{r['line_number']} {r['test_id']} ({r['issue_severity']}/{r['issue_confidence']}) "
             f"{r['issue_text']}" for r in report["results"]]
    assert found == []
    assert report["errors"] == []  # a file bandit could not read would go unchecked
    assert run.returncode == 0, run.stderr


def test_every_waiver_names_its_test_and_says_why():
    waivers = [(path, number, line) for path in sorted((ROOT / "portal").rglob("*.py"))
               for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "nosec" in line]
    unexplained = [f"{path.relative_to(ROOT)}:{number}" for path, number, line in waivers if not WAIVER.search(line)]
    assert unexplained == []
