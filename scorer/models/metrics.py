"""A metric's value on one view of the evidence, and the obligations behind it (`scorer.metrics`).

Plain frozen containers: thousands are made per unit, and they never leave the computation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

STATUSES = ("on_time", "late", "nonconforming", "missing", "pending")


@dataclass(frozen=True)
class ObligationStatus:
    """One obligation on the as-of date: `on_time`, `late`, `nonconforming`, `missing` or `pending`."""

    label: str
    due: dt.date
    status: str
    record_id: str | None = None


@dataclass(frozen=True)
class Obligations:
    items: tuple[ObligationStatus, ...]

    def count(self, status: str) -> int:
        return sum(1 for item in self.items if item.status == status)

    @property
    def decided(self) -> int:
        return len(self.items) - self.count("pending")

    def decided_only(self) -> Obligations:
        """The obligations decided so far (met, late, missed or not conforming), the pending left out."""
        return Obligations(tuple(item for item in self.items if item.status != "pending"))

    def on_time_rate(self) -> float | None:
        """The share met on time among obligations already decided; None when none is."""
        return self.count("on_time") / self.decided if self.decided else None

    def value(self, kind: str, pending_met: float, empty: float) -> float:
        """The metric with `pending_met` of the pending obligations met on time (0 = all missed)."""
        pending = self.count("pending")
        on_time = self.count("on_time") + pending * pending_met
        if kind == "missed_count":
            return len(self.items) - on_time
        return on_time / len(self.items) if self.items else empty


@dataclass(frozen=True)
class MetricResult:
    """A metric's value on the evidence given, and the records it used."""

    value: float
    record_ids: tuple[str, ...] = ()
    obligations: Obligations | None = None
    details: dict[str, Any] = field(default_factory=dict)
