"""What changed between two criteria sets: sub-criteria added, removed and changed (max, rule,
deadline, owner, source), metrics redefined, and the points that move with each change."""

from __future__ import annotations

from typing import Any

from scorer.models.criteria import Criterion, CriteriaSet, id_order
from scorer.models.diff import CriteriaDiff, CriterionChange, MetricChange
from scorer.scoring import difference, kind_of


def _deadline(cs: CriteriaSet, c: Criterion) -> str:
    day = cs.deadline(c.deadline)
    return f"{c.deadline} ({day.day:02d}/{day.month:02d})"


def diff(old: CriteriaSet, new: CriteriaSet, old_label: str, new_label: str) -> CriteriaDiff:
    before = {c.id: c for c in old.criteria()}
    after = {c.id: c for c in new.criteria()}
    changes: list[CriterionChange] = []
    for cid in sorted(set(before) | set(after), key=id_order):
        a, b = before.get(cid), after.get(cid)
        if a is None and b is not None:
            changes.append(
                CriterionChange(
                    criterion=cid,
                    title=b.title,
                    title_en=b.title_en,
                    change="added",
                    old=None,
                    new=b.max,
                    old_max=None,
                    new_max=b.max,
                    points=b.max,
                )
            )
            continue
        if b is None and a is not None:
            changes.append(
                CriterionChange(
                    criterion=cid,
                    title=a.title,
                    title_en=a.title_en,
                    change="removed",
                    old=a.max,
                    new=None,
                    old_max=a.max,
                    new_max=None,
                    points=-a.max,
                )
            )
            continue
        assert a is not None and b is not None
        pairs: list[tuple[str, Any, Any, float]] = [
            ("max", a.max, b.max, difference(b.max, a.max)),
            ("source", a.source.value, b.source.value, 0.0),
            ("owner", ", ".join(a.owners), ", ".join(b.owners), 0.0),
            # A rule changes when it reads otherwise; a new max alone is the `max` change.
            ("rule", a.rule, b.rule, 0.0),
            ("deadline", _deadline(old, a), _deadline(new, b), 0.0),
            ("title", a.title, b.title, 0.0),
            ("method_text", a.method_text or "", b.method_text or "", 0.0),
            ("proofs", ", ".join(p.title for p in a.proofs), ", ".join(p.title for p in b.proofs), 0.0),
            ("groups", ", ".join(a.groups), ", ".join(b.groups), 0.0),
        ]
        for change, was, now, points in pairs:
            if was != now:
                changes.append(
                    CriterionChange(
                        criterion=cid,
                        title=b.title,
                        title_en=b.title_en,
                        change=change,
                        old=was,
                        new=now,
                        old_max=a.max,
                        new_max=b.max,
                        points=points,
                    )
                )
    metrics = []
    users = {
        name: [c.id for c in new.criteria() if c.rule and name in kind_of(c.rule).metrics()] for name in new.metrics
    }
    for name in sorted(set(old.metrics) | set(new.metrics)):
        before_json = old.metrics[name].model_dump_json(exclude_none=True) if name in old.metrics else None
        after_json = new.metrics[name].model_dump_json(exclude_none=True) if name in new.metrics else None
        if before_json != after_json:
            kind = "added" if before_json is None else "removed" if after_json is None else "changed"
            metrics.append(
                MetricChange(metric=name, change=kind, old=before_json, new=after_json, criteria=users.get(name, []))
            )
    return CriteriaDiff(old=old_label, new=new_label, changes=changes, metrics=metrics)
