"""`scorer criteria import`: a decision's appendix table to a draft criteria set. No I/O.

Decisions lay the table out in one of two ways (docs/real_decisions.md 2): the scoring options as
rows without STT under their sub-criterion, each with its points; or a column holding the scoring
text. Both are read the same way: the header row is found by its column names, areas by roman
numerals, criteria by whole numbers and sub-criteria by dotted numbers, and every other row with
text is an option of the row above it. The draft's ids are the product's (`1`, `1.1`, `1.1.1`),
numbered by position inside their parent, so a table numbered across areas still fits.

A rule is written wherever the scoring text is a common phrasing; what the text cannot give (the
metric to read, the owner, the remedy) is left in the row's `todo`, and `scorer validate` lists
every such row. A row the importer cannot place is reported and kept in the set's `todo`, never
dropped.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml
from pydantic import TypeAdapter, ValidationError

from scorer.errors import Msg, Problem, msg
from scorer.models.message import Figure
from scorer.models.rules import Rule
from scorer.scoring.kinds import kind_of

RULE: TypeAdapter[Rule] = TypeAdapter(Rule)
# Why a row is skipped or cannot be read: a message for the person finishing the draft.
Why = Msg | str

# Column names, without diacritics, lower case; the first that matches a cell names its column.
COLUMNS: dict[str, tuple[str, ...]] = {
    "stt": ("stt", "tt", "so tt", "so thu tu", "thu tu", "ma so", "ma"),
    "proofs": ("tai lieu kiem chung", "tai lieu chung minh", "kiem chung"),
    "method": (
        "cach tinh diem",
        "cach tinh",
        "phuong phap cham diem",
        "phuong phap tinh diem",
        "phuong phap danh gia",
        "phuong phap xac dinh",
        "huong dan cham diem",
        "huong dan danh gia",
        "huong dan",
        "cach cham diem",
        "cach cham",
        "cach thuc cham diem",
        "cach thuc danh gia",
        "cach danh gia",
        "cach xac dinh",
        "tieu chuan danh gia",
    ),
    "max": ("diem toi da", "diem chuan", "thang diem", "so diem toi da", "diem"),
    "title": (
        "linh vuc/tieu chi/tieu chi thanh phan",
        "linh vuc, tieu chi",
        "linh vuc",
        "tieu chi",
        "noi dung",
        "chi so",
        "ten tieu chi",
    ),
}
# Score columns a unit or the appraisal fills in: never the maximum.
NOT_MAX = ("tu danh gia", "tu cham", "tu dgia", "tham dinh", "dieu tra", "dat duoc", "ket qua", "chi so (%)", "ty le")

# Areas are few: I to XXXIX. C, D, L and M stay letters, as parts of a table often are (A, B, C, D).
ROMAN = re.compile(r"^(?=[IVX]+$)(X{0,3})(IX|IV|V?I{0,3})$")
NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
POINTS = re.compile(r"^\s*[+-]?\d+(?:[.,]\d+)?\s*(?:đ|điểm|diem)?\s*$", re.IGNORECASE)


def fold(text: str) -> str:
    """Lower case without diacritics (đ -> d), single spaces: for matching column names and phrasings."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFD", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return " ".join(text.lower().split())


def parse_points(text: str) -> float | None:
    """`0,5`, `1.5`, `2 điểm`, `+5` -> a number; anything else -> None."""
    if not text or not POINTS.match(text):
        return None
    found = NUMBER.search(text)
    assert found is not None
    try:
        return float(Decimal(found.group(0).replace(",", ".")))
    except InvalidOperation:
        return None


def roman(text: str) -> int | None:
    token = text.strip().rstrip(".").strip().upper()
    if not token or not ROMAN.match(token):
        return None
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    result = 0
    for i, ch in enumerate(token):
        value = values[ch]
        result += -value if i + 1 < len(token) and values[token[i + 1]] > value else value
    return result


@dataclass
class Option:
    text: str
    points: float | None
    raw: str


@dataclass
class Row:
    line: int
    label: str
    title: str
    max: float | None
    max_raw: str
    method: str
    proofs: str
    where: str = ""
    options: list[Option] = field(default_factory=list)
    children: list[Row] = field(default_factory=list)


@dataclass
class Header:
    line: int
    columns: dict[str, int]


@dataclass
class Draft:
    data: dict[str, Any]
    problems: list[Problem]
    rows: int
    # What became of each row when matched to the known sets (scorer.wiring), if it was.
    wiring: list[Any] = field(default_factory=list)


def find_header(rows: list[tuple[int, list[str]]]) -> Header | None:
    """The first row naming a title column and a maximum column (a two-row header, such as
    "Điểm" over "Tối đa | Tự chấm", is read as one). A row that names them alone wins over a pair
    of rows, so a title banner above the table is never taken for half of its header."""
    head = rows[:40]
    for index, (line, cells) in enumerate(head):
        columns = _columns(cells)
        if "title" in columns and "max" in columns:
            if index + 1 < len(rows) and _sub_header(rows[index + 1][1], columns):
                below_line, below = rows[index + 1]
                merged = _columns([f"{a} {b}".strip() for a, b in _pad(cells, below)])
                return Header(below_line, merged if "title" in merged and "max" in merged else columns)
            return Header(line, columns)
    for index, (_line, cells) in enumerate(head[:-1]):
        if sum(1 for c in cells if c.strip()) < 2:
            continue
        below_line, below = rows[index + 1]
        columns = _columns([f"{a} {b}".strip() for a, b in _pad(cells, below)])
        if "title" in columns and "max" in columns:
            return Header(below_line, columns)
    return None


def _sub_header(cells: list[str], columns: dict[str, int]) -> bool:
    """A second header row ("Tối đa | Tự chấm" under "Điểm"): words only, nothing in the STT or
    title column."""
    texts = [c for c in cells if c.strip()]
    if not texts or any(re.search(r"\d", c) for c in texts):
        return False
    return all(
        not (cells[columns[k]].strip() if columns[k] < len(cells) else "") for k in ("stt", "title") if k in columns
    )


def _pad(a: list[str], b: list[str]) -> list[tuple[str, str]]:
    width = max(len(a), len(b))
    return list(zip(a + [""] * (width - len(a)), b + [""] * (width - len(b))))


def _columns(cells: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    folded = [fold(c).strip(" .:*") for c in cells]
    for kind, names in COLUMNS.items():
        for name in names:
            for c, text in enumerate(folded):
                if c in found.values() or not text:
                    continue
                if kind == "max" and any(bad in text for bad in NOT_MAX) and "toi da" not in text:
                    continue
                exact = text == name
                loose = len(name) > 3 and (text.startswith(name) or f" {name}" in f" {text}")
                if exact or (loose and kind != "stt"):
                    found[kind] = c
                    break
            if kind in found:
                break
    return found


def read_rows(
    rows: list[tuple[int, list[str]]], header: Header, where: str = ""
) -> tuple[list[tuple[int, str, Row | None, Why]], float | None]:
    """Classify each row after the header: ("area" | "criterion" | "sub" | "option" | "skip" | "bad", row).
    Returns the classified rows and the table's stated total, if it has one."""
    cols = header.columns
    out: list[tuple[int, str, Row | None, Why]] = []
    stated_total: float | None = None
    header_names = {fold(c) for line, cells in rows if header.line - 1 <= line <= header.line for c in cells if c}

    def cell(cells: list[str], kind: str) -> str:
        c = cols.get(kind)
        return cells[c].strip() if c is not None and c < len(cells) else ""

    for line, cells in rows:
        if line <= header.line:
            continue
        texts = [c for c in cells if c.strip()]
        if not texts:
            continue
        if all(re.fullmatch(r"\(?\d+\)?", t.strip()) for t in texts) or {fold(t) for t in texts} <= header_names:
            out.append((line, "skip", None, "column numbers or a repeated header"))
            continue
        label, title = cell(cells, "stt"), cell(cells, "title")
        if "stt" not in cols and (joined := (JOINED.match(title) or LETTERED.match(title))):
            # No STT column: the number opens the title ("1.1. Ban hành kế hoạch", "a) ...").
            label, title = joined.group(1), joined.group(2)
        elif not title and (joined := JOINED.match(" ".join(label.split()))):
            # The STT and the title in one merged cell: "I. CÔNG TÁC CHỈ ĐẠO".
            label, title = joined.group(1), joined.group(2)
        max_raw = cell(cells, "max")
        points = parse_points(max_raw)
        row = Row(
            line, label, " ".join(title.split()), points, max_raw, cell(cells, "method"), cell(cells, "proofs"), where
        )
        folded_title = fold(title)
        if (
            fold(label).startswith("tong")
            or folded_title.startswith("tong cong")
            or folded_title in ("tong", "tong diem")
        ):
            stated_total = points
            out.append((line, "skip", None, "total"))
            continue
        if not title and not label:
            out.append((line, "bad", row, msg("draft.why_no_stt")))
            continue
        kind = _kind(label)
        if kind == "part" and any(n in fold(f"{label} {title}") for names in ADJUSTMENT.values() for n in names):
            # "C. ĐIỂM TRỪ": a part of the table that is the bonus or penalty block.
            kind = "area"
            row.title = row.title or label
        if kind == "bad":
            out.append((line, "bad", row, msg("draft.why_bad_stt", label=label)))
            continue
        out.append((line, kind, row, ""))
    return out, stated_total


JOINED = re.compile(r"^((?:[IVX]+|\d+(?:\.\d+)*)[.)]?)\s+(\S.*)$")
LETTERED = re.compile(r"^([a-zđ]\))\s+(\S.*)$")
HEADING = re.compile(r"^(phan|phu luc|muc|chuong|[a-h])\b[\s.:)-]", re.IGNORECASE)


def _kind(label: str) -> str:
    token = label.strip().rstrip(".)").strip()
    if not token or token in ("-", "+", "*", "•", "–", "—"):
        return "option"
    if re.fullmatch(r"[a-zđ]", token):
        # Lettered rows under a criterion (a, b, c) are its sub-criteria.
        return "letter"
    if " " in token and HEADING.match(fold(label)):
        return "part"
    if roman(token) is not None:
        return "area"
    if re.fullmatch(r"\d+(\.\d+)*", token):
        return f"depth{token.count('.') + 1}"
    if re.fullmatch(r"[A-HJ-UWYZ]", token):
        return "part"
    return "bad"


# -- options and rules -------------------------------------------------------------------------

OPTION_SPLIT = re.compile(r"\s*(?:;|\n|\r)\s*")
OPTION_POINTS = re.compile(
    r"^(?P<text>.*?)\s*(?::|=|->|→|được|đạt|thì)\s*(?P<points>[+-]?\d+(?:[.,]\d+)?)\s*(?:điểm|đ)?\s*\.?$",
    re.IGNORECASE,
)


PAREN_POINTS = re.compile(
    r"^(?P<text>.*?)\s*\(\s*(?P<points>[+-]?\d+(?:[.,]\d+)?)\s*(?:điểm|đ)?\s*\)\s*\.?$", re.IGNORECASE
)


POINTS_FIRST = re.compile(
    r"^(?P<points>[+-]?\d+(?:[.,]\d+)?)\s*(?:điểm|đ)\s*(?::|-|–|nếu|khi)?\s*(?P<text>\S.*)$", re.IGNORECASE
)


def text_options(text: str) -> list[Option]:
    """The options of a scoring text: "Đúng hạn: 1; chậm: 0,5; không: 0" -> three options."""
    options = []
    for part in OPTION_SPLIT.split(text):
        part = part.strip(" -+•.")
        if not part:
            continue
        found = OPTION_POINTS.match(part) or PAREN_POINTS.match(part) or POINTS_FIRST.match(part)
        if found:
            value = parse_points(found.group("points"))
            options.append(Option(found.group("text").strip(" :-"), value, part))
        else:
            options.append(Option(part, None, part))
    return options


PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s*%")


@dataclass(frozen=True)
class Interval:
    """The shares an option's percentage phrase admits: from `low` (strictly above it when
    `low_open`) up to `high` (None: no end; strictly below it when `high_open`)."""

    low: float
    low_open: bool
    high: float | None
    high_open: bool


def _share(number: str) -> float:
    return float(Decimal(number.replace(",", "."))) / 100


def band_interval(text: str) -> Interval | None:
    """ "từ 70% đến dưới 90%" -> [0.7, 0.9); "từ 70% - 90%" -> [0.7, 0.9]; "trên 90%" -> (0.9, ..);
    "từ 90% trở lên" or "đạt 100%" -> [0.9, ..) or [1, ..); "dưới 70%" -> [0, 0.7). None without a
    percentage."""
    folded = fold(text)
    found = list(PERCENT.finditer(folded))
    if not found:
        return None
    before = folded[: found[0].start()]
    first = _share(found[0].group(1))
    if re.search(r"(duoi|nho hon|<|khong dat|chua dat)\s*$", before):
        return Interval(0.0, False, first, True)
    if re.search(r"(tu|>=|bang)\s*$", before) or len(found) == 1 and not re.search(r"(tren|lon hon|>)\s*$", before):
        low_open = False
    else:
        low_open = bool(re.search(r"(tren|lon hon|>)\s*$", before))
    high, high_open = None, False
    if len(found) > 1:
        between = folded[found[0].end() : found[1].start()]
        high = _share(found[1].group(1))
        high_open = bool(re.search(r"(duoi|nho hon|<)\s*$", between))
    return Interval(first, low_open, high, high_open)


def band_min(text: str) -> float | None:
    """The lowest share an option's percentage phrase admits ("dưới 70%" -> 0). None without a
    percentage."""
    interval = band_interval(text)
    return None if interval is None else interval.low


def _band_notes(intervals: list[Interval]) -> list[Msg]:
    """Where the decision's bands leave a share in no band, or in two."""
    notes: list[Msg] = []
    ordered = sorted(intervals, key=lambda i: (i.low, i.low_open))
    for lower, upper in zip(ordered, ordered[1:]):
        if lower.high is None:
            continue
        at = f"{plain(upper.low * 100)}%"
        if lower.high < upper.low or (lower.high == upper.low and lower.high_open and upper.low_open):
            notes.append(msg("draft.band_gap", at=at))
        elif lower.high > upper.low or (lower.high == upper.low and not lower.high_open and not upper.low_open):
            notes.append(msg("draft.band_overlap", at=at))
    return notes


def plain(value: float) -> str:
    text = format(Decimal(repr(value)).normalize(), "f")
    return text.replace(".", ",")


# "(A / B) x N" with A and B in words, "A/B x điểm tối đa", "nhân với điểm tối đa".
LINEAR = re.compile(
    r"\([^()]*[^()\s]\s*/\s*[^()\s][^()]*\)\s*[x×*]|[x×*]\s*(so )?diem toi da|nhan (voi )?(so )?diem toi da"
    r"|=\s*[a-z]\w*\s*/\s*[a-z]\w*\s*[x×*]"
)
# On time, and late (checked first: "không kịp thời" is late, not on time).
ON_TIME = re.compile(r"dung (thoi )?han|kip thoi|dung (thoi gian|quy dinh ve thoi gian)")
LATE = re.compile(r"\bcham\b|\btre\b|qua han|khong (dung (thoi )?han|kip thoi|dung thoi gian)")
# All of a listed set: "cả 04 báo cáo", "tất cả", "đủ số lượng và đúng thời gian", "đầy đủ, đúng quy định".
EVERY = re.compile(r"\bca\s+(\d+|cac)\b|tat ca|\btro len\b|du so luong|day du\W.*dung (quy dinh|thoi gian|han)")


def infer_rule(
    title: str, maximum: float, text: str, options: list[Option]
) -> tuple[dict[str, Any] | None, list[Msg], bool]:
    """The rule a scoring text states, if it is a common phrasing; the notes for the person
    finishing the row; whether "không phát sinh" gives full points."""
    folded = fold(f"{text}\n" + "\n".join(o.raw for o in options))
    notes: list[Msg] = []
    not_arising = "khong phat sinh" in folded
    scored = [o for o in options if o.points is not None and "khong phat sinh" not in fold(o.text)]
    if re.search(r"dieu tra xa hoi hoc|\bxhh\b|khao sat|dieu tra", folded) or re.search(
        r"dieu tra xa hoi hoc|khao sat", fold(title)
    ):
        citizens = re.search(r"nguoi dan|cong dan|sipas|to chuc, ca nhan|doanh nghiep", folded + fold(title))
        instrument = "citizens" if citizens else "leaders"
        notes.append(msg("draft.check_survey", instrument=instrument))
        return {"kind": "survey", "instrument": instrument}, notes, False
    step = re.search(r"\bmoi\b.*?\btru\s*(\d+(?:[.,]\d+)?)", folded) or re.search(
        r"\btru\s*(\d+(?:[.,]\d+)?)\s*(?:diem|d)?\s*(?:/|cho moi|moi)", folded
    )
    if step:
        value = float(Decimal(step.group(1).replace(",", ".")))
        if value > 0:
            notes.append(msg("draft.metric_deductions"))
            return {"kind": "deductions", "metric": "TODO", "step": value}, notes, not_arising
    if LINEAR.search(folded):
        notes.append(msg("draft.metric_ratio"))
        return {"kind": "linear", "metric": "TODO", "target": 1}, notes, not_arising
    intervals = [(band_interval(o.text), o) for o in scored]
    if sum(1 for i, _ in intervals if i is not None) >= 2:
        bands = sorted(
            (
                {"above" if i.low_open else "min": i.low, "points": o.points}
                for i, o in intervals
                if i is not None and o.points
            ),
            key=lambda b: (-float(b.get("min", b.get("above")) or 0), "min" in b),
        )
        notes += _band_notes([i for i, _ in intervals if i is not None])
        notes.append(msg("draft.metric_share"))
        return {"kind": "bands", "metric": "TODO", "bands": bands}, notes, not_arising
    late = [o for o in scored if LATE.search(fold(o.text))]
    timely = [o for o in scored if o not in late and ON_TIME.search(fold(o.text))]
    every = EVERY.search(folded)
    if timely and late and late[0].points is not None and timely[0].points is not None:
        missing = [o for o in scored if o not in timely and o not in late]
        late_points = late[0].points
        if late_points == 0 and every:
            notes.append(msg("draft.metric_on_time"))
            return {"kind": "all_or_nothing", "metric": "TODO"}, notes, not_arising
        rule = {
            "kind": "timeliness",
            "metric": "TODO",
            "on_time": timely[0].points,
            "late": late_points,
            "missing": missing[0].points if missing and missing[0].points is not None else 0,
        }
        notes.append(msg("draft.metric_obligation"))
        return rule, notes, not_arising
    if every and len(scored) == 2 and {o.points for o in scored} == {maximum, 0}:
        notes.append(msg("draft.metric_on_time"))
        return {"kind": "all_or_nothing", "metric": "TODO"}, notes, not_arising
    if (
        len(scored) <= 2
        and scored
        and max(o.points or 0 for o in scored) == maximum
        and min(o.points or 0 for o in scored) in (0, maximum)
    ):
        notes.append(msg("draft.metric_binary"))
        return {"kind": "binary", "metric": "TODO", "min": 1}, notes, not_arising
    if not_arising and not scored:
        notes.append(msg("draft.metric_binary_not_arising"))
        return {"kind": "binary", "metric": "TODO", "min": 1}, notes, True
    if not folded.strip():
        notes.append(msg("draft.rule_no_text"))
    else:
        notes.append(msg("draft.rule_unknown"))
    return None, notes, not_arising


# -- the draft ----------------------------------------------------------------------------------


def draft(tables: list[tuple[str, list[tuple[int, list[str]]]]], text: list[str], path: str) -> Draft:
    """The draft criteria set of a decision's tables (each `(where, rows)`), with every row it
    could not read as a problem (kept in the set's `todo` too)."""
    problems: list[Problem] = []
    chunks: list[tuple[str, list[tuple[int, list[str]]], Header]] = []
    for where, rows in tables:
        header = find_header(rows)
        if header is not None and not chunks:
            chunks.append((where, rows, header))
        elif chunks and _continues(rows, header, chunks[0]):
            # A table broken across pages (a Word table split in two, a second sheet): same
            # columns, with or without the header repeated.
            chunks.append((where, rows, header or Header(0, chunks[0][2].columns)))
        elif chunks:
            break
    if not chunks:
        problems.append(Problem(path, msg("draft.no_table")))
        return Draft({}, problems, 0)
    _, rows, header = chunks[0]
    before = [" ".join(c for c in cells if c) for line, cells in rows if line < header.line]
    classified: list[tuple[int, str, Row | None, Why]] = []
    stated_total = None
    for chunk_where, chunk_rows, chunk_header in chunks:
        read, total = read_rows(chunk_rows, chunk_header, chunk_where)
        classified += read
        stated_total = total if total is not None else stated_total
    classified = _levels(classified)
    areas: list[Row] = []
    todo: list[Msg] = []
    current_area: Row | None = None
    current_criterion: Row | None = None
    current_leaf: Row | None = None
    count = 0
    for line, kind, row, why in classified:
        if kind == "skip":
            continue
        assert row is not None
        location = _location(row.where, line)
        count += 1
        if kind == "bad":
            problems.append(Problem(path, msg("draft.bad_row", at=location, why=why, row=_show(row))))
            todo.append(msg("draft.todo_not_read", at=location, why=why, row=_show(row)))
            continue
        if kind == "part":
            continue
        if kind == "area":
            current_area, current_criterion, current_leaf = row, None, None
            areas.append(row)
            continue
        if current_area is None:
            problems.append(Problem(path, msg("draft.before_area", at=location, row=_show(row))))
            todo.append(msg("draft.todo_before_area", at=location, row=_show(row)))
            continue
        if kind == "criterion":
            current_area.children.append(row)
            current_criterion = current_leaf = row
        elif kind == "sub":
            if current_criterion is None:
                problems.append(Problem(path, msg("draft.sub_orphan", at=location, label=row.label)))
                todo.append(msg("draft.todo_orphan", at=location, row=_show(row)))
                continue
            current_criterion.children.append(row)
            current_leaf = row
        else:
            owner = current_leaf or current_criterion
            if owner is None:
                problems.append(Problem(path, msg("draft.option_orphan", at=location, row=_show(row))))
                todo.append(msg("draft.todo_orphan", at=location, row=_show(row)))
                continue
            if (
                row.max is None
                and row.title
                and (inline := [o for o in text_options(row.title) if o.points is not None])
            ):
                # "- Ban hành đúng hạn: 1 điểm" with the points in the text, not in the points column.
                owner.options += inline
            else:
                owner.options.append(Option(row.title or row.label, row.max, _option_raw(row)))
            if row.method:
                owner.method = "\n".join(t for t in (owner.method, row.method) if t)
    data = _assemble(areas, stated_total, before + text, path, todo, problems)
    return Draft(data, problems, count)


def _location(where: str, line: int) -> Msg:
    """`table 1, row 4` (a Word table by its number) or `Sheet1, row 4` (a sheet by its name)."""
    table = re.fullmatch(r"table (\d+)", where)
    if table:
        return msg("draft.at_table", n=table.group(1), line=line)
    return msg("draft.at_sheet", sheet=where, line=line)


def _levels(classified: list[tuple[int, str, Row | None, Why]]) -> list[tuple[int, str, Row | None, Why]]:
    """Numbered rows to areas, criteria and sub-criteria. With roman areas, the first number under
    an area (1, or 1.1 where a table prefixes the area) is the criterion depth and one more part is
    a sub-criterion; without roman areas, 1 is an area, 1.1 a criterion and 1.1.1 a sub-criterion."""
    has_roman = any(kind == "area" for _, kind, _, _ in classified)
    out = []
    base: int | None = None if has_roman else 2
    for line, kind, row, why in classified:
        if kind == "letter":
            out.append((line, "sub", row, why))
            continue
        if not kind.startswith("depth"):
            if kind == "area":
                base = None
            out.append((line, kind, row, why))
            continue
        depth = int(kind[5:])
        if not has_roman and depth == 1:
            out.append((line, "area", row, why))
            continue
        if base is None:
            base = depth
        if depth == base:
            out.append((line, "criterion", row, why))
        elif depth == base + 1:
            out.append((line, "sub", row, why))
        else:
            label = row.label if row else ""
            out.append((line, "bad", row, msg("draft.why_deep", label=label)))
    return out


def _continues(rows: list[tuple[int, list[str]]], header: Header | None, first: tuple[str, Any, Header]) -> bool:
    """A later table continues the first when it has the same columns, or no header of its own
    and the first table's width, and its first numbered row is a criterion or an area."""
    if header is not None:
        return header.columns == first[2].columns
    width = max((len(cells) for _, cells in first[1]), default=0)
    stt = first[2].columns.get("stt", 0)
    filled = [cells for _, cells in rows if any(c.strip() for c in cells)]
    return (
        bool(filled)
        and all(len(cells) == width for cells in filled)
        and any(stt < len(cells) and _kind(cells[stt]) not in ("bad", "option") for cells in filled)
    )


def _show(row: Row) -> str:
    return " | ".join(t for t in (row.label, row.title, row.max_raw) if t)[:160]


def _option_raw(row: Row) -> str:
    title = row.title or row.label
    return f"{title}: {row.max_raw}" if row.max_raw else title


ADJUSTMENT = {"bonus": ("diem thuong", "diem cong"), "penalty": ("diem tru",)}


def _assemble(
    areas: list[Row],
    stated_total: float | None,
    text: list[str],
    path: str,
    todo: list[Msg],
    problems: list[Problem],
) -> dict[str, Any]:
    provenance, year, set_notes = _provenance(text)
    components = {"appraisal": Decimal(0), "leaders_survey": Decimal(0), "citizens_survey": Decimal(0)}
    out_areas: list[dict[str, Any]] = []
    blocks: dict[str, dict[str, Any]] = {}
    for area in areas:
        block = next((k for k, names in ADJUSTMENT.items() if any(n in fold(area.title) for n in names)), None)
        if block is not None:
            blocks[block] = _adjustment(area, block)
            continue
        area_id = str(len(out_areas) + 1)
        members = []
        for c, criterion in enumerate(area.children, start=1):
            cid = f"{area_id}.{c}"
            if criterion.children:
                leaves = [
                    _leaf(f"{cid}.{s}", sub, components, problems, path) for s, sub in enumerate(criterion.children, 1)
                ]
                node: dict[str, Any] = {"id": cid, "title": criterion.title, "title_en": criterion.title}
                node["max"] = criterion.max if criterion.max is not None else _sum(leaves, todo, cid, "draft.sum_subs")
                method = "\n".join(t for t in [criterion.method, *(o.raw for o in criterion.options)] if t)
                if method:
                    node["method_text"] = method
                if criterion.options:
                    todo.append(msg("draft.todo_node_options", id=cid))
                node["criteria"] = leaves
                members.append(node)
            else:
                members.append(_leaf(cid, criterion, components, problems, path))
        maximum = area.max if area.max is not None else _sum(members, todo, area_id, "draft.sum_criteria")
        if not members:
            problems.append(Problem(path, msg("draft.area_empty", line=area.line, label=area.label)))
            todo.append(msg("draft.todo_area_empty", id=area_id, title=area.title))
        out_areas.append(
            {"id": area_id, "title": area.title, "title_en": area.title, "max": maximum, "criteria": members}
        )
    area_sum = sum((Decimal(str(a["max"])) for a in out_areas), Decimal(0))
    bonus_max = Decimal(str(blocks.get("bonus", {}).get("max", 0)))
    scale = float(area_sum)
    if stated_total is not None and Decimal(str(stated_total)) not in (area_sum, area_sum + bonus_max):
        # A stated total that is neither the areas' sum nor that sum with the bonus: keep it, so
        # `scorer validate` shows the difference.
        scale = stated_total
    data: dict[str, Any] = {
        "schema": "scorer.criteria/1",
        "title": provenance.pop("title", None) or "Bộ chỉ số cải cách hành chính (bản nháp)",
        "title_en": "PAR Index criteria (draft)",
        "year": year,
        "decision": provenance.get("number") or "TODO",
        "provenance": provenance,
        "scale": scale,
        "components": {
            "appraisal": {"title": "Điểm thẩm định", "title_en": "Appraisal", "max": float(components["appraisal"])},
            "leaders_survey": {
                "title": "Khảo sát công chức lãnh đạo, quản lý",
                "title_en": "Leaders' survey",
                "max": float(components["leaders_survey"]),
            },
            "citizens_survey": {
                "title": "Khảo sát người dân, tổ chức",
                "title_en": "Citizens' survey",
                "max": float(components["citizens_survey"]),
            },
        },
        "calendar": moha_calendar(year),
        "classes": [
            {"name": "Tốt", "name_en": "Good", "min": 80},
            {"name": "Khá", "name_en": "Fair", "min": 65},
            {"name": "Trung bình", "name_en": "Average", "min": 50},
            {"name": "Yếu", "name_en": "Weak", "min": 0},
        ],
        "classes_on": "index",
        "metrics": {},
        **blocks,
        "areas": out_areas,
        "todo": set_notes + [CLASSES_TODO] + todo,
    }
    return data


# The set's own note on its classes: the draft guesses them (wiring.py takes it back when it copies
# a known set's classes).
CLASSES_TODO = msg("draft.todo_classes")


def _sum(members: list[dict[str, Any]], todo: list[Msg], cid: str, what: str) -> float:
    total = float(sum((Decimal(str(m["max"])) for m in members), Decimal(0)))
    todo.append(msg("draft.todo_sum", id=cid, total=Figure(total), what=msg(what)))
    return total


def _component(rule: dict[str, Any] | None) -> str:
    """The component a row counts in: its rule kind's to say (a survey's, else the appraisal)."""
    try:
        return kind_of(RULE.validate_python(rule)).component().value if rule is not None else "appraisal"
    except ValidationError:  # a rule the importer drafted out of range is the person's to finish
        return "appraisal"


def _leaf(cid: str, row: Row, components: dict[str, Decimal], problems: list[Problem], path: str) -> dict[str, Any]:
    options = row.options or (text_options(row.method) if row.method else [])
    method = row.method or "\n".join(o.raw for o in row.options)
    if row.options and row.method:
        method = row.method
    maximum = row.max
    notes: list[Msg] = []
    if maximum is None:
        scored = [o.points for o in options if o.points is not None]
        maximum = max(scored) if scored else 0.0
        raw = row.max_raw or msg("draft.empty")
        notes.append(msg("draft.todo_max", raw=raw, max=Figure(maximum)))
        problems.append(Problem(path, msg("draft.no_max", line=row.line, id=cid, title=row.title, raw=row.max_raw)))
    rule, rule_notes, not_arising = infer_rule(row.title, maximum, method, options)
    # The component a row counts in is its rule kind's to say (a survey's, or the appraisal).
    source = _component(rule)
    components[source] += Decimal(str(maximum))
    leaf: dict[str, Any] = {
        "id": cid,
        "title": row.title or row.label,
        "title_en": row.title or row.label,
        "max": maximum,
        "source": source,
        "owner": "TODO",
        "evidence": [],
        "deadline": "year_end",
    }
    if rule is not None:
        leaf["rule"] = rule
    if not_arising:
        leaf["not_arising"] = "full"
    leaf["remedy"] = "TODO"
    leaf["remedy_en"] = "TODO"
    if method:
        leaf["method_text"] = method
    if row.proofs:
        leaf["proofs"] = [
            {"id": f"p{i}", "title": title}
            for i, title in enumerate((t.strip(" -+•") for t in re.split(r"\n|;", row.proofs)), start=1)
            if title
        ]
    leaf["todo"] = notes + rule_notes + [msg("draft.todo_owner")]
    return leaf


def _adjustment(area: Row, block: str) -> dict[str, Any]:
    items = []
    for i, row in enumerate(area.children or [], start=1):
        items.append(
            {
                "id": f"{block[0]}{i}",
                "title": row.title,
                "title_en": row.title,
                "metric": "TODO",
                "points": row.max if row.max else 1,
                **({"method_text": row.method} if row.method else {}),
            }
        )
    result: dict[str, Any] = {"title": area.title, "title_en": area.title}
    if block == "bonus" and area.max:
        result["max"] = area.max
    result["items"] = items or [
        {"id": f"{block[0]}1", "title": area.title, "title_en": area.title, "metric": "TODO", "points": 1}
    ]
    return result


DECISION_NO = re.compile(r"s[oố]\s*:?\s*(\d+[^\s,;]*/[^\s,;]*(?:QĐ|QD)[^\s,;]*)", re.IGNORECASE)
DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
YEAR = re.compile(r"năm\s+(20\d\d)", re.IGNORECASE)


def _provenance(text: list[str]) -> tuple[dict[str, Any], int, list[Msg]]:
    """The decision's number, date and issuer, where the text around the table states them."""
    joined = "\n".join(text)
    provenance: dict[str, Any] = {"kind": "decision"}
    notes: list[Msg] = []
    number = DECISION_NO.search(joined)
    if number:
        provenance["number"] = number.group(1).rstrip(".")
    else:
        notes.append(msg("draft.todo_decision"))
    date = DATE.search(joined)
    if date:
        try:
            provenance["date"] = dt.date(int(date.group(3)), int(date.group(2)), int(date.group(1))).isoformat()
        except ValueError:
            pass
    issuer = next(
        (line.strip() for line in text if re.match(r"^(UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)\b", line.strip(), re.I)),
        None,
    )
    if issuer:
        provenance["issuer"] = issuer
    else:
        notes.append(msg("draft.todo_issuer"))
    years = [int(y) for y in YEAR.findall(joined)]
    year = max(years) if years else dt.date.today().year
    if not years:
        notes.append(msg("draft.todo_year", year=year))
    title = next((line for line in text if fold(line).startswith(("bo chi so", "bo tieu chi", "tieu chi"))), None)
    if title:
        provenance["title"] = title
    return provenance, year, notes


def moha_calendar(year: int) -> dict[str, str]:
    """MOHA's reporting regime (docs/real_decisions.md 1.6): data periods end on 14/3, 14/6, 14/9
    and 14/12; provinces report by the 20th of the period's last month. Departments report earlier,
    on dates the province sets: the draft leaves the province's dates to be checked."""
    return {
        "period_q1_end": f"{year}-03-14",
        "period_h1_end": f"{year}-06-14",
        "period_q3_end": f"{year}-09-14",
        "period_year_end": f"{year}-12-14",
        "province_report_q1_due": f"{year}-03-20",
        "province_report_h1_due": f"{year}-06-20",
        "province_report_q3_due": f"{year}-09-20",
        "province_report_year_due": f"{year}-12-20",
        "year_end": f"{year}-12-31",
        "cutoff": f"{year}-12-14",
    }


# -- the draft as YAML (in the shipped schema, with a header saying what is left to do) --------


class _Dumper(yaml.SafeDumper):
    pass


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    # The decision's scoring text keeps its lines.
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def render_draft(
    data: dict[str, Any],
    source: str,
    rows: int,
    unread: int,
    schema: str | None = "../schema/criteria.schema.json",
    lang: str = "vi",
) -> str:
    """The draft as YAML, its notes (`todo`) and header in `lang`; `schema`, the path from the draft
    to criteria.schema.json (None: no line)."""
    todo = sum(1 for area in data.get("areas", []) for leaf in _draft_leaves(area) if leaf.get("todo"))
    header = [f"# yaml-language-server: $schema={schema}"] if schema else []
    said = msg("draft.header", source=source, rows=rows, unread=unread, todo=todo).text(lang)
    header += [f"# {line}" for line in said.split("\n")] + [""]
    body = yaml.dump(
        _worded(data, lang), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False
    )
    return "\n".join(header) + body.rstrip("\n") + "\n"


def _worded(value: Any, lang: str) -> Any:
    """The draft with every note (a `Msg`) worded in `lang`."""
    if isinstance(value, Msg):
        return value.text(lang)
    if isinstance(value, dict):
        return {key: _worded(item, lang) for key, item in value.items()}
    if isinstance(value, list):
        return [_worded(item, lang) for item in value]
    return value


def _draft_leaves(area: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for member in area.get("criteria", []):
        found += member["criteria"] if "criteria" in member else [member]
    return found
