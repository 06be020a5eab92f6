"""The product's vocabulary (scorer/vocabulary.yaml), read once, and a criteria set given it: the
indicator names and document kinds a set does not declare are the product's, so every set reads a
unit's evidence the same way (models/vocabulary.py)."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path

from pydantic import ValidationError

from scorer.errors import ScorerError
from scorer.loading.problems import problems_of
from scorer.loading.yaml_ import read_yaml
from scorer.models.criteria import CriteriaSet, Finding
from scorer.models.message import msg
from scorer.models.vocabulary import Vocabulary

PATH = Path(__file__).resolve().parent.parent / "vocabulary.yaml"


@functools.cache
def product_vocabulary() -> Vocabulary:
    """The product's vocabulary, read the first time it is asked for (a broken file is the
    product's bug, reported as any input's problem would be)."""
    data, lines = read_yaml(PATH, marks=False)
    try:
        return Vocabulary.model_validate(data)
    except ValidationError as error:
        raise ScorerError(problems_of(error, str(PATH), lines, model=Vocabulary)) from None


def inherit(cs: CriteriaSet) -> tuple[CriteriaSet, list[Finding]]:
    """The set with the product's indicator names, document kinds and roles (the words for each)
    added to its own; a finding
    for each indicator the set declares as another kind than the product's (the same name would
    read a unit's value one way under one set and another way under the next)."""
    product = product_vocabulary()
    findings: list[Finding] = []
    for name, spec in cs.indicators.items():
        known = product.indicators.get(name)
        if known is not None and known.kind is not spec.kind:
            findings.append(
                (
                    ("indicators", name, "kind"),
                    msg("vocabulary_kind", name=name, kind=msg(f"kind.{known.kind.value}")),
                    msg("vocabulary_kind_hint", name=name),
                )
            )
    update: dict[str, Mapping[str, object]] = {
        "indicators": {**product.indicators, **cs.indicators},
        "document_kinds": {**product.document_kinds, **cs.document_kinds},
        "roles": {**product.roles, **cs.roles},
    }
    if all(len(names) == len(getattr(cs, key)) for key, names in update.items()):
        return cs, findings
    return cs.model_copy(update=update), findings


def known_roles() -> frozenset[str]:
    return frozenset(product_vocabulary().roles)
