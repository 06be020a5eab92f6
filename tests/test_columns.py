"""The table of the evidence workbook's words (scorer/models/columns.py), which the template writes
and the readers take back: every field has a head, every fixed value a label, and no head or label
reads as two things."""

from __future__ import annotations

import typing
from enum import Enum

from scorer.loading.names import record_type
from scorer.models import columns
from scorer.models.columns import key
from scorer.models.evidence import RECORD_TYPES


def test_every_sheet_name_reads_back_as_its_type():
    assert set(columns.SHEETS) == set(RECORD_TYPES)
    for kind, name in columns.SHEETS.items():
        assert record_type(name) == kind
        assert len(name) <= 31  # Excel's limit on a sheet's name


def test_every_field_has_a_column_and_no_head_names_two_fields():
    named: dict[str, str] = {}
    for kind, model in RECORD_TYPES.items():
        assert set(columns.fields(kind)) == set(model.model_fields) - {"type", "review"}
        for field in columns.fields(kind):
            for head in (field, *columns.column(kind, field).heads):
                assert named.setdefault(key(head), field) == field, (kind, head)
                assert columns.field_of(head) == field
    assert columns.field_of("Loại hồ sơ") == columns.field_of("TYPE") == "type"


def test_every_fixed_value_has_a_label_and_no_label_reads_as_two_values():
    for kind, model in RECORD_TYPES.items():
        for field, info in model.model_fields.items():
            if field in ("type", "review"):
                continue
            enums = [a for a in (info.annotation, *typing.get_args(info.annotation)) if isinstance(a, type)]
            enums += [b for a in typing.get_args(info.annotation) for b in typing.get_args(a) if isinstance(b, type)]
            fixed = [e for e in enums if issubclass(e, Enum)]
            labels = columns.labels(kind, field)
            if fixed:
                assert set(labels) == {member.value for member in fixed[0]}, (kind, field)
            elif info.annotation is bool:
                assert labels == columns.YES_NO
            else:
                assert labels == {}, (kind, field)
            read: dict[str, str] = {}
            for value, names in labels.items():
                for name in (value, *names):
                    assert read.setdefault(key(name), value) == value, (kind, field, name)
                    expected = (value == "true") if labels is columns.YES_NO else value
                    assert columns.value_of(kind, field, name) == expected
                    assert columns.value_of(kind, field, name.upper()) == expected


def test_a_label_s_example_is_one_of_its_values():
    for kind in RECORD_TYPES:
        for field in columns.fields(kind):
            example = columns.column(kind, field).example
            if columns.labels(kind, field) and example:
                columns.value_of(kind, field, columns.LIST_SPLIT.split(example))  # raises if none
