"""The types that cross stages: no I/O, no formatting, no stage imported (tests/test_layers.py).

The pydantic modules here do not postpone their annotations (no `from __future__ import
annotations`): pydantic would compile each field's annotation from its text as the class is built,
some 250 small compilations that every run paid at its start. The dataclass-only modules (inputs,
metrics, scored) keep them postponed; nothing evaluates theirs.
"""
