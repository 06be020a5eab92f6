"""`scorer register import`: the PAR evidence in a unit's register of outgoing documents, drafted as
records for the officer to review. No I/O: the rows come from scorer.loading.register, the table of
phrasings from rules/register.yaml, the unit's evidence and criteria set from the loader.

Each row's symbol is split into number, kind and issuer (`121/BC-VPUB`: 121, BC, VPUB; a letter's
`80/VPUB-TH` names no kind); the first rule whose kinds and phrases fit drafts the record, with the
fields its summary gives (a report's period, the units an inspection covered) and the criteria that
read it; what the register cannot give is named in the record's note. Every drafted record carries
`review: needed`: `predict` counts it only in the high scenario until the officer removes the mark.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import yaml

from scorer.loading.register import fold
from scorer.models.columns import describe
from scorer.models.criteria import CriteriaSet, ObligationMetric
from scorer.models.evidence import RECORD_TYPES
from scorer.models.inputs import EvidenceSet
from scorer.scoring.kinds import kind_of
from scorer.models.register import (
    Figure,
    RegisterDraft,
    RegisterFile,
    RegisterRow,
    RegisterRule,
    RegisterRules,
    RowOutcome,
)

MESSAGES: dict[str, dict[str, str]] = {
    "drafted": {"en": "drafted", "vi": "đã lập"},
    "skipped": {"en": "skipped", "vi": "bỏ qua"},
    "unclear": {"en": "unclear", "vi": "chưa rõ"},
    "not_par": {"en": "not PAR evidence", "vi": "không phải tài liệu kiểm chứng CCHC"},
    "other_year": {"en": "dated {year}, not {wanted}", "vi": "văn bản năm {year}, không phải năm {wanted}"},
    "about_year": {"en": "about {years}, not {wanted}", "vi": "nội dung về năm {years}, không phải năm {wanted}"},
    "in_evidence": {"en": "already in the evidence: {id} ({where})", "vi": "đã có trong hồ sơ: {id} ({where})"},
    "repeated": {"en": "the same document as row {line}", "vi": "trùng văn bản ở dòng {line}"},
    "no_rule": {
        "en": "names PAR, but no rule of the register table fits: look at it",
        "vi": "có nội dung CCHC nhưng không khớp quy tắc nào của bảng phân loại: cần xem lại",
    },
    "unknown_kind": {
        "en": "rule '{rule}' drafts a document of kind '{kind}', which the {year} criteria set does not read",
        "vi": "quy tắc '{rule}' lập văn bản loại '{kind}', bộ tiêu chí năm {year} không dùng loại này",
    },
    "proof_drafted": {"en": "proof: {title}", "vi": "tài liệu kiểm chứng: {title}"},
    "row": {"en": "row", "vi": "dòng"},
    "other_issuer": {
        "en": "{n} of the register's {of} documents of {year} do not carry this unit's symbol {symbol} (the commonest: {other}): is it this unit's own register? (unit.yaml's symbol)",
        "vi": "{n}/{of} văn bản năm {year} trong sổ không mang ký hiệu {symbol} của đơn vị (nhiều nhất: {other}): đây có đúng là sổ văn bản đi của đơn vị? (ký hiệu ghi ở symbol trong unit.yaml)",
    },
    "no_row_of_year": {
        "en": "no document of the register is dated {year}: its rows are of {years} (is --year right?)",
        "vi": "sổ không có văn bản nào của năm {year}: các dòng thuộc năm {years} (--year có đúng không?)",
    },
    "two_dates": {
        "en": "{where}:{line}: {symbol} is dated {a} here and {b} at row {first}: one number names one document a year",
        "vi": "{where}:{line}: {symbol} ghi ngày {a} ở đây và ngày {b} ở dòng {first}: mỗi số, ký hiệu chỉ là một văn bản trong năm",
    },
    "evidence_date": {
        "en": "{where}:{line}: {symbol} of {a} is in the evidence as {id} dated {b}: drafted, check which date is right",
        "vi": "{where}:{line}: {symbol} ngày {a} đã có trong hồ sơ ({id}) với ngày {b}: vẫn lập, cần kiểm tra ngày đúng",
    },
    "todo_note": {
        "en": "Drafted from the register ({source}, row {line}). To fill in: {fields}.",
        "vi": "Lập từ sổ đăng ký văn bản ({source}, dòng {line}). Cần bổ sung: {fields}.",
    },
    "plain_note": {
        "en": "Drafted from the register ({source}, row {line}).",
        "vi": "Lập từ sổ đăng ký văn bản ({source}, dòng {line}).",
    },
    "progress_note": {
        "en": " Its progress: each time it is counted, a record with the same number, the day counted and tasks_done (tasks done).",
        "vi": " Tiến độ: mỗi lần tổng hợp, thêm một bản ghi cùng số, ký hiệu, ghi ngày tổng hợp và tasks_done (số nhiệm vụ đã hoàn thành).",
    },
    "in_force_note": {
        "en": "Copied from the {last} evidence ({where}): a document of {day} that stays in force until replaced. "
        "Still in force in {year}: accept it; replaced or repealed: delete this record.",
        "vi": "Chép từ hồ sơ năm {last} ({where}): văn bản ngày {day} có hiệu lực đến khi được thay thế. "
        "Năm {year} vẫn còn hiệu lực: chấp nhận; đã được thay thế hoặc bãi bỏ: xóa bản ghi này.",
    },
    "in_force_head": {
        "en": "Documents of earlier years still in force? (drafted from the {last} evidence, to confirm):",
        "vi": "Văn bản năm trước còn hiệu lực? (lập từ hồ sơ năm {last}, cần xác nhận):",
    },
    "from_summary": {"en": "the summary says", "vi": "theo trích yếu"},
    "carried_note": {
        "en": " From the {last} evidence ({id}, {where}): {fields}; check it still holds.",
        "vi": " Lấy từ hồ sơ năm {last} ({id}, {where}): {fields}; kiểm tra lại nếu đã thay đổi.",
    },
    "header": {
        "en": "# Drafted by `scorer register import` from {source}: {count} record(s) for {unit}, {year}.\n"
        "# Check each against the document, fill in what its note names, then delete its line\n"
        "# `review: needed` (or accept it in `scorer serve`). Until then `predict` counts it only in\n"
        "# the high scenario. A record that is no evidence: delete it.\n",
        "vi": "# Lập bằng `scorer register import` từ {source}: {count} bản ghi của {unit}, năm {year}.\n"
        "# Đối chiếu từng bản ghi với văn bản, bổ sung các trường ghi trong note, rồi xóa dòng\n"
        "# `review: needed` (hoặc bấm Chấp nhận trong `scorer serve`). Trước đó `predict` chỉ tính\n"
        "# bản ghi ở kịch bản cao. Bản ghi không phải tài liệu kiểm chứng: xóa đi.\n",
    },
    "summary": {
        "en": "{rows} row(s) read: {drafted} drafted, {skipped} skipped, {unclear} unclear.",
        "vi": "Đã đọc {rows} dòng: lập {drafted}, bỏ qua {skipped}, chưa rõ {unclear}.",
    },
    "figures_head": {
        "en": "Figures no register holds, for the officer to type (the {year} evidence has none yet):",
        "vi": "Số liệu sổ văn bản không có, cán bộ nhập (hồ sơ năm {year} chưa có):",
    },
    "figures_line": {
        "en": "{count} criteria read figures no register holds ({ids}): type them as before; --report lists them.",
        "vi": "{count} tiêu chí cần số liệu mà sổ văn bản không có ({ids}): nhập như trước; --report liệt kê chi tiết.",
    },
    "figures_line_listed": {
        "en": "{count} criteria read figures no register holds ({ids}): type them as before (listed above).",
        "vi": "{count} tiêu chí cần số liệu mà sổ văn bản không có ({ids}): nhập như trước (danh sách ở trên).",
    },
    "figure_indicator": {"en": "indicator: {name}", "vi": "chỉ số: {name}"},
    "figure_assigned_task": {
        "en": "the tasks the province assigned (due, completed)",
        "vi": "nhiệm vụ được giao (hạn, ngày hoàn thành)",
    },
    "figure_survey": {
        "en": "the unit's own survey result (if it runs one)",
        "vi": "kết quả khảo sát của đơn vị (nếu có)",
    },
    "give_unit": {
        "en": "give the unit whose register it is: --unit <folder name>",
        "vi": "cho biết sổ của đơn vị nào: --unit <tên thư mục của đơn vị>",
    },
    "output_not_yaml": {
        "en": "--output {path}: the draft is YAML evidence, give a .yaml file",
        "vi": "--output {path}: bản dự thảo là hồ sơ YAML, hãy ghi ra tệp .yaml",
    },
    "output_is_register": {
        "en": "--output {path} is the register itself",
        "vi": "--output {path} chính là sổ đăng ký văn bản đang đọc",
    },
    "summary_carried": {
        "en": " And {count} document(s) of earlier years still in force, from the {last} evidence.",
        "vi": " Lập lại {count} văn bản năm trước còn hiệu lực, từ hồ sơ năm {last}.",
    },
    "report_head": {
        "en": "Row\tNumber\tDate\tOutcome\tRecord\tWhy",
        "vi": "Dòng\tSố, ký hiệu\tNgày\tKết quả\tBản ghi\tLý do",
    },
}


def msg(key: str, lang: str, **values: Any) -> str:
    return MESSAGES[key]["en" if lang == "en" else "vi"].format(**values)


# The import's own words, as the library's entry (api.py) raises them: not the problem catalogue's keys.
words = msg


# What each field a note asks for is, in the officer's words beside its key.
FIELDS: dict[str, dict[str, str]] = {
    "tasks_total": {"en": "the plan's tasks", "vi": "tổng số nhiệm vụ"},
    "tasks_done": {"en": "tasks done", "vi": "số nhiệm vụ đã hoàn thành"},
    "units_inspected": {"en": "units inspected", "vi": "số đơn vị đã kiểm tra"},
    "units_total": {"en": "units to inspect", "vi": "tổng số đơn vị thuộc diện kiểm tra"},
    "findings": {"en": "findings", "vi": "số tồn tại, hạn chế phát hiện"},
    "findings_resolved": {"en": "findings resolved", "vi": "số tồn tại, hạn chế đã khắc phục"},
    "period": {"en": "the report's period", "vi": "kỳ báo cáo"},
    "due": {"en": "its due day", "vi": "hạn gửi"},
}


def field_label(name: str, lang: str) -> str:
    """A field's key with what it is: `tasks_total (tổng số nhiệm vụ)`."""
    label = FIELDS.get(name)
    return f"{name} ({label['en' if lang == 'en' else 'vi']})" if label else name


CITING = frozenset({"indicator", "survey", "communication"})
_SYMBOL = re.compile(r"^\s*([0-9]+[A-Za-z]?)\s*/\s*(?:([0-9]{4})\s*/\s*)?(.+?)\s*$")
_SUMMARY_YEAR = re.compile(r"(?:\bnam|\bquy [ivx]+\s*/|\bquy [0-9]\s*/|\bthang [0-9]{1,2}\s*/)\s*([0-9]{4})\b")


@dataclass(frozen=True)
class Symbol:
    """A document's number and symbol split: `121/BC-VPUB` -> 121, BC, VPUB."""

    number: str
    kind: str | None
    issuer: str
    year: str | None = None


def _other_issuer(register: RegisterFile, rules: RegisterRules, year: int, symbol: str, lang: str) -> list[str]:
    """A warning where most of the year's numbers name another issuer than the unit's symbol
    (`38/BC-VPUB` in the register of a unit whose symbol is STP), with the commonest of them."""
    issuers = [split_symbol(row.symbol, rules).issuer for row in register.rows if row.date.year == year]
    others = [i for i in issuers if fold(symbol) not in {fold(part) for part in i.split("-")}]
    if not issuers or 2 * len(others) <= len(issuers):
        return []
    common = max(sorted(set(others)), key=others.count)
    return [msg("other_issuer", lang, n=len(others), of=len(issuers), year=year, symbol=symbol, other=common)]


def split_symbol(text: str, rules: RegisterRules) -> Symbol:
    """The number, kind and issuer of a symbol; a letter's symbol (`80/VPUB-TH`) names no kind."""
    match = _SYMBOL.match(text)
    if not match:
        return Symbol(text.strip(), None, "")
    number, year, rest = match.groups()
    parts = [p.strip() for p in rest.split("-")]
    kinds = {fold(k): k for k in rules.kinds}
    if len(parts) > 1 and fold(parts[0]) in kinds:
        return Symbol(number, kinds[fold(parts[0])], "-".join(parts[1:]), year)
    return Symbol(number, None, rest, year)


def _phrase(text: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(" ".join(fold(text).split())) + r"(?!\w)")


class Classifier:
    """The register table compiled once: phrases folded, patterns built."""

    def __init__(self, rules: RegisterRules, cs: CriteriaSet) -> None:
        self.rules, self.cs = rules, cs
        self.kinds = {fold(k): k for k in rules.kinds}
        self.kind_names = sorted(((fold(name), k) for k, name in rules.kinds.items()), key=lambda n: -len(n[0]))
        self.issuing = {
            fold(k): sorted((" ".join(fold(v).split()) for v in verbs), key=len, reverse=True)
            for k, verbs in rules.issuing.items()
        }
        self.issued = [(fold(rules.kinds[k]), k) for k in rules.issued if k in rules.kinds]
        self.par = [_phrase(p) for p in rules.par_words]
        self.quiet = {fold(k) for k in rules.quiet_kinds}
        self.names = [_phrase(n) for n in sorted(rules.names, key=len, reverse=True)]
        self.periods = [(period.value, [_phrase(p) for p in phrases]) for period, phrases in rules.periods.items()]
        self.compiled = [
            (
                rule,
                {fold(k) for k in rule.kinds},
                [[_phrase(p) for p in group] for group in rule.all],
                [_phrase(p) for p in rule.none],
            )
            for rule in rules.rules
        ]

    def kind_of(self, symbol: Symbol, summary: str) -> str:
        """The document's kind: its symbol's, else the kind its summary begins with (a register
        whose number column holds the number alone), else a letter. A decision that issues a plan
        ("Quyết định ban hành Kế hoạch ...") is the plan it issues."""
        text = " ".join(fold(summary).split())
        kind = symbol.kind
        if kind is None and not symbol.issuer:
            kind = next((k for name, k in self.kind_names if text.startswith(name + " ") or text == name), None)
        if kind is None:
            return self.rules.letter
        return self.issued_by(kind, text) or kind

    def issued_by(self, kind: str, text: str) -> str | None:
        """The kind a decision's folded summary says it issues, or None."""
        verbs = self.issuing.get(fold(kind))
        if not verbs:
            return None
        own = fold(self.rules.kinds.get(kind, ""))
        if own and text.startswith(own + " "):
            text = text[len(own) + 1 :]
        for verb in verbs:
            if text.startswith(verb + " "):
                rest = text[len(verb) + 1 :]
                for name, issued in self.issued:
                    if rest.startswith(name + " ") or rest == name:
                        return issued
        return None

    def text(self, summary: str) -> str:
        """The summary as the rules read it: folded, its spaces single, agencies' names blanked."""
        text = " ".join(fold(summary).split())
        for name in self.names:
            text = name.sub(" ", text)
        return " ".join(text.split())

    def rule_for(self, kind: str, summary: str) -> RegisterRule | None:
        text = self.text(summary)
        for rule, kinds, groups, none in self.compiled:
            if kinds and fold(kind) not in kinds:
                continue
            if all(any(p.search(text) for p in group) for group in groups) and not any(p.search(text) for p in none):
                return rule
        return None

    def names_par(self, summary: str) -> bool:
        text = self.text(summary)
        return any(p.search(text) for p in self.par)

    def period(self, summary: str) -> str | None:
        text = self.text(summary)
        for period, phrases in self.periods:
            if any(p.search(text) for p in phrases):
                return period
        return None

    @cached_property
    def dues(self) -> dict[str, dt.date]:
        """A report's due day by period, from the criteria set's obligations on reports."""
        found: dict[str, dt.date] = {}
        for metric in self.cs.metrics.values():
            if isinstance(metric, ObligationMetric) and metric.type == "report":
                for expected in metric.expect:
                    period = expected.match.get("period")
                    if isinstance(period, str) and expected.due in self.cs.calendar:
                        found.setdefault(period, self.cs.deadline(expected.due))
        return found

    def criteria_of(self, record: dict[str, Any]) -> list[str]:
        """The sub-criteria whose metrics read a record like this one, or that ask for the proof it is
        (a dialogue's invitation: 1.6 in 2024)."""
        found = []
        for criterion in self.cs.criteria():
            if record.get("proof") is not None and any(p.id == record["proof"] for p in criterion.proofs):
                found.append(criterion.id)
                continue
            for name in kind_of(criterion.rule).metrics() if criterion.rule is not None else []:
                metric = self.cs.metrics.get(name)
                if metric is not None and metric.type == record["type"] and _fits(metric.where, record):
                    found.append(criterion.id)
                    break
        return found


def _fits(where: dict[str, Any], record: dict[str, Any]) -> bool:
    for name, wanted in where.items():
        value = record.get(name)
        if isinstance(wanted, list):
            if value not in [getattr(w, "value", w) for w in wanted]:
                return False
        elif hasattr(wanted, "present"):
            if (value is not None) != wanted.present:
                return False
        elif value != getattr(wanted, "value", wanted):
            return False
    return True


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def _key(symbol: str) -> str:
    """A number and symbol compared: spaces, case and the number's leading zeros aside (a register
    exported with the number as a number writes `5/KH-VPUB` for `05/KH-VPUB`)."""
    text = "".join(symbol.split()).upper()
    number, slash, rest = text.partition("/")
    return (number.lstrip("0") or "0") + slash + rest if number.isdigit() else text


def summary_years(summary: str) -> set[int]:
    return {int(y) for y in _SUMMARY_YEAR.findall(" ".join(fold(summary).split()))}


def draft(
    register: RegisterFile,
    rules: RegisterRules,
    cs: CriteriaSet,
    unit: str,
    year: int,
    evidence: EvidenceSet,
    lang: str = "vi",
    source: str | None = None,
    last_year: EvidenceSet | None = None,
    earlier: EvidenceSet | None = None,
    own_symbol: str | None = None,
) -> RegisterDraft:
    """The register's PAR documents of `year` as review-marked records, each row's outcome, and the
    warnings: a number the register dates twice, a document the evidence has under another date.
    `last_year` gives the documents still in force (the import that starts the draft file only);
    `earlier`, last year's evidence for a rule's `carry` fields (every import); `own_symbol`, the unit's
    own in document numbers (unit.yaml), to tell a register most of whose numbers are another
    issuer's (another unit's register imported into this one)."""
    classifier = Classifier(rules, cs)
    source = source or register.path
    # The documents already in the evidence, by number and date. An indicator, a survey or a
    # communication count cites a report as its source without being it: the report is still
    # drafted, unless a record of its own type is there.
    existing: dict[tuple[str, dt.date], list[tuple[str, str]]] = {}
    by_number: dict[str, tuple[str, dt.date]] = {}
    for kept in sorted(evidence.records, key=lambda r: (r.date, r.id)):
        if kept.document_no:
            existing.setdefault((_key(kept.document_no), kept.date), []).append((kept.id, kept.type))
            if kept.date.year == year and kept.type not in CITING:
                by_number.setdefault(_key(kept.document_no), (kept.id, kept.date))
    taken = {r.id for r in evidence.records}
    seen: dict[str, RegisterRow] = {}
    records: list[dict[str, Any]] = []
    outcomes: list[RowOutcome] = []
    warnings: list[str] = []
    todo: dict[str, list[str]] = {}
    drafts: list[_Drafted] = []

    def out(row: RegisterRow, outcome: str, reason: str, **extra: Any) -> None:
        outcomes.append(RowOutcome(row.where, row.line, row.symbol, row.date, row.summary, outcome, reason, **extra))  # type: ignore[arg-type]

    for row in register.rows:
        if row.date.year != year:
            out(row, "skipped", msg("other_year", lang, year=row.date.year, wanted=year))
            continue
        key = _key(row.symbol)
        first = seen.get(key)
        if first is not None:
            if first.date != row.date:
                warnings.append(
                    msg(
                        "two_dates",
                        lang,
                        where=row.where,
                        line=row.line,
                        symbol=row.symbol,
                        a=_day(row.date),
                        b=_day(first.date),
                        first=first.line,
                    )
                )
            out(row, "skipped", msg("repeated", lang, line=first.line))
            continue
        seen[key] = row
        symbol = split_symbol(row.symbol, rules)
        kind = classifier.kind_of(symbol, row.summary)
        rule = classifier.rule_for(kind, row.summary)
        if rule is None:
            if classifier.names_par(row.summary) and fold(kind) not in classifier.quiet:
                out(row, "unclear", msg("no_rule", lang))
            else:
                out(row, "skipped", msg("not_par", lang))
            continue
        # A summary about another year: a later year's plan issued in December, or a past year's
        # report, belongs to that year. A plan to remedy last year's findings is this year's.
        years = summary_years(row.summary)
        if years and year not in years and (max(years) > year or rule.record["type"] == "report"):
            out(row, "skipped", msg("about_year", lang, years=", ".join(str(y) for y in sorted(years)), wanted=year))
            continue
        known = next(
            (
                rid
                for rid, kind in existing.get((key, row.date), [])
                if kind not in CITING or kind == rule.record["type"]
            ),
            None,
        )
        if known is not None:
            origin = evidence.origins.get(known)
            where = f"{origin.path}:{origin.line}" if origin is not None else ""
            out(row, "skipped", msg("in_evidence", lang, id=known, where=where))
            continue
        if key in by_number:
            other_id, other_date = by_number[key]
            warnings.append(
                msg(
                    "evidence_date",
                    lang,
                    where=row.where,
                    line=row.line,
                    symbol=row.symbol,
                    a=_day(row.date),
                    b=_day(other_date),
                    id=other_id,
                )
            )
        record_type = str(rule.record["type"])
        if record_type == "document" and str(rule.record.get("kind")) not in cs.document_kinds:
            out(row, "skipped", msg("unknown_kind", lang, rule=rule.id, kind=rule.record.get("kind"), year=cs.year))
            continue
        record, unread = _record(row, rule, classifier, year, lang)
        base = f"svb-{year}-{_slug(row.symbol)}"
        record_id = base
        number = 2
        while record_id in taken:
            record_id, number = f"{base}-{number}", number + 1
        taken.add(record_id)
        record = {"id": record_id, **record}
        popped: dict[str, Any] = {}
        if _valid(record) is not None:
            for name in rule.read:
                if name in record:
                    popped[name] = record.pop(name)
                    if name not in unread:
                        unread.insert(0, name)
        criteria = classifier.criteria_of(record)
        if criteria:
            record["criteria"] = criteria
        drafts.append(_Drafted(record, rule, row, unread, popped))
        records.append(record)
        out(row, "drafted", _drafted_as(rule, cs, lang), record_id=record_id)
    # A rule's `carry` (the units subject to inspection) only where the draft's record is the year's
    # one record of its type: with two notices the latest would count its own units as the year's.
    for done in drafts:
        if done.rule.carry:
            kind = done.record["type"]
            of_year = sum(1 for r in evidence.records if r.type == kind and r.date.year == year)
            of_year += sum(1 for d in drafts if d.record["type"] == kind)
            if of_year == 1:
                done.carried = _carry(done.record, done.rule, done.unread, done.popped, earlier, year, lang)
        done.record["note"] = _note(done, source, lang)
        if done.unread:
            todo[done.record["id"]] = done.unread
    carried = in_force(rules, classifier, year, evidence, records, last_year, taken, lang) if last_year else []
    records.extend(carried)
    figures = missing_figures(cs, evidence, records)
    held = sorted({row.date.year for row in register.rows})
    if held and year not in held:
        warnings.append(msg("no_row_of_year", lang, year=year, years=", ".join(str(y) for y in held)))
    if own_symbol:
        warnings += _other_issuer(register, rules, year, own_symbol, lang)
    described = {r["id"]: describe(r, lang, cs) for r in records}
    return RegisterDraft(
        source, unit, year, records, outcomes, warnings, todo, figures, [r["id"] for r in carried], described
    )


def in_force(
    rules: RegisterRules,
    classifier: Classifier,
    year: int,
    evidence: EvidenceSet,
    drafted: list[dict[str, Any]],
    last_year: EvidenceSet,
    taken: set[str],
    lang: str,
) -> list[dict[str, Any]]:
    """The documents of kinds that stay in force (rules/register.yaml `in_force`) that last year's
    evidence holds and neither this year's evidence nor the draft gives: the latest of each kind,
    drafted again with its own number and date, for the officer to confirm it still applies."""
    have = {r.model_dump().get("kind") for r in evidence.records if r.type == "document"}
    have |= {r.get("kind") for r in drafted if r["type"] == "document"}
    out: list[dict[str, Any]] = []
    for kind in rules.in_force:
        if kind in have or kind not in classifier.cs.document_kinds:
            continue
        earlier = [
            r
            for r in last_year.records
            if r.type == "document" and r.model_dump().get("kind") == kind and r.date.year < year
        ]
        if not earlier:
            continue
        kept = max(earlier, key=lambda r: (r.date, r.id))
        base = f"svb-{year}-{_slug(kept.document_no or kept.id)}"
        record_id, number = base, 2
        while record_id in taken:
            record_id, number = f"{base}-{number}", number + 1
        taken.add(record_id)
        record: dict[str, Any] = {"id": record_id, "type": "document", "review": "needed", "kind": kind}
        record["date"] = kept.date
        if kept.document_no:
            record["document_no"] = kept.document_no
        if kept.title:
            record["title"] = kept.title
        criteria = classifier.criteria_of(record)
        if criteria:
            record["criteria"] = criteria
        origin = last_year.origins.get(kept.id)
        where = f"{Path(origin.path).name}, {msg('row', lang)} {origin.line}" if origin is not None else kept.id
        record["note"] = msg("in_force_note", lang, last=year - 1, where=where, day=_day(kept.date), year=year)
        out.append(record)
    return out


# Records whose figures are in no register: the value of an indicator, the tasks assigned with their
# due and completion days. A survey row of the citizens' instrument reads the unit's own survey.
FIGURE_TYPES = ("indicator", "assigned_task")
SURVEY_RECORD = "survey"  # the record type that carries a survey's result (not the rule kind)


def missing_figures(cs: CriteriaSet, evidence: EvidenceSet, drafted: list[dict[str, Any]]) -> list[Figure]:
    """The criteria that read a figure no register holds, which neither the unit's evidence of the
    year nor the draft gives: for the officer to type, as before the register was read."""
    have = [r.model_dump() for r in evidence.records] + drafted
    found: list[Figure] = []
    for criterion in cs.criteria():
        if criterion.rule is None:
            continue
        kind = kind_of(criterion.rule)
        if kind.survey:
            wanted = {criterion.id, *criterion.same_as}
            if kind.instrument() == "citizens" and not any(
                h["type"] == SURVEY_RECORD and h.get("criterion") in wanted for h in have
            ):
                found.append(Figure(criterion.id, criterion.title, criterion.title_en, "survey"))
            continue
        for name in kind.metrics():
            metric = cs.metrics.get(name)
            if metric is None or metric.type not in FIGURE_TYPES:
                continue
            if not any(h["type"] == metric.type and _fits(metric.where, h) for h in have):
                wanted_name = metric.where.get("name")
                indicator = getattr(wanted_name, "value", wanted_name)
                named = cs.indicators.get(indicator) if isinstance(indicator, str) else None
                figure = Figure(
                    criterion.id,
                    criterion.title,
                    criterion.title_en,
                    metric.type,
                    indicator if isinstance(indicator, str) else None,
                    named.title if named is not None else None,
                    named.title_en if named is not None else None,
                )
                if figure not in found:
                    found.append(figure)
    return found


def figure_what(figure: Figure, lang: str) -> str:
    """What the officer types, in words: an indicator by its title, as `explain` names it (its code
    only when the criteria set gives it no title)."""
    if figure.type == "indicator":
        title = figure.name_title_en if lang == "en" else figure.name_title
        return msg("figure_indicator", lang, name=title or figure.name_title or figure.name or "")
    return msg(f"figure_{figure.type}", lang)


def figures_line(result: RegisterDraft, lang: str, report: bool = False) -> str | None:
    """The figures the officer still types, counted on stderr beside a draft; None when the evidence
    has them all or nothing was drafted (`--report` lists them whatever was drafted, and the line
    points to it only when it was not given)."""
    if not result.figures or not result.records:
        return None
    ids = list(dict.fromkeys(f.criterion for f in result.figures))
    return msg("figures_line_listed" if report else "figures_line", lang, count=len(ids), ids=", ".join(ids))


def _drafted_as(rule: RegisterRule, cs: CriteriaSet, lang: str) -> str:
    """What a drafted row's reason adds to the record beside it: the proof it is, by the criteria
    set's words ("Biên bản hội nghị đối thoại", which "Đối thoại" beside it does not say); nothing
    where the record's own words already say what the rule recognised ("Kế hoạch: Cải cách hành
    chính"). Never the rule's id, which is the table's, not the officer's."""
    proof = rule.record.get("proof")
    declared = next((p for c in cs.criteria() for p in c.proofs if p.id == proof), None)
    if declared is None:
        return ""
    return msg("proof_drafted", lang, title=declared.title if lang == "vi" else declared.title_en or declared.title)


def _record(
    row: RegisterRow, rule: RegisterRule, classifier: Classifier, year: int, lang: str
) -> tuple[dict[str, Any], list[str]]:
    """The record's fields in the order a person writes them, and the fields left unread."""
    text = classifier.text(row.summary)
    record: dict[str, Any] = {"type": rule.record["type"], "review": "needed"}
    unread = list(rule.todo)
    for name, value in rule.record.items():
        if name not in ("type", "proof"):
            record[name] = value
    record["date"] = row.date
    record["document_no"] = " ".join(row.symbol.split())
    record["title"] = row.summary
    if "proof" in rule.record:  # the proof the document is, after what it is (as the evidence is written)
        record["proof"] = rule.record["proof"]
    if rule.period:
        period = classifier.period(row.summary)
        if period is None:
            period = "other"
            unread.insert(0, "period")
        record["period"] = period
        due = classifier.dues.get(period)
        record["due"] = due if due is not None else row.date
        if due is None and "due" not in unread:
            unread.append("due")
        record["submitted"] = row.date
    for name, pattern in rule.read.items():
        match = re.search(pattern, text)
        if match:
            record[name] = int(match.group(1))
            if name in unread:
                unread.remove(name)
    for name, phrases in rule.flags.items():
        record[name] = any(_phrase(p).search(text) for p in phrases)
    for name, values in rule.lists.items():
        found = [value for value, phrases in values.items() if any(_phrase(p).search(text) for p in phrases)]
        if found:
            record[name] = found
    if rule.number_as:
        record[rule.number_as] = record["document_no"]
    model = RECORD_TYPES[str(rule.record["type"])]
    unread = [name for name in unread if name in model.model_fields]
    return record, unread


@dataclass
class _Drafted:
    """A drafted record before its note: the rule that drafted it, its row, the fields left for the
    officer, the counts read from the summary that the record could not hold alone, and the note's
    sentence on what was taken from last year."""

    record: dict[str, Any]
    rule: RegisterRule
    row: RegisterRow
    unread: list[str]
    popped: dict[str, Any]
    carried: str = ""


def _note(done: _Drafted, source: str, lang: str) -> str:
    """Where the record came from, what to fill in (with what the summary said that the record could
    not hold), what was taken from last year, and how a plan's progress is kept."""
    fields = ", ".join(field_label(name, lang) for name in done.unread)
    if done.popped:
        read = "; ".join(f"{name} = {value}" for name, value in done.popped.items())
        fields += f" ({msg('from_summary', lang)}: {read})"
    note = (
        msg("todo_note", lang, source=source, line=done.row.line, fields=fields)
        if done.unread
        else msg("plain_note", lang, source=source, line=done.row.line)
    ) + done.carried
    if done.record["type"] == "plan" and "tasks_total" in done.unread:
        # The plan as issued: none of its tasks done yet; its progress is a later record.
        note += msg("progress_note", lang)
    return note


def _carry(
    record: dict[str, Any],
    rule: RegisterRule,
    unread: list[str],
    popped: dict[str, Any],
    earlier: EvidenceSet | None,
    year: int,
    lang: str,
) -> str:
    """A rule's `carry` fields, beside the count the summary gave, from the latest record of the same
    type in last year's evidence: into the record when it is then valid (the count back with it,
    out of `unread`); the note's sentence saying where each came from, or "" when none was taken."""
    if earlier is None:
        return ""
    kept = [r for r in earlier.records if r.type == record["type"] and r.date.year < year]
    if not kept:
        return ""
    latest = max(kept, key=lambda r: (r.date, r.id))
    known = latest.model_dump()
    taken = []
    for name, part in rule.carry.items():
        value = known.get(name)
        read = popped.get(part, record.get(part))
        # a count of 0 last year says nothing of this year's; nor does a whole beside no count
        if name not in unread or not value or read is None:
            continue
        trial = {**record, part: read, name: value}
        if _valid(trial) is not None:
            continue
        order = list(record)
        record[part], record[name] = read, value
        # the counts after the summary's fields, before the criteria, as a person writes them
        at = order.index("criteria") if "criteria" in order else len(order)
        keys = order[:at] + [k for k in (part, name) if k not in order[:at]] + order[at:]
        reordered = {k: record[k] for k in dict.fromkeys(keys)}
        record.clear()
        record.update(reordered)
        popped.pop(part, None)
        for field in (part, name):
            if field in unread:
                unread.remove(field)
        taken.append(f"{field_label(name, lang)} = {value}")
    if not taken:
        return ""
    origin = earlier.origins.get(latest.id)
    where = f"{Path(origin.path).name}, {msg('row', lang)} {origin.line}" if origin is not None else latest.id
    return msg("carried_note", lang, last=year - 1, where=where, id=latest.id, fields="; ".join(taken))


def _valid(record: dict[str, Any]) -> str | None:
    """Counts read from the summary that break the record's own checks alone (4 units inspected of
    a total the register does not give) come out of the record, into its note: never written wrong."""
    from pydantic import ValidationError

    model = RECORD_TYPES[str(record["type"])]
    try:
        model.model_validate({k: v for k, v in record.items() if k != "review"})
        return None
    except ValidationError as error:
        return str(error.errors(include_url=False)[0]["msg"])


def _day(value: dt.date) -> str:
    return value.strftime("%d/%m/%Y")


# -- writing ------------------------------------------------------------------------------


def _scalar(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    text: str = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10**6)
    return text.removesuffix("\n").removesuffix("\n...").strip()


def render_records(records: list[dict[str, Any]]) -> str:
    """Records as a YAML list, one key a line, as the shipped evidence is written."""
    lines = []
    for record in records:
        first = True
        for name, value in record.items():
            lead = "- " if first else "  "
            first = False
            lines.append(f"{lead}{name}: {_scalar(value)}")
    return "\n".join(lines) + ("\n" if lines else "")


def render_yaml(result: RegisterDraft, lang: str, previous: str | None = None) -> str:
    """The draft file: the header that says what to do with it, then the records. With `previous`
    (the same file from an earlier import), its text is kept as the officer left it and the new
    records follow it."""
    if previous is not None and previous.strip():
        body = previous if previous.endswith("\n") else previous + "\n"
        return body + render_records(result.records)
    head = "# yaml-language-server: $schema=../../../schema/evidence.schema.json\n" + msg(
        "header", lang, source=result.source, count=len(result.records), unit=result.unit, year=result.year
    )
    return head + render_records(result.records)


def render_report(result: RegisterDraft, lang: str) -> str:
    """Per row: drafted (the record), skipped (why) or unclear; then the totals."""
    lines = [msg("report_head", lang)]
    for row in result.rows:
        what = row.record_id or ""
        if row.record_id in result.described:
            what = f"{what} ({result.described[row.record_id]})"
        lines.append("\t".join([str(row.line), row.symbol, _day(row.date), msg(row.outcome, lang), what, row.reason]))
    lines.append(summary_line(result, lang))
    if result.carried:
        lines.append(msg("in_force_head", lang, last=result.year - 1))
        for record in result.records:
            if record["id"] in result.carried:
                what = f"{record['id']} ({result.described[record['id']]})"
                lines.append(
                    "\t".join([record.get("document_no", ""), _day(record["date"]), what, record.get("title", "")])
                )
    if result.figures:
        lines.append(msg("figures_head", lang, year=result.year))
        for figure in result.figures:
            title = figure.title_en if lang == "en" else figure.title
            lines.append("\t".join([figure.criterion, figure_what(figure, lang), title]))
    return "\n".join(lines) + "\n"


def summary_line(result: RegisterDraft, lang: str) -> str:
    counts = {k: sum(1 for r in result.rows if r.outcome == k) for k in ("drafted", "skipped", "unclear")}
    line = msg("summary", lang, rows=len(result.rows), **counts)
    if result.carried:
        line += msg("summary_carried", lang, count=len(result.carried), last=result.year - 1)
    return line


def written_line(result: Any, lang: str, dry_run: bool = False) -> str:
    """Where the draft went, and what to run next; or that nothing was drafted or written."""
    if dry_run:
        if lang == "en":
            return f"--dry-run: {result.output} not written."
        return f"--dry-run: không ghi {result.output}."
    if not result.draft.records:
        return "Nothing drafted: no file written." if lang == "en" else "Không có bản ghi nào được lập: không ghi tệp."
    if lang == "en":
        return f"Wrote {result.output}: review each record, then run `scorer validate --unit {result.draft.unit}`."
    return f"Đã ghi {result.output}: rà soát từng bản ghi, rồi chạy `scorer validate --unit {result.draft.unit}`."


# -- review ---------------------------------------------------------------------------------

_RECORD_START = re.compile(r"^- ")


def reviewed(text: str, line: int, record_id: str, accept: bool) -> str | None:
    """A draft file's text with one record reviewed: accepted (its `review: needed` line gone) or
    rejected (the record gone), the rest of the file as it was. `line` is where the record starts;
    None when the text there is not the record as drafted (an officer rewrote it: edit the file)."""
    lines = text.splitlines(keepends=True)
    start = line - 1
    if not (0 <= start < len(lines)) or lines[start].rstrip("\r\n") != f"- id: {_scalar(record_id)}":
        return None
    end = start + 1
    while end < len(lines) and lines[end].startswith("  "):
        end += 1
    block = lines[start:end]
    if not accept:
        return "".join(lines[:start] + lines[end:])
    kept = [x for x in block if x.rstrip("\r\n") != "  review: needed"]
    if len(kept) == len(block):
        return None
    return "".join(lines[:start] + kept + lines[end:])
