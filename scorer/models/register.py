"""The register of outgoing documents (sổ đăng ký văn bản đi) as read, the rules that pick PAR
evidence out of it (rules/register.yaml), and the draft `scorer register import` makes. No I/O."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from scorer.models.evidence import Period, Strict
from scorer.models.message import Invalid, msg

Phrase = Annotated[str, Field(min_length=1, max_length=200)]


@dataclass(frozen=True)
class RegisterRow:
    """One document of the register: where it was read, its number and symbol as written
    (`121/BC-VPUB`), its date, its kind and summary, signer and recipients when given."""

    where: str
    line: int
    symbol: str
    date: dt.date
    summary: str
    signer: str | None = None
    recipients: str | None = None


@dataclass(frozen=True)
class RegisterFile:
    path: str
    rows: tuple[RegisterRow, ...]


class RegisterRule(Strict):
    """One way a PAR document is written in the register: its symbol kinds (any of), the phrases its
    summary holds (every group, each group any of its phrases), the phrases it must not hold, and the
    record it is drafted as. Phrases match with diacritics and case folded, as whole words."""

    id: Annotated[str, Field(min_length=1, pattern=r"^[a-z0-9_.-]+$")]
    kinds: list[Phrase] = []
    all: list[list[Phrase]] = []
    none: list[Phrase] = []
    record: dict[str, Any]
    # Read the report's period from the summary (the `periods` table).
    period: bool = False
    # A count read from the summary: field -> a pattern on the folded summary, its first group the count.
    read: dict[str, Phrase] = {}
    # A true/false field: true when the summary holds any of the phrases.
    flags: dict[str, list[Phrase]] = {}
    # A list field: each value whose phrases the summary holds.
    lists: dict[str, dict[str, list[Phrase]]] = {}
    # A field that takes the document's own number and symbol (a recognition's decision).
    number_as: str | None = None
    # Fields the register cannot give: named in the draft for the officer to fill in.
    todo: list[str] = []
    # Fields of the unit rather than of the document (the number of its divisions and units subject
    # to inspection) -> the field read from the summary they complete (the units inspected): when the
    # summary gives the one and not the other, the other is taken from the latest record of the same
    # type in last year's evidence and named in the note for the officer to check. Never beside an
    # unread part (0 of 10 units inspected would be a figure nobody gave), and only for the year's
    # one record of its type (of two notices, the latest would count its own units as the year's).
    carry: dict[str, str] = {}

    @model_validator(mode="after")
    def _typed(self) -> "RegisterRule":
        if "type" not in self.record:
            raise Invalid(msg("register_rule_type"))
        if not self.kinds and not self.all:
            raise Invalid(msg("register_rule_kinds"))
        return self


class RegisterRules(Strict):
    schema_: Annotated[Literal["scorer.register/1"], Field(alias="schema")] = "scorer.register/1"
    # Symbol kinds (Decree 30/2020, appendix III): the abbreviation -> the kind's name.
    kinds: dict[Phrase, Phrase] = {}
    # The kind of a document whose symbol names none (a letter, `80/VPUB-TH`).
    letter: Phrase = "CV"
    # Words that say a document is about PAR: a row holding them that no rule drafts is 'unclear',
    # unless its kind is one of `quiet_kinds` (a letter or an invitation about PAR is no evidence).
    par_words: list[Phrase] = []
    quiet_kinds: list[Phrase] = []
    # Names whose words would read as a subject (`Sở Giáo dục và Đào tạo`: "đào tạo"), blanked out
    # of the summary before the rules and periods read it.
    names: list[Phrase] = []
    # Document kinds that stay in force until replaced (working rules, spending rules, ...): one that
    # last year's evidence holds and this year's lacks is drafted again, for the officer to confirm.
    in_force: list[Phrase] = []
    # A decision that issues a plan or programme ("Quyết định ban hành Kế hoạch CCHC năm 2024") is
    # read as the document it issues: the decision's kind -> the words that say it issues one, and
    # the kinds it may issue (`issued`).
    issuing: dict[Phrase, list[Phrase]] = {}
    issued: list[Phrase] = []
    # A report's period from its summary, first match in this order.
    periods: dict[Period, list[Phrase]] = {}
    rules: list[RegisterRule] = []

    def extended_by(self, other: "RegisterRules") -> "RegisterRules":
        """A province's own table over this one: its rules first, its kinds, words and periods added."""
        periods = {
            p: list(other.periods.get(p, [])) + list(self.periods.get(p, [])) for p in {*self.periods, *other.periods}
        }
        ordered = {p: periods[p] for p in list(self.periods) + [p for p in other.periods if p not in self.periods]}
        return RegisterRules.model_validate(
            {
                "schema": "scorer.register/1",
                "kinds": {**self.kinds, **other.kinds},
                "letter": other.letter if "letter" in other.model_fields_set else self.letter,
                "par_words": list(dict.fromkeys([*other.par_words, *self.par_words])),
                "quiet_kinds": list(dict.fromkeys([*other.quiet_kinds, *self.quiet_kinds])),
                "names": list(dict.fromkeys([*other.names, *self.names])),
                "in_force": list(dict.fromkeys([*other.in_force, *self.in_force])),
                "issuing": {
                    k: list(dict.fromkeys([*other.issuing.get(k, []), *self.issuing.get(k, [])]))
                    for k in {**self.issuing, **other.issuing}
                },
                "issued": list(dict.fromkeys([*other.issued, *self.issued])),
                "periods": ordered,
                "rules": [r.model_dump() for r in other.rules]
                + [r.model_dump() for r in self.rules if r.id not in {o.id for o in other.rules}],
            }
        )


Outcome = Literal["drafted", "skipped", "unclear"]


@dataclass(frozen=True)
class RowOutcome:
    """What became of one register row: drafted (the record's id), skipped or unclear, and why."""

    where: str
    line: int
    symbol: str
    date: dt.date
    summary: str
    outcome: Outcome
    reason: str
    record_id: str | None = None


@dataclass(frozen=True)
class Figure:
    """A figure a criterion reads that no register holds (an indicator's value, the tasks the
    province assigned, a survey's result) and that the unit's evidence of the year lacks: left for
    the officer to type, and named by the import."""

    criterion: str
    title: str
    title_en: str
    type: str
    # The indicator's name (`procedures_published_rate`); None for another type.
    name: str | None = None
    # The indicator's title, as the product names it to a user (vi, en): None when not declared.
    name_title: str | None = None
    name_title_en: str | None = None


@dataclass(frozen=True)
class RegisterDraft:
    """The drafted records (plain data, ready to write as YAML), each row's outcome, warnings."""

    source: str
    unit: str
    year: int
    records: list[dict[str, Any]]
    rows: list[RowOutcome]
    warnings: list[str] = field(default_factory=list)
    # Unread fields per drafted record id (what the officer still fills in).
    todo: dict[str, list[str]] = field(default_factory=dict)
    # The figures no register holds that the unit's evidence still lacks.
    figures: list[Figure] = field(default_factory=list)
    # The ids of the records drafted again from last year's evidence (documents still in force).
    carried: list[str] = field(default_factory=list)
    # Each drafted record's type and kind in words, by id (models.columns.describe).
    described: dict[str, str] = field(default_factory=dict)
