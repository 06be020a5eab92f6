"""`scorer test`: run the criteria test cases of `rules/tests/`, like `opa test` for policies.

Each case gives a few evidence records and an as-of date, and the points it expects for some
criteria; the run reports every mismatch and, per criteria set, the criteria no case checks.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from scorer import loading
from scorer.errors import InputError, Problem, ScorerError, msg
from scorer.models.cases import UNIT_FIGURES, CaseResult, Coverage, ExpectedPoints, Mismatch, TestReport
from scorer.models.criteria import CriteriaSet
from scorer.models.evidence import Unit
from scorer.models.inputs import LoadedCase, UnitYear
from scorer.predict import Scoring, effective_as_of, engine_for, predict_unit

CASE_UNIT = Unit(id="test-unit", name="Test unit")


def shown(path: Path) -> str:
    """A case file as its reader finds it: relative to where they stand when it lies below, else whole."""
    try:
        absolute = path.absolute()
        here = Path.cwd()
    except OSError:
        return str(path)
    return os.path.relpath(absolute, here) if absolute.is_relative_to(here) else str(absolute)


def run_cases(rules: Path, folder: Path) -> TestReport:
    results: list[CaseResult] = []
    covered: dict[str, set[str]] = {}
    sets: dict[str, CriteriaSet] = {}
    problems: list[Problem] = []
    for path in loading.case_files(folder):
        try:
            parsed, cases = loading.load_case_file(path)
            criteria_path = rules / parsed.criteria
            if parsed.criteria not in sets:
                sets[parsed.criteria] = loading.load_criteria(criteria_path)
        except ScorerError as error:
            problems += error.problems
            continue
        cs = sets[parsed.criteria]
        known = {c.id for c in cs.criteria()} | set(UNIT_FIGURES)
        for loaded in cases:
            unit = Unit(id="test-unit", name="Test unit", **loaded.case.unit.model_dump())
            problems += [
                Problem(str(path), p.message, line=loaded.line, field=f"unit.{p.field}", hint=p.hint)
                for p in loading.check_unit(path.parent, unit, cs)
            ]
            for cid in loaded.case.expect:
                if cid not in known:
                    problems.append(
                        Problem(
                            str(path),
                            msg("unknown_criterion", id=cid, set=parsed.criteria),
                            line=loaded.line,
                            field="expect",
                        )
                    )
            problems += loading.check_evidence(loaded.evidence, cs)
        if problems:
            continue
        covered.setdefault(parsed.criteria, set())
        with engine_for(cs) as engine:
            for loaded in cases:
                results.append(_run(cs, shown(path), loaded, engine))
                covered[parsed.criteria].update(k for k in loaded.case.expect if k not in UNIT_FIGURES)
    if problems:
        raise InputError(loading.with_sources(problems))
    coverage = [
        Coverage(
            criteria_set=name,
            criteria=len(cs.criteria()),
            untested=[c.id for c in cs.criteria() if c.id not in covered.get(name, set())],
        )
        for name, cs in sorted(sets.items())
    ]
    return TestReport(cases=results, coverage=coverage)


def _run(cs: CriteriaSet, path: str, loaded: LoadedCase, engine: Scoring) -> CaseResult:
    case = loaded.case
    unit = CASE_UNIT.model_copy(update=case.unit.model_dump())
    data = UnitYear(unit, loaded.evidence, loaded.last_year)
    as_of = effective_as_of(cs, case.as_of, case.as_of)
    prediction = predict_unit(cs, "", data, as_of, engine)
    actual: dict[str, Any] = {c.id: c for c in prediction.criteria}
    actual.update(
        {
            "total": prediction.total,
            "index": prediction.index,
            "bonus": prediction.bonus or ExpectedPoints(max=0, low=0, expected=0, high=0),
            "penalty": prediction.penalty or ExpectedPoints(max=0, low=0, expected=0, high=0),
        }
    )
    mismatches = []
    for cid, wanted in sorted(case.expect.items()):
        points = wanted if isinstance(wanted, ExpectedPoints) else ExpectedPoints(expected=wanted)
        for scenario in ("max", "low", "expected", "high"):
            want = getattr(points, scenario)
            got = getattr(actual[cid], scenario, None)
            if want is not None and round(want, 2) != got:
                mismatches.append(Mismatch(criterion=cid, scenario=scenario, expected=want, actual=got))
    return CaseResult(file=path, line=loaded.line, name=case.name, passed=not mismatches, mismatches=mismatches)
