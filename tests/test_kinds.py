"""Rule kinds grow in one place: each member of the `Rule` union has its class in scoring/kinds.py's
`KINDS` table and its sentence in both languages; every kind goes through every command and writer
in both languages; a kind added as a newcomer would (its model, its class, its row, its sentences)
runs everywhere with no other edit; and nothing outside the kinds asks which kind a rule is."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import typing
from pathlib import Path

from scorer.loading import load_criteria
from scorer.messages import CATALOGUE, named, rule_text
from scorer.models.rules import BinaryRule, Rule
from scorer.scoring.kinds import KINDS
from tests.conftest import ROOT
from tests.everything import run_everything

EXAMPLE = ROOT / "examples" / "tinh-mau"
MEMBERS = typing.get_args(typing.get_args(Rule)[0])
KIND_NAMES = [typing.get_args(member.model_fields["kind"].annotation)[0] for member in MEMBERS]


def _example_copy(tmp_path: Path) -> tuple[Path, Path]:
    rules = tmp_path / "rules"
    rules.mkdir()
    shutil.copy(EXAMPLE / "criteria_2025.yaml", rules)
    shutil.copytree(EXAMPLE / "evidence", tmp_path / "evidence")
    return rules, tmp_path / "evidence"


def test_every_member_of_the_rule_union_has_its_class_and_its_sentences():
    assert set(MEMBERS) == set(KINDS)
    for name in KIND_NAMES:
        assert {"en", "vi"} <= set(CATALOGUE[f"rule.{name}"]), name


def test_a_rule_in_words_is_its_kinds_sentence_in_each_language(cs2024):
    bands = cs2024.criterion("1.1.2")
    assert rule_text(bands.rule, bands.max, "vi") == (
        "theo mức, lấy mức cao nhất đạt được: par_plan_completion từ 1: 2 điểm; par_plan_completion từ 0,9: 1 điểm; "
        "par_plan_completion từ 0,8: 0,5 điểm; không đạt mức nào: 0 điểm"
    )
    # a share's thresholds in percent, as a decision writes them
    assert rule_text(bands.rule, bands.max, "vi", shares={"par_plan_completion"}).startswith(
        "theo mức, lấy mức cao nhất đạt được: par_plan_completion từ 100%: 2 điểm; par_plan_completion từ 90%: 1 điểm"
    )
    assert rule_text(bands.rule, bands.max, "en") == (
        "bands, first met: par_plan_completion >= 1 -> 2; par_plan_completion >= 0.9 -> 1; "
        "par_plan_completion >= 0.8 -> 0.5; otherwise 0"
    )
    binary = next(c for c in cs2024.criteria() if c.rule is not None and c.rule.kind == "binary" and c.rule.max == 0)
    assert rule_text(binary.rule, 1.0, "en") == f"binary: 1 if {binary.rule.metric} <= 0, else 0"
    assert rule_text(binary.rule, 1.0, "en", "full").endswith("; nothing arising: 1")
    assert named(rule_text(binary.rule, 1.0, "vi"), {}) == f"1 điểm nếu không có {binary.rule.metric}; nếu có: 0 điểm"
    # a count is named by what it counts where the sentence says "có" (at least one, or none)
    violations = {binary.rule.metric: "số vi phạm trong tuyển dụng"}
    assert named(rule_text(binary.rule, 1.0, "vi"), violations) == (
        "1 điểm nếu không có vi phạm trong tuyển dụng; nếu có: 0 điểm"
    )
    one = BinaryRule(kind="binary", metric="plans", min=1)
    assert named(rule_text(one, 0.5, "vi"), {"plans": "số kế hoạch tuyên truyền"}) == (
        "0,5 điểm nếu có kế hoạch tuyên truyền; nếu không có: 0 điểm"
    )
    assert named(rule_text(one, 0.5, "vi", shares={"plans"}), {"plans": "tỷ lệ kế hoạch đúng hạn"}) == (
        "0,5 điểm nếu tỷ lệ kế hoạch đúng hạn đạt 100% trở lên; nếu không: 0 điểm"
    )


def test_every_rule_kind_through_every_command_and_writer_in_both_languages(tmp_path):
    """The example province's set holds a row of every kind: a new kind needs one there too."""
    rules, evidence = _example_copy(tmp_path)
    kinds = {c.rule.kind for c in load_criteria(rules / "criteria_2025.yaml").criteria() if c.rule is not None}
    missing = sorted(set(KIND_NAMES) - kinds)
    assert not missing, f"add a row of each kind {missing} to examples/tinh-mau/criteria_2025.yaml"
    work = tmp_path / "work"
    work.mkdir()
    failures, runs = run_everything(rules, evidence, 2025, "2025-09-30", work)
    assert runs > 100
    assert failures == []


# A kind a newcomer adds: each unit of a count earns `each` points, up to the max.
STEPS_MODEL = """

class StepsRule(Strict):
    kind: Literal["steps"]
    metric: str
    each: Points

"""
STEPS_CLASS = '''

class Steps(Kind[StepsRule]):
    """Each unit of a count earns `each` points, up to the max."""

    def sentence(self) -> dict[str, Param]:
        return {"metric": self.rule.metric, "each": self.rule.each}

    def point_figures(self, loc: Loc) -> list[tuple[Loc, float]]:
        return [(loc + ("each",), self.rule.each)]

    def compile(self) -> None:
        self.some = self._condition("some", self.rule.metric, ">", 0)
        self.conditions = (self.some,)

    def raw(self, values: Mapping[str, float], met: AbstractSet[Condition]) -> Decimal:
        return exact(self.rule.each) * exact(values[self.rule.metric]) if self.some in met else Decimal(0)

'''
STEPS_SENTENCE = """        "rule.steps": {
            "en": "steps: {each} per unit of {metric}, up to {max}",
            "vi": "theo bước: {each} cho mỗi đơn vị của {metric}, tối đa {max}",
        },
"""


def _add_steps(package: Path) -> None:
    """The steps kind added as the module docs say: its model, its class and row, its sentences."""

    def edit(name: str, anchor: str, text: str, after: bool = False) -> None:
        path = package / name
        source = path.read_text(encoding="utf-8")
        assert source.count(anchor) == 1, (name, anchor)
        path.write_text(source.replace(anchor, anchor + text if after else text + anchor), encoding="utf-8")

    edit("models/rules.py", "\nRule = Annotated[", STEPS_MODEL)
    edit("models/rules.py", " | AllOrNothingRule", " | StepsRule", after=True)
    edit("scoring/kinds.py", "\n# Every member of models.rules.Rule", STEPS_CLASS)
    edit("scoring/kinds.py", "    AllOrNothingRule: AllOrNothing,\n", "    StepsRule: Steps,\n", after=True)
    edit("scoring/kinds.py", "    AllOrNothingRule,\n", "    StepsRule,\n", after=True)
    edit("messages.py", '        "rule.not_arising": {', STEPS_SENTENCE)


def test_a_new_kind_is_its_model_its_class_its_row_and_its_sentences(tmp_path):
    package = tmp_path / "pkg"
    shutil.copytree(ROOT / "scorer", package / "scorer", ignore=shutil.ignore_patterns("__pycache__"))
    _add_steps(package / "scorer")
    rules, evidence = _example_copy(tmp_path)
    criteria = rules / "criteria_2025.yaml"
    text = criteria.read_text(encoding="utf-8")
    old = "rule: {kind: deductions, metric: units_not_inspected, step: 0.5}"
    assert text.count(old) == 1
    criteria.write_text(text.replace(old, "rule: {kind: steps, metric: units_not_inspected, each: 0.25}"), "utf-8")
    work = tmp_path / "work"
    work.mkdir()
    env = {**os.environ, "PYTHONPATH": str(package)}
    check = "import scorer, sys; print(scorer.__file__)"
    where = subprocess.run(
        [sys.executable, "-c", check], env=env, capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert where.stdout.strip() == str(package / "scorer" / "__init__.py")
    script = [sys.executable, str(ROOT / "tests" / "everything.py"), str(rules), str(evidence), "2025", "2025-09-30"]
    done = subprocess.run([*script, str(work)], env=env, capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    assert re.match(r"\d{3} runs, 0 failed", done.stdout)
    # The new kind's rule is scored and put in words.
    explain = subprocess.run(
        [sys.executable, "-m", "scorer", "explain", "1.3", "--evidence", str(evidence), "--rules", str(rules)]
        + ["--year", "2025", "--as-of", "2025-09-30", "--lang", "vi", "--unit", "ubnd-huyen-mau"],
        env=env,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    # the metric by its words, never its identifier
    assert "theo bước: 0,25 cho mỗi đơn vị của số đơn vị trực thuộc chưa được kiểm tra" in explain.stdout, (
        explain.stdout + explain.stderr
    )
    assert "units_not_inspected" not in explain.stdout


# The kinds' names compared as strings, or their models tested by isinstance, outside scoring/kinds.py
# (in the code and in the templates of the HTML report and the web pages).
_NAMES = "|".join(KIND_NAMES)
_ASKS = [
    re.compile(rf"""(==|!=)\s*["']({_NAMES})["']|["']({_NAMES})["']\s*(==|!=)"""),
    re.compile(r"""\bin\s*[(\[{]\s*["'](""" + _NAMES + r""")["']"""),
    re.compile(r"isinstance\([^)]*\b(" + "|".join(m.__name__ for m in MEMBERS) + r")\b"),
]
# Record types that share a kind's name ("survey" records), compared as types, not as rule kinds.
_RECORD_TYPE = re.compile(r"""\.type\s*(==|!=)\s*["']survey["']""")


def test_nothing_outside_the_kinds_asks_which_kind_a_rule_is():
    found = []
    for path in sorted([*(ROOT / "scorer").rglob("*.py"), *(ROOT / "scorer").rglob("*.html")]):
        if path == ROOT / "scorer" / "scoring" / "kinds.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if any(p.search(line) for p in _ASKS) and not _RECORD_TYPE.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == []


def test_the_grep_finds_a_kind_asked_by_name():
    lines = ['if rule.kind == "bands":', "isinstance(criterion.rule, SurveyRule)", 'kind in ("linear", "x")']
    assert all(any(p.search(line) for p in _ASKS) for line in lines)
    assert not any(p.search('use.type != "survey"') for p in _ASKS[1:]) and _RECORD_TYPE.search('use.type != "survey"')
