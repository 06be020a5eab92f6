"""The product's vocabulary: the names a unit records its evidence under, declared once for every
criteria set (scorer/vocabulary.yaml). A set inherits it and may add its own names; a unit's
evidence then reads the same under any set, the model's or a province's.

- `indicators`, `document_kinds`: what an indicator record's `name` and a document's `kind` may be.
- `roles`: the owner roles a unit.yaml maps to its divisions.
- `proofs`: the proof ids ("tài liệu kiểm chứng") a record's `proof` may name.
- `criteria`: the model's rows, by id: the rows a province set maps its own onto (`same_as`), so a
  criterion id written under the model is known even where a set has no row for it.
"""

from scorer.models.criteria import IndicatorSpec, Named
from scorer.models.evidence import Strict


class Vocabulary(Strict):
    indicators: dict[str, IndicatorSpec] = {}
    document_kinds: dict[str, Named] = {}
    roles: dict[str, Named] = {}
    proofs: dict[str, Named] = {}
    criteria: dict[str, Named] = {}
