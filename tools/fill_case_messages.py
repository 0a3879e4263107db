"""Fill a plan case's ``refusals`` / ``warnings`` given as bare codes with ``"code: message"``.

    python tools/fill_case_messages.py

For each tests/cases/*.yaml whose expected refusals or warnings are bare codes (``[protect]``),
runs the case and, when the codes match, writes each as ``"code: message"`` from the plan; and
for a case whose refusals or warnings point into the manifests but that has no ``at:`` yet, adds
``at:`` (``"code: manifests.yaml:LINE:COLUMN"``, each place the plan prints). Read every line it
writes before committing: it records what the plan says, right or wrong.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import tests.test_plan_cases as t


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


for path in t._case_files():
    text = path.read_text("utf-8")
    case = yaml.safe_load(text)
    exp = case["expected"]
    if "errors" in exp or not (exp.get("refusals") or exp.get("warnings")):
        continue
    if all(
        isinstance(x, str) and ": " in x
        for x in (exp.get("refusals", []) + exp.get("warnings", []))
    ):
        if "at" in exp:
            continue
        plan = t._run(case, Path(tempfile.mkdtemp()))
        marked = [i for i in (*plan.refusals, *plan.warnings) if i.mark is not None]
        if marked:
            lines = "".join(f"    - {q(f'{i.code}: {i.mark}')}\n" for i in marked)
            path.write_text(text.rstrip("\n") + "\n  at:\n" + lines, "utf-8")
            print("added at: to", path.name)
        continue
    plan = t._run(case, Path(tempfile.mkdtemp()))
    for key, items in (("refusals", plan.refusals), ("warnings", plan.warnings)):
        if key not in exp:
            if items:
                print(f"{path.name}: actual {key} not expected: {[i.code for i in items]}")
            continue
        codes = [i.code for i in items]
        if codes != exp[key]:
            print(f"{path.name}: {key} codes differ {codes} vs {exp[key]}; skipped")
            continue
        block = f"  {key}:\n" + "".join(f"    - {q(i.code + ': ' + i.message)}\n" for i in items)
        new, n = re.subn(rf"^  {key}: \[[^\]]*\].*\n", block, text, flags=re.M)
        if n != 1:
            new, n = re.subn(rf"^  {key}:\n(?:  +- [^\n]*\n)+", block, text, flags=re.M)
        if n != 1:
            print(f"{path.name}: could not find {key} line")
            continue
        text = new
    path.write_text(text, "utf-8")
    print("rewrote", path.name)
