"""Rows of an imported draft wired from what is known: each row matched to the criteria of the sets
the product already has (its title, its scoring text and its place, Vietnamese folded; ids are not
reliable across provinces), and where the match is good, the known row's metric wiring, evidence,
owner roles, deadline, remedy and proofs copied, with the row it came from and the match score.

A weak match stays `todo` with the best candidates named. What the copied rows need at set level
(their metrics, the calendar dates, the indicator names, document kinds and unit groups they name,
the survey instruments) is copied too, so a draft whose rows are all copied loads and scores.
"""

from __future__ import annotations

import math
import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from collections.abc import Mapping
from typing import Any

from pydantic import TypeAdapter, ValidationError

from scorer.errors import wording
from scorer.importer import CLASSES_TODO, fold
from scorer.loading.vocabulary import product_vocabulary
from scorer.models.criteria import CriteriaSet, Criterion
from scorer.models.message import Figure, Msg, Text, msg
from scorer.models.rules import Rule
from scorer.scoring.kinds import kind_of

# A match at least this good is copied; below it the row stays to finish, with its candidates.
GOOD = 0.5
# Abbreviations decisions use for the words the model set spells out (and the other way round).
ABBREVIATIONS = {
    "cchc": "cai cach hanh chinh",
    "tthc": "thu tuc hanh chinh",
    "qppl": "quy pham phap luat",
    "vbqppl": "van ban quy pham phap luat",
    "cbccvc": "can bo cong chuc vien chuc",
    "cbcc": "can bo cong chuc",
    "ccvc": "cong chuc vien chuc",
    "cntt": "cong nghe thong tin",
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "dvc": "dich vu cong",
    "dvctt": "dich vu cong truc tuyen",
    "xhh": "xa hoi hoc",
    "tn&tkq": "tiep nhan va tra ket qua",
    "sipas": "su hai long",
}
# Words that say little about which row is meant.
STOP = frozenset(
    "cua va cac nam duoc trong theo cho tai voi co la mot nhung ve do nay khi thi hoac den tu so "
    "tren duoi da viec thuc hien cong tac don vi co quan".split()
)
RULE: TypeAdapter[Rule] = TypeAdapter(Rule)


def words(text: str) -> list[str]:
    folded = fold(text)
    for short, long in ABBREVIATIONS.items():
        folded = re.sub(rf"\b{re.escape(short)}\b", long, folded)
    return [w for w in re.findall(r"[a-z]+", folded) if w not in STOP and len(w) > 1]


def features(text: str) -> frozenset[str]:
    """Words and pairs of neighbouring words: a reworded title keeps most of both."""
    found = words(text)
    return frozenset(found) | frozenset(f"{a} {b}" for a, b in zip(found, found[1:]))


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice's coefficient of two feature sets (0 when either is empty)."""
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


@dataclass
class Known:
    """A row of a known set, ready to be matched."""

    label: str  # the set's file name
    cs: CriteriaSet
    criterion: Criterion
    title: frozenset[str]
    text: frozenset[str]
    context: frozenset[str]


@dataclass
class RowReport:
    """What became of one imported row: `wired` (a rule read from its text), `copied` (wiring from a
    known row) or `todo` (and why)."""

    id: str
    title: str
    status: str
    why: Text = ""
    source: str | None = None
    score: float | None = None
    candidates: list[tuple[str, float]] = field(default_factory=list)

    def line(self, lang: str = "en") -> str:
        """The row's line of `criteria import --report`, in `lang`."""
        if self.status == "copied":
            score = Figure(f"{self.score:.2f}")
            return msg("wiring.copied", id=self.id, source=self.source, score=score, title=self.title).text(lang)
        mark = "," if lang == "vi" else "."
        named = tuple(f"{name} ({f'{score:.2f}'.replace('.', mark)})" for name, score in self.candidates)
        status = msg("wiring.wired") if self.status == "wired" else msg("wiring.todo")
        return msg(
            "wiring.row", id=self.id, status=status, why=self.why, named=named or msg("wiring.none"), title=self.title
        ).text(lang)


def summary(reports: list[RowReport]) -> Msg:
    """How many rows were copied, wired and left to finish."""
    counts = {s: sum(1 for r in reports if r.status == s) for s in ("copied", "wired", "todo")}
    return msg("wiring.summary", rows=len(reports), **counts)


def known_rows(sets: list[tuple[str, CriteriaSet]]) -> list[Known]:
    rows = []
    for label, cs in sets:
        for criterion in cs.criteria():
            node = cs.node_of(criterion.id)
            area = next(a for a in cs.areas if a.id == cs.area_of(criterion.id))
            context = " ".join(t for t in (node.title if node else "", area.title) if t)
            rows.append(
                Known(
                    label,
                    cs,
                    criterion,
                    features(criterion.title),
                    features(criterion.method_text or ""),
                    features(context),
                )
            )
    return rows


def score(leaf: dict[str, Any], context: str, known: Known) -> float:
    """How well an imported row matches a known one: mostly its title, then its scoring text and the
    titles above it; a different maximum or rule kind counts against it."""
    title = similarity(features(leaf["title"]), known.title)
    text_features = features(leaf.get("method_text") or "")
    parts = [(title, 0.7), (similarity(features(context), known.context), 0.15)]
    if text_features and known.text:
        parts.append((similarity(text_features, known.text), 0.25))
    value = math.fsum(s * w for s, w in parts) / math.fsum(w for _, w in parts)
    if float(leaf["max"]) != known.criterion.max:
        value *= 0.85
    rule = leaf.get("rule")
    if rule and known.criterion.rule is not None and rule.get("kind") != known.criterion.rule.kind:
        value *= 0.9
    return round(min(value, 1.0), 2)


def wire(data: dict[str, Any], sets: list[tuple[str, CriteriaSet]]) -> tuple[list[RowReport], list[Msg]]:
    """Copies the wiring of the known rows that match the draft's rows (one known row per draft row,
    best matches first, newest set first on a tie); returns what became of each row, and notes on
    what was copied at set level for the person finishing the draft to check."""
    known = known_rows(sorted(sets, key=lambda s: -s[1].year))
    leaves = _leaves(data)
    pairs = sorted(
        (
            (score(leaf, context, k), -k.cs.year, i, j)
            for i, (leaf, context) in enumerate(leaves)
            for j, k in enumerate(known)
        ),
        key=lambda p: (-p[0], p[1], p[2], p[3]),
    )
    taken_leaf: dict[int, tuple[float, int]] = {}
    taken_known: set[tuple[str, str]] = set()
    for value, _, i, j in pairs:
        if value < GOOD:
            break
        k = known[j]
        if i in taken_leaf or (k.label, k.criterion.id) in taken_known:
            continue
        taken_leaf[i] = (value, j)
        # The same row in another year's set is the same row: taken with it.
        taken_known.update((other.label, k.criterion.id) for other in known if other.criterion.id == k.criterion.id)
    reports = []
    ids: dict[str, str] = {}
    for i, (leaf, context) in enumerate(leaves):
        if i in taken_leaf:
            value, j = taken_leaf[i]
            why = _copy(leaf, known[j], value, data)
            if why is None:
                ids[known[j].criterion.id] = leaf["id"]
                reports.append(
                    RowReport(
                        leaf["id"],
                        leaf["title"],
                        "copied",
                        source=f"{known[j].label} {known[j].criterion.id}",
                        score=value,
                    )
                )
                continue
            leaf["todo"] = [why, *leaf.get("todo", [])]
        best = sorted(((score(leaf, context, k), k) for k in known), key=lambda p: -p[0])
        seen: list[tuple[str, float]] = []
        for value, k in best:
            name = f"{k.label} {k.criterion.id}"
            if len(seen) < 3 and all(not s[0].endswith(f" {k.criterion.id}") for s in seen):
                seen.append((name, value))
        status, reason = (
            ("wired", msg("wiring.why_wired", kind=leaf["rule"]["kind"]))
            if leaf.get("rule")
            else ("todo", msg("wiring.why_todo"))
        )
        if status == "wired" and seen:
            like = {lang: ", ".join(f"{n} ({f'{v:.2f}'.replace('.', mark)})" for n, v in seen) for lang, mark in MARKS}
            leaf["todo"] = [*leaf.get("todo", []), msg("wiring.known_like", rows=msg("set_title", **like))]
        reports.append(RowReport(leaf["id"], leaf["title"], status, reason, candidates=seen))
    _remap_surveys(data, sets, ids)
    _components(data, leaves)
    copied = _classes(data, sets, ids)
    notes = [msg("wiring.classes_copied", set=copied)] if copied else []
    return reports, notes


# The decimal mark of a score in each language.
MARKS = (("en", "."), ("vi", ","))


def _classes(data: dict[str, Any], sets: list[tuple[str, CriteriaSet]], ids: dict[str, str]) -> str | None:
    """The classes of the newest set rows were copied from, in place of the draft's guess (the
    set's name is returned, for a warning: the decision may set its own)."""
    for label, cs in sorted(sets, key=lambda s: -s[1].year):
        if any(c.id in ids for c in cs.criteria()):
            data["classes"] = [c.model_dump(mode="json", exclude_none=True) for c in cs.classes]
            data["classes_on"] = cs.classes_on
            data["todo"] = [item for item in data.get("todo", []) if item != CLASSES_TODO]
            return label
    return None


def _components(data: dict[str, Any], leaves: list[tuple[dict[str, Any], str]]) -> None:
    """Each component's max, the sum of its rows' (a copied row may count in a survey)."""
    for name, spec in data.get("components", {}).items():
        spec["max"] = float(
            sum((Decimal(str(leaf["max"])) for leaf, _ in leaves if leaf["source"] == name), Decimal(0))
        )


def _leaves(data: dict[str, Any]) -> list[tuple[dict[str, Any], str]]:
    found = []
    for area in data["areas"]:
        for member in area["criteria"]:
            if "criteria" in member:
                found += [(leaf, f"{member['title']} {area['title']}") for leaf in member["criteria"]]
            else:
                found.append((member, area["title"]))
    return found


def _copy(leaf: dict[str, Any], known: Known, value: float, data: dict[str, Any]) -> Msg | None:
    """Copies a known row's wiring into the draft row; a reason when it cannot (the row then stays
    to finish)."""
    row, cs = known.criterion, known.cs
    assert row.rule is not None
    rule, why = _rule(leaf.get("rule"), known, float(leaf["max"]))
    if rule is None:
        return msg("wiring.todo_write_metric", why=why)
    leaf["rule"] = rule
    leaf["title_en"] = row.title_en if leaf.get("title_en") in (None, leaf["title"]) else leaf["title_en"]
    leaf["source"] = row.source.value
    leaf["owner"] = row.owners if len(row.owners) > 1 else row.owners[0]
    for name in ("cooperating", "implementing", "references", "evidence", "groups"):
        values = getattr(row, name)
        if values:
            leaf[name] = list(values)
        else:
            leaf.pop(name, None)
    leaf["deadline"] = row.deadline
    leaf["remedy"], leaf["remedy_en"] = row.remedy, row.remedy_en
    if row.not_arising and "not_arising" not in leaf:
        leaf["not_arising"] = row.not_arising
    if row.proofs:
        titles = [p["title"] for p in leaf.get("proofs", [])]
        if len(titles) != len(row.proofs):
            titles = [p.title for p in row.proofs]
        leaf["proofs"] = [
            {"id": p.id, "title": title, **({"title_en": p.title_en} if p.title_en else {})}
            for p, title in zip(row.proofs, titles)
        ]
    leaf["same_as"] = [row.id, *row.same_as]
    leaf["copied_from"] = {"set": known.label, "id": row.id, "score": value}
    leaf["todo"] = []
    _declare(data, cs, row)
    return None


def _rule(drafted: dict[str, Any] | None, known: Known, maximum: float) -> tuple[dict[str, Any] | None, Text]:
    """The decision's rule where the text gave one, reading the known row's metrics if it can (a
    timeliness rule reads an obligation metric); else the known rule. None, and why, when neither
    fits: the known metric is not one the text's rule reads, or the known points exceed the max."""
    row, cs = known.criterion, known.cs
    assert row.rule is not None
    if drafted:
        try:
            parsed = kind_of(RULE.validate_python(drafted)).reading(row.rule)
        except ValidationError:
            return None, msg("wiring.why_not_fit", label=known.label, id=row.id)
    else:
        parsed = row.rule
    rule = parsed.model_dump(mode="json", exclude_none=True)
    kind = kind_of(parsed)
    trial = row.model_copy(update={"rule": parsed, "max": maximum, "not_arising": None})
    found = kind.check(trial, cs, (), lambda _cs, _name: None)
    if found:
        words = {lang: "; ".join(wording(message, lang) for _, message, _ in found) for lang, _ in MARKS}
        return None, msg(
            "wiring.why_cannot_take", kind=parsed.kind, label=known.label, id=row.id, words=msg("set_title", **words)
        )
    return rule, ""


def _declare(data: dict[str, Any], cs: CriteriaSet, row: Criterion) -> None:
    """What the copied row needs at set level, from its set: its metrics, the calendar dates they
    and the row are due on, the indicator names, document kinds and unit groups."""
    assert row.rule is not None
    metrics = data.setdefault("metrics", {})
    dates = {row.deadline}
    for name in kind_of(row.rule).metrics():
        definition = cs.metrics[name]
        metrics.setdefault(name, definition.model_dump(mode="json", exclude_none=True, exclude_defaults=True))
        dates.add(definition.deadline or row.deadline)
        dates.update(o.due for o in getattr(definition, "expect", []))
    calendar = data.setdefault("calendar", {})
    shift = int(data.get("year") or cs.year) - cs.year
    for name in sorted(dates):
        if name not in calendar:
            day = cs.calendar[name]
            calendar[name] = _shifted(day, shift).isoformat()
    vocabulary(data, cs)


def vocabulary(data: dict[str, Any], cs: CriteriaSet) -> None:
    """The names a unit records under that the known set adds to the product's vocabulary (its own
    indicator names and document kinds, its unit groups), declared in the draft as the known set
    declares them; the product's own names every set inherits (scorer/vocabulary.yaml)."""
    product = product_vocabulary()
    inherited: dict[str, Mapping[str, object]] = {
        "indicators": product.indicators,
        "document_kinds": product.document_kinds,
        "unit_groups": {},
    }
    for key, names in inherited.items():
        own = {name: spec for name, spec in getattr(cs, key).items() if names.get(name) != spec}
        if own:
            declared = data.setdefault(key, {})
            for name, spec in own.items():
                declared.setdefault(name, spec.model_dump(mode="json", exclude_none=True))


def _shifted(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _remap_surveys(data: dict[str, Any], sets: list[tuple[str, CriteriaSet]], ids: dict[str, str]) -> None:
    """The survey settings and the satisfaction index of the newest known set that rows were copied
    from, naming the draft's rows (a question or index over no copied row is left out)."""
    for _, cs in sorted(sets, key=lambda s: -s[1].year):
        if not any(c.id in ids for c in cs.criteria()):
            continue
        surveys = cs.surveys.model_dump(mode="json", exclude_none=True)
        for name, instrument in list(surveys.get("instruments", {}).items()):
            questions = instrument.get("questions", {})
            for question in questions.values():
                question["criteria"] = [ids[c] for c in question.get("criteria", []) if c in ids]
            instrument["questions"] = {q: v for q, v in questions.items() if v["criteria"]}
            if not instrument["questions"]:
                del surveys["instruments"][name]
        data.setdefault("surveys", surveys)
        if cs.satisfaction is not None and "satisfaction" not in data:
            satisfaction = cs.satisfaction.model_dump(mode="json", exclude_none=True)
            satisfaction["criteria"] = [ids[c] for c in cs.satisfaction.criteria if c in ids]
            if satisfaction["criteria"]:
                data["satisfaction"] = satisfaction
        return
