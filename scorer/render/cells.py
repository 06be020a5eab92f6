"""Cells every writer shows the same way: the bonus and penalty lines, the index, a risk's reason
with the proof documents still missing."""

from __future__ import annotations

from scorer.messages import gap_text, num, pick, t
from scorer.models.prediction import AdjustmentResult, Risk, UnitPrediction

# A blank the unit fills in by hand, as the administrative form leaves one (a signer unit.yaml does
# not name, a recipient): the document keeps the place, never leaves it out.
PLACEHOLDER = "……"


def index_values(unit: UnitPrediction) -> tuple[float, float, float]:
    assert unit.index is not None
    return (unit.index.low, unit.index.expected, unit.index.high)


def adjustment_row(block: AdjustmentResult, sign: str, lang: str) -> list[str]:
    """The bonus (+) or penalty (−) line: its title, cap and points, outside the areas' maxima."""
    cap = f" ({t('capped_at', lang).format(max=num(block.max, lang))})" if block.max is not None else ""
    return [
        sign,
        f"{pick(block, 'title', lang)}{cap}",
        "",
        *(f"{sign}{num(v, lang)}" for v in (block.low, block.expected, block.high)),
        "",
    ]


def reason_text(r: Risk, lang: str) -> str:
    """The row's reason, and the proof documents still missing, by name."""
    text = t(f"reason.{r.reason}", lang)
    if r.missing_proofs and r.reason != "missing_proof":
        text += f"; {t('missing_proofs', lang)}"
    if r.missing_proofs:
        text += ": " + ", ".join(r.missing_proofs)
    # A row at risk for a missing proof alone, its figure already at full, has no gap to state
    # ("hiện đạt 1" would say nothing the reason does not).
    reached = r.gap is not None and r.gap.value is not None and all(s.value <= r.gap.value for s in r.gap.steps)
    if r.gap is not None and not (r.reason == "missing_proof" and reached and not r.gap.obligations):
        if words := gap_text(r.gap, lang):
            text += f" ({words})"
    return text
